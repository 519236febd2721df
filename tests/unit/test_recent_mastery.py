"""Weak topics for a later pass follow the last days' answers, not a month's (decision 009)."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.core.bank.library import load_library
from quizapp.core.exam.options import StartOptions
from quizapp.core.study.mastery import RECENT_TAU, recent_mastery
from quizapp.service.exams import ExamService
from quizapp.storage.attempts import AttemptStore
from quizapp.storage.database import connect
from quizapp.storage.study import StudyStore

T0 = datetime(2026, 11, 26, 9, tzinfo=UTC)


def test_recent_answers_count_more_and_few_stay_near_the_middle() -> None:
    assert recent_mastery([], T0) == {}
    assert recent_mastery([("T", True, T0)], T0) == {"T": pytest.approx(2 / 3)}
    # One answer RECENT_TAU old weighs 1/e of one given now.
    old = T0 - RECENT_TAU
    assert recent_mastery([("T", True, old), ("T", False, T0)], T0)["T"] == pytest.approx(
        (1 + 1 / math.e) / (2 + 1 + 1 / math.e)
    )
    # Ten misses two weeks ago, three right answers in the last two days: caught up.
    answers = [("T", False, T0 - timedelta(days=14))] * 10
    answers += [("T", True, T0 - timedelta(days=d)) for d in (2, 1, 0)]
    answers += [("U", False, T0)]
    found = recent_mastery(answers, T0)
    assert found["T"] > 0.7
    assert found["U"] == pytest.approx(1 / 3)


BANK = "".join(
    f"  - {{id: {t.lower()}{i}, topic: Topic {t}, domain: D, prompt: {t} question {i},"
    f" choices: [right, w1, w2, w3], answer: A, shuffle: false, explanation: x}}\n"
    for t in "AB"
    for i in range(20)
)
EXAM = (
    "exam:\n  id: ex\n  title: Ex\n  questions: 10\n  minutes: 20\n"
    "  domains:\n    - {name: D, weight: 100}\n"
)


def _service(tmp_path: Path, now: list[datetime]) -> ExamService:
    (tmp_path / "b.yaml").write_text(f"bank:\n  id: b\n  title: B\nquestions:\n{BANK}")
    (tmp_path / "e.yaml").write_text(EXAM)
    db = connect(":memory:")
    seeds = iter(range(1, 1000))
    return ExamService(
        AttemptStore(db, lambda: now[0]),
        StudyStore(db),
        load_library([tmp_path]),
        now=lambda: now[0],
        new_seed=lambda: next(seeds),
        ticker=lambda: 0.0,
    )


def _mock(service: ExamService, right: dict[str, bool]) -> list[str]:
    """One mock exam, each topic's questions all right or all wrong; the start's notes."""
    attempt, notes = service.start(service.library.exams["ex"].exam, "exam", StartOptions())
    for i, item in enumerate(attempt.session.items):
        attempt.go(i)
        attempt.answer((0,) if right[item.topic] else (1,))
    attempt.submit()
    attempt.release()
    return notes


def test_a_topic_caught_up_in_the_last_days_is_no_longer_emphasised(tmp_path: Path) -> None:
    now = [T0]
    service = _service(tmp_path, now)
    for day in range(4):  # a bad start on Topic A...
        now[0] = T0 + timedelta(days=day)
        notes = _mock(service, {"Topic A": False, "Topic B": True})
    assert "Topic A" in notes[0]
    for day in range(4, 7):  # ...then three good days
        now[0] = T0 + timedelta(days=day)
        _mock(service, {"Topic A": True, "Topic B": True})
    now[0] = T0 + timedelta(days=7)
    (a,) = (t for t in service.study.topics() if t.topic == "Topic A")
    assert a.mastery(now[0]) < 0.7  # a month's answers still call it weak...
    history = service.history("ex")
    assert history is not None
    assert history.mastery["Topic A"] > 0.7  # ...the last days' do not
    notes = _mock(service, {"Topic A": True, "Topic B": True})
    assert not any("Topic A" in note for note in notes)
    # Answers of an exam not yet submitted do not count until it is.
    before = service.history("ex")
    assert before is not None
    attempt, _ = service.start(service.library.exams["ex"].exam, "exam", StartOptions())
    for i in range(len(attempt.session.items)):
        attempt.go(i)
        attempt.answer((1,))
    after = service.history("ex")
    assert after is not None
    assert after.mastery["Topic A"] == before.mastery["Topic A"]
