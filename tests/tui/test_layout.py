"""Pilot tests that every screen keeps what matters in view at 80x24."""

from __future__ import annotations

from rich.cells import cell_len
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.exam import ExamScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.widgets.keybar import KeyBar
from tests.tui.conftest import exam_screen, go_to, make_app


def _bar(app: QuizApp) -> str:
    return str(app.screen.query_one(KeyBar).render())


def _in_view(app: QuizApp, widget: Widget) -> bool:
    """The whole widget is on the screen (not scrolled away, not under the key bar)."""
    region = widget.region
    return region.height > 0 and region.y >= 0 and region.bottom <= app.size.height - 1


async def _leave_unfinished(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "a", "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_home_keeps_resume_and_broken_banks_on_top_and_offers_r() -> None:
    await _leave_unfinished(make_app())
    app = make_app()  # a fresh start, as the next day
    async with app.run_test(size=(80, 14)) as pilot:  # short enough that home scrolls
        await pilot.pause()
        body = app.screen.query_one("#home-body", VerticalScroll)
        assert body.max_scroll_y > 0
        assert body.scroll_y == 0  # starts at the top, though the exams table has focus
        resume = app.screen.query_one("#resume-line", Static)
        warning = app.screen.query_one("#home-warning", Static)
        assert resume.region.y == 1 and _in_view(app, resume)
        assert "Press r to resume" in str(resume.content)
        assert _in_view(app, warning) and "could not be loaded" in str(warning.content)
        body.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert _in_view(app, resume) and _in_view(app, warning)  # they never scroll away
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = _bar(app)
        assert bar.startswith(" r Resume ")
        assert "Qu" not in bar.split()[-1]  # a key without room goes whole, never cut mid-word
        assert bar.split()[-2:] == ["t", "Stats"]
        await pilot.press("r")
        assert isinstance(app.screen, ExamScreen)


async def test_r_is_off_the_key_bar_with_nothing_to_resume() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Resume" not in _bar(app)
        assert not app.screen.query_one("#resume-line").display
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert [n.message for n in app._notifications] == ["Nothing to resume."]


async def test_exam_status_is_one_line_at_80_columns(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await go_to(exam_app, pilot, "multi")
        await pilot.press("m", "u")
        status = exam_app.screen.query_one("#exam-status", Static)
        text = str(status.content)
        assert status.region.height == 1
        assert cell_len(text) <= 78
        assert "⏱ 10:00 left" in text and "Question" in text and "⚑" in text and "?" in text
        await pilot.resize_terminal(140, 45)
        await pilot.pause()
        wide = str(status.content)
        assert wide.startswith("TUI exam  ·  Question") and "1 flagged  ·  ⚑ flagged" in wide


async def test_a_long_case_study_leaves_the_question_in_view_and_o_opens_it(
    exam_app: QuizApp,
) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await go_to(exam_app, pilot, "case")
        await pilot.pause()
        screen = exam_screen(exam_app)
        box = screen.query_one("#exam-scenario-box", VerticalScroll)
        hint = screen.query_one("#exam-scenario-hint", Static)
        assert box.max_scroll_y > 0  # cut short: it scrolls in its own box
        assert box.region.height <= 8
        assert "o shows the whole case study" in str(hint.content)
        assert _in_view(exam_app, screen.query_one("#exam-prompt"))
        assert _in_view(exam_app, screen.query_one("#exam-answers"))
        await pilot.press("o")
        await pilot.pause()
        assert box.max_scroll_y == 0 and box.region.height > 8
        assert "o shortens the case study" in str(hint.content)
        await pilot.press("o")
        await pilot.pause()
        assert box.region.height <= 8 and _in_view(exam_app, screen.query_one("#exam-answers"))
        await go_to(exam_app, pilot, "plain")
        await pilot.pause()
        assert not box.display and not hint.display
