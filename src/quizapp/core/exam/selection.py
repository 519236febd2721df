"""Choosing an exam's questions for a blueprint, deterministically for a given random source."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quizapp.core.bank.models import Domain, DomainMatch, ExamInfo, Question
from quizapp.core.exam.blueprint import ExamPlan, plan
from quizapp.core.exam.session import Blueprint, Item

if TYPE_CHECKING:
    from quizapp.core.bank.library import Library


@dataclass(frozen=True, slots=True)
class Selection:
    """The chosen items, and how many slots other domains had to fill."""

    blueprint: Blueprint
    items: tuple[Item, ...]
    shortfall: dict[str, int]

    @property
    def notes(self) -> list[str]:
        """What the start screen should say about this selection."""
        return [
            f"{domain}: {n} question(s) short, filled from other domains"
            for domain, n in self.shortfall.items()
        ]


def fingerprint(q: Question) -> str:
    """A short hash of what makes a question's answer right, to notice later edits of it."""
    parts: list[str] = [q.type, q.prompt]
    for i, c in enumerate(q.choices or ()):
        parts.append(f"{c.text}\x1f{i in q.correct}")
    parts += list(q.steps or ())
    parts += [f"{p.prompt}\x1f{p.match}" for p in q.pairs or ()]
    return hashlib.blake2b("\x1e".join(parts).encode(), digest_size=8).hexdigest()


def make_item(key: str, q: Question, domain: str | None, rng: random.Random) -> Item:
    """An item showing ``q`` with its choices (or steps, or matches) in a shuffled order."""
    size = len(q.choices or q.steps or q.pairs or ())
    order = list(range(size))
    if q.type != "choice" or q.shuffle:
        rng.shuffle(order)
        if q.type == "ordering" and size > 1:
            while order == sorted(order):  # an ordering shown already solved teaches nothing
                rng.shuffle(order)
    return Item(key, q.topic, domain, q.type, tuple(order), fingerprint(q), q.multiple)


def blueprint_of(exam: ExamInfo) -> Blueprint:
    """What a session keeps of its exam."""
    return Blueprint(
        exam_id=exam.id,
        title=exam.title,
        minutes=exam.minutes,
        passing_score=exam.passing_score,
        score_range=exam.score_range,
        domains=tuple(d.name for d in exam.domains),
    )


def select(
    library: Library,
    exam: ExamInfo,
    rng: random.Random,
    *,
    questions: int | None = None,
    minutes: int | None = None,
    untimed: bool = False,
) -> Selection:
    """Fill each domain's slots with distinct random questions, then shuffle the exam.

    ``questions`` and ``minutes`` override the blueprint's counts; a domain short of questions
    is topped up from the other domains' leftovers.
    """
    if questions is not None or minutes is not None or untimed:
        exam = exam.model_copy(
            update={
                "questions": questions or exam.questions,
                "minutes": None if untimed else (minutes or exam.minutes),
            }
        )
    resolved = plan(exam, library)
    return _fill(library, exam, resolved, rng)


def _fill(library: Library, exam: ExamInfo, resolved: ExamPlan, rng: random.Random) -> Selection:
    used: set[str] = set()
    picks: list[tuple[str, str]] = []
    shortfall: dict[str, int] = {}
    for d in resolved.domains:
        # Sample first and drop repeats after: copying a 25,000-key pool per domain costs more.
        take = [
            k for k in rng.sample(d.keys, min(d.slots + len(used), len(d.keys))) if k not in used
        ][: d.slots]
        used.update(take)
        picks += [(k, d.name) for k in take]
        if len(take) < d.slots:
            shortfall[d.name] = d.slots - len(take)
    missing = sum(shortfall.values())
    if missing:
        spare = list({k: d.name for d in resolved.domains for k in d.keys if k not in used}.items())
        extra = rng.sample(spare, min(missing, len(spare)))
        used.update(k for k, _ in extra)
        picks += extra
    rng.shuffle(picks)
    items = tuple(make_item(k, library.questions[k].question, name, rng) for k, name in picks)
    return Selection(blueprint_of(exam), items, shortfall)


def custom_exam(
    *,
    banks: tuple[str, ...] = ("*",),
    topics: tuple[str, ...] = (),
    questions: int,
    minutes: int | None,
    title: str = "Custom exam",
) -> ExamInfo:
    """A one-domain blueprint over chosen banks and topics (``minutes`` None: untimed)."""
    match = DomainMatch(banks=banks if not topics else (), topics=topics)
    domain = Domain(name="Custom", weight=100, match=match)
    return ExamInfo(
        id="custom",
        title=title,
        questions=questions,
        minutes=minutes,
        domains=(domain,),
        banks=banks,
    )
