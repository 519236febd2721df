"""Cram: the weakest and most-missed entries first, due or not, and no schedule moves."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp.core.study import notebook
from quizapp.core.study.cram import cram_order
from quizapp.core.study.notebook import Summary
from quizapp.service.attempt import Attempt
from quizapp.service.exams import ExamService
from tests.unit.test_service import EXAM, Clock, _bank, _pick, _start, make_service

NOW = datetime(2026, 12, 1, 21, 0, tzinfo=UTC)


def _summary(key: str, topic: str, missed: int, status: str = "active") -> Summary:
    return Summary(key, "b", topic, status, NOW, missed, "")  # type: ignore[arg-type]


def test_the_most_missed_first_so_leeches_lead_then_the_weakest_topic() -> None:
    entries = [
        _summary("b/strong-once", "Strong", 1),
        _summary("b/weak-once", "Weak", 1),
        _summary("b/twice", "Strong", 2),
        _summary("b/leech", "Strong", 4),
        _summary("b/new-topic", "Unseen", 1),
        _summary("b/mastered", "Weak", 9, status="mastered"),
    ]
    mastery = {"Strong": 0.8, "Weak": 0.3}
    assert cram_order(entries, mastery) == [
        "b/leech",
        "b/twice",
        "b/weak-once",
        "b/new-topic",  # a topic without answers sits at 0.5
        "b/strong-once",
    ]
    assert cram_order(entries, mastery, topic="weak") == ["b/weak-once"]
    assert cram_order(entries, mastery, keys={"b/twice", "b/mastered"}) == ["b/twice"]


@pytest.fixture
def service(tmp_path: Path) -> ExamService:
    (tmp_path / "b.yaml").write_text(_bank())
    (tmp_path / "e.yaml").write_text(EXAM)
    (tmp_path / "other.yaml").write_text(
        "bank:\n  id: o\n  title: O\nquestions:\n"
        "  - {id: q0, topic: Other, prompt: P, choices: [w, r], answer: B, explanation: x}\n"
    )
    return make_service(tmp_path, Clock())


def _miss_all(service: ExamService) -> list[str]:
    """A practice run of the exam with every answer wrong: each question enters the notebook."""
    a = _start(service, "practice")
    keys = []
    for i in range(len(a.session.items)):
        a.go(i)
        _pick(a, right=False)
        a.check()
        keys.append(a.session.item.key)
    a.submit()
    a.release()
    return keys


def _answer_all(a: Attempt, right: bool) -> None:
    for i in range(len(a.session.items)):
        a.go(i)
        _pick(a, right=right)
        a.unsure()
        a.check()
    a.submit()


def _rows(service: ExamService, sql: str) -> list[tuple[object, ...]]:
    return list(service.attempts.conn.execute(sql).fetchall())


@pytest.mark.parametrize("right", [True, False])
def test_a_cram_records_history_and_mastery_but_leaves_every_schedule(
    service: ExamService, right: bool
) -> None:
    missed = _miss_all(service)
    entries, logs = service.study.entries(), _rows(service, "SELECT * FROM review_logs")
    due = {e.key: e.due for e in entries}
    assert all(d is not None and d > service.now() for d in due.values())  # none due yet
    topics = {t.topic: t.answered for t in service.study.topics()}
    seen = _rows(service, "SELECT question_key, times_seen FROM question_seen")

    cram = service.cram()
    assert cram is not None
    assert sorted(it.key for it in cram.session.items) == sorted(missed)  # due or not
    _answer_all(cram, right)

    assert service.study.entries() == entries  # FSRS cards, due dates, misses, status
    assert {e.key: e.due for e in service.study.entries()} == due
    assert _rows(service, "SELECT * FROM review_logs") == logs
    after = {t.topic: t.answered for t in service.study.topics()}
    assert sum(after.values()) == sum(topics.values()) + len(missed)
    assert _rows(service, "SELECT question_key, times_seen FROM question_seen") == [
        (k, n + 1) for k, n in seen
    ]
    (summary,) = [s for s in service.history_list() if s.exam_id == "cram"]
    assert (summary.status, summary.correct) == ("submitted", len(missed) if right else 0)


def test_a_cram_keeps_to_its_exam_topic_and_limit_and_resumes_without_them(
    service: ExamService,
) -> None:
    missed = _miss_all(service)
    step = notebook.record(
        None, key="o/q0", topic="Other", fingerprint="f", correct=False, unsure=False,
        picked=(0,), now=service.now(),
    )  # fmt: skip
    assert step is not None
    service.study.save(step[0], new_miss=True, log=step[1], at=service.now())

    def keys(a: Attempt | None) -> list[str]:
        assert a is not None
        a.release()
        return [it.key for it in a.session.items]

    assert "o/q0" in keys(service.cram())
    assert sorted(keys(service.cram(exam_id="ex"))) == sorted(missed)
    assert keys(service.cram(topic="other")) == ["o/q0"]
    limited = service.cram(limit=2)
    assert len(keys(limited)) == 2
    assert limited is not None
    assert service.resume_command(limited.session, plain=True) == "quizapp review --cram --plain"
    again = service.cram()  # no filter: the open cram goes on
    assert again is not None
    assert again.id == limited.id
    assert [s.status for s in service.history_list() if s.exam_id == "cram"] == [
        "in_progress", "abandoned", "abandoned", "abandoned",
    ]  # fmt: skip
    assert service.cram(topic="nothing like it") is None
