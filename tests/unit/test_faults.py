"""Database faults as the service and the CLI meet them: unsaved answers, busy files, real bugs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quizapp import cli
from quizapp.storage.database import connect
from quizapp.storage.faults import StorageError, fault
from tests.unit.test_service import EXAM, Clock, _bank, _start, make_service


def test_an_answer_the_database_refuses_is_said_to_be_unsaved(tmp_path: Path) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "b.yaml").write_text(_bank())
    (folder / "e.yaml").write_text(EXAM)
    db = connect(tmp_path / "quizapp.db")
    service = make_service(folder, Clock(), db)
    attempt = _start(service, "exam")
    other = sqlite3.connect(tmp_path / "quizapp.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    db.execute("PRAGMA busy_timeout = 0")  # fail at once instead of after five seconds
    with pytest.raises(StorageError) as raised:
        attempt.answer((1,))
    assert str(raised.value) == (
        "is locked by another program; try again when it is done;"
        " your last change to question 1 is unsaved"
    )
    assert attempt.session.response.picked == ()  # shown as it is stored: not answered
    other.execute("ROLLBACK")
    attempt.answer((1,))
    stored = service.attempts.load(attempt.session.attempt_id or 0)
    assert stored is not None
    assert stored.responses[0].picked == (1,)


def test_errors_quizapp_causes_itself_stay_bugs() -> None:
    assert fault(sqlite3.IntegrityError("UNIQUE constraint failed")) is None
    assert fault(sqlite3.ProgrammingError("Cannot operate on a closed database.")) is None
    assert fault(RuntimeError("boom")) is None
    assert str(fault(sqlite3.OperationalError("database is locked"))).startswith("is locked")
    assert str(fault(sqlite3.DatabaseError("file is not a database"))).startswith("is damaged")
    assert str(fault(sqlite3.OperationalError("database or disk is full"))).startswith(
        "cannot be written"
    )


def test_a_real_bug_prints_its_traceback_and_where_to_report_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_args: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli, "_dispatch", broken)
    assert cli.main(["stats"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert "RuntimeError: a bug" in err
    assert err.splitlines()[-1] == f"quizapp: {cli.BUG_HINT}"


def test_plain_mode_keeps_beating_when_a_progress_save_fails() -> None:
    import threading
    from types import SimpleNamespace

    from quizapp.plain import PlainExam

    beats: list[int] = []

    def heartbeat() -> None:
        beats.append(1)
        raise sqlite3.OperationalError("database is locked")

    attempt = SimpleNamespace(
        lock=threading.RLock(), session=SimpleNamespace(finished=False), heartbeat=heartbeat
    )
    plain = PlainExam(attempt, None, None)  # type: ignore[arg-type]
    beat = threading.Thread(target=plain._heartbeat)
    beat.start()
    for _ in range(40):
        if len(beats) >= 2:
            break
        beat.join(0.1)
    plain._stop.set()
    beat.join()
    assert len(beats) >= 2  # the first failure did not end the heartbeat


def test_the_notebook_list_reports_a_damaged_row() -> None:
    from quizapp.storage.study import StudyStore

    db = connect(":memory:")
    db.execute(
        "INSERT INTO notebook (question_key, bank, topic, fingerprint, status, due, created_at)"
        " VALUES ('b/q', 'b', 'T', 'x', 'active', 'soon', '2026-12-01')"
    )
    with pytest.raises(StorageError, match=r"^holds a damaged row \(Invalid isoformat"):
        StudyStore(db).summaries()
