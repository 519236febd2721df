"""The services a front end needs, built once by the composition root and shared by tests."""

from __future__ import annotations

import os
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quizapp import __version__
from quizapp.core.bank.cache import BankCache
from quizapp.core.bank.library import Library, load_library
from quizapp.paths import bundled_banks, data_dir, ensure_dir, env_bank_dirs
from quizapp.storage.database import DB_NAME, Connection, connect
from quizapp.storage.faults import StorageError

if TYPE_CHECKING:
    from quizapp.service.exams import ExamService
    from quizapp.service.owners import Owners
    from quizapp.service.plans import Planner
    from quizapp.storage.attempts import AttemptStore
    from quizapp.storage.study import StudyStore


def utc_now() -> datetime:
    """The real clock (tests pass a fixed one instead)."""
    return datetime.now(UTC)


# The times quizapp can count with: topic mastery's weights overflow a float in 2082.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2080, 1, 1, tzinfo=UTC)


def clock_from_env() -> Callable[[], datetime]:
    """``$QUIZAPP_NOW`` (an ISO time, UTC if no offset) pins the clock; else the real one.

    It lets a script replay "the next day" (e.g. drilling what a test run left due).
    """
    pinned = os.environ.get("QUIZAPP_NOW")
    if not pinned:
        return utc_now
    try:
        at = datetime.fromisoformat(pinned.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"QUIZAPP_NOW is not an ISO date and time: {pinned!r}") from None
    fixed = at if at.tzinfo else at.replace(tzinfo=UTC)
    if not EARLIEST <= fixed < LATEST:
        raise ValueError(
            f"QUIZAPP_NOW must fall between {EARLIEST.year} and {LATEST.year - 1}: {pinned!r}"
        )
    return lambda: fixed


def random_seed() -> int:
    """A fresh seed for a new exam (tests pass a fixed one instead)."""
    return random.SystemRandom().randrange(2**31)


@dataclass(slots=True)
class AppContext:
    """Settings and services for one run of quizapp."""

    data_dir: Path
    bank_roots: list[Path]
    clock: Callable[[], datetime] = utc_now
    new_seed: Callable[[], int] = random_seed
    ticker: Callable[[], float] = time.monotonic
    use_cache: bool = True
    _library: Library | None = field(default=None, repr=False)
    _db: Connection | None = field(default=None, repr=False)

    @property
    def cache_file(self) -> Path:
        """Where validated banks are cached."""
        return self.data_dir / "cache" / "banks.json"

    @property
    def db_path(self) -> Path:
        """The SQLite database file."""
        return self.data_dir / DB_NAME

    @property
    def db(self) -> Connection:
        """The open, migrated database (opened on first use; may raise DatabaseError)."""
        if self._db is None:
            ensure_dir(self.data_dir)
            if self.db_path.is_dir():
                raise StorageError("is a folder, not a file")
            self._db = connect(self.db_path)
        return self._db

    @property
    def attempts(self) -> AttemptStore:
        """The attempt repository."""
        from quizapp.storage.attempts import AttemptStore

        return AttemptStore(self.db, self.clock)

    @property
    def study(self) -> StudyStore:
        """The notebook and topic statistics."""
        from quizapp.storage.study import StudyStore  # brings fsrs: only when studying

        return StudyStore(self.db)

    @property
    def exams(self) -> ExamService:
        """The attempt service over this context's stores, library and clocks."""
        from quizapp.service.exams import ExamService

        return ExamService(
            self.attempts,
            self.study,
            self.library,
            now=self.clock,
            new_seed=self.new_seed,
            ticker=self.ticker,
            owners=self.owners,
            deadline=self.planner.deadline,
        )

    @property
    def planner(self) -> Planner:
        """Exam dates and the plans towards them."""
        from quizapp.service.plans import Planner
        from quizapp.storage.plans import PlanStore

        return Planner(PlanStore(self.db), self.study, self.attempts, self.library, now=self.clock)

    @property
    def owners(self) -> Owners:
        """Who owns each attempt: a lock file per attempt, so two windows never share one."""
        if sys.platform == "win32":  # no flock there: attempts are owned within one process
            from quizapp.service.owners import LocalOwners

            return LocalOwners()
        from quizapp.locks import FileOwners

        return FileOwners(self.data_dir / "locks")

    @property
    def library(self) -> Library:
        """The loaded library (loaded on first use)."""
        if self._library is None:
            cache = BankCache(self.cache_file, __version__) if self.use_cache else None
            self._library = load_library(self.bank_roots, cache)
        return self._library


def make_context(
    *,
    data_dir_override: str | None = None,
    extra_banks: Sequence[str] = (),
    bundled: bool = True,
    clock: Callable[[], datetime] | None = None,
    use_cache: bool = True,
) -> AppContext:
    """Build the context from the global options (SPEC §2) and the environment."""
    home = data_dir(data_dir_override)
    roots: list[Path] = []
    if bundled:
        roots.append(bundled_banks())
    user_banks = home / "banks"
    if user_banks.is_dir():
        roots.append(user_banks)
    roots += env_bank_dirs()
    roots += [Path(p).expanduser() for p in extra_banks]
    roots = [r.resolve() for r in roots]
    return AppContext(
        data_dir=home, bank_roots=roots, clock=clock or clock_from_env(), use_cache=use_cache
    )
