"""Pilot tests of the home and banks screens."""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text
from textual.widgets import DataTable, Static

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.banks import BanksScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.widgets.keybar import KeyBar
from quizapp.tui.widgets.rowlist import RowList


def _text(app: QuizApp, selector: str) -> str:
    """What a Static shows, as plain text (Rich renderables rendered at 100 columns)."""
    content = app.screen.query_one(selector, Static).content
    if isinstance(content, (str, Text)):
        return str(content)
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text()


async def test_home_lists_exams_with_domains_and_warns_of_broken_banks(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one("#exams", RowList)
        assert table.row_count == 1
        assert table.rows[0][0] == "Demo exam [A] (short)"  # shown as text, never markup
        detail = _text(app, "#exam-detail")
        assert "Cloud Concepts" in detail
        assert "1 ✗ short" in detail
        # The Last and Best columns are estimated scores, and the detail under them says so.
        assert "pass at 700 (estimated · pass ≈ 67%)" in detail
        assert "1 file could not be loaded · press b" in _text(app, "#home-warning")


async def test_banks_screen_shows_errors_with_file_and_line(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        assert isinstance(app.screen, BanksScreen)
        table = app.screen.query_one("#banks", DataTable)
        assert str(table.get_row_at(0)[3]) == "Demo [bold]bank[/] :smile:"
        heads = app.screen.query(".problem").results(Static)
        messages = app.screen.query(".problem-message").results(Static)
        problems = [f"{h.content} {m.content}" for h, m in zip(heads, messages, strict=True)]
        assert len(problems) == 2
        assert any("broken.yaml:9:13" in p and "answer 'E'" in p for p in problems)
        assert any("broken.yaml:10:5" in p and "explantion" in p for p in problems)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_key_bar_lists_the_keys_and_a_click_presses_one(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        line = str(bar.render())
        assert line.split() == [
            *("e", "Exam", "p", "Practice", "c", "Custom", "d", "Drill"),
            *("n", "Notebook", "b", "Banks", "t", "Stats", "q", "Quit"),
        ]  # at 80 columns the palette key gives way to the screen's own keys
        await pilot.click(KeyBar, offset=(line.index("Banks"), 0))
        await pilot.pause()
        assert isinstance(app.screen, BanksScreen)
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert "^p palette" in str(app.screen.query_one(KeyBar).render())


async def test_q_quits(app: QuizApp) -> None:
    async with app.run_test() as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_home_works_at_160x50(app: QuizApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#exams", RowList).row_count == 1


def test_a_long_exam_title_puts_the_estimate_label_on_its_own_line() -> None:
    from dataclasses import replace

    from quizapp.core.exam.slots import plan_slots
    from quizapp.tui.screens.home import _detail
    from tests.tui.conftest import make_context

    library = make_context().library
    spec = next(iter(library.exams.values())).exam
    for title, width in (("Demo", 76), ("A" * 40, 76)):
        lines = _detail(plan_slots(replace(spec, title=title), library), width).plain.splitlines()
        head = f"{title} · {spec.minutes} minutes · pass at 700"
        # Whole on the first line when it fits, else whole on a line of its own.
        assert lines[:2] in (
            [f"{head} (estimated · pass ≈ 67%)", ""],
            [head, "(estimated · pass ≈ 67%)"],
        )
        assert all(len(line) <= width for line in lines[:2])
