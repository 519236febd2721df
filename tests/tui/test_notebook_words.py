"""Pilot tests of the notebook's words: escape in the search, due dates, plain rows, export."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

from textual.widgets import Input

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.export import ExportScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.notebook import NotebookScreen, row_cells
from quizapp.tui.widgets.rowlist import RowList
from tests.tui.conftest import NOW
from tests.tui.test_notebook import seeded_app


def _table(app: QuizApp) -> RowList:
    return app.screen.query_one("#nb-table", RowList)


async def test_escape_in_the_search_clears_it_and_goes_back_to_the_list() -> None:
    app = seeded_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "slash", "c", "a", "s", "e")
        assert _table(app).row_count == 1
        await pilot.press("escape")
        assert isinstance(app.screen, NotebookScreen)
        assert app.screen.query_one("#nb-search", Input).value == ""
        assert _table(app).row_count == 3
        assert _table(app).has_focus
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_rows_say_when_each_entry_is_due_in_words() -> None:
    app = seeded_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        table = _table(app)
        assert [table.cells(r)[3] for r in table.rows] == ["due now"] * 3


def test_a_row_shows_the_prompt_without_its_markdown() -> None:
    entry = SimpleNamespace(
        leech=False, status="active", topic="S3", times_missed=1, due=NOW + timedelta(days=3)
    )
    entry.is_due = lambda now: False  # type: ignore[attr-defined]
    item = SimpleNamespace(prompt="Which **two** calls need `s3:GetObject`?\nMore text")
    cells = row_cells(entry, item, NOW)  # type: ignore[arg-type]
    assert cells[3:] == ("in 3 days", "Which two calls need s3:GetObject?")


async def test_export_writes_the_entries_shown_where_the_user_says(tmp_path: Path) -> None:
    app = seeded_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "slash", "c", "a", "s", "e", "enter", "e")
        assert isinstance(app.screen, ExportScreen)
        path = app.screen.query_one("#export-path", Input)
        default = Path(path.value)
        assert default.parent == app.context.data_dir / "exports"
        assert default.name == "notebook-20261126-0930.md"
        await pilot.press("enter")
        assert isinstance(app.screen, NotebookScreen)
        sheet = default.read_text()
        assert sheet.count("\n## ") == 1 and "Case study" in sheet
        said = [n.message for n in app._notifications]
        assert said[-1] == f"Wrote 1 entry to {default}"
        await pilot.press("escape", "escape", "n", "e")  # no search: all three
        chosen = app.screen.query_one("#export-path", Input)
        chosen.value = str(tmp_path / "deck.csv")
        await pilot.press("enter")
        assert (tmp_path / "deck.csv").read_text().startswith("#separator:comma")
        assert [n.message for n in app._notifications][-1].startswith("Wrote 3 entries to ")
        await pilot.press("e", "escape")  # escape writes nothing
        assert isinstance(app.screen, NotebookScreen)
