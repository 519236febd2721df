"""Database faults the user's machine causes (a lock, a damaged file), as one-line errors."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

# Errors quizapp's own code causes (a constraint it broke, a closed connection) stay bugs.
_BUGS = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)
# What decoding a row flipped on disk raises (bad JSON, a bad date, an unknown status).
_ROW_DAMAGE = (KeyError, ValueError, TypeError, IndexError)


class StorageError(Exception):
    """The database failed under quizapp (busy, damaged, unwritable).

    The message is one line that follows the database's name: "is locked by another program".
    """


def _one_line(exc: BaseException) -> str:
    """The error's text on one short line, with any control character from the file escaped."""
    text = " ".join(str(exc).split())
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return text if len(text) <= 100 else text[:99] + "…"


def fault(exc: BaseException) -> StorageError | None:
    """``exc`` as a StorageError when the database or its machine caused it, else None (a bug)."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, _BUGS) or not isinstance(exc, sqlite3.Error | UnicodeDecodeError):
        return None
    text = _one_line(exc)
    if isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
        return StorageError("is locked by another program; try again when it is done")
    damaged = "malformed" in text or "not a database" in text
    if not damaged and ("disk" in text or "readonly" in text or "read-only" in text):
        return StorageError(f"cannot be written ({text})")
    if "unable to open" in text:
        return StorageError(f"cannot be opened ({text})")
    return StorageError(f"is damaged ({text})")


def decoded(read: Callable[P, T]) -> Callable[P, T]:
    """Reading rows back: a row that no longer decodes is a damaged database, not a bug."""

    @functools.wraps(read)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return read(*args, **kwargs)
        except _ROW_DAMAGE as exc:
            text = _one_line(exc)
            raise StorageError(f"holds a damaged row ({text})") from exc
        except sqlite3.Error as exc:
            found = fault(exc)
            if found is None:
                raise
            raise found from exc

    return wrapper
