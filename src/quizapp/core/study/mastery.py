"""Topic mastery: a figure in [0, 1] from a user's answers, near the middle when they are few."""

from __future__ import annotations


def mastery(correct: int, answered: int, prior: float = 1.0) -> float:
    """The mean of a Beta(prior + correct, prior + wrong) estimate of the chance of a right answer.

    With no answers it is 0.5; each answer moves it less the more answers there are.
    """
    if answered < 0 or not 0 <= correct <= answered:
        raise ValueError("correct must be between 0 and answered")
    return (prior + correct) / (2 * prior + answered)
