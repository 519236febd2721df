"""The numbers the progress charts show: each exam's scores over time, and its domains' mastery."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from quizapp.core.study.mastery import TopicStats, pooled_mastery

if TYPE_CHECKING:
    from quizapp.core.bank.examspec import ExamSpec
    from quizapp.core.bank.library import Library


class _Attempt(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def exam_id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def started_at(self) -> datetime: ...

    @property
    def ended_at(self) -> datetime | None: ...

    @property
    def passing_score(self) -> int: ...

    @property
    def score_range(self) -> tuple[int, int]: ...

    @property
    def scaled_score(self) -> int: ...

    @property
    def passed(self) -> bool: ...

    @property
    def has_verdict(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class ScorePoint:
    """One finished mock exam: when it ended and its estimated scaled score."""

    attempt_id: int
    at: datetime
    score: int
    passed: bool


@dataclass(frozen=True, slots=True)
class ScoreHistory:
    """Every finished exam-mode attempt of one exam, oldest first, with its pass line."""

    exam_id: str
    title: str
    passing_score: int
    score_range: tuple[int, int]
    points: tuple[ScorePoint, ...]


def score_histories(attempts: Iterable[_Attempt]) -> list[ScoreHistory]:
    """The scores of finished exam-mode attempts, per exam (by id), each oldest first.

    Practice runs, retries, drills and unfinished attempts have no score and are left out.
    The title and pass line are the newest attempt's.
    """
    by_exam: dict[str, list[_Attempt]] = {}
    for a in attempts:
        if a.has_verdict:
            by_exam.setdefault(a.exam_id, []).append(a)
    out = []
    for exam_id in sorted(by_exam):
        runs = sorted(by_exam[exam_id], key=lambda a: (a.ended_at or a.started_at, a.id))
        newest = runs[-1]
        out.append(
            ScoreHistory(
                exam_id,
                newest.title,
                newest.passing_score,
                newest.score_range,
                tuple(
                    ScorePoint(a.id, a.ended_at or a.started_at, a.scaled_score, a.passed)
                    for a in runs
                ),
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class DomainMastery:
    """One blueprint domain: its weight, the mastery of its topics together, their answers."""

    name: str
    weight: float
    mastery: float | None  # None: no answer in any of its topics yet
    answered: int


def domain_mastery(
    exam: ExamSpec, library: Library, stats: Mapping[str, TopicStats], now: datetime
) -> list[DomainMastery]:
    """Each domain of ``exam``, in blueprint order, with the pooled mastery of the topics of
    the questions it can draw on."""
    from quizapp.core.exam.slots import plan_slots

    out = []
    for d in plan_slots(exam, library).domains:
        topics = {library.questions[k].topic for k in d.keys}
        found = [stats[t] for t in sorted(topics) if t in stats]
        answered = sum(t.answered for t in found)
        level = pooled_mastery(found, now) if answered else None
        out.append(DomainMastery(d.name, d.weight, level, answered))
    return out


@dataclass(frozen=True, slots=True)
class ExamProgress:
    """What the charts show for one exam: its scores over time and its domains' mastery."""

    exam_id: str
    title: str
    passing_score: int
    pass_fraction: float  # of the score range: where the pass line sits on every bar
    history: ScoreHistory | None
    domains: tuple[DomainMastery, ...]  # empty when the exam is no longer loaded


def exam_progress(
    attempts: Iterable[_Attempt],
    library: Library,
    stats: Iterable[TopicStats],
    now: datetime,
) -> list[ExamProgress]:
    """Every exam with a finished mock exam or an answer in one of its domains, by id."""
    from quizapp.core.exam.scale import passing_fraction

    histories = {h.exam_id: h for h in score_histories(attempts)}
    by_topic = {t.topic: t for t in stats}
    out = []
    for exam_id in sorted(set(histories) | set(library.exams)):
        history = histories.get(exam_id)
        loaded = library.exams.get(exam_id)
        domains = tuple(domain_mastery(loaded.exam, library, by_topic, now)) if loaded else ()
        if history is None and not any(d.answered for d in domains):
            continue
        if loaded is not None:
            title, passing, scale = (
                loaded.exam.title,
                loaded.exam.passing_score,
                loaded.exam.score_range,
            )
        else:
            assert history is not None
            title, passing, scale = history.title, history.passing_score, history.score_range
        fraction = passing_fraction(passing, scale)
        out.append(ExamProgress(exam_id, title, passing, fraction, history, domains))
    return out
