"""Pilot tests of the custom exam picker: rows that read picked or not, all/none, order, short."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Input

from quizapp.core.words import too_few
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.custom import CustomExamScreen
from quizapp.tui.screens.exam import ExamScreen
from quizapp.tui.widgets.picklist import PickList, TickBox
from tests.tui.conftest import EXAM_BANKS, make_context_for


def _button(rows: PickList, y: int) -> str:
    return "".join(segment.text for segment in list(rows.render_line(y))[:3])


def _library(folder: Path) -> QuizApp:
    """The exam bank, and a copy of it as the user's own bank in a file that loads last."""
    shutil.copy(EXAM_BANKS / "exam.yaml", folder / "exam.yaml")
    text = (EXAM_BANKS / "tui.yaml").read_text(encoding="utf-8")
    (folder / "a.yaml").write_text(text, encoding="utf-8")
    mine = text.replace("  id: tui\n", "  id: my-notes\n", 1)
    assert mine != text
    (folder / "z.yaml").write_text(mine, encoding="utf-8")
    return QuizApp(make_context_for(folder))


async def test_picked_rows_read_differently_and_a_n_pick_all_and_none(tmp_path: Path) -> None:
    app = _library(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CustomExamScreen)
        banks = app.screen.query_one("#custom-banks", PickList)
        assert app.focused is banks
        assert _button(banks, 0) == "[ ]"
        await pilot.press("space")
        await pilot.pause()
        assert banks.selected and _button(banks, 0) == "[x]" and _button(banks, 1) == "[ ]"
        await pilot.press("a")
        assert len(banks.selected) == banks.option_count == 2
        assert {_button(banks, y) for y in range(2)} == {"[x]"}
        await pilot.press("n")
        assert banks.selected == []
        assert {_button(banks, y) for y in range(2)} == {"[ ]"}


async def test_banks_are_listed_by_id_whatever_order_they_load_in(tmp_path: Path) -> None:
    app = _library(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        banks = app.screen.query_one("#custom-banks", PickList)
        ids = [banks.get_option_at_index(i).value for i in range(banks.option_count)]
        assert ids == ["my-notes", "tui"]  # by id
        assert list(app.context.library.banks) != ids  # not the order they were loaded in


async def test_a_short_custom_exam_says_how_many_match(tmp_path: Path) -> None:
    app = _library(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        banks = app.screen.query_one("#custom-banks", PickList)
        have = len(app.context.library.by_bank["tui"])
        await pilot.press("down", "space")  # tui
        app.screen.query_one("#custom-questions", Input).value = "200"
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExamScreen)
        assert screen.notes == [f"Only {have} questions match your choice (you asked for 200)."]
        assert banks.selected == ["tui"]


def test_too_few_counts_in_words() -> None:
    assert too_few(1, 5) == "Only 1 question matches your choice (you asked for 5)."
    assert too_few(3, 20) == "Only 3 questions match your choice (you asked for 20)."


async def test_the_practice_box_reads_on_or_off_in_characters(tmp_path: Path) -> None:
    app = _library(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        box = app.screen.query_one("#custom-practice", TickBox)
        assert not box.value and str(box.render()).startswith("[ ] Practice")
        box.focus()
        await pilot.press("space")
        assert box.value and str(box.render()).startswith("[x] Practice")
