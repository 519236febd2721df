"""Notebook rules, the fsrs mapping and topic mastery, with a fixed clock."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from quizapp.core.study import notebook
from quizapp.core.study.mastery import TopicStats
from quizapp.core.study.notebook import Entry
from quizapp.core.study.scheduler import MASTERED_AFTER, rating_for, review
from quizapp.storage.database import connect
from quizapp.storage.study import StudyStore

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def answer(
    entry: Entry | None,
    correct: bool,
    at: datetime,
    *,
    unsure: bool = False,
    picked: tuple[int, ...] = (2,),
    fp: str = "fp1",
) -> Entry | None:
    step = notebook.record(
        entry,
        key="bank/q1",
        topic="Lambda limits",
        fingerprint=fp,
        correct=correct,
        unsure=unsure,
        picked=picked,
        now=at,
    )
    return None if step is None else step[0]


def test_rating_mapping() -> None:
    from fsrs import Rating

    assert rating_for(False, False) == Rating.Again
    assert rating_for(False, True) == Rating.Again
    assert rating_for(True, True) == Rating.Hard
    assert rating_for(True, False) == Rating.Good


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        review(None, False, False, datetime(2026, 1, 1))


def test_a_miss_creates_an_entry_due_within_a_day() -> None:
    entry = answer(None, False, T0)
    assert entry is not None
    assert (entry.key, entry.bank, entry.status, entry.times_missed) == (
        "bank/q1",
        "bank",
        "active",
        1,
    )
    assert entry.misses[0].picked == (2,)
    assert entry.first_missed == entry.last_missed == T0
    assert entry.due is not None and T0 < entry.due <= T0 + timedelta(days=1)
    assert entry.is_due(T0 + timedelta(days=1))


def test_a_plain_right_answer_makes_no_entry_but_an_unsure_one_does() -> None:
    assert answer(None, True, T0) is None
    unsure = answer(None, True, T0, unsure=True)
    assert unsure is not None
    assert (unsure.times_missed, unsure.unsure_only, unsure.status) == (0, True, "active")


def test_spaced_right_answers_push_the_interval_out_until_mastered() -> None:
    entry = answer(None, False, T0)
    assert entry is not None and entry.due is not None
    intervals = []
    at = entry.due
    for _ in range(8):
        before = at
        entry = answer(entry, True, at)
        assert entry is not None and entry.due is not None
        intervals.append(entry.due - before)
        at = entry.due
        if entry.status == "mastered":
            break
    assert intervals == sorted(intervals)
    assert intervals[-1] >= MASTERED_AFTER
    assert entry.status == "mastered"
    assert entry.times_right_since == len(intervals)
    # A later miss brings it back, due soon, with the new pick recorded.
    back = answer(entry, False, at + timedelta(days=3), picked=(0,))
    assert back is not None and back.due is not None
    assert (back.status, back.times_missed, back.times_right_since) == ("active", 2, 0)
    assert back.misses[-1].picked == (0,)
    assert back.due <= at + timedelta(days=4)


def test_leeches_and_changed_questions() -> None:
    entry = None
    for n in range(4):
        entry = answer(entry, False, T0 + timedelta(days=n))
    assert entry is not None
    assert entry.leech
    assert not entry.changed("fp1")
    assert entry.changed("fp2")
    assert entry.changed(None)


def test_hand_mastery_notes_and_unmastering() -> None:
    entry = answer(None, False, T0)
    assert entry is not None
    done = notebook.master(notebook.with_note(entry, "read the quotas page"))
    assert (done.status, done.note) == ("mastered", "read the quotas page")
    assert not done.is_due(T0 + timedelta(days=100))
    again = notebook.unmaster(done, T0)
    assert again.is_due(T0)


def _topic(answers: list[tuple[bool, datetime]]) -> TopicStats:
    """A topic's sums after ``answers``, kept the way quizapp keeps them (in the database)."""
    study = StudyStore(connect(":memory:"))
    for n, (correct, at) in enumerate(answers):
        study.record_answer(f"b/q{n}", "T", correct, at)
    found = study.topics()
    return found[0] if found else TopicStats("T")


def test_mastery_starts_in_the_middle_and_favours_recent_answers() -> None:
    assert _topic([]).mastery(T0) == 0.5
    assert _topic([(True, T0)]).mastery(T0) == pytest.approx(2 / 3)
    # Old wrong answers, recent right ones: recent ones weigh more.
    old_wrong = [(False, T0 - timedelta(days=120 - day)) for day in range(5)]
    new_right = [(True, T0 - timedelta(days=day)) for day in range(5)]
    stats = _topic(old_wrong + new_right)
    assert (stats.answered, stats.correct) == (10, 5)
    assert stats.mastery(T0) > 0.75
    old_right = [(True, at) for _, at in old_wrong]
    new_wrong = [(False, at) for _, at in new_right]
    assert _topic(old_right + new_wrong).mastery(T0) < 0.25
    # An answer a month old counts about a third (1/e) as much as one given today.
    month = _topic([(True, T0 - timedelta(days=30)), (False, T0)])
    assert month.mastery(T0) == pytest.approx((1 + 1 / math.e) / (2 + 1 + 1 / math.e))
    # With time and no new answers the figure drifts back towards the middle.
    assert abs(stats.mastery(T0 + timedelta(days=365)) - 0.5) < 0.05
    # Few answers stay nearer the middle than many.
    one = _topic([(True, T0)])
    many = _topic([(True, T0)] * 10)
    assert 0.5 < one.mastery(T0) < many.mastery(T0) < 1
