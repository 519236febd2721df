"""Spaced repetition with the ``fsrs`` library: the rating rules of SPEC §4.3, time passed in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # fsrs is imported at the first review, not when the notebook is only read
    from fsrs import Rating, Scheduler

MASTERED_AFTER = timedelta(days=21)


@cache
def _scheduler() -> Scheduler:
    from fsrs import Scheduler

    # Fuzzing would add a random spread to intervals; quizapp keeps due dates reproducible.
    return Scheduler(enable_fuzzing=False)


def rating_for(correct: bool, unsure: bool) -> Rating:
    """Wrong → Again; right but unsure → Hard; right → Good."""
    from fsrs import Rating

    if not correct:
        return Rating.Again
    return Rating.Hard if unsure else Rating.Good


@dataclass(frozen=True, slots=True)
class Review:
    """The outcome of one review: the new card state (JSON), when it is due, and the log."""

    card: str
    due: datetime
    interval: timedelta
    log: str


def review(card_json: str | None, correct: bool, unsure: bool, now: datetime) -> Review:
    """Review a card (a new one when ``card_json`` is None) at ``now``, which must be UTC-aware."""
    if now.tzinfo is None:
        raise ValueError("review times must be timezone-aware")
    from fsrs import Card

    # A new card gets an explicit id and due date: fsrs would otherwise read the wall clock.
    card = Card(card_id=1, due=now) if card_json is None else Card.from_json(card_json)
    new, log = _scheduler().review_card(card, rating_for(correct, unsure), now)
    return Review(card=new.to_json(), due=new.due, interval=new.due - now, log=log.to_json())
