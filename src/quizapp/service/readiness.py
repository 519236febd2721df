"""The readiness estimate of an exam from its stored attempts and topic mastery."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from quizapp.core.study.readiness import MockScore, Readiness, domain_mastery, estimate

if TYPE_CHECKING:
    from quizapp.core.bank.library import Library
    from quizapp.core.exam.slots import SlotPlan
    from quizapp.core.study.mastery import TopicStats
    from quizapp.service.exams import ExamService
    from quizapp.storage.attempts import AttemptSummary


def readiness(
    plan: SlotPlan,
    library: Library,
    attempts: Sequence[AttemptSummary],
    topics: Sequence[TopicStats],
    now: datetime,
) -> Readiness | None:
    """The estimate for ``plan``'s exam; ``attempts`` newest first (any exam, any mode)."""
    exam = plan.exam
    mocks = [
        MockScore(a.correct, a.total, a.answered)
        for a in attempts
        if a.exam_id == exam.id and a.has_verdict and a.total
    ]
    if not mocks:
        return None
    mastery = {t.topic: t.mastery(now) for t in topics}
    questions = library.questions
    domains = domain_mastery(
        ((d.weight, [questions[k].topic for k in d.keys]) for d in plan.domains), mastery
    )
    covered = {questions[k].topic for d in plan.domains for k in d.keys}
    return estimate(
        exam.id,
        mocks,
        domains,
        answers=sum(t.answered for t in topics if t.topic in covered),
        questions=exam.questions,
        passing_score=exam.passing_score,
        score_range=exam.score_range,
    )


def exam_readiness(service: ExamService, exam_id: str) -> Readiness | None:
    """The estimate for the loaded exam ``exam_id`` from everything stored now."""
    from quizapp.core.exam.slots import plan_slots

    library = service.library
    plan = plan_slots(library.exams[exam_id].exam, library)
    now = service.now()
    return readiness(plan, library, service.history_list("exam"), service.study.topics(), now)
