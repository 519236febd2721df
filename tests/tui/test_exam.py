"""Pilot tests: taking exams and practice sessions with the SPEC §5.2 keys."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import DataTable, Static

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.confirm import ConfirmScreen
from quizapp.tui.screens.detail import QuestionDetailScreen
from quizapp.tui.screens.exam import ExamScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.screens.review import ReviewScreen
from quizapp.tui.widgets.choices import AnswerArea
from quizapp.tui.widgets.markdowntext import MarkdownText
from quizapp.tui.widgets.rowlist import RowList
from tests.tui.conftest import FakeTicker
from tests.tui.conftest import exam_screen as _exam
from tests.tui.conftest import go_to as _go_to


def _plain(widget: Static) -> str:
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


async def test_take_a_whole_exam_with_the_keys(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")  # start the highlighted exam
        screen = _exam(exam_app)
        runner = screen.attempt
        assert len(runner.session.items) == 6
        await _go_to(exam_app, pilot, "plain")
        await pilot.press("b")  # wrong
        await pilot.press("a")  # change to right
        assert runner.session.response.picked == (0,)
        await pilot.press("m")  # flag
        assert runner.session.response.flagged
        await _go_to(exam_app, pilot, "multi")
        await pilot.press("a", "2")  # two picks: A and B (digit 2)
        assert runner.session.response.picked == (0, 1)
        await pilot.press("down", "down", "x")  # strike out C
        assert runner.session.response.struck == frozenset({2})
        await pilot.press("u")
        assert runner.session.response.unsure
        await _go_to(exam_app, pilot, "order")
        item = runner.session.item
        # Sort the shuffled steps with shift+up/down until they are in order.
        for _ in range(6):
            arrangement = list(runner.session.response.picked or item.order)
            if arrangement == sorted(arrangement):
                break
            pos = next(
                i for i in range(len(arrangement) - 1) if arrangement[i] > arrangement[i + 1]
            )
            screen.highlight = pos
            await pilot.press("shift+down")
        assert runner.session.response.picked == (0, 1, 2)
        await _go_to(exam_app, pilot, "match")
        item = runner.session.item
        for prompt in range(3):
            screen.highlight = prompt
            await pilot.press("abc"[item.order.index(prompt)])
        assert runner.session.response.picked == (0, 1, 2)
        await pilot.press("v")
        assert screen.query_one("#exam-navigator").display
        await pilot.press("r")
        assert isinstance(exam_app.screen, ReviewScreen)
        await pilot.press("f")  # flagged only
        table = exam_app.screen.query_one(DataTable)
        assert table.row_count == 1
        await pilot.press("u")  # unanswered only
        assert exam_app.screen.query_one(DataTable).row_count == 2
        await pilot.press("enter")  # jump to the first unanswered one
        assert isinstance(exam_app.screen, ExamScreen)
        assert not runner.session.answered()
        await pilot.press("s")
        assert isinstance(exam_app.screen, ConfirmScreen)
        assert "2 questions unanswered and 1 flagged" in str(
            exam_app.screen.query_one("#confirm-message", Static).content
        )
        await pilot.press("n")
        assert isinstance(exam_app.screen, ExamScreen)
        await pilot.press("s", "y")
        await pilot.pause()
        assert isinstance(exam_app.screen, ResultsScreen)
        result = exam_app.screen.result
        assert (result.correct, result.total) == (4, 6)
        summary = _plain(exam_app.screen.query_one("#results-summary", Static))
        assert "✓ PASS · 700 (estimated · pass ≈ 67%) · 4 of 6 right (66.7%)" in summary
        await pilot.press("enter")  # the first question in full: picks, answer, why, lesson
        assert isinstance(exam_app.screen, QuestionDetailScreen)
        lesson = exam_app.screen.query_one("#detail-markdown", MarkdownText)
        assert "## Question 1" in lesson.source
        assert "✓ right answer" in lesson.source
        first = exam_app.screen.attempt.session
        said = "your pick" if first.answered(0) else "You did not answer this one."
        assert said in lesson.source
        await pilot.press("escape")
        assert isinstance(exam_app.screen, ResultsScreen)
        await pilot.press("escape")
        assert isinstance(exam_app.screen, HomeScreen)
        row = exam_app.screen.query_one("#exams", RowList).rows[0]
        assert row[3] == "700 ✓"
        assert row[5] == "—"  # one 6-question mock is not enough data for an estimate
    stats = exam_app.context.attempts.summaries()
    assert [(a.status, a.answered, a.correct) for a in stats] == [("submitted", 4, 4)]


async def test_practice_gives_feedback_then_moves_on(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(100, 40)) as pilot:
        await pilot.press("p")
        screen = _exam(exam_app)
        assert screen.attempt.session.mode == "practice"
        await _go_to(exam_app, pilot, "plain")
        await pilot.press("b", "enter")
        assert screen.attempt.session.response.checked
        feedback = screen.query_one("#exam-feedback", MarkdownText)
        assert feedback.display
        assert "✗ Incorrect." in feedback.source
        assert "S3 stores objects." in feedback.source
        assert "docs.aws.amazon.com" not in feedback.source  # this question has no references
        await pilot.press("a")  # locked once checked
        assert screen.attempt.session.response.picked == (1,)
        current = screen.attempt.session.current
        await pilot.press("enter")
        if current < 5:
            assert screen.attempt.session.current == current + 1
        else:  # the last question: enter ends the run
            assert isinstance(exam_app.screen, ResultsScreen)


async def test_time_out_submits_the_exam(exam_app: QuizApp, ticker: FakeTicker) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        screen = _exam(exam_app)
        await pilot.press("a")
        ticker.now += 9 * 60 + 1  # under a minute left
        await screen.heartbeat()
        status = screen.query_one("#exam-status", Static)
        assert "under 5 minutes!" in _plain(status)
        assert status.has_class("critical")
        ticker.now += 60
        await screen.heartbeat()
        await pilot.pause()
        assert isinstance(exam_app.screen, ResultsScreen)
        assert exam_app.screen.attempt.session.status == "expired"
        assert "time ran out" in _plain(exam_app.screen.query_one("#results-summary", Static))


async def test_leaving_saves_and_home_offers_resume(exam_app: QuizApp, ticker: FakeTicker) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        await pilot.press("a")
        ticker.now += 30
        await pilot.press("escape")
        assert isinstance(exam_app.screen, HomeScreen)
        line = _plain(exam_app.screen.query_one("#resume-line", Static))
        assert "1 of 6 answered, 9:30 left" in line
        await pilot.press("r")
        screen = _exam(exam_app)
        assert screen.attempt.session.answered_count == 1
        assert screen.attempt.session.remaining() == 570


async def test_bank_text_is_never_markup(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await _go_to(exam_app, pilot, "markup")
        screen = _exam(exam_app)
        shown = _plain(screen.query_one("#exam-prompt", MarkdownText))
        assert "[bold]Not bold[/] [A] [@click=app.quit]click[/] :smile: 한국어 텍스트 🙂" in shown
        answers = _plain(screen.query_one("#exam-answers", AnswerArea))
        for text in ("[A] literally", ":smile: stays", "[@click=app.quit]quit?[/]", "한국어 🙂"):
            assert text in answers
        await pilot.press("c", "enter")  # the choice that looks like a quit link
        answers = _plain(screen.query_one("#exam-answers", AnswerArea))
        assert "[red]not red[/]" in answers
        assert exam_app.is_running


async def test_exam_screen_at_160x50(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(160, 50)) as pilot:
        await pilot.press("enter", "enter")
        screen = _exam(exam_app)
        await pilot.press("v")
        assert "Question 1 of 6" in _plain(screen.query_one("#exam-status", Static))


async def test_stats_screen_lists_attempts_and_topics(exam_app: QuizApp) -> None:
    from quizapp.tui.screens.stats import StatsScreen

    async with exam_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "enter")
        await _go_to(exam_app, pilot, "plain")
        await pilot.press("b", "s", "y")  # one wrong answer, then submit
        await pilot.pause()
        await pilot.press("escape", "t")
        assert isinstance(exam_app.screen, StatsScreen)
        attempts = exam_app.screen.query_one("#stats-attempts", DataTable)
        assert attempts.row_count == 1
        assert str(attempts.get_row_at(0)[3]) == "100 ✗ fail"
        topics = exam_app.screen.query_one("#stats-topics", DataTable)
        assert [str(topics.get_row_at(i)[2]) for i in range(topics.row_count)] == ["Multi"]
        assert "1 due now" not in _plain(exam_app.screen.query_one("#stats-notebook", Static))
        assert "1 active" in _plain(exam_app.screen.query_one("#stats-notebook", Static))
