"""An exam session as an immutable value, and the pure transitions the front ends apply to it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # questions are validated models; sessions hold only keys and orders
    from quizapp.core.bank.models import Question, QuestionType

# Time is passed in: ``tick`` adds the seconds a front end measured since its last tick, so
# remaining time and per-question time never depend on a hidden clock.

Mode = Literal["exam", "practice", "review", "retry"]
Status = Literal["in_progress", "submitted", "expired", "abandoned"]
FEEDBACK_MODES: frozenset[Mode] = frozenset({"practice", "review", "retry"})


class SessionError(ValueError):
    """A transition that does not apply (a finished session, a choice that does not exist)."""


@dataclass(frozen=True, slots=True)
class Item:
    """One question of a session: its key, the domain slot it fills and how it is shown.

    ``order`` lists original indices in display order: choices for a choice question, steps
    (shuffled) for ordering, and matches for matching.
    """

    key: str
    topic: str
    domain: str | None
    kind: QuestionType
    order: tuple[int, ...]
    fingerprint: str
    multiple: bool = False
    needs: int = 0  # choices to pick for a complete answer (0: unknown, any pick will do)

    @property
    def size(self) -> int:
        """How many choices, steps or pairs the question has."""
        return len(self.order)


@dataclass(frozen=True, slots=True)
class Response:
    """What the user did with one question.

    ``picked`` holds original indices: the chosen choices (sorted); for ordering, the steps in
    the user's order; for matching, per prompt the pair whose match was assigned (-1: none).
    """

    picked: tuple[int, ...] = ()
    flagged: bool = False
    unsure: bool = False
    struck: frozenset[int] = frozenset()
    seconds: float = 0.0
    answered_at: datetime | None = None
    checked: bool = False
    studied: bool = False  # applied to the notebook, the schedule and mastery (once)


def complete(item: Item, response: Response) -> bool:
    """Whether ``response`` is a whole answer: "Choose two" needs exactly two, matching needs a
    match for every prompt, ordering needs every step."""
    picked = response.picked
    if item.kind == "choice":
        return len(picked) == item.needs if item.needs else bool(picked)
    return len(picked) == item.size and all(p >= 0 for p in picked)


def incomplete(item: Item, response: Response) -> bool:
    """Whether ``response`` is begun but not whole: one tick of a "Choose two", a match missing."""
    return any(p >= 0 for p in response.picked) and not complete(item, response)


@dataclass(frozen=True, slots=True)
class ExamTerms:
    """The terms a session was taken under: its exam, time limit, pass mark, scale and domains."""

    exam_id: str
    title: str
    minutes: int | None
    passing_score: int
    score_range: tuple[int, int]
    domains: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Session:
    """A mock exam, practice run or review drill in progress or finished."""

    terms: ExamTerms
    mode: Mode
    items: tuple[Item, ...]
    responses: tuple[Response, ...]
    started_at: datetime
    seed: int
    current: int = 0
    elapsed: float = 0.0
    status: Status = "in_progress"
    ended_at: datetime | None = None
    attempt_id: int | None = None

    @property
    def finished(self) -> bool:
        """True once submitted or expired."""
        return self.status != "in_progress"

    @property
    def item(self) -> Item:
        """The current item."""
        return self.items[self.current]

    @property
    def response(self) -> Response:
        """The current item's response."""
        return self.responses[self.current]

    @property
    def feedback(self) -> bool:
        """True when answers are checked one by one with feedback (not exam mode)."""
        return self.mode in FEEDBACK_MODES

    def answered(self, position: int | None = None) -> bool:
        """Whether the question at ``position`` (default: current) has a complete answer."""
        i = self.current if position is None else position
        return complete(self.items[i], self.responses[i])

    def incomplete(self, position: int) -> bool:
        """Whether the question at ``position`` has picks but not a complete answer."""
        return incomplete(self.items[position], self.responses[position])

    def counts(self, position: int) -> bool:
        """Whether the answer at ``position`` is one to learn from: a complete answer, or an
        incomplete one once the session was submitted or timed out (it is then wrong)."""
        if self.answered(position):
            return True
        return self.status in ("submitted", "expired") and self.incomplete(position)

    @property
    def incomplete_count(self) -> int:
        """How many questions have picks but not a complete answer."""
        return sum(incomplete(i, r) for i, r in zip(self.items, self.responses, strict=True))

    @property
    def answered_count(self) -> int:
        """How many questions have a complete answer."""
        return sum(complete(i, r) for i, r in zip(self.items, self.responses, strict=True))

    @property
    def flagged_count(self) -> int:
        """How many questions are flagged for review."""
        return sum(r.flagged for r in self.responses)

    def remaining(self) -> float | None:
        """Seconds left, or None when untimed."""
        if self.terms.minutes is None:
            return None
        return max(0.0, self.terms.minutes * 60 - self.elapsed)


def new_session(
    terms: ExamTerms, items: tuple[Item, ...], *, mode: Mode, started_at: datetime, seed: int
) -> Session:
    """A fresh session over ``items``."""
    if not items:
        raise SessionError("an exam needs at least one question")
    return Session(
        terms=terms,
        mode=mode,
        items=items,
        responses=tuple(Response() for _ in items),
        started_at=started_at,
        seed=seed,
    )


def _live(session: Session) -> None:
    if session.finished:
        raise SessionError("this attempt is over")


def _set(session: Session, index: int, response: Response) -> Session:
    responses = list(session.responses)
    responses[index] = response
    return replace(session, responses=tuple(responses))


def tick(session: Session, seconds: float) -> Session:
    """Count ``seconds`` of time against the exam and the current question."""
    if session.finished or seconds <= 0:
        return session
    r = session.response
    ticked = _set(session, session.current, replace(r, seconds=r.seconds + seconds))
    return replace(ticked, elapsed=session.elapsed + seconds)


def timed_out(session: Session) -> bool:
    """True when a timed session has no time left."""
    remaining = session.remaining()
    return remaining is not None and remaining <= 0 and not session.finished


def choose(session: Session, index: int, now: datetime) -> Session:
    """Choose the choice at display position ``index``.

    A single-answer question takes that choice; a multiple-response question toggles it.
    """
    _live(session)
    item = session.item
    if item.kind != "choice":
        raise SessionError("this question has no choices to pick")
    if not 0 <= index < item.size:
        raise SessionError(
            f"this question has no choice {chr(65 + index)}: "
            f"its choices are A to {chr(64 + item.size)}"
        )
    if session.response.checked:
        raise SessionError(
            "your answer is checked and cannot change now: go on to the next question"
        )
    original = item.order[index]
    picked = set(session.response.picked)
    if item.multiple:
        picked ^= {original}
    else:
        picked = {original}
    return _answer(session, tuple(sorted(picked)), now)


def _answer(session: Session, picked: tuple[int, ...], now: datetime) -> Session:
    r = session.response
    stamp = now if picked else None
    return _set(session, session.current, replace(r, picked=picked, answered_at=stamp))


def answer(session: Session, picked: tuple[int, ...], now: datetime) -> Session:
    """Set the current answer in original indices (plain mode and tests)."""
    _live(session)
    item = session.item
    if any(not -1 <= p < item.size for p in picked):
        raise SessionError("that answer names a choice this question does not have")
    if item.kind == "choice":
        picked = tuple(sorted(set(picked)))
        if not item.multiple and len(picked) > 1:
            raise SessionError("this question takes one answer")
    elif picked:
        used = [p for p in picked if p >= 0]
        if len(picked) != item.size or (item.kind == "ordering" and len(used) != item.size):
            raise SessionError(
                f"put all {item.size} steps in order"
                if item.kind == "ordering"
                else f"match all {item.size} prompts"
            )
        if len(set(used)) != len(used):
            raise SessionError("each step or match can be used once")
    return _answer(session, picked, now)


def arrangement(session: Session) -> tuple[int, ...]:
    """An ordering question's steps as currently arranged (the shuffled order until moved)."""
    r, item = session.response, session.item
    return r.picked if r.picked else item.order


def move_step(session: Session, position: int, delta: int, now: datetime) -> Session:
    """Ordering: move the step at ``position`` up (-1) or down (+1); that order is the answer."""
    _live(session)
    if session.item.kind != "ordering":
        raise SessionError("only an ordering question has steps to move")
    steps = list(arrangement(session))
    target = position + delta
    if not (0 <= position < len(steps) and 0 <= target < len(steps)):
        return _answer(session, tuple(steps), now)
    steps[position], steps[target] = steps[target], steps[position]
    return _answer(session, tuple(steps), now)


def order_by(session: Session, positions: tuple[int, ...], now: datetime) -> Session:
    """Ordering: the steps at ``positions`` of the current arrangement, in that order, are the
    answer (typing ``cabd``); steps not named follow in the order shown."""
    _live(session)
    if session.item.kind != "ordering":
        raise SessionError("not an ordering question")
    shown = arrangement(session)
    if any(not 0 <= p < len(shown) for p in positions) or len(set(positions)) != len(positions):
        raise SessionError("name each step once")
    rest = [p for p in range(len(shown)) if p not in positions]
    return _answer(session, tuple(shown[p] for p in (*positions, *rest)), now)


def accept_order(session: Session, now: datetime) -> Session:
    """Ordering: take the current arrangement as the answer without moving anything."""
    _live(session)
    return _answer(session, arrangement(session), now)


def match(session: Session, prompt: int, letter: int, now: datetime) -> Session:
    """Matching: assign the match shown at ``letter`` to prompt ``prompt`` (original order)."""
    _live(session)
    item = session.item
    if item.kind != "matching":
        raise SessionError("only a matching question has prompts to match")
    if not (0 <= prompt < item.size and 0 <= letter < item.size):
        raise SessionError("this question has no such prompt or match")
    pair = item.order[letter]
    picked = list(session.response.picked or (-1,) * item.size)
    picked = [-1 if p == pair else p for p in picked]  # a match is used once
    picked[prompt] = pair
    return _answer(session, tuple(picked), now)


def toggle_flag(session: Session) -> Session:
    """Flag the current question for review, or unflag it."""
    _live(session)
    r = session.response
    return _set(session, session.current, replace(r, flagged=not r.flagged))


def toggle_unsure(session: Session) -> Session:
    """Mark the current answer as unsure (it goes into the notebook even when right)."""
    _live(session)
    r = session.response
    if r.studied:
        raise SessionError("this answer has been counted already; mark unsure before moving on")
    return _set(session, session.current, replace(r, unsure=not r.unsure))


def toggle_strike(session: Session, index: int) -> Session:
    """Strike out the choice at display position ``index`` (an elimination aid), or restore it."""
    _live(session)
    item = session.item
    if item.kind != "choice" or not 0 <= index < item.size:
        raise SessionError("nothing to strike out there")
    r = session.response
    return _set(session, session.current, replace(r, struck=r.struck ^ {item.order[index]}))


def check(session: Session) -> Session:
    """Practice and review: lock the current answer so its feedback is shown."""
    _live(session)
    if not session.feedback:
        raise SessionError("an exam shows its answers after you submit")
    if not session.answered():
        item = session.item
        if item.kind == "choice" and item.needs > 1 and session.response.picked:
            raise SessionError(f"pick {item.needs} choices, then check")
        raise SessionError("answer the question first")
    return _set(session, session.current, replace(session.response, checked=True))


def mark_studied(session: Session, position: int) -> Session:
    """Note that the answer at ``position`` has been applied to study."""
    r = session.responses[position]
    return _set(session, position, replace(r, studied=True))


def go(session: Session, index: int) -> Session:
    """Move to question ``index`` (clamped to the exam); allowed after the end, for review."""
    return replace(session, current=max(0, min(index, len(session.items) - 1)))


def submit(session: Session, now: datetime) -> Session:
    """End the session by the user's choice."""
    _live(session)
    return replace(session, status="submitted", ended_at=now)


def expire(session: Session, now: datetime) -> Session:
    """End the session because its time ran out."""
    _live(session)
    limit = session.terms.minutes
    elapsed = float(limit * 60) if limit is not None else session.elapsed
    return replace(session, status="expired", ended_at=now, elapsed=elapsed)


def abandon(session: Session, now: datetime) -> Session:
    """End the session unfinished, for a restart with other options (its answers stay)."""
    _live(session)
    return replace(session, status="abandoned", ended_at=now)


def is_correct(question: Question, item: Item, response: Response) -> bool:
    """All-or-nothing correctness of a response (incomplete is wrong)."""
    if not complete(item, response):
        return False
    if item.kind == "choice":
        return tuple(sorted(response.picked)) == question.correct
    return response.picked == tuple(range(item.size))
