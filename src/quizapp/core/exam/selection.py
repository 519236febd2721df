"""Choosing an exam's questions for a blueprint, deterministically for a given random source."""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from quizapp.core.bank.examspec import Domain, DomainMatch, ExamSpec
from quizapp.core.bank.models import Question
from quizapp.core.exam.scale import CUSTOM_ID
from quizapp.core.exam.session import ExamTerms, Item
from quizapp.core.exam.slots import SlotPlan, plan_slots
from quizapp.core.words import plural, too_few

if TYPE_CHECKING:
    from quizapp.core.bank.library import Library


WEAK_BELOW = 0.7  # topics under this mastery are "weak"
WEAK_SHARE = 0.6  # at most this share of a domain's open slots goes to weak topics


@dataclass(frozen=True, slots=True)
class History:
    """What earlier passes left behind, for an adaptive later pass (SPEC §4.3)."""

    due: frozenset[str] = frozenset()
    mastery: Mapping[str, float] = field(default_factory=dict)  # topics with answers only
    seen: Mapping[str, tuple[datetime, tuple[int, ...]]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Selection:
    """The chosen items, slots other domains had to fill, and what an adaptive pass stresses."""

    terms: ExamTerms
    items: tuple[Item, ...]
    shortfall: dict[str, int]
    repeats: int = 0
    emphasis: tuple[tuple[str, float], ...] = ()
    #: How many of the missing questions other domains made up.
    filled: int = 0

    @property
    def notes(self) -> list[str]:
        """What the start screen should say about this selection."""
        out = []
        if self.repeats or self.emphasis:
            parts = []
            if self.repeats:
                parts.append(f"Repeats {plural(self.repeats, 'question')} you missed")
            if self.emphasis:
                topics = ", ".join(f"{t} ({m:.0%})" for t, m in self.emphasis)
                parts.append(f"emphasises {topics}")
            text = "; ".join(parts)
            out.append(text[0].upper() + text[1:] + ".")
        missing = sum(self.shortfall.values())
        if missing and self.terms.exam_id == CUSTOM_ID:  # one domain: nothing to fill from
            out.append(too_few(len(self.items), len(self.items) + missing))
        elif missing and self.filled >= missing:
            out += [
                f"{domain}: {plural(n, 'question')} short, filled from other domains"
                for domain, n in self.shortfall.items()
            ]
        elif missing:
            out += [
                f"{domain}: {plural(n, 'question')} short" for domain, n in self.shortfall.items()
            ]
            spare = f"{self.filled} filled from other domains" if self.filled else "none to spare"
            out.append(f"The exam has {plural(len(self.items), 'question')} ({spare}).")
        return out


def fingerprint(q: Question) -> str:
    """A short hash of what makes a question's answer right, to notice later edits of it."""
    parts: list[str] = [q.type, q.prompt]
    for i, c in enumerate(q.choices or ()):
        parts.append(f"{c.text}\x1f{i in q.correct}")
    parts += list(q.steps or ())
    parts += [f"{p.prompt}\x1f{p.match}" for p in q.pairs or ()]
    return hashlib.blake2b("\x1e".join(parts).encode(), digest_size=8).hexdigest()


def make_item(
    key: str, q: Question, domain: str | None, rng: random.Random, avoid: tuple[int, ...] = ()
) -> Item:
    """An item showing ``q`` with its choices (or steps, or matches) in a shuffled order.

    ``avoid`` is the order it was shown in last time: a repeat gets a new one.
    """
    size = len(q.choices or q.steps or q.pairs or ())
    order = list(range(size))
    if q.type != "choice" or q.shuffle:
        rng.shuffle(order)
        unsolved = q.type != "ordering" or size < 2  # an ordering shown solved teaches nothing
        for _ in range(20):
            if tuple(order) != avoid and (unsolved or order != sorted(order)):
                break
            rng.shuffle(order)
    needs = len(q.correct) if q.type == "choice" else 0
    return Item(key, q.topic, domain, q.type, tuple(order), fingerprint(q), q.multiple, needs)


def terms_of(exam: ExamSpec) -> ExamTerms:
    """What a session keeps of its exam."""
    return ExamTerms(
        exam_id=exam.id,
        title=exam.title,
        minutes=exam.minutes,
        passing_score=exam.passing_score,
        score_range=exam.score_range,
        domains=tuple(d.name for d in exam.domains),
    )


def select(
    library: Library,
    exam: ExamSpec,
    rng: random.Random,
    *,
    questions: int | None = None,
    minutes: int | None = None,
    untimed: bool = False,
    history: History | None = None,
) -> Selection:
    """Fill each domain's slots with distinct random questions, then shuffle the exam.

    ``questions`` and ``minutes`` override the blueprint's counts; a domain short of questions
    is topped up from the other domains' leftovers.
    """
    if questions is not None or minutes is not None or untimed:
        exam = replace(
            exam,
            questions=questions or exam.questions,
            minutes=None if untimed else (minutes or exam.minutes),
        )
    resolved = plan_slots(exam, library)
    return _fill(library, exam, resolved, rng, history)


def select_set(
    library: Library,
    exam: ExamSpec,
    number: int,
    rng: random.Random,
    *,
    minutes: int | None = None,
    untimed: bool = False,
) -> Selection:
    """Fixed practice set ``number`` of ``exam``: always the same questions, in an order
    (and choice orders) of ``rng``'s. Raises ValueError for a set the blueprint lacks."""
    from quizapp.core.exam.sets import practice_sets

    if not exam.sets:
        raise ValueError(f"exam '{exam.id}' has no fixed practice sets")
    if not 1 <= number <= exam.sets:
        raise ValueError(f"exam '{exam.id}' has practice sets 1 to {exam.sets}, not {number}")
    chosen = practice_sets(plan_slots(exam, library), exam.sets)[number - 1]
    picks = list(chosen.picks)
    rng.shuffle(picks)
    items = tuple(make_item(k, library.questions[k].question, d, rng) for k, d in picks)
    spec = replace(
        exam,
        title=f"{exam.title} · Practice set {number}",
        minutes=None if untimed else (minutes or exam.minutes),
    )
    short = exam.questions - len(items)
    shortfall = {f"Practice set {number}": short} if short > 0 else {}
    return Selection(terms_of(spec), items, shortfall)


def _fill(
    library: Library,
    exam: ExamSpec,
    resolved: SlotPlan,
    rng: random.Random,
    history: History | None,
) -> Selection:
    used: set[str] = set()
    picks: list[tuple[str, str]] = []
    shortfall: dict[str, int] = {}
    repeats = 0
    for d in resolved.domains:
        if history is None:
            # Sample first and drop repeats after: copying a 25,000-key pool costs more.
            sample = rng.sample(d.keys, min(d.slots + len(used), len(d.keys)))
            take = [k for k in sample if k not in used][: d.slots]
        else:
            take, due_taken = _adaptive(library, d.keys, d.slots, used, rng, history)
            repeats += due_taken
        used.update(take)
        picks += [(k, d.name) for k in take]
        if len(take) < d.slots:
            shortfall[d.name] = d.slots - len(take)
    missing = sum(shortfall.values())
    filled = 0
    if missing:
        spare = list({k: d.name for d in resolved.domains for k in d.keys if k not in used}.items())
        extra = rng.sample(spare, min(missing, len(spare)))
        used.update(k for k, _ in extra)
        picks += extra
        filled = len(extra)
    rng.shuffle(picks)
    seen = history.seen if history is not None else {}
    items = tuple(
        make_item(k, library.questions[k].question, name, rng, seen[k][1] if k in seen else ())
        for k, name in picks
    )
    emphasis: tuple[tuple[str, float], ...] = ()
    if history is not None:
        chosen_topics = {item.topic for item in items}
        weak = sorted(
            (m, t) for t, m in history.mastery.items() if t in chosen_topics and m < WEAK_BELOW
        )
        emphasis = tuple((t, m) for m, t in weak[:3])
    return Selection(terms_of(exam), items, shortfall, repeats, emphasis, filled)


def _adaptive(
    library: Library,
    keys: tuple[str, ...],
    slots: int,
    used: set[str],
    rng: random.Random,
    history: History,
) -> tuple[list[str], int]:
    """Fill one domain: due notebook entries, then weak topics, then unseen, then least recent."""
    pool = [k for k in keys if k not in used]
    rng.shuffle(pool)  # random tie-breaks, deterministic for the seed
    due = [k for k in pool if k in history.due][:slots]
    take = list(due)
    taken = set(take)
    topic_of = {k: library.questions[k].topic for k in pool}
    never = datetime.min.replace(tzinfo=UTC)

    def last_seen(k: str) -> datetime:
        return history.seen[k][0] if k in history.seen else never

    weak = [
        k for k in pool if k not in taken and history.mastery.get(topic_of[k], 1.0) < WEAK_BELOW
    ]
    weak.sort(key=lambda k: (history.mastery[topic_of[k]], k in history.seen, last_seen(k)))
    cap = math.ceil((slots - len(take)) * WEAK_SHARE)
    take += weak[:cap]
    taken.update(weak[:cap])
    rest = [k for k in pool if k not in taken]
    rest.sort(key=lambda k: (k in history.seen, last_seen(k)))
    take += rest[: slots - len(take)]
    return take, len(due)


def custom_exam(
    *,
    banks: tuple[str, ...] = ("*",),
    topics: tuple[str, ...] = (),
    questions: int,
    minutes: int | None,
    title: str = "Custom exam",
) -> ExamSpec:
    """A one-domain blueprint over chosen banks and topics (``minutes`` None: untimed)."""
    if questions < 1 or (minutes is not None and minutes < 1):
        raise ValueError("a custom exam needs at least 1 question and 1 minute")
    match = DomainMatch(banks=banks if not topics else (), topics=topics)
    domain = Domain(name="Custom", weight=100, match=match)
    return ExamSpec(
        id=CUSTOM_ID,
        title=title,
        questions=questions,
        minutes=minutes,
        domains=(domain,),
        banks=banks,
    )
