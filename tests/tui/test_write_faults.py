"""A database or disk that fails outside the exam screen: one line, the place kept, nothing lost.

The database is made read-only under the running app (``PRAGMA query_only``), so every write
fails as it does on a read-only file, and made writable again to try once more.
"""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Input, Static, TextArea

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.examdate import ExamDateScreen
from quizapp.tui.screens.export import ExportScreen
from quizapp.tui.screens.notebook import NotebookScreen, NoteScreen
from quizapp.tui.screens.plan import PlanScreen
from quizapp.tui.screens.results import ResultsScreen
from tests.tui.conftest import exam_screen
from tests.tui.test_notebook import seeded_app
from tests.tui.test_plan import planned_app

REFUSED = "the database cannot be written (attempt to write a readonly"


def _read_only(app: QuizApp, on: bool = True) -> None:
    app.context.db.execute(f"PRAGMA query_only = {int(on)}")


def _said(app: QuizApp) -> list[str]:
    return [n.message for n in app._notifications]


def _text(widget: Static) -> str:
    console = Console(width=300, record=True, file=io.StringIO())
    console.print(widget.content)
    return " ".join(console.export_text().split())


async def test_a_note_the_database_refuses_stays_in_the_editor_to_save_again() -> None:
    app = seeded_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "enter", *"check the table")
        key = app.screen_stack[-2].current().key  # type: ignore[attr-defined]
        _read_only(app)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, NoteScreen)  # still open, with the text typed
        assert app.screen.query_one(TextArea).text == "check the table"
        line = _text(app.screen.query_one("#note-error", Static))
        assert line.startswith(f"⚠ The note could not be saved: {REFUSED} database). Try again.")
        assert app.context.study.entry(key).note == ""  # type: ignore[union-attr]
        _read_only(app, False)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, NotebookScreen)
        assert app.context.study.entry(key).note == "check the table"  # type: ignore[union-attr]
        assert "check the table" in app.screen.detail_source


async def test_mastering_and_unmastering_refused_leave_the_entry_as_it_was() -> None:
    app = seeded_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, NotebookScreen)
        key = screen.current().key  # type: ignore[union-attr]
        _read_only(app)
        await pilot.press("m")
        assert isinstance(app.screen, NotebookScreen) and app.is_running
        assert _said(app)[-1].startswith(f"The change to mastered could not be saved: {REFUSED}")
        assert app.context.study.entry(key).status == "active"  # type: ignore[union-attr]
        assert screen.current().status == "active"  # type: ignore[union-attr]
        _read_only(app, False)
        await pilot.press("m")
        assert app.context.study.entry(key).status == "mastered"  # type: ignore[union-attr]
        _read_only(app)
        await pilot.press("m")
        assert _said(app)[-1].startswith(f"The change to active could not be saved: {REFUSED}")
        assert app.context.study.entry(key).status == "mastered"  # type: ignore[union-attr]
        assert screen.current().status == "mastered"  # type: ignore[union-attr]
        await pilot.press("delete", "y")
        assert _said(app)[-1].startswith(f"The deletion could not be saved: {REFUSED}")
        assert app.context.study.entry(key) is not None
        assert screen.query_one("#nb-table").row_count == 3  # type: ignore[attr-defined]


async def test_a_drill_grade_the_database_refuses_is_not_counted_and_can_be_given_again() -> None:
    app = seeded_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        screen = exam_screen(app)
        attempt = screen.attempt
        while attempt.session.item.kind != "choice":
            await pilot.press("n")
        first = attempt.session.current
        key = attempt.session.item.key
        before = app.context.study.entry(key)
        await pilot.press("a", "enter")  # checked: the feedback shows
        assert attempt.session.response.checked
        _read_only(app)
        await pilot.press("enter")  # on to the next: the grade cannot be stored
        assert app.is_running and exam_screen(app) is screen
        assert attempt.session.current == first  # still on the card graded
        assert not attempt.session.responses[first].studied  # not shown as counted
        notice = _text(screen.query_one("#exam-notice", Static))
        assert f"the grade of question {first + 1} is unsaved" in notice
        assert "cannot be written" in notice
        assert app.context.study.entry(key) == before
        _read_only(app, False)
        await pilot.press("enter")  # the same key again, once the disk is back
        assert attempt.session.current != first
        assert attempt.session.responses[first].studied
        assert app.context.study.entry(key) != before  # rescheduled


async def test_the_end_of_a_drill_the_database_refuses_shows_no_results() -> None:
    app = seeded_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        screen = exam_screen(app)
        attempt = screen.attempt
        while attempt.session.current + 1 < len(attempt.session.items):
            await pilot.press("n")
        await pilot.press("s")
        _read_only(app)
        await pilot.press("y")
        await pilot.pause()
        assert exam_screen(app) is screen  # no results for a drill that is not stored as ended
        assert not attempt.session.finished
        assert "the end of this drill is unsaved" in _text(screen.query_one("#exam-notice", Static))
        assert app.context.attempts.status(attempt.id) == "in_progress"
        _read_only(app, False)
        await pilot.press("s", "y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert app.context.attempts.status(attempt.id) == "submitted"


async def test_an_exam_submitted_when_the_database_refuses_its_end_stays_open(
    exam_app: QuizApp,
) -> None:
    async with exam_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "enter", "a")
        screen = exam_screen(exam_app)
        _read_only(exam_app)
        await pilot.press("s", "y")
        await pilot.pause()
        assert exam_screen(exam_app) is screen and not screen.attempt.session.finished
        assert "the end of this exam is unsaved" in _text(screen.query_one("#exam-notice", Static))
        _read_only(exam_app, False)
        await pilot.press("s", "y")
        await pilot.pause()
        assert isinstance(exam_app.screen, ResultsScreen)
        assert exam_app.context.attempts.status(screen.attempt.id) == "submitted"


@pytest.mark.parametrize(
    ("where", "key", "what"), [("home", "d", "drill"), ("notebook", "c", "cram")]
)
async def test_a_drill_or_cram_the_database_cannot_start_is_one_line(
    where: str, key: str, what: str
) -> None:
    app = seeded_app()
    async with app.run_test(size=(80, 24)) as pilot:
        if where == "notebook":
            await pilot.press("n")
        shown = type(app.screen)
        _read_only(app)
        await pilot.press(key)
        assert app.is_running and type(app.screen) is shown
        assert _said(app)[-1].startswith(f"The {what} could not start: {REFUSED}")
        assert app.service.unfinished() == []
        _read_only(app, False)
        await pilot.press(key)
        assert exam_screen(app).attempt.session.mode == "review"


@pytest.mark.usefixtures("utc")
async def test_an_exam_date_the_database_refuses_stays_typed_in_its_form() -> None:
    app = planned_app(day=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("l", *"2026-12-10")
        _read_only(app)
        await pilot.press("enter")
        assert isinstance(app.screen, ExamDateScreen)
        assert app.screen.query_one(Input).value == "2026-12-10"
        line = _text(app.screen.query_one("#date-error", Static))
        assert line.startswith(f"⚠ The date could not be saved: {REFUSED} database). Try again.")
        assert app.context.planner.date_of("tui-exam") is None
        _read_only(app, False)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert app.context.planner.date_of("tui-exam") is not None


@pytest.mark.usefixtures("utc")
async def test_changing_or_clearing_a_date_the_database_refuses_keeps_the_plan() -> None:
    app = planned_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        assert isinstance(app.screen, PlanScreen)
        _read_only(app)
        await pilot.press("x")
        assert isinstance(app.screen, PlanScreen) and app.is_running
        assert _said(app)[-1].startswith(f"The date could not be cleared: {REFUSED}")
        assert "2026-12-10: 14 days left." in _text(app.screen.query_one("#plan-summary", Static))
        await pilot.press("l")
        app.screen.query_one(Input).value = ""
        await pilot.press(*"2026-12-01", "enter")
        assert isinstance(app.screen, ExamDateScreen)
        assert "The date could not be saved" in _text(app.screen.query_one("#date-error", Static))
        await pilot.press("escape")
        assert "2026-12-10: 14 days left." in _text(app.screen.query_one("#plan-summary", Static))
        found = app.context.planner.date_of("tui-exam")
        assert found is not None and found.day.isoformat() == "2026-12-10"


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file quizapp writes whole fails at its flush to disk, as on a full disk."""

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("quizapp.files.os.fsync", full)


async def test_an_export_the_disk_refuses_keeps_the_dialog_and_the_path_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "deck.csv"
    target.write_text("an older deck\n")
    app = seeded_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "e")
        field = app.screen.query_one("#export-path", Input)
        field.value = str(tmp_path / "no-such-folder" / "deck.csv")
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)
        line = _text(app.screen.query_one("#export-error", Static))
        assert line == f"Cannot write {tmp_path}/no-such-folder/deck.csv: No such file or directory"
        field.value = str(target)
        with monkeypatch.context() as patch:
            _full_disk(patch)
            await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)
        assert field.value == str(target)
        line = _text(app.screen.query_one("#export-error", Static))
        assert line == f"Cannot write {target}: No space left on device"
        assert target.read_text() == "an older deck\n"  # nothing half-written in its place
        assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.csv"]
        await pilot.press("enter")  # the disk has room again
        assert isinstance(app.screen, NotebookScreen)
        assert target.read_text().startswith("#separator:comma")
        assert _said(app)[-1] == f"Wrote 3 entries to {target}"


async def test_a_theme_the_disk_refuses_is_one_warning_and_the_old_settings_stay(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = isolated_home / "settings.json"
    settings.write_text('{"theme": "textual-dark"}\n')
    app = seeded_app()
    async with app.run_test(size=(80, 24)) as pilot:
        with monkeypatch.context() as patch:
            _full_disk(patch)
            app.theme = "textual-light"  # what the command palette's theme picker does
            await pilot.pause()
        assert app.is_running and app.theme == "textual-light"
        warning = "The theme could not be saved for next time: No space left on device"
        assert _said(app)[-1] == warning
        assert settings.read_text() == '{"theme": "textual-dark"}\n'
        assert sorted(p.name for p in isolated_home.iterdir() if p.name.startswith(".")) == []
