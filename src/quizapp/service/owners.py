"""Who owns an attempt: one process (one quizapp window) at a time."""

from __future__ import annotations

import os
from typing import Protocol


class AttemptInUseError(Exception):
    """Another quizapp process holds this attempt; ``pid`` is that process when known."""

    def __init__(self, pid: int | None) -> None:
        where = f" (pid {pid})" if pid else ""
        super().__init__(f"this exam is open in another quizapp window{where}")
        self.pid = pid


class Claim(Protocol):
    """Ownership of one attempt, held until released (or the process ends)."""

    def release(self) -> None:
        """Give the attempt up; releasing twice is harmless."""


class Owners(Protocol):
    """Hands out claims on attempts; the composition root gives one that spans processes."""

    def claim(self, attempt_id: int) -> Claim:
        """Own ``attempt_id`` or raise AttemptInUseError."""


class LocalOwners:
    """Claims that exclude one another within this process only (a database in memory)."""

    def __init__(self) -> None:
        self._held: set[int] = set()

    def claim(self, attempt_id: int) -> Claim:
        """Own ``attempt_id`` or raise AttemptInUseError."""
        if attempt_id in self._held:
            raise AttemptInUseError(os.getpid())
        self._held.add(attempt_id)
        return _LocalClaim(self._held, attempt_id)


class _LocalClaim:
    def __init__(self, held: set[int], attempt_id: int) -> None:
        self._held = held
        self._id = attempt_id

    def release(self) -> None:
        self._held.discard(self._id)
