"""Pilot tests of the notebook screen: filters, search, notes, mastering, drilling."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import DataTable, Input, Static

from quizapp.core.study import notebook
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.confirm import ConfirmScreen
from quizapp.tui.screens.exam import ExamScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.notebook import NotebookScreen, NoteScreen
from quizapp.tui.screens.picker import PickScreen
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.widgets.markdowntext import MarkdownText
from quizapp.tui.widgets.rowlist import RowList
from tests.tui.conftest import EXAM_BANKS, NOW, make_context_for


def seeded_app() -> QuizApp:
    """The exam-bank app with three misses recorded yesterday (all due now)."""
    ctx = make_context_for(EXAM_BANKS)
    yesterday = NOW - timedelta(days=1)
    for key, topic, times in (
        ("tui/plain", "Multi", 1),
        ("tui/case", "Case study", 4),
        ("tui/order", "Ordering", 1),
    ):
        entry = None
        for n in range(times):
            step = notebook.record(
                entry,
                key=key,
                topic=topic,
                fingerprint=_fp(ctx, key),
                correct=False,
                unsure=False,
                picked=(1,) if key != "tui/order" else (2, 1, 0),
                now=yesterday - timedelta(days=times - n),
            )
            assert step is not None
            entry = step[0]
        assert entry is not None
        ctx.study.save(entry, new_miss=False)
        for m in entry.misses:
            ctx.db.execute(
                "INSERT INTO notebook_misses (question_key, picked, missed_at) VALUES (?, ?, ?)",
                (key, str(list(m.picked)), m.at.isoformat()),
            )
    return QuizApp(ctx)


def _fp(ctx, key: str) -> str:  # type: ignore[no-untyped-def]
    from quizapp.core.exam.selection import fingerprint

    return fingerprint(ctx.library.questions[key].question)


@pytest.fixture
def nb_app() -> QuizApp:
    return seeded_app()


def _rows(app: QuizApp) -> int:
    return app.screen.query_one("#nb-table", RowList).row_count


async def test_filters_and_search(nb_app: QuizApp) -> None:
    async with nb_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        assert isinstance(nb_app.screen, NotebookScreen)
        assert _rows(nb_app) == 3
        table = nb_app.screen.query_one("#nb-table", RowList)
        assert table.cells(table.rows[0])[:3] == ("L", "Case study", "4")  # the leech first
        detail = nb_app.screen.detail_source  # type: ignore[attr-defined]
        assert "**leech**" in detail
        assert "Your wrong picks" in detail
        await pilot.press(*"ssss")  # all → active → due now → mastered → leeches
        assert str(nb_app.screen.query_one("#nb-status", Static).content) == "leeches"
        assert _rows(nb_app) == 1
        await pilot.press("s")  # and round to all again
        await pilot.press("t")
        assert isinstance(nb_app.screen, PickScreen)
        await pilot.press("down", "down", "enter")  # any topic, Case study (1), Multi (1), ...
        assert _rows(nb_app) == 1
        assert nb_app.screen.query_one("#nb-table", RowList).rows[0].topic == "Multi"
        await pilot.click("#nb-topic")  # a click opens the same choice
        assert isinstance(nb_app.screen, PickScreen)
        await pilot.press("home", "enter")
        assert _rows(nb_app) == 3
        await pilot.press("slash")
        assert isinstance(nb_app.focused, Input)
        await pilot.press(*"stores obj")
        assert _rows(nb_app) == 1
        await pilot.pause(0.3)  # the detail pane waits until typing pauses
        assert (
            "Which service stores objects?" in nb_app.screen.detail_source  # type: ignore[attr-defined]
        )
        nb_app.screen.query_one("#nb-search", Input).value = ""
        await pilot.pause()
        assert _rows(nb_app) == 3


async def test_a_long_list_scrolls_and_the_detail_follows_the_cursor() -> None:
    ctx = make_context_for(EXAM_BANKS)
    for i in range(500):
        step = notebook.record(
            None,
            key=f"gone/q{i:03}",
            topic=f"Topic {i % 7}",
            fingerprint="x",
            correct=False,
            unsure=False,
            picked=(0,),
            now=NOW - timedelta(days=1, minutes=500 - i),  # due in key order
        )
        assert step is not None
        ctx.study.save(step[0], new_miss=True)
    app = QuizApp(ctx)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        table = app.screen.query_one("#nb-table", RowList)
        assert table.row_count == 500  # every entry, not a first page of them
        assert table.has_focus
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor == 499
        assert table.scroll_offset.y > 400  # the last row is in view
        detail = app.screen.detail_source  # type: ignore[attr-defined]
        assert "`gone/q499`: its bank is not loaded" in detail
        assert "Missed once · right 0 times since" in detail
        await pilot.press("pageup", "up")
        assert table.cursor < 499 - 10
        await pilot.press("home")
        await pilot.click(RowList, offset=(20, 3))  # the header, then rows 0, 1, 2
        await pilot.pause()
        assert table.cursor == 2
        assert "`gone/q002`" in app.screen.detail_source  # type: ignore[attr-defined]


async def test_note_editing_persists_and_mastering(nb_app: QuizApp) -> None:
    async with nb_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.press("enter")
        assert isinstance(nb_app.screen, NoteScreen)
        await pilot.press(*"check the table")
        await pilot.press("ctrl+s")
        assert isinstance(nb_app.screen, NotebookScreen)
        key = nb_app.screen.current().key  # type: ignore[union-attr]
        assert nb_app.context.study.entry(key).note == "check the table"  # type: ignore[union-attr]
        assert "check the table" in nb_app.screen.detail_source  # type: ignore[attr-defined]
        await pilot.press("m")
        assert nb_app.context.study.entry(key).status == "mastered"  # type: ignore[union-attr]
        await pilot.press("escape")
        assert isinstance(nb_app.screen, HomeScreen)


async def test_drill_due_runs_a_review_with_feedback(nb_app: QuizApp) -> None:
    async with nb_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", "d")
        screen = nb_app.screen
        assert isinstance(screen, ExamScreen)
        runner = screen.attempt
        assert runner.session.mode == "review"
        assert len(runner.session.items) == 3
        assert {it.key for it in runner.session.items} == {"tui/plain", "tui/case", "tui/order"}
        for _ in range(len(runner.session.items)):
            if runner.session.item.kind == "choice":
                break
            await pilot.press("n")
        await pilot.press("a", "enter")
        assert runner.session.response.checked
        assert screen.query_one("#exam-feedback", MarkdownText).display
        # The header names it as the user knows it, not by the engine's mode.
        status = str(screen.query_one("#exam-status", Static).content)
        assert "drill, untimed" in status and "review" not in status


async def test_home_shows_what_is_due(nb_app: QuizApp) -> None:
    async with nb_app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        line = str(nb_app.screen.query_one("#home-info").content)
        assert "3 due now · 3 active · 0 mastered" in line


async def test_saving_a_note_keeps_the_cursor_and_draws_the_whole_detail(nb_app: QuizApp) -> None:
    async with nb_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", "down")
        screen = nb_app.screen
        assert isinstance(screen, NotebookScreen)
        table = screen.query_one("#nb-table", RowList)
        key = screen.current().key  # type: ignore[union-attr]
        await pilot.press(
            "enter", *"a note long enough to wrap over several lines of the pane " * 3
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (table.cursor, screen.current().key) == (1, key)  # type: ignore[union-attr]
        assert "a note long enough" in screen.detail_source
        pane = screen.query_one("#nb-markdown", MarkdownText)
        height = pane.region.height
        await pilot.press("up", "down")  # drawn afresh
        await pilot.pause()
        assert pane.region.height == height


async def test_a_note_on_the_first_entry_is_drawn_whole(nb_app: QuizApp) -> None:
    async with nb_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        screen = nb_app.screen
        assert isinstance(screen, NotebookScreen)
        await pilot.press(
            "enter", *"a note long enough to wrap over several lines of the pane " * 3
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        pane = screen.query_one("#nb-markdown", MarkdownText)
        height = pane.region.height
        await pilot.press("down", "up")  # drawn afresh
        await pilot.pause()
        assert pane.region.height == height  # not cut off at the height it had before the note


async def test_c_crams_the_weakest_entries_not_due_and_leaves_their_schedules() -> None:
    app = seeded_app()
    ctx = app.context
    ctx.db.execute("UPDATE notebook SET due = ?", ((NOW + timedelta(days=5)).isoformat(),))
    before = ctx.study.entries()
    answered = sum(t.answered for t in ctx.study.topics())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "c")
        screen = app.screen
        assert isinstance(screen, ExamScreen)
        cram = screen.attempt
        assert cram.cram
        assert cram.session.items[0].key == "tui/case"  # the leech first
        assert len(cram.session.items) == 3  # none is due, all are crammed
        await pilot.press("a", "enter")
        assert cram.session.response.checked
        assert screen.query_one("#exam-feedback", MarkdownText).display
        await pilot.press("n", "escape")  # moving on counts the answer
        assert isinstance(app.screen, NotebookScreen)
        assert sum(t.answered for t in ctx.study.topics()) == answered + 1
        assert ctx.study.entries() == before
        await pilot.press("t", "down", "down", "enter", "c")  # the topic picked: Multi
        screen = app.screen
        assert isinstance(screen, ExamScreen)
        assert [it.key for it in screen.attempt.session.items] == ["tui/plain"]
        await pilot.press("s", "y")  # the results show where the cram was started
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert "every notebook schedule and due date is as it was" in str(
            app.screen.query_one("#results-summary", Static).content
        )
        assert ctx.study.entries() == before
        await pilot.press("escape")  # back to the notebook, not home
        await pilot.pause()
        assert isinstance(app.screen, NotebookScreen)
        assert [type(s) for s in app.screen_stack][-2:] == [HomeScreen, NotebookScreen]


async def test_ending_a_drill_says_what_it_means_and_goes_back_to_the_notebook() -> None:
    app = seeded_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "d")
        screen = app.screen
        assert isinstance(screen, ExamScreen)
        await pilot.press("s")
        assert isinstance(app.screen, ConfirmScreen)
        asked = str(app.screen.query_one("#confirm-message", Static).content)
        assert asked == "End the drill? 3 questions unanswered. Unanswered questions stay due."
        assert "count as wrong" not in asked
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert not app.screen.query_one("#results-domains", DataTable).display  # no domains
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, NotebookScreen)


async def test_ending_a_cram_names_what_stays() -> None:
    app = seeded_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "c")
        assert isinstance(app.screen, ExamScreen)
        await pilot.press("s")
        assert isinstance(app.screen, ConfirmScreen)
        asked = str(app.screen.query_one("#confirm-message", Static).content)
        assert (
            asked
            == "End the drill? 3 questions unanswered. Unanswered questions count for nothing."
        )
