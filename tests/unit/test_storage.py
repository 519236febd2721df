"""SQLite storage: migrations, every transition persisted, damaged or newer files untouched."""

from __future__ import annotations

import sqlite3
import stat
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from quizapp.core.exam import session as engine
from quizapp.core.exam.session import ExamTerms, Item, new_session
from quizapp.storage.attempts import AttemptStore
from quizapp.storage.database import DatabaseError, _check, connect, set_aside, transaction
from quizapp.storage.migrations import APPLICATION_ID, FIRST_WITH_ID, LATEST, _apply, migrate

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
BP = ExamTerms("ex", "Ex", 90, 700, (100, 1000), ("A", "B"))
ITEMS = (
    Item("b/one", "T1", "A", "choice", (1, 0, 2, 3), "f1"),
    Item("b/two", "T2", "B", "choice", (0, 1, 2, 3, 4), "f2", multiple=True),
    Item("b/three", "T2", "B", "ordering", (2, 0, 1), "f3"),
)


def store() -> AttemptStore:
    return AttemptStore(connect(":memory:"), lambda: NOW)


def test_migrations_from_empty() -> None:
    conn = connect(":memory:")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"attempts", "attempt_items", "responses"} <= tables
    connect(":memory:")  # idempotent on a fresh database


def test_every_transition_is_persisted_and_reloads_equal() -> None:
    st = store()
    s = st.create(new_session(BP, ITEMS, mode="exam", started_at=NOW, seed=9))
    assert s.attempt_id is not None
    steps = [
        lambda s: engine.choose(engine.tick(s, 10), 0, NOW),
        engine.toggle_flag,
        engine.toggle_unsure,
        lambda s: engine.toggle_strike(s, 2),
    ]
    for step in steps:
        s = step(s)
        st.save(s, s.current, correct=True)
    s = engine.go(s, 1)
    s = engine.choose(engine.choose(s, 0, NOW), 4, NOW)
    st.save(s, 1, correct=False)
    s = engine.go(s, 2)
    s = engine.move_step(s, 0, 1, NOW)
    st.save(s, 2, correct=False)
    loaded = st.load(s.attempt_id)
    assert loaded == s
    assert loaded.responses[0].struck == frozenset({2})
    assert loaded.elapsed == 10


def test_finish_and_summaries() -> None:
    st = store()
    s = st.create(new_session(BP, ITEMS, mode="exam", started_at=NOW, seed=9))
    s = engine.choose(s, 0, NOW)
    st.save(s, 0, correct=True)
    assert [a.id for a in st.unfinished()] == [s.attempt_id]
    s = engine.submit(s, NOW)
    st.finish(s, [True, False, False])
    assert st.unfinished() == []
    (summary,) = st.summaries()
    assert (summary.status, summary.total, summary.answered, summary.correct) == (
        "submitted",
        3,
        1,
        1,
    )
    assert summary.percent == 33.3
    assert summary.domains == (("A", 1, 1), ("B", 2, 0))


def test_files_are_user_only(tmp_path: Path) -> None:
    db = tmp_path / "data" / "quizapp.db"
    connect(db).close()
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_corrupt_database_is_never_overwritten(tmp_path: Path) -> None:
    db = tmp_path / "quizapp.db"
    junk = b"this is not a database" * 100
    db.write_bytes(junk)
    with pytest.raises(DatabaseError, match="not a readable quizapp database"):
        connect(db)
    assert db.read_bytes() == junk
    kept = set_aside(db, NOW)
    assert kept.name == "quizapp.db.20261126-100000.bak"
    assert kept.read_bytes() == junk
    connect(db).close()  # a fresh one starts beside it


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "quizapp.db"
    connect(db).close()
    raw = sqlite3.connect(db)
    raw.execute(f"PRAGMA user_version = {LATEST + 1}")
    raw.close()
    before = db.read_bytes()
    with pytest.raises(DatabaseError, match="newer quizapp"):
        connect(db)
    assert db.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "quizapp.db"
    raw = sqlite3.connect(db)
    raw.execute("CREATE TABLE notes (x)")
    raw.close()
    with pytest.raises(DatabaseError, match="did not create"):
        connect(db)


def test_a_foreign_file_shaped_like_an_old_quizapp_database_is_refused_not_migrated(
    tmp_path: Path,
) -> None:
    db = tmp_path / "quizapp.db"
    raw = sqlite3.connect(db)
    raw.execute("CREATE TABLE attempts (id INTEGER PRIMARY KEY, owner TEXT)")
    raw.execute("PRAGMA user_version = 1")
    raw.close()
    before = db.read_bytes()
    with pytest.raises(DatabaseError, match="is not a quizapp database"):
        connect(db)
    assert db.read_bytes() == before


def test_another_programs_database_is_refused_by_its_application_id(tmp_path: Path) -> None:
    db = tmp_path / "quizapp.db"
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA application_id = 1234")
    raw.execute(f"PRAGMA user_version = {LATEST}")
    raw.close()
    with pytest.raises(DatabaseError, match="another program's SQLite database"):
        connect(db)


@pytest.mark.parametrize("version", range(1, FIRST_WITH_ID))
def test_an_older_quizapp_database_is_recognised_and_marked_as_quizapps(
    tmp_path: Path, version: int
) -> None:
    db = tmp_path / "quizapp.db"
    raw = sqlite3.connect(db, isolation_level=None)
    for number in range(version):
        _apply(raw, number)
    raw.execute(
        "INSERT INTO attempts (exam_id, title, mode, status, seed, passing_score, score_low,"
        " score_high, domains, started_at, updated_at) VALUES ('ex', 'Ex', 'exam', 'submitted',"
        " 1, 700, 100, 1000, '[]', '2026-11-01T10:00:00', '2026-11-01T11:00:00')"
    )
    raw.close()
    conn = connect(db)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert conn.execute("SELECT exam_id FROM attempts").fetchall() == [("ex",)]
    conn.close()
    connect(db).close()  # and opens as quizapp's own from now on


def test_a_new_database_carries_quizapps_application_id() -> None:
    conn = connect(":memory:")
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_the_first_reads_see_one_moment_while_another_process_migrates(tmp_path: Path) -> None:
    db = tmp_path / "quizapp.db"
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA journal_mode = WAL")  # a new, empty file, as the first start leaves it
    raw.close()
    checker = sqlite3.connect(db, isolation_level=None)
    other = sqlite3.connect(db, isolation_level=None)

    def migrate_between_reads(sql: str) -> None:
        if "sqlite_master" in sql:
            checker.set_trace_callback(None)
            migrate(other)  # commits the whole schema after the version was read

    checker.set_trace_callback(migrate_between_reads)
    assert _check(checker, db) == 0  # still the empty file it began reading, not "foreign"
    assert other.execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_a_first_start_waits_while_another_process_holds_the_new_file(tmp_path: Path) -> None:
    db = tmp_path / "quizapp.db"
    db.touch()
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # as a process creating the schema at this moment does
    release = threading.Timer(0.2, lambda: other.execute("ROLLBACK"))
    release.start()
    try:
        conn = connect(db)  # the switch to WAL runs no busy handler: connect waits by itself
    finally:
        release.join()
        other.close()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    conn.close()


def test_the_last_days_answers_are_read_through_an_index_not_a_scan() -> None:
    # Every adaptive start reads them; a heavy user has a million stored answers.
    s = store()
    sent: list[str] = []
    s.conn.set_trace_callback(sent.append)
    s.recent_answers(NOW)
    s.conn.set_trace_callback(None)
    query = next(q for q in sent if "FROM responses" in q)
    plan = s.conn.execute(f"EXPLAIN QUERY PLAN {query}").fetchall()
    assert any("USING INDEX responses_recent" in row[-1] for row in plan), plan


class _CommitRefused(sqlite3.Connection):
    """A connection whose next COMMIT fails the way a busy or full database refuses it."""

    refuse = True

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
        if sql == "COMMIT" and self.refuse:
            self.refuse = False
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)


def test_a_refused_commit_is_undone_and_later_writes_still_commit(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    conn = sqlite3.connect(path, factory=_CommitRefused, isolation_level=None)
    conn.execute("CREATE TABLE t (x)")
    with pytest.raises(sqlite3.OperationalError), transaction(conn):
        conn.execute("INSERT INTO t VALUES (1)")
    assert not conn.in_transaction  # else every later write would join it, uncommitted
    with transaction(conn):
        conn.execute("INSERT INTO t VALUES (2)")
    other = sqlite3.connect(path)
    assert other.execute("SELECT x FROM t").fetchall() == [(2,)]
