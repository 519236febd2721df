"""Fixed practice sets: an exam's questions split into numbered, non-overlapping mock exams."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from quizapp.core.exam.slots import SlotPlan

# Each question's place comes from a hash of the exam id and its key, not from a random draw:
# the same library gives the same sets on every machine, and a question added to a bank joins
# one set (the one its hash prefers, or the next with room) without moving the others.


@dataclass(frozen=True, slots=True)
class PracticeSet:
    """Practice set ``number`` (from 1): its questions and the domain slot each fills."""

    number: int
    picks: tuple[tuple[str, str], ...]  # (question key, domain name)

    def per_domain(self) -> dict[str, int]:
        """How many of the set's questions fill each domain."""
        out: dict[str, int] = {}
        for _, domain in self.picks:
            out[domain] = out.get(domain, 0) + 1
        return out


def _rank(exam_id: str, key: str) -> int:
    digest = hashlib.blake2b(f"{exam_id}\x1f{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def practice_sets(plan: SlotPlan, count: int) -> tuple[PracticeSet, ...]:
    """Split ``plan``'s eligible questions into ``count`` sets, each filling the blueprint.

    Per domain, the questions are shared out evenly (no set holds more than its share, so the
    sets stay alike in size); each set then takes its domain's slots from its share. A set
    whose share of a domain is short is topped up from its own questions of other domains.
    """
    if count < 1:
        raise ValueError("a blueprint has at least one practice set")
    exam_id = plan.exam.id
    used: set[str] = set()
    shares: list[list[list[str]]] = []
    for d in plan.domains:
        keys = sorted(
            (k for k in dict.fromkeys(d.keys) if k not in used), key=lambda k: _rank(exam_id, k)
        )
        used.update(keys)
        room = math.ceil(len(keys) / count) if keys else 0
        share: list[list[str]] = [[] for _ in range(count)]
        for k in keys:
            n = _rank(exam_id, k) % count
            while len(share[n]) >= room:
                n = (n + 1) % count
            share[n].append(k)
        shares.append(share)
    total = sum(d.slots for d in plan.domains)
    out = []
    for n in range(count):
        picks: list[tuple[str, str]] = []
        spare: list[tuple[str, str]] = []
        for d, share in zip(plan.domains, shares, strict=True):
            mine = share[n]
            picks += [(k, d.name) for k in mine[: d.slots]]
            spare += [(k, d.name) for k in mine[d.slots :]]
        picks += spare[: max(0, total - len(picks))]
        out.append(PracticeSet(n + 1, tuple(picks)))
    return tuple(out)
