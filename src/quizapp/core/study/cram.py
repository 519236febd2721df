"""Cram: which notebook entries a drill the night before takes, whatever their due dates."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Protocol

CRAM_ID = "cram"  # the exam id a cram is stored under; its answers leave schedules alone
UNKNOWN = 0.5  # a topic with no answers yet: the mastery figure's own starting point


class _Candidate(Protocol):
    @property
    def key(self) -> str: ...

    @property
    def topic(self) -> str: ...

    @property
    def status(self) -> str: ...

    @property
    def times_missed(self) -> int: ...


def cram_order(
    entries: Iterable[_Candidate],
    mastery: Mapping[str, float],
    *,
    topic: str | None = None,
    keys: Collection[str] | None = None,
) -> list[str]:
    """The active entries to cram, best first: the most missed (so leeches, missed four times
    or more, lead), then those of the weakest topic (by mastery), then by key.

    ``topic`` keeps one topic (case-insensitive); ``keys`` keeps the questions of one exam.
    """
    wanted = topic.casefold() if topic is not None else None
    chosen = [
        e
        for e in entries
        if e.status == "active"
        and (wanted is None or e.topic.casefold() == wanted)
        and (keys is None or e.key in keys)
    ]
    chosen.sort(key=lambda e: (-e.times_missed, mastery.get(e.topic, UNKNOWN), e.key))
    return [e.key for e in chosen]
