"""Spaced repetition with the ``fsrs`` library: the rating rules of SPEC §4.3, time passed in."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # fsrs is imported at the first review, not when the notebook is only read
    from fsrs import Rating, Scheduler

MASTERED_AFTER = timedelta(days=21)
RETENTION = 0.9  # fsrs's default: the chance of recalling an entry when it falls due
EXAM_RETENTION = 0.95  # before an exam date: shorter intervals, more reviews
PULL_IN_DAYS = 3  # a review that would fall after the exam date moves to one of its last days


@cache
def _scheduler(retention: float = RETENTION) -> Scheduler:
    from fsrs import Scheduler

    # Fuzzing would add a random spread to intervals; quizapp keeps due dates reproducible.
    return Scheduler(desired_retention=retention, enable_fuzzing=False)


def rating_for(correct: bool, unsure: bool) -> Rating:
    """Wrong → Again; right but unsure → Hard; right → Good."""
    from fsrs import Rating

    if not correct:
        return Rating.Again
    return Rating.Hard if unsure else Rating.Good


@dataclass(frozen=True, slots=True)
class Review:
    """The outcome of one review: the new card state (JSON), when it is due, and the log.

    ``interval`` is the scheduler's own (it decides mastery); ``due`` may be pulled in before
    an exam date.
    """

    card: str
    due: datetime
    interval: timedelta
    log: str


def review(
    card_json: str | None,
    correct: bool,
    unsure: bool,
    now: datetime,
    *,
    exam: datetime | None = None,
    key: str = "",
) -> Review:
    """Review a card (a new one when ``card_json`` is None) at ``now``, which must be UTC-aware.

    ``exam`` is when the entry's exam begins (the start of the exam day). Before it, the
    desired retention is ``EXAM_RETENTION`` and a due date on or after it is pulled in (see
    ``pull_in``); from then on the review is the plain one.
    """
    if now.tzinfo is None:
        raise ValueError("review times must be timezone-aware")
    from fsrs import Card

    before = exam is not None and now < exam
    # A new card gets an explicit id and due date: fsrs would otherwise read the wall clock.
    card = Card(card_id=1, due=now) if card_json is None else Card.from_json(card_json)
    scheduler = _scheduler(EXAM_RETENTION if before else RETENTION)
    new, log = scheduler.review_card(card, rating_for(correct, unsure), now)
    interval = new.due - now
    if before and exam is not None and new.due >= exam:
        new.due = pull_in(key, now, exam) or new.due
    return Review(card=new.to_json(), due=new.due, interval=interval, log=log.to_json())


def pull_in(key: str, now: datetime, exam: datetime) -> datetime | None:
    """Where a review that would fall on or after ``exam`` goes instead: the start of one of
    the ``PULL_IN_DAYS`` days before it, picked by a hash of the key (so the pulled-in
    reviews spread over those days, the same way on every run). If that moment has passed,
    the last day before the exam; None when that has begun too.
    """
    digest = hashlib.blake2b(key.encode(), digest_size=8).digest()
    days = 1 + int.from_bytes(digest, "big") % PULL_IN_DAYS
    for back in (days, 1):
        at = exam - timedelta(days=back)
        if at > now:
            return at
    return None
