"""Pilot tests that the notebook's count and rows agree, mastered rows, and cut cells."""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.cells import cell_len
from textual.widgets import Static

from quizapp.tui.screens.notebook import NotebookScreen
from quizapp.tui.widgets.rowlist import RowList
from tests.tui.test_notebook import seeded_app


async def test_the_due_count_and_the_rows_read_the_same_clock() -> None:
    app = seeded_app()
    dues = [e.due for e in app.context.study.summaries() if e.due is not None]
    clock = {"now": min(dues) - timedelta(minutes=1)}  # opened just before the first is due

    def now() -> datetime:
        return clock["now"]

    app.context.clock = now
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, NotebookScreen)
        table = screen.query_one("#nb-table", RowList)
        clock["now"] = max(dues) + timedelta(minutes=10)  # ten minutes later, still open
        await pilot.press("down", "up")  # the rows are drawn again
        await pilot.pause()
        count = str(screen.query_one("#nb-count", Static).content)
        due_rows = sum(table.cells(row)[3] == "due now" for row in table.rows)
        assert f"{due_rows} due" in [part.strip() for part in count.split("·")]
        assert due_rows == 0


async def test_a_mastered_entry_says_mastered_not_due_now() -> None:
    app = seeded_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, NotebookScreen)
        table = screen.query_one("#nb-table", RowList)
        assert table.cells(table.rows[0])[3] == "due now"
        key = table.rows[0].key
        await pilot.press("m")
        await pilot.pause()
        row = next(r for r in table.rows if r.key == key)
        assert row.status == "mastered"
        assert table.cells(row)[3] == "mastered"


def test_a_cell_cut_to_its_column_ends_in_an_ellipsis() -> None:
    rows = RowList([("!", 1), ("Topic", 12), ("Question", None)], lambda row: row)
    line = rows._line(("", "IAM and access management", "Which service? " * 5), 40)
    assert cell_len(line) == 40
    assert " IAM and acc… " in line
    assert line.endswith("…")
    assert " short " in rows._line(("", "short", "q"), 40)  # what fits is left whole
