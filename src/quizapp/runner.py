"""Runs a session for a front end: applies engine transitions, saves each one, keeps time."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from quizapp.core.bank.blueprints import ExamInfo
from quizapp.core.bank.library import BankUnavailableError, Library
from quizapp.core.bank.models import Question
from quizapp.core.exam import session as engine
from quizapp.core.exam.scoring import Result, score_marks
from quizapp.core.exam.selection import History, make_item, select
from quizapp.core.exam.session import Blueprint, Mode, Session
from quizapp.core.study import notebook
from quizapp.storage.attempts import AttemptStore
from quizapp.storage.database import transaction
from quizapp.storage.study import StudyStore

# The TUI and plain mode both drive exams through this, so the rules live in one place: the
# engine decides, the store commits, and the clocks are injected.

SAVE_EVERY = 5.0  # seconds between progress saves while the user is thinking


class ExamRunner:
    """One session in progress, with its store and clocks."""

    def __init__(
        self,
        session: Session,
        store: AttemptStore,
        library: Library,
        *,
        now: Callable[[], datetime],
        ticker: Callable[[], float] = time.monotonic,
        study: StudyStore | None = None,
    ) -> None:
        self.session = session if session.attempt_id is not None else store.create(session)
        self.store = store
        self.study = study if study is not None else StudyStore(store.conn)
        self.library = library
        self.now = now
        self.ticker = ticker
        self._last_tick = ticker()
        self._last_save = self._last_tick
        #: Held by a front end that ticks from a second thread (plain mode's heartbeat).
        self.lock = threading.RLock()

    # -- questions -------------------------------------------------------------------------
    def question(self, position: int | None = None) -> Question | None:
        """The question at ``position`` (default: current), or None if its bank lost it."""
        item = self.session.items[self.session.current if position is None else position]
        entry = self.library.questions.get(item.key)
        if entry is None:
            return None
        try:
            return entry.question
        except BankUnavailableError:
            return None

    def scenario(self, position: int | None = None) -> str | None:
        """The case-study text of the question at ``position``."""
        item = self.session.items[self.session.current if position is None else position]
        entry = self.library.questions.get(item.key)
        try:
            return entry.scenario if entry is not None else None
        except BankUnavailableError:
            return None

    def changed(self, position: int | None = None) -> bool:
        """True when the bank's question no longer matches what this attempt showed."""
        from quizapp.core.exam.selection import fingerprint

        q = self.question(position)
        item = self.session.items[self.session.current if position is None else position]
        return q is None or fingerprint(q) != item.fingerprint

    def correct(self, position: int) -> bool:
        """Whether the answer at ``position`` is right (a vanished question counts as wrong)."""
        q = self.question(position)
        if q is None or self.changed(position):
            return False
        return engine.is_correct(q, self.session.items[position], self.session.responses[position])

    # -- time ------------------------------------------------------------------------------
    def tick(self) -> None:
        """Count the time since the last tick; end the session if its time is up."""
        moment = self.ticker()
        delta, self._last_tick = moment - self._last_tick, moment
        self.session = engine.tick(self.session, delta)
        if engine.timed_out(self.session):
            self.session = engine.expire(self.session, self.now())
            self._finish()

    def heartbeat(self) -> None:
        """Call about once a second: keeps time and saves progress every few seconds."""
        self.tick()
        if not self.session.finished and self._last_tick - self._last_save >= SAVE_EVERY:
            self.store.save_progress(self.session)
            self._last_save = self._last_tick

    def save_progress(self) -> None:
        """Count the time so far and commit it with the position (also on leaving)."""
        if not self.session.finished:
            self.tick()
        if not self.session.finished:  # an expiry in tick() has saved everything already
            self.store.save_progress(self.session)
        self._last_save = self._last_tick

    # -- transitions -----------------------------------------------------------------------
    def _respond(self, change: Callable[[Session], Session]) -> None:
        self.tick()
        if self.session.finished:
            return
        self.session = change(self.session)
        pos = self.session.current
        answered = self.session.response.answered
        self.store.save(self.session, pos, self.correct(pos) if answered else None)
        self._last_save = self._last_tick

    def choose(self, index: int) -> None:
        """Choose (or toggle) the choice at display position ``index``."""
        self._respond(lambda s: engine.choose(s, index, self.now()))

    def answer(self, picked: tuple[int, ...]) -> None:
        """Set the answer in original indices."""
        self._respond(lambda s: engine.answer(s, picked, self.now()))

    def clear(self) -> None:
        """Remove the current answer."""
        self._respond(engine.clear)

    def flag(self) -> None:
        """Flag or unflag the current question."""
        self._respond(engine.toggle_flag)

    def unsure(self) -> None:
        """Mark or unmark the current answer as unsure."""
        self._respond(engine.toggle_unsure)

    def strike(self, index: int) -> None:
        """Strike out or restore the choice at display position ``index``."""
        self._respond(lambda s: engine.toggle_strike(s, index))

    def move_step(self, position: int, delta: int) -> None:
        """Ordering: move a step up or down."""
        self._respond(lambda s: engine.move_step(s, position, delta, self.now()))

    def accept_order(self) -> None:
        """Ordering: answer with the order as shown."""
        self._respond(lambda s: engine.accept_order(s, self.now()))

    def match(self, prompt: int, letter: int) -> None:
        """Matching: assign a match to a prompt."""
        self._respond(lambda s: engine.match(s, prompt, letter, self.now()))

    def check(self) -> None:
        """Practice: lock the answer, show the feedback, and count it for study."""
        pos = self.session.current
        with transaction(self.store.conn):
            self._respond(engine.check)
            if self.session.responses[pos].checked:
                self._study([pos])

    def go(self, index: int) -> None:
        """Move to another question."""
        self.tick()
        self.session = engine.go(self.session, index)
        if not self.session.finished:
            self.store.save_progress(self.session)
            self._last_save = self._last_tick

    def submit(self) -> None:
        """End the session now."""
        self.tick()
        if not self.session.finished:
            self.session = engine.submit(self.session, self.now())
            self._finish()

    def _finish(self) -> None:
        marks = [self.correct(i) for i in range(len(self.session.items))]
        with transaction(self.store.conn):  # the result and what it teaches land together
            self.store.finish(self.session, marks)
            self._study([i for i, r in enumerate(self.session.responses) if not r.checked])

    def _study(self, positions: list[int]) -> None:
        """Apply final answers to the notebook, the schedule and topic mastery."""
        now = self.now()
        for pos in positions:
            item, resp = self.session.items[pos], self.session.responses[pos]
            q = self.question(pos)
            if not resp.answered or q is None or self.changed(pos):
                continue
            correct = self.correct(pos)
            step = notebook.record(
                self.study.entry(item.key),
                key=item.key,
                topic=item.topic,
                fingerprint=item.fingerprint,
                correct=correct,
                unsure=resp.unsure,
                picked=resp.picked,
                now=now,
            )
            if step is not None:
                entry, log = step
                self.study.save(entry, new_miss=not correct, log=log, at=now)
            self.study.record_answer(item.key, item.topic, correct, now, item.order)

    def result(self) -> Result:
        """The score of the session as it stands."""
        return score_marks(self.session, [self.correct(i) for i in range(len(self.session.items))])


def start(
    library: Library,
    store: AttemptStore,
    exam: ExamInfo,
    *,
    mode: Mode,
    seed: int,
    now: Callable[[], datetime],
    ticker: Callable[[], float] = time.monotonic,
    questions: int | None = None,
    minutes: int | None = None,
    adapt: bool = True,
) -> tuple[ExamRunner, list[str]]:
    """Select and store a new session; return its runner and what the start screen should say.

    Practice runs are untimed unless ``minutes`` is given. From the second attempt of an exam
    on (unless ``adapt`` is off) the pass leans on due notebook entries and weak topics.
    """
    untimed = mode != "exam" and minutes is None
    history = history_for(store, exam.id, now()) if adapt else None
    chosen = select(
        library,
        exam,
        random.Random(seed),
        questions=questions,
        minutes=minutes,
        untimed=untimed,
        history=history,
    )
    session = engine.new_session(
        chosen.blueprint, chosen.items, mode=mode, started_at=now(), seed=seed
    )
    return ExamRunner(session, store, library, now=now, ticker=ticker), chosen.notes


def history_for(store: AttemptStore, exam_id: str, now: datetime) -> History | None:
    """What earlier attempts of ``exam_id`` left behind, or None for a first attempt."""
    earlier = store.conn.execute(
        "SELECT COUNT(*) FROM attempts WHERE exam_id = ?", (exam_id,)
    ).fetchone()[0]
    if not earlier:
        return None
    study = StudyStore(store.conn)
    return History(
        due=frozenset(study.due_keys(now)),
        mastery={t.topic: t.mastery(now) for t in study.topics()},
        seen=study.seen(),
    )


def review_drill(
    library: Library,
    store: AttemptStore,
    *,
    seed: int,
    now: Callable[[], datetime],
    ticker: Callable[[], float] = time.monotonic,
    limit: int | None = None,
) -> ExamRunner | None:
    """A review drill over the notebook entries due now (None when nothing is due)."""
    study = StudyStore(store.conn)
    seen = study.seen()
    rng = random.Random(seed)
    items = []
    for key in study.due_keys(now(), limit):
        entry = library.questions.get(key)
        if entry is None:
            continue  # its bank is not loaded: it waits until it is
        q = entry.question
        items.append(make_item(key, q, None, rng, seen.get(key, (now(), ()))[1]))
    if not items:
        return None
    blueprint = Blueprint("review", "Review drill", None, 700, (100, 1000), ())
    session = engine.new_session(
        blueprint, tuple(items), mode="review", started_at=now(), seed=seed
    )
    return ExamRunner(session, store, library, now=now, ticker=ticker, study=study)


def retry_missed(runner: ExamRunner, seed: int) -> ExamRunner:
    """A practice run over the questions a finished session got wrong, in new choice orders."""
    s = runner.session
    rng = random.Random(seed)
    items = []
    for pos in runner.result().missed:
        q = runner.question(pos)
        if q is not None:
            items.append(make_item(s.items[pos].key, q, s.items[pos].domain, rng))
    blueprint = replace(s.blueprint, title=f"Retry: {s.blueprint.title}", minutes=None)
    session = engine.new_session(
        blueprint, tuple(items), mode="practice", started_at=runner.now(), seed=seed
    )
    return ExamRunner(session, runner.store, runner.library, now=runner.now, ticker=runner.ticker)
