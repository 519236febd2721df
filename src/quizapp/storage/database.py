"""Opening the SQLite database safely: WAL, full sync, user-only files, forward migrations."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from quizapp.storage.migrations import LATEST, migrate

DB_NAME = "quizapp.db"
Connection = sqlite3.Connection  # named here so that only storage imports sqlite3


class DatabaseError(Exception):
    """The database cannot be used as it is; the file was left untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}; the file was left untouched")
        self.path = path
        self.reason = reason


def connect(path: Path | str) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path`` (``:memory:`` for tests).

    Raises DatabaseError, without writing anything, for a file that is not a quizapp database
    or that a newer quizapp wrote.
    """
    memory = str(path) == ":memory:"
    if not memory:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists():
            # Create the file user-only before SQLite opens it.
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        version = _check(conn, path)
        if not memory:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        if version < LATEST:
            migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic, committed write (the connection runs in autocommit mode otherwise).

    Inside another transaction it joins that one, so stores can be combined atomically.
    """
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _check(conn: sqlite3.Connection, path: Path | str) -> int:
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(Path(path), f"not a readable quizapp database ({exc})") from None
    if version > LATEST:
        raise DatabaseError(
            Path(path), f"written by a newer quizapp (schema {version}, this one knows {LATEST})"
        )
    if version == 0 and tables:
        raise DatabaseError(Path(path), "holds tables that quizapp did not create")
    if version > 0 and "attempts" not in tables:
        raise DatabaseError(Path(path), "is missing quizapp's tables")
    return version


def set_aside(path: Path, now: datetime) -> Path:
    """Rename a database quizapp cannot use so a fresh one can start beside it."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{stamp}.bak")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target
