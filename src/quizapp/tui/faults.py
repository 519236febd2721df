"""A database that fails under a screen outside the exam: one line to show, never a crash."""

from __future__ import annotations

from quizapp.storage.faults import fault


def failed(exc: Exception, what: str) -> str:
    """The line "{what}: the database is …" for a database fault; a bug is raised again."""
    found = fault(exc)
    if found is None:
        raise exc
    return f"{what}: the database {found}."
