"""The wrong-answer notebook's rules (SPEC §4.2): what enters it, how it changes, when done."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Literal, NamedTuple, Protocol

from quizapp.core.study.scheduler import MASTERED_AFTER, review

Status = Literal["active", "mastered"]
LEECH_AFTER = 4  # misses that mark an entry as a leech


@dataclass(frozen=True, slots=True)
class Miss:
    """One wrong answer: the choices picked (original indices) and when."""

    picked: tuple[int, ...]
    at: datetime


@dataclass(frozen=True, slots=True)
class Entry:
    """A notebook entry for one question key."""

    key: str
    bank: str
    topic: str
    fingerprint: str
    status: Status = "active"
    misses: tuple[Miss, ...] = ()
    times_right_since: int = 0
    note: str = ""
    card: str | None = None
    due: datetime | None = None
    created_at: datetime | None = None
    unsure_only: bool = False  # entered as a right answer marked unsure, never missed

    @property
    def times_missed(self) -> int:
        """How many times the question was answered wrong."""
        return len(self.misses)

    @property
    def first_missed(self) -> datetime | None:
        """When it was first missed."""
        return self.misses[0].at if self.misses else None

    @property
    def last_missed(self) -> datetime | None:
        """When it was last missed."""
        return self.misses[-1].at if self.misses else None

    @property
    def leech(self) -> bool:
        """Missed so often that reading the references beats drilling."""
        return self.times_missed >= LEECH_AFTER

    def is_due(self, now: datetime) -> bool:
        """Active and scheduled for now or earlier."""
        return self.status == "active" and self.due is not None and self.due <= now

    def changed(self, current_fingerprint: str | None) -> bool:
        """True when the bank's question no longer matches the one missed (or is gone)."""
        return current_fingerprint != self.fingerprint


class Summary(NamedTuple):
    """What a list of entries shows and filters on, without each entry's misses.

    A named tuple of plain values: ten thousand of them neither cost much to build nor
    give the cyclic garbage collector anything to walk.
    """

    key: str
    bank: str
    topic: str
    status: Status
    due: datetime | None
    times_missed: int
    note: str

    @property
    def leech(self) -> bool:
        """Missed so often that reading the references beats drilling."""
        return self.times_missed >= LEECH_AFTER

    def is_due(self, now: datetime) -> bool:
        """Active and scheduled for now or earlier."""
        return self.status == "active" and self.due is not None and self.due <= now


def record(
    entry: Entry | None,
    *,
    key: str,
    topic: str,
    fingerprint: str,
    correct: bool,
    unsure: bool,
    picked: tuple[int, ...],
    now: datetime,
    exam: datetime | None = None,
) -> tuple[Entry, str] | None:
    """Apply one final answer to the notebook: the new entry and the review log, or None.

    A wrong answer creates or reactivates the entry; a right answer marked unsure creates one;
    a plain right answer only moves an existing entry along its schedule. Each answer is one
    spaced-repetition review; ``exam`` is when the exam the question prepares for begins.
    """
    if entry is None:
        if correct and not unsure:
            return None
        entry = Entry(
            key=key,
            bank=key.split("/", 1)[0],
            topic=topic,
            fingerprint=fingerprint,
            created_at=now,
            unsure_only=correct,
        )
    step = review(entry.card, correct, unsure, now, exam=exam, key=key)
    if correct:
        updated = replace(
            entry,
            times_right_since=entry.times_right_since + 1,
            card=step.card,
            due=step.due,
            fingerprint=fingerprint,  # answered right as it reads now: no longer "changed"
            topic=topic,
        )
        if updated.status == "active" and step.interval >= MASTERED_AFTER:
            updated = replace(updated, status="mastered")
        return updated, step.log
    missed = replace(
        entry,
        misses=(*entry.misses, Miss(picked, now)),
        times_right_since=0,
        status="active",
        card=step.card,
        due=step.due,
        fingerprint=fingerprint,
        topic=topic,
        unsure_only=False,
    )
    return missed, step.log


class _Listed(Protocol):
    @property
    def key(self) -> str: ...

    @property
    def status(self) -> Status: ...

    @property
    def due(self) -> datetime | None: ...

    @property
    def leech(self) -> bool: ...

    def is_due(self, now: datetime) -> bool: ...


_FAR = datetime.max.replace(tzinfo=UTC)


def order_key(entry: _Listed, now: datetime) -> tuple[bool, bool, bool, datetime, str]:
    """The notebook's one order: leeches, then what is due, then active by due date, then
    mastered (the list, the study sheet and every export)."""
    return (
        not entry.leech,
        not entry.is_due(now),
        entry.status != "active",
        entry.due or _FAR,
        entry.key,
    )


def master(entry: Entry) -> Entry:
    """Mark as mastered by hand."""
    return replace(entry, status="mastered")


def unmaster(entry: Entry, now: datetime) -> Entry:
    """Back to active, due now."""
    return replace(entry, status="active", due=now)


def with_note(entry: Entry, note: str) -> Entry:
    """Replace the personal note."""
    return replace(entry, note=note)
