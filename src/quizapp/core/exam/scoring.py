"""Scoring a session (SPEC §8): percent, estimated scaled score, pass/fail, domains and topics."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.core.exam.scale import passes, passing_fraction, scaled_score
from quizapp.core.exam.session import Session


@dataclass(frozen=True, slots=True)
class Tally:
    """Correct answers out of a total, for a domain or a topic."""

    name: str
    total: int
    correct: int

    @property
    def percent(self) -> float:
        """Correct as a percentage of the total."""
        return 100.0 * self.correct / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class DomainResult(Tally):
    """A domain's tally and whether it meets the exam's passing fraction."""

    meets: bool = False


@dataclass(frozen=True, slots=True)
class Result:
    """The outcome of a session."""

    total: int
    answered: int
    correct: int
    percent: float
    scaled_score: int
    passed: bool
    passing_fraction: float
    domains: tuple[DomainResult, ...]
    topics: tuple[Tally, ...]
    marks: tuple[bool, ...]  # per item: answered correctly

    @property
    def missed(self) -> tuple[int, ...]:
        """Positions of the items answered wrong or left unanswered."""
        return tuple(i for i, ok in enumerate(self.marks) if not ok)


def score_marks(session: Session, marks: Sequence[bool]) -> Result:
    """Score from per-item correctness (unanswered counts as wrong)."""
    total = len(marks)
    correct = sum(marks)
    fraction = correct / total if total else 0.0
    terms = session.terms
    passing = passing_fraction(terms.passing_score, terms.score_range)
    scaled = scaled_score(correct, total, terms.score_range)
    domain_names = list(terms.domains)
    for item in session.items:  # items drawn to fill a gap keep their own domain name
        if item.domain is not None and item.domain not in domain_names:
            domain_names.append(item.domain)
    domains = []
    for name in domain_names:
        hits = [m for item, m in zip(session.items, marks, strict=True) if item.domain == name]
        if hits:
            tally = Tally(name, len(hits), sum(hits))
            meets = tally.correct / tally.total >= passing
            domains.append(DomainResult(name, tally.total, tally.correct, meets))
    topics: dict[str, list[bool]] = {}
    for item, m in zip(session.items, marks, strict=True):
        topics.setdefault(item.topic, []).append(m)
    return Result(
        total=total,
        answered=session.answered_count,
        correct=correct,
        percent=round(100 * fraction, 1),
        scaled_score=scaled,
        passed=passes(scaled, terms.passing_score),
        passing_fraction=passing,
        domains=tuple(domains),
        topics=tuple(Tally(t, len(v), sum(v)) for t, v in sorted(topics.items())),
        marks=tuple(marks),
    )
