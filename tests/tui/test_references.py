"""References: each address once, whole, and a terminal link only when it is a web address."""

from __future__ import annotations

from rich.console import Console

from quizapp.core.bank.models import Reference
from quizapp.tui.app import QuizApp
from quizapp.tui.widgets.markdowntext import MarkdownText
from quizapp.tui.widgets.references import references_text
from tests.tui.conftest import exam_screen, go_to

URL = "https://docs.aws.amazon.com/lambda/latest/dg/welcome.html"


async def test_practice_feedback_shows_a_reference_once_as_a_link(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await go_to(exam_app, pilot, "markup")
        await pilot.press("b", "enter")
        feedback = exam_screen(exam_app).query_one("#exam-feedback", MarkdownText)
        segments = list(Console(width=76).render(feedback.content))
        text = "".join(s.text for s in segments)
        assert text.count("docs.aws.amazon.com") == 1
        assert URL in text  # on one line, not broken
        links = {s.style.link for s in segments if s.style is not None and s.style.link}
        assert links == {URL}
        assert text.index("References") < text.index("Press enter for the next question.")


def test_only_web_addresses_become_links() -> None:
    refs = [
        Reference(url="javascript:alert(1)"),
        Reference(url="file:///etc/passwd", title="Local"),
        Reference(url="https://aws.amazon.com/s3/", title="Amazon S3"),
    ]
    shown = references_text(refs)
    assert shown.plain == (
        "References\n• javascript:alert(1)\n• Local\n  file:///etc/passwd\n"
        "• Amazon S3\n  https://aws.amazon.com/s3/"
    )
    links = [str(span.style.link) for span in shown.spans if hasattr(span.style, "link")]
    assert links == ["https://aws.amazon.com/s3/"]
