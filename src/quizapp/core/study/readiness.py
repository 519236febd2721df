"""Readiness: an estimate of the chance to pass a fresh mock exam and of its scaled score."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from quizapp.core.exam.scale import passing_fraction
from quizapp.core.words import noun

MIN_MOCKS = 1  # finished mock exams of the exam before there is an estimate
MIN_ANSWERS = 30  # ... holding at least this many answered questions between them
RECENT = 0.5  # each older mock counts half as much as the one after it
MASTERY_AS_MOCKS = 0.5  # topic mastery counts as much as half a mock exam
Z = 1.645  # the interval holds a fresh mock's score 90% of the time, if the model is right
FLOOR = 0.02  # what the model itself may be off by (a fraction of the questions)


@dataclass(frozen=True, slots=True)
class MockScore:
    """One finished exam-mode attempt of the exam, newest first in a history."""

    correct: int
    total: int
    answered: int


@dataclass(frozen=True, slots=True)
class DomainMastery:
    """A blueprint domain: its weight and the mastery of its topics with their question counts."""

    weight: float
    topics: tuple[tuple[float, int], ...]  # (mastery, questions of the topic in the domain)

    @property
    def mastery(self) -> float:
        """The topics' mastery weighted by how many of the domain's questions each holds."""
        total = sum(n for _, n in self.topics)
        return sum(m * n for m, n in self.topics) / total if total else 0.5


@dataclass(frozen=True, slots=True)
class Readiness:
    """The estimate for one exam (SPEC §7.2 ``readiness``)."""

    exam: str
    p_pass: float
    expected_score: int
    low: int
    high: int
    mocks: int
    answers: int

    @property
    def based_on(self) -> str:
        """What the estimate rests on, in SPEC §7.2's form for ``stats --json``."""
        return f"{_count(self.mocks, 'mock exam')}, {_count(self.answers, 'answer')}"

    @property
    def basis(self) -> str:
        """The same for people: the mocks, and apart from them every answer on the exam's
        topics (the mastery input), so the count never reads as the mocks' own."""
        return (
            f"{_count(self.mocks, 'mock exam')} and {_count(self.answers, 'answer')} on its topics"
        )

    def as_json(self) -> dict[str, object]:
        """The fields of ``quizapp stats --json``."""
        return {
            "exam": self.exam,
            "p_pass": self.p_pass,
            "expected_score": self.expected_score,
            "low": self.low,
            "high": self.high,
            "based_on": self.based_on,
        }


def domain_mastery(
    domains: Iterable[tuple[float, Iterable[str]]], mastery: Mapping[str, float]
) -> list[DomainMastery]:
    """Each domain (its weight and its questions' topics) with its topics' mastery.

    A topic without answers counts as 0.5, the figure mastery starts from.
    """
    out = []
    for weight, topics in domains:
        counts: dict[str, int] = {}
        for topic in topics:
            counts[topic] = counts.get(topic, 0) + 1
        out.append(
            DomainMastery(weight, tuple((mastery.get(t, 0.5), n) for t, n in counts.items()))
        )
    return out


def estimate(
    exam: str,
    mocks: Sequence[MockScore],
    domains: Sequence[DomainMastery],
    *,
    answers: int,
    questions: int,
    passing_score: int,
    score_range: tuple[int, int],
) -> Readiness | None:
    """The readiness of one exam, or None while there is not enough data.

    ``mocks`` are its finished exam-mode attempts, newest first; ``domains`` its blueprint with
    topic mastery; ``answers`` how many answers that mastery rests on; ``questions`` the length
    of a fresh mock. Enough data means at least ``MIN_MOCKS`` finished mocks holding
    ``MIN_ANSWERS`` answered questions.
    """
    if len(mocks) < MIN_MOCKS or sum(m.answered for m in mocks) < MIN_ANSWERS or questions < 1:
        return None
    weights = [RECENT**i for i in range(len(mocks))]
    whole = sum(weights)
    from_mocks = sum(w * m.correct / m.total for w, m in zip(weights, mocks, strict=True)) / whole
    n_mocks = whole**2 / sum(w * w for w in weights)  # how many mocks the weighting is worth
    domain_weight = sum(d.weight for d in domains)
    from_mastery = (
        sum(d.weight * d.mastery for d in domains) / domain_weight if domain_weight else from_mocks
    )
    share = n_mocks / (n_mocks + MASTERY_AS_MOCKS)
    p = share * from_mocks + (1 - share) * from_mastery
    spread = p * (1 - p)
    # A fresh mock's own draw of questions, the mocks' draws, the two sources disagreeing.
    mock_draws = sum(w * w * spread / m.total for w, m in zip(weights, mocks, strict=True))
    variance = (
        spread / questions
        + share**2 * mock_draws / whole**2
        + ((1 - share) * (from_mocks - from_mastery)) ** 2
        + FLOOR**2
    )
    sigma = math.sqrt(variance)
    low_end, high_end = score_range

    def scaled(fraction: float) -> int:
        return round(low_end + (high_end - low_end) * min(1.0, max(0.0, fraction)))

    pass_at = passing_fraction(passing_score, score_range)
    p_pass = 0.5 * math.erfc((pass_at - p) / (sigma * math.sqrt(2)))
    return Readiness(
        exam=exam,
        p_pass=round(p_pass, 2),
        expected_score=scaled(p),
        low=scaled(p - Z * sigma),
        high=scaled(p + Z * sigma),
        mocks=len(mocks),
        answers=answers,
    )


def describe(r: Readiness | None) -> str:
    """One line for the home screen and ``quizapp stats``."""
    return " · ".join(describe_lines(r))


def describe_lines(r: Readiness | None) -> tuple[str, ...]:
    """The estimate and what it is based on, apart, for a screen whose lines are cut at 80
    columns (the results)."""
    if r is None:
        return (
            f"Readiness: not enough data yet (needs {MIN_ANSWERS} answers in finished mock exams)",
        )
    return (
        f"Readiness (an estimate): {r.p_pass:.0%} chance to pass · expected"
        f" {r.expected_score} ({r.low}-{r.high})",
        f"from {r.basis}",
    )


def _count(n: int, word: str) -> str:
    return f"{n:,} {noun(n, word)}"  # the plural rule is words.noun's; only the commas are ours
