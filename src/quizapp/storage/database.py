"""Opening the SQLite database safely: WAL, full sync, user-only files, forward migrations."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from quizapp.storage.migrations import (
    APPLICATION_ID,
    FIRST_WITH_ID,
    LATEST,
    columns_at,
    migrate,
    table_columns,
)

DB_NAME = "quizapp.db"
BUSY_SECONDS = 5  # how long to wait for another process's write
Connection = sqlite3.Connection  # named here so that only storage imports sqlite3


class DatabaseError(Exception):
    """The database cannot be used as it is; the file was left untouched.

    ``unusable`` is true only when the file itself is not a quizapp database that quizapp can use
    (damaged, foreign or newer): then a fresh start beside it may be offered. A healthy database
    that cannot be written (disk full, read-only, no permission) is never moved away.
    """

    def __init__(self, path: Path, reason: str, *, unusable: bool = True) -> None:
        text = f"{path}: {reason}; the file was left untouched" if unusable else reason
        super().__init__(text)
        self.path = path
        self.reason = reason
        self.unusable = unusable


def connect(path: Path | str) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path`` (``:memory:`` for tests).

    Raises DatabaseError, without writing anything, for a file that is not a quizapp database
    or that a newer quizapp wrote, and for a database that cannot be opened or written.
    """
    memory = str(path) == ":memory:"
    where = Path(path)
    try:
        if not memory:
            _prepare_file(where)
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise _trouble(exc, where) from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")
        version = _check(conn, where)
        if not memory:
            _wal(conn)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        if version < LATEST:
            migrate(conn)  # reads the version again under the write lock
    except (OSError, sqlite3.Error) as exc:
        conn.close()
        raise _trouble(exc, where) from None
    except BaseException:
        conn.close()
        raise
    return conn


def _prepare_file(path: Path) -> None:
    """Create the folder and the file user-only; make an existing database and sidecars so."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        # Create the file user-only before SQLite opens it (SQLite gives -wal and -shm its mode).
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    for file in _files(path):
        try:
            mode = stat.S_IMODE(file.stat().st_mode)
        except FileNotFoundError:
            continue
        if mode & 0o077:
            # History is private even in a shared folder; a read-only file stays read-only.
            with suppress(PermissionError):  # another user's file: theirs to decide
                file.chmod(mode & 0o700)


def _files(path: Path) -> tuple[Path, Path, Path]:
    """The database and the two files SQLite keeps beside it in WAL mode."""
    return path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


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
    try:
        conn.execute("COMMIT")
    except BaseException:
        # A refused COMMIT (busy, disk full) can leave the transaction open; every later write
        # would join it and never be committed. The caller was told the write failed: undo it.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _check(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version of an empty or a quizapp database; refuse, unwritten, any other file."""
    try:
        conn.execute("BEGIN")  # one snapshot: another process may be migrating it right now
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            tables = table_columns(conn)
            verdict = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        finally:
            if conn.in_transaction:  # an error may have ended it already
                conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if _code(exc) not in _DAMAGED:
            raise
        raise DatabaseError(path, f"not a readable quizapp database ({exc})") from None
    if verdict != "ok":
        found = " ".join(str(verdict).split())  # SQLite reports over several lines
        raise DatabaseError(path, f"not a readable quizapp database (damaged: {found})")
    if app_id not in (0, APPLICATION_ID):
        raise DatabaseError(path, "is another program's SQLite database, not quizapp's")
    if version == 0 and not app_id:
        if tables:
            raise DatabaseError(path, "holds tables that quizapp did not create")
        return version
    if app_id != APPLICATION_ID and (version >= FIRST_WITH_ID or tables != columns_at(version)):
        # Before migration 4 there was no mark: an older file must hold exactly its tables.
        raise DatabaseError(path, "is not a quizapp database (its tables are not quizapp's)")
    if version > LATEST:
        raise DatabaseError(
            path, f"written by a newer quizapp (schema {version}, this one knows {LATEST})"
        )
    if "attempts" not in tables:
        raise DatabaseError(path, "is missing quizapp's tables")
    return version


def _wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL, waiting out another process doing the same (no busy handler runs here)."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if _code(exc) != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def _code(exc: sqlite3.Error) -> int:
    """The primary result code (the low byte of an extended one)."""
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def _trouble(exc: OSError | sqlite3.Error, path: Path) -> DatabaseError:
    """One line saying why a healthy database cannot be used; a real bug is raised again."""
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            return _cannot_write(path, _full(path))
        if exc.errno is None:
            raise exc
        return _cannot_write(path, (exc.strerror or str(exc)).lower())
    code = _code(exc)
    if code in _DAMAGED:
        return DatabaseError(path, f"not a readable quizapp database ({exc})")
    if code in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR) and (
        full := _full(path, sure=code == sqlite3.SQLITE_FULL)
    ):
        return _cannot_write(path, full)
    if code == sqlite3.SQLITE_READONLY:
        return _cannot_write(path, "it is read-only (the file, its folder or the disk)")
    if code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return DatabaseError(path, f"cannot open {path}: {_why_closed(path)}", unusable=False)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return DatabaseError(
            path, f"cannot use {path}: another program holds its write lock", unusable=False
        )
    if code == sqlite3.SQLITE_IOERR:
        return DatabaseError(path, f"cannot use {path}: {exc} (a disk error)", unusable=False)
    raise exc


def _cannot_write(path: Path, why: str) -> DatabaseError:
    return DatabaseError(path, f"cannot write to {path}: {why}", unusable=False)


def _full(path: Path, *, sure: bool = True) -> str:
    """Why a write ran out of room: the file size limit (``ulimit -f``), or a full disk."""
    try:
        import resource  # not on Windows

        limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
        sizes = [f.stat().st_size for f in _files(path) if f.exists()]
        # Reached if the largest file could not grow by two pages (the -shm grows by 32 KB).
        if limit != resource.RLIM_INFINITY and max(sizes, default=0) + 65536 > limit:
            return f"the file size limit (ulimit -f, {limit} bytes) is reached"
    except ImportError:
        pass
    try:
        room = shutil.disk_usage(path.parent).free
    except OSError:
        room = None
    if room == 0 or sure:
        return "disk is full"
    return ""


def _why_closed(path: Path) -> str:
    """The system's reason a file cannot be opened for reading and writing."""
    if path.is_dir():
        return "it is a folder, not a file"
    try:
        os.close(os.open(path, os.O_RDWR | getattr(os, "O_NONBLOCK", 0)))  # a FIFO never blocks
    except OSError as exc:
        return (exc.strerror or str(exc)).lower()
    return "permission denied (the file or its folder)"


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
