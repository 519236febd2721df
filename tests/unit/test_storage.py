"""SQLite storage: migrations, every transition persisted, damaged or newer files untouched."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp.core.exam import session as engine
from quizapp.core.exam.session import ExamTerms, Item, new_session
from quizapp.storage.attempts import AttemptStore
from quizapp.storage.database import DatabaseError, connect, set_aside
from quizapp.storage.migrations import LATEST

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
