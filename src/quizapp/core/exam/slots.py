"""Domain slots: an `ExamSpec` resolved against a library, with the questions each slot can take."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING

from quizapp.core.bank.examspec import Domain, ExamSpec

if TYPE_CHECKING:
    from quizapp.core.bank.library import Library


def allocate_slots(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` by ``weights`` (largest remainder), so the parts sum to ``total`` exactly.

    Ties go to the earlier domain, which keeps the split stable for a given blueprint.
    """
    whole = sum(weights)
    if total <= 0 or whole <= 0:
        return [0] * len(weights)
    quotas = [total * w / whole for w in weights]
    slots = [math.floor(q) for q in quotas]
    short = total - sum(slots)
    order = sorted(range(len(weights)), key=lambda i: (-(quotas[i] - slots[i]), i))
    for i in order[:short]:
        slots[i] += 1
    return slots


def bank_allowed(exam: ExamSpec, bank_id: str) -> bool:
    """True when the blueprint's ``banks`` globs admit ``bank_id``."""
    return any(fnmatchcase(bank_id, pattern) for pattern in exam.banks)


@dataclass(frozen=True, slots=True)
class DomainSlots:
    """One domain of a resolved blueprint."""

    name: str
    weight: float
    slots: int
    keys: tuple[str, ...]

    @property
    def available(self) -> int:
        """How many questions of the library are eligible for this domain."""
        return len(self.keys)


@dataclass(frozen=True, slots=True)
class SlotPlan:
    """A blueprint with its slots and the questions each domain can draw on."""

    exam: ExamSpec
    domains: tuple[DomainSlots, ...]

    @property
    def shortfall(self) -> int:
        """Slots no eligible question can fill, summed over the domains."""
        return sum(max(0, d.slots - d.available) for d in self.domains)


def plan_slots(exam: ExamSpec, library: Library) -> SlotPlan:
    """Resolve ``exam`` against ``library`` through its indexes (no scan of every question)."""
    allowed = {bid for bid in library.banks if bank_allowed(exam, bid)}
    slots = allocate_slots(exam.questions, [d.weight for d in exam.domains])
    domains = tuple(
        DomainSlots(d.name, d.weight, n, _keys(d, library, allowed))
        for d, n in zip(exam.domains, slots, strict=True)
    )
    return SlotPlan(exam, domains)


def _keys(domain: Domain, library: Library, allowed: set[str]) -> tuple[str, ...]:
    found = dict.fromkeys(library.by_domain.get(domain.name, ()))
    m = domain.match
    if m is not None:
        for bid in library.banks:
            if any(fnmatchcase(bid, pattern) for pattern in m.banks):
                found.update(dict.fromkeys(library.by_bank[bid]))
        for topic in m.topics:
            found.update(dict.fromkeys(library.by_topic.get(topic, ())))
        for tag in m.tags:
            found.update(dict.fromkeys(library.by_tag.get(tag, ())))
    if len(allowed) == len(library.banks):
        return tuple(found)  # every bank may supply questions: nothing to filter
    questions = library.questions
    return tuple(k for k in found if questions[k].bank in allowed)
