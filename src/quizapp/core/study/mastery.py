"""Topic mastery: a figure in [0, 1] where recent answers count more and few answers stay near 0.5.

Each answer adds weight ``exp((t - EPOCH) / TAU)`` to a topic's running sums, so the sums can be
kept up to date one answer at a time; reading mastery then scales them by ``exp(-(now - EPOCH) /
TAU)``, which decays every answer by its age. The figure is the mean of a Beta(1 + right,
1 + wrong) estimate over those decayed counts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
TAU = timedelta(days=30)  # an answer a month old counts about a third as much as one today
# Choosing a pass's weak topics follows the last few days instead: a learner catches up on a
# topic within days, and a month's answers kept calling it weak (decision 009).
RECENT_TAU = timedelta(days=3)
RECENT_WINDOW = timedelta(days=30)  # older answers weigh under e^-10 at RECENT_TAU


def weight(at: datetime) -> float:
    """The (unscaled) weight of an answer given at ``at``."""
    return math.exp((at - EPOCH) / TAU)


@dataclass(frozen=True, slots=True)
class TopicStats:
    """Running sums for one topic."""

    topic: str
    answered: int = 0
    correct: int = 0
    right_weight: float = 0.0
    total_weight: float = 0.0

    def mastery(self, now: datetime) -> float:
        """The mastery figure at ``now``."""
        return mastery_from(self.right_weight, self.total_weight, now)


def mastery_from(right_weight: float, total_weight: float, now: datetime) -> float:
    """Mastery from weighted sums, decayed to ``now``."""
    scale = math.exp(-((now - EPOCH) / TAU))
    return _beta_mean(right_weight * scale, total_weight * scale)


def _beta_mean(right: float, total: float) -> float:
    return (1.0 + right) / (2.0 + total)


def recent_mastery(
    answers: Iterable[tuple[str, bool, datetime]], now: datetime
) -> dict[str, float]:
    """Mastery of each topic in ``answers`` (topic, right, when) with ``RECENT_TAU`` decay."""
    sums: dict[str, list[float]] = {}
    for topic, correct, at in answers:
        w = math.exp(-max(0.0, (now - at) / RECENT_TAU))
        pair = sums.setdefault(topic, [0.0, 0.0])
        pair[0] += w if correct else 0.0
        pair[1] += w
    return {t: _beta_mean(right, total) for t, (right, total) in sums.items()}


def pooled_mastery(stats: Iterable[TopicStats], now: datetime) -> float:
    """Mastery of several topics taken together (an exam domain): their sums pooled, so a
    topic weighs by its answers."""
    right = total = 0.0
    for t in stats:
        right += t.right_weight
        total += t.total_weight
    return mastery_from(right, total, now)
