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


#: The exam id a custom exam (banks and topics picked by hand) is stored under. It has no
#: blueprint, so no pass mark of its own: the one it carries is only the scale's default.
CUSTOM_ID = "custom"


def has_verdict(mode: str, status: str, exam_id: str) -> bool:
    """Only a finished mock exam of a blueprint has a score and a pass or fail (SPEC §7.2).

    Practice runs, retries, drills, custom exams and unfinished or abandoned attempts get
    their tally.
    """
    return mode == "exam" and status in ("submitted", "expired") and exam_id != CUSTOM_ID


def tally(answered: int, total: int) -> str:
    """Where an attempt without a verdict stands: "5 of 43 answered" (a drill or practice run
    is not marked against every question, so never a share of all of them)."""
    return f"{answered} of {total} answered"


def pass_label(passing_score: int, score_range: tuple[int, int]) -> str:
    """How the pass line is named beside a verdict: an estimate, and the share it stands for.

    700 on 100-1000 is 66.7% of the questions: "estimated · pass ≈ 67%".
    """
    return f"estimated · pass ≈ {100 * passing_fraction(passing_score, score_range):.0f}%"


def ready_label(readiness_percent: float, percent: float) -> str:
    """A blueprint's stricter readiness share, and whether ``percent`` correct reaches it."""
    reached = "reached" if percent >= readiness_percent else "not yet"
    return f"ready at {readiness_percent:g}%: {reached}"
