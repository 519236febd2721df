"""The estimated scaled score and the pass mark (SPEC §8), for results and listings alike."""

from __future__ import annotations


def scaled_score(correct: int, total: int, score_range: tuple[int, int]) -> int:
    """``low + (high - low) * percent``, rounded; no questions scores the bottom of the scale."""
    low, high = score_range
    return round(low + (high - low) * (correct / total if total else 0.0))


def passing_fraction(passing_score: int, score_range: tuple[int, int]) -> float:
    """The share of questions the pass mark stands for (a domain meets it at this share)."""
    low, high = score_range
    return (passing_score - low) / (high - low)


def passes(scaled: int, passing_score: int) -> bool:
    """Whether a scaled score reaches the pass mark."""
    return scaled >= passing_score
