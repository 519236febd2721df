"""Pacing: time used against questions answered, as the exam header says it."""

from __future__ import annotations

SLACK = 60.0  # within a minute of the even pace is on pace


def pacing(elapsed: float, answered: int, total: int, minutes: int | None) -> str | None:
    """ "on pace", "3 min behind" or "2 min ahead"; None when untimed.

    The even pace spends the same time on each question: after ``answered`` of ``total``
    questions it has used ``answered / total`` of the time. Behind means more time used.
    """
    if minutes is None or total <= 0:
        return None
    budget = minutes * 60 * answered / total
    gap = elapsed - budget
    if abs(gap) < SLACK:
        return "on pace"
    return f"{int(abs(gap) // 60)} min {'behind' if gap > 0 else 'ahead'}"
