"""Pilot tests of the ``?`` help: the screen's own keys, in words, and a sign when more follows."""

from __future__ import annotations

import io

from rich.console import Console
from textual.containers import VerticalScroll
from textual.widgets import Static

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.help import MORE_ABOVE, MORE_BELOW, SCROLL_ROW, HelpScreen
from tests.tui.conftest import exam_screen, make_app

GENERIC = ("Focus Next", "Focus Previous", "Copy selected text", "Scroll Home", "Page Up")


def _help_text(app: QuizApp) -> str:
    screen = app.screen
    assert isinstance(screen, HelpScreen)
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(screen.query_one("#help-keys", Static).content)
    return console.export_text()


async def test_exam_help_says_it_scrolls_and_lists_no_generic_keys(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        exam_screen(exam_app)
        await pilot.press("question_mark")
        await pilot.pause()
        text = _help_text(exam_app)
        for generic in GENERIC:
            assert generic not in text
        # The question's scroll keys stay, on one row in words.
        row = next(line for line in text.splitlines() if SCROLL_ROW in line)
        assert row.split()[:4] == ["home", "end", "pgup", "pgdn"]
        assert "Matching: press the letter of the highlighted prompt's match." in text
        box = exam_app.screen.query_one(VerticalScroll)
        assert box.max_scroll_y > 0  # it does not fit 24 rows, and the frame says so
        assert box.border_subtitle == MORE_BELOW
        await pilot.press("end")
        await pilot.pause()
        assert box.border_subtitle == MORE_ABOVE
        box.scroll_y = box.max_scroll_y - 0.4  # where an animated scroll to the end can stop
        await pilot.pause()
        assert box.border_subtitle == MORE_ABOVE
        await pilot.press("home")
        await pilot.pause()
        assert box.border_subtitle == MORE_BELOW


async def test_help_that_fits_has_no_more_sign_and_home_names_its_page_keys() -> None:
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.query_one(VerticalScroll).border_subtitle == ""
        text = _help_text(app)
        row = next(line for line in text.splitlines() if "Scroll the page" in line)
        assert row.split()[:4] == ["pgdn", "pgup", "end", "home"]
        assert "Top of the page" not in text  # one row for the four keys
