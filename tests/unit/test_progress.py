"""The numbers behind the progress charts, with a fixed clock: scores over time, domain mastery."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.core.bank.library import Library, load_library
from quizapp.core.study.mastery import TopicStats, mastery_from, pooled_mastery, weight
from quizapp.core.study.progress import domain_mastery, exam_progress, score_histories
from quizapp.storage.attempts import AttemptSummary

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

BANK = """\
bank: {id: b, title: B}
questions:
  - {id: s1, topic: S3, domain: Storage, prompt: P, choices: [a, b], answer: A, explanation: x}
  - {id: s2, topic: EBS, domain: Storage, prompt: P, choices: [a, b], answer: A, explanation: x}
  - {id: n1, topic: VPC, domain: Network, prompt: P, choices: [a, b], answer: A, explanation: x}
"""
EXAM = """\
exam:
  id: ex
  title: Example exam
  questions: 2
  passing_score: 700
  score_range: [100, 1000]
  domains: [{name: Storage, weight: 50}, {name: Network, weight: 50}]
"""


@pytest.fixture
def library(tmp_path: Path) -> Library:
    (tmp_path / "b.yaml").write_text(BANK)
    (tmp_path / "e.yaml").write_text(EXAM)
    return load_library([tmp_path])


def _attempt(
    n: int, correct: int, *, exam: str = "ex", mode: str = "exam", status: str = "submitted"
) -> AttemptSummary:
    at = NOW - timedelta(days=10 - n)
    return AttemptSummary(
        id=n, exam_id=exam, title=f"Title {n}", mode=mode, status=status,  # type: ignore[arg-type]
        started_at=at, ended_at=at + timedelta(hours=1) if status != "in_progress" else None,
        total=10, answered=10, correct=correct, elapsed=60.0, minutes=90, passing_score=700,
        score_range=(100, 1000), domains=(),
    )  # fmt: skip


def _stats(topic: str, right: int, wrong: int, at: datetime = NOW) -> TopicStats:
    w = weight(at)
    return TopicStats(topic, right + wrong, right, right * w, (right + wrong) * w)


def test_only_finished_exam_mode_attempts_are_scored_oldest_first_per_exam() -> None:
    attempts = [
        _attempt(5, 9),
        _attempt(2, 3),
        _attempt(3, 10, mode="practice"),
        _attempt(4, 10, status="in_progress"),
        _attempt(6, 10, status="abandoned"),
        _attempt(7, 1, status="expired"),
        _attempt(1, 8, exam="other"),
    ]
    (ex, other) = score_histories(attempts)
    assert ex.exam_id == "ex"
    assert [(p.attempt_id, p.score, p.passed) for p in ex.points] == [
        (2, 370, False),
        (5, 910, True),
        (7, 190, False),
    ]
    assert [p.at for p in ex.points] == sorted(p.at for p in ex.points)
    assert (ex.title, ex.passing_score, ex.score_range) == ("Title 7", 700, (100, 1000))
    assert [(p.attempt_id, p.score) for p in other.points] == [(1, 820)]


def test_pooled_mastery_weighs_each_topic_by_its_answers() -> None:
    s3, ebs = _stats("S3", 9, 1), _stats("EBS", 0, 2)
    pooled = pooled_mastery([s3, ebs], NOW)
    assert pooled == pytest.approx((1 + 9) / (2 + 12))
    assert pooled == pytest.approx(mastery_from(s3.right_weight, 12 * weight(NOW), NOW))
    assert pooled_mastery([], NOW) == 0.5


def test_a_domain_pools_the_topics_of_its_questions_and_says_when_it_has_no_answers(
    library: Library,
) -> None:
    stats = {"S3": _stats("S3", 3, 1), "EBS": _stats("EBS", 1, 1), "Lambda": _stats("Lambda", 5, 0)}
    storage, network = domain_mastery(library.exams["ex"].exam, library, stats, NOW)
    assert (storage.name, storage.weight, storage.answered) == ("Storage", 50, 6)
    assert storage.mastery == pytest.approx((1 + 4) / (2 + 6))
    assert (network.name, network.mastery, network.answered) == ("Network", None, 0)
    later = domain_mastery(library.exams["ex"].exam, library, stats, NOW + timedelta(days=60))
    assert later[0].mastery is not None
    assert abs(later[0].mastery - 0.5) < abs(storage.mastery - 0.5)  # old answers fade


def test_exam_progress_lists_exams_with_scores_or_answers(library: Library) -> None:
    assert exam_progress([], library, [], NOW) == []
    (only_answers,) = exam_progress([], library, [_stats("VPC", 1, 0)], NOW)
    assert (only_answers.exam_id, only_answers.history) == ("ex", None)
    assert only_answers.pass_fraction == pytest.approx(600 / 900)
    assert [d.answered for d in only_answers.domains] == [0, 1]
    ex, gone = exam_progress([_attempt(1, 5), _attempt(2, 5, exam="gone")], library, [], NOW)
    assert (gone.exam_id, gone.title, gone.domains) == ("gone", "Title 2", ())
    assert gone.history is not None
    assert (ex.title, ex.passing_score) == ("Example exam", 700)
    assert ex.history is not None
    assert [p.score for p in ex.history.points] == [550]
