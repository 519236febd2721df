"""A database that fails as an exam starts, times out or the app quits: one line, nothing half-made.

The database is made read-only under the running app (``PRAGMA query_only``), so every write
fails as it does on a read-only file, and made writable again to try once more.
"""

from __future__ import annotations

import sqlite3

import pytest
from textual.widgets import Checkbox, Input, SelectionList, Static

from quizapp.tui.app import QuizApp, run_app
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.results import ResultsScreen
from tests.tui.conftest import EXAM_BANKS, FakeTicker, exam_screen, make_context_for
from tests.tui.test_write_faults import REFUSED, _read_only, _said, _text

FULL = "the database cannot be written (database or disk is full)."


class _FullAtItems:
    """The database connection, with the disk full once an attempt's items are written."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)

    def executemany(self, *_args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")


class _FullAtCommit(_FullAtItems):
    """The database connection, with the disk full at the commit (SQLite rolls back)."""

    def executemany(self, *args: object) -> object:
        return self._conn.executemany(*args)  # type: ignore[arg-type]

    def execute(self, sql: str, *args: object) -> object:
        if sql == "COMMIT":
            self._conn.execute("ROLLBACK")
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)  # type: ignore[arg-type]


def _stored(app: QuizApp) -> tuple[int, int]:
    """How many attempts, and attempt items, the database holds."""
    db = app.context.db
    return (
        db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0],
        db.execute("SELECT COUNT(*) FROM attempt_items").fetchone()[0],
    )


async def _custom_form(app: QuizApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("c")
    await pilot.pause()
    topics = app.screen.query_one("#custom-topics", SelectionList)
    topics.focus()
    await pilot.press("down", "space")
    app.screen.query_one("#custom-questions", Input).value = "3"
    app.screen.query_one("#custom-practice", Checkbox).value = True


@pytest.mark.parametrize(
    ("keys", "mode"),
    [
        (("enter", "enter"), "exam"),  # home, then the start screen
        (("e", "enter"), "exam"),
        (("p",), "practice"),
        (("1", "enter"), "exam"),  # practice set 1
        (("ctrl+s",), "practice"),  # the custom exam form
    ],
    ids=["enter", "e", "p", "set-1", "custom"],
)
async def test_an_exam_the_database_cannot_start_is_one_line_and_stores_nothing(
    exam_app: QuizApp, keys: tuple[str, ...], mode: str
) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        custom = keys == ("ctrl+s",)
        if custom:
            await _custom_form(exam_app, pilot)
        _read_only(exam_app)
        await pilot.press(*keys)
        await pilot.pause()
        assert exam_app.is_running and isinstance(exam_app.screen, HomeScreen)
        title = "Custom exam" if custom else "TUI exam"
        said = _said(exam_app)[-1]
        assert said.startswith(f"{title} could not start: {REFUSED} database"), said
        assert _stored(exam_app) == (0, 0)  # no attempt row without its items
        _read_only(exam_app, False)
        if custom:
            await _custom_form(exam_app, pilot)
        await pilot.press(*keys)
        await pilot.pause()
        assert exam_screen(exam_app).attempt.session.mode == mode
        assert _stored(exam_app)[0] == 1


async def test_a_restart_the_database_refuses_keeps_the_old_attempt(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "a", "escape")  # an adaptive exam, left unfinished
        before = _stored(exam_app)
        await pilot.press("a", "enter")  # adaptive off: the conflict question
        _read_only(exam_app)
        await pilot.press("d")  # discard it and start the new one
        await pilot.pause()
        assert isinstance(exam_app.screen, HomeScreen)
        assert _said(exam_app)[-1].startswith(f"TUI exam could not start: {REFUSED}")
        assert _stored(exam_app) == before
        assert [a.answered for a in exam_app.service.unfinished()] == [1]


async def test_a_disk_full_under_the_items_leaves_no_attempt_row(
    exam_app: QuizApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        store = exam_app.service.attempts
        with monkeypatch.context() as patch:
            patch.setattr(store, "conn", _FullAtItems(store.conn))
            await pilot.press("p")  # the attempt row is written, then its items fail
            assert isinstance(exam_app.screen, HomeScreen)
            assert _stored(exam_app) == (0, 0)
            assert _said(exam_app)[-1] == f"TUI exam could not start: {FULL}"
        await pilot.press("p")
        assert exam_screen(exam_app).attempt.session.mode == "practice"


@pytest.mark.parametrize("full", [_FullAtItems, _FullAtCommit], ids=["items", "commit"])
async def test_a_restart_the_disk_cannot_store_discards_nothing(
    exam_app: QuizApp, monkeypatch: pytest.MonkeyPatch, full: type[_FullAtItems]
) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        store = exam_app.service.attempts
        await pilot.press("enter", "enter", "a", "escape")  # an exam, left unfinished
        before = _stored(exam_app)
        await pilot.press("a", "enter")  # adaptive off: the conflict question
        with monkeypatch.context() as patch:
            patch.setattr(store, "conn", full(store.conn))
            await pilot.press("d")  # discard it: the old one is ended, the new one fails
            await pilot.pause()
        assert _said(exam_app)[-1] == f"TUI exam could not start: {FULL}"
        assert _stored(exam_app) == before
        assert [a.answered for a in exam_app.service.unfinished()] == [1]  # not discarded
        await pilot.press("enter", "d")  # the disk has room again: the claim did not stay
        await pilot.pause()
        assert exam_screen(exam_app).attempt.session.answered_count == 0


async def test_a_retry_the_database_cannot_start_keeps_the_results(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "s", "y")  # nothing answered: all six missed
        await pilot.pause()
        results = exam_app.screen
        assert isinstance(results, ResultsScreen)
        before = _stored(exam_app)
        _read_only(exam_app)
        await pilot.press("r")
        await pilot.pause()
        assert exam_app.is_running and exam_app.screen is results
        assert _said(exam_app)[-1].startswith(f"The retry could not start: {REFUSED}")
        assert _stored(exam_app) == before
        _read_only(exam_app, False)
        await pilot.press("r")
        await pilot.pause()
        assert exam_screen(exam_app).attempt.session.mode == "retry"


async def test_a_time_out_the_database_refuses_is_not_shown_as_ended(
    exam_app: QuizApp, ticker: FakeTicker, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with exam_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "enter", "a")
        screen = exam_screen(exam_app)
        attempt = screen.attempt
        rings: list[None] = []
        monkeypatch.setattr(exam_app, "bell", lambda: rings.append(None))
        _read_only(exam_app)
        ticker.now += 601  # the clock reaches zero
        await screen.heartbeat()
        await pilot.pause()
        assert exam_screen(exam_app) is screen  # no results that are not stored
        assert not attempt.session.finished
        notice = _text(screen.query_one("#exam-notice", Static))
        assert notice.startswith(f"⚠ Time is up, but {REFUSED} database); the end of this")
        assert "exam is unsaved. Your earlier answers are saved" in notice
        assert "or when you resume it (quizapp exam tui-exam)." in notice
        assert len(rings) == 1
        await pilot.press("b")  # time is up: no answer changes any more
        assert attempt.session.responses[attempt.session.current].picked == (0,)
        await screen.heartbeat()  # tries the end again, says the same, rings no more
        assert _text(screen.query_one("#exam-notice", Static)) == notice
        assert len(rings) == 1 and exam_screen(exam_app) is screen
        await pilot.press("r")  # the review saves the clock first: refused, the exam stays
        assert exam_screen(exam_app) is screen and len(rings) == 1
        stored = exam_app.context.attempts.load(attempt.id)
        assert stored is not None and stored.status == "in_progress"
        assert stored.answered_count == 1  # the answer given stays saved
        _read_only(exam_app, False)
        await screen.heartbeat()  # the database is back: the exam ends
        await pilot.pause()
        assert isinstance(exam_app.screen, ResultsScreen)
        assert exam_app.context.attempts.status(attempt.id) == "expired"


@pytest.mark.parametrize("timed_out", [False, True], ids=["quit", "quit-after-time-out"])
async def test_quitting_while_the_database_fails_closes_and_keeps_one_line(
    exam_app: QuizApp, ticker: FakeTicker, timed_out: bool
) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "a")
        attempt = exam_screen(exam_app).attempt
        _read_only(exam_app)
        ticker.now += 601 if timed_out else 30
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not exam_app.is_running
    assert exam_app.return_code in (None, 0)
    end = "; the end of this exam is unsaved" if timed_out else ""
    assert exam_app.unsaved == [
        "the exam could not be saved as you left it: the database cannot be written (attempt"
        f" to write a readonly database){end}. Your earlier answers are saved; quizapp exam"
        " tui-exam resumes it."
    ]
    _read_only(exam_app, False)
    again = exam_app.service.resume(attempt.id)  # let go: another window may take it up
    assert again is not None and again.session.answered_count == 1
    again.release()


def test_what_could_not_be_saved_is_said_on_stderr_once_the_app_closed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def run(app: QuizApp) -> None:
        app.unsaved.append("the exam could not be saved as you left it: the database is damaged.")

    monkeypatch.setattr(QuizApp, "run", run)
    assert run_app(make_context_for(EXAM_BANKS)) == 1
    assert capsys.readouterr().err == (
        "quizapp: error: the exam could not be saved as you left it: the database is damaged.\n"
    )
