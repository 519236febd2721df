"""The readiness estimate where the user meets it: the home screen's column and line, results."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import Static

from quizapp.context import AppContext
from quizapp.core.exam.options import StartOptions
from quizapp.service.readiness import exam_readiness
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.widgets.rowlist import RowList
from tests.tui.conftest import make_context_for

EXAM = (
    "exam:\n  id: ready-exam\n  title: Ready exam\n  questions: 10\n  minutes: 30\n"
    "  domains:\n    - {name: A, weight: 50}\n    - {name: B, weight: 50}\n"
)


def _context(tmp_path: Path) -> AppContext:
    rows = "".join(
        f"  - {{id: q{i:02d}, topic: Topic {i % 3}, domain: {'AB'[i % 2]}, shuffle: false,"
        f" prompt: 'Prompt {i:02d}', choices: [wrong, right, other], answer: B, explanation: x}}\n"
        for i in range(40)
    )
    (tmp_path / "bank.yaml").write_text(f"bank:\n  id: ready\n  title: Ready\nquestions:\n{rows}")
    (tmp_path / "exam.yaml").write_text(EXAM)
    return make_context_for(tmp_path)


def _mock(ctx: AppContext, right: int) -> None:
    """A finished mock exam with ``right`` of its 10 questions right and the rest wrong."""
    spec = ctx.library.exams["ready-exam"].exam
    attempt, _ = ctx.exams.start(spec, "exam", StartOptions())
    for i in range(10):
        attempt.go(i)
        attempt.answer((1,) if i < right else (0,))
    attempt.submit()
    attempt.release()


def _text(app: QuizApp, selector: str) -> str:
    content = app.screen.query_one(selector, Static).content
    assert isinstance(content, (str, Text))
    return str(content)


async def test_home_shows_the_chance_to_pass_once_there_is_enough_data(tmp_path: Path) -> None:
    ctx = _context(tmp_path)
    app = QuizApp(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#exams", RowList).rows[0][5] == "—"
        assert "Readiness: not enough data yet" in _text(app, "#exam-detail")
    for right in (6, 7, 9):
        _mock(ctx, right)
    ready = exam_readiness(ctx.exams, "ready-exam")
    assert ready is not None
    app = QuizApp(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#exams", RowList).rows[0][5] == f"{ready.p_pass:.0%}"
        detail = " ".join(_text(app, "#exam-detail").split())
        assert (
            f"Readiness (an estimate): {ready.p_pass:.0%} chance to pass"
            f" · expected {ready.expected_score} ({ready.low}-{ready.high})"
            " · from 3 mock exams and 30 answers on its topics"
        ) in detail


async def test_the_results_of_a_mock_exam_say_how_ready_you_are(tmp_path: Path) -> None:
    ctx = _context(tmp_path)
    for right in (8, 8, 7):
        _mock(ctx, right)
    app = QuizApp(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "b", "s", "y")  # answers the first question only
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        ready = exam_readiness(ctx.exams, "ready-exam")
        assert ready is not None and ready.mocks == 4
        summary = _text(app, "#results-summary")
        assert f"Readiness (an estimate): {ready.p_pass:.0%} chance to pass" in summary
        assert "from 4 mock exams and 31 answers on its topics" in summary
        # The screen cuts each line at its width: the estimate and its basis both fit 80 columns.
        lines = [line for line in summary.splitlines() if "Readiness" in line or "mock ex" in line]
        assert len(lines) == 2 and all(len(line) <= 78 for line in lines)


def test_an_unfinished_mock_exam_does_not_count(tmp_path: Path) -> None:
    ctx = _context(tmp_path)
    _mock(ctx, 9)
    _mock(ctx, 9)
    spec = ctx.library.exams["ready-exam"].exam
    attempt, _ = ctx.exams.start(spec, "exam", StartOptions())
    for i in range(10):
        attempt.go(i)
        attempt.answer((1,))
    attempt.leave()  # 30 answers in mock exams, but only 20 in finished ones
    assert exam_readiness(ctx.exams, "ready-exam") is None
    attempt = ctx.exams.open(spec, "exam", StartOptions()).attempt
    assert attempt is not None
    attempt.submit()
    attempt.release()
    ready = exam_readiness(ctx.exams, "ready-exam")
    assert ready is not None and ready.mocks == 3
