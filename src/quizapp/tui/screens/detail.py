"""One question after the fact: the user's pick, the right answer, why, explanation, references."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen

from quizapp.runner import ExamRunner
from quizapp.tui.widgets.choices import LETTERS
from quizapp.tui.widgets.keybar import KeyBar
from quizapp.tui.widgets.markdowntext import MarkdownText


def detail_markdown(runner: ExamRunner, position: int) -> str:
    """The question and its lesson as Markdown (bank text is Markdown already)."""
    s = runner.session
    item, resp = s.items[position], s.responses[position]
    q = runner.question(position)
    if q is None:
        return "*This question is no longer in its bank.*"
    ok = runner.correct(position)
    parts = [
        f"## Question {position + 1} · {item.topic}",
        "**✓ You got this right.**" if ok else "**✗ You got this wrong.**",
    ]
    if not resp.answered:
        parts.append("*You did not answer this one.*")
    if runner.changed(position):
        parts.append("*The bank has changed this question since you answered it.*")
    scenario = runner.scenario(position)
    if scenario:
        parts.append("> **Case study**\n>\n> " + scenario.strip().replace("\n", "\n> "))
    parts.append(q.prompt)
    lines = []
    if item.kind == "choice":
        assert q.choices is not None
        for pos, original in enumerate(item.order):
            c = q.choices[original]
            tags = []
            if original in q.correct:
                tags.append("✓ right answer")
            if original in resp.picked:
                tags.append("your pick")
            head = f"- **{LETTERS[pos]}.** {c.text}" + (f" — *{', '.join(tags)}*" if tags else "")
            lines.append(head + (f"\n  \n  {c.why.strip()}" if c.why else ""))
    elif item.kind == "ordering":
        assert q.steps is not None
        lines.append("**Right order:**\n")
        lines += [f"{i + 1}. {step}" for i, step in enumerate(q.steps)]
        if resp.answered:
            lines.append("\n**Your order:**\n")
            lines += [f"{i + 1}. {q.steps[o]}" for i, o in enumerate(resp.picked)]
    else:
        assert q.pairs is not None
        for i, pair in enumerate(q.pairs):
            given = resp.picked[i] if resp.answered else -1
            mine = q.pairs[given].match if given >= 0 else "nothing"
            mark = "✓" if given == i else f"✗ you matched: {mine}"
            lines.append(f"- {pair.prompt} → **{pair.match}** ({mark})")
    parts.append("\n".join(lines))
    if q.explanation:
        parts.append("### Explanation\n\n" + q.explanation)
    if q.references:
        parts.append(
            "### References\n\n"
            + "\n".join(f"- [{r.title or r.url}]({r.url})" for r in q.references)
        )
    return "\n\n".join(parts)


class QuestionDetailScreen(Screen[None]):
    """Shows :func:`detail_markdown` for one question."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "back", "Back")]

    def __init__(self, runner: ExamRunner, position: int) -> None:
        super().__init__()
        self.runner = runner
        self.position = position

    def compose(self) -> ComposeResult:
        """The question as Markdown."""
        with VerticalScroll():
            text = MarkdownText(id="detail-markdown")
            text.show(detail_markdown(self.runner, self.position))
            yield text
        yield KeyBar()

    def action_back(self) -> None:
        """Back to the results."""
        self.dismiss()
