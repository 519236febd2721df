"""One attempt in progress: every transition the front ends make, saved as it happens."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime

from quizapp.core.bank.library import BankUnavailableError, Library
from quizapp.core.bank.models import Question
from quizapp.core.exam import session as engine
from quizapp.core.exam.answers import Comparison, compare
from quizapp.core.exam.scoring import Result, score_marks
from quizapp.core.exam.selection import fingerprint
from quizapp.core.exam.session import Session
from quizapp.core.study import notebook
from quizapp.core.study.cram import CRAM_ID
from quizapp.core.words import MODE_NAMES
from quizapp.service.owners import Claim
from quizapp.storage.attempts import AttemptStore
from quizapp.storage.database import transaction
from quizapp.storage.faults import StorageError, fault
from quizapp.storage.study import StudyStore

# The TUI and plain mode both drive attempts through this class, so the rules live once: the
# engine decides, the stores commit, and the clocks are injected.
#
# Study (notebook, FSRS, mastery) is applied once per answer, at one moment: for an exam at the
# end; with feedback (practice, retry, drill) when the user leaves a checked question, so that
# "unsure" pressed after reading the feedback still counts. Each response remembers that it
# was applied (``studied``) in the same transaction, which makes the moment happen only once.
# The stored flags, not this copy's, decide: each transaction re-reads them under the write lock,
# so a second copy of the attempt (a stale window, a double submit) cannot count anything twice.

SAVE_EVERY = 5.0  # seconds between progress saves while the user is thinking


class Attempt:
    """A stored session with its stores and clocks."""

    def __init__(
        self,
        session: Session,
        attempts: AttemptStore,
        study: StudyStore,
        library: Library,
        *,
        now: Callable[[], datetime],
        ticker: Callable[[], float] = time.monotonic,
        claim: Claim | None = None,
        deadline: Callable[[str], datetime | None] | None = None,
    ) -> None:
        if session.attempt_id is None:
            raise ValueError("an attempt is stored before it is run")
        self.session = session
        self.id: int = session.attempt_id
        self.attempts = attempts
        self.study = study
        self.library = library
        self.now = now
        self.ticker = ticker
        self._last_tick = ticker()
        self._last_save = self._last_tick
        #: Held by a front end that ticks from a second thread (plain mode's heartbeat).
        self.lock = threading.RLock()
        self._claim = claim
        #: When the exam a question prepares for begins (an exam date), for the scheduler.
        self.deadline = deadline
        #: A finished attempt's marks as stored when it ended: an edit of its bank since then
        #: must not change its score (the listings count the stored marks).
        self.stored_marks: dict[int, bool] | None = None
        #: While paused no time counts, not even if the app is closed before it goes on.
        self.paused = False

    def release(self) -> None:
        """Give up ownership (the front end is done with it): another window may resume it."""
        if self._claim is not None:
            self._claim.release()
            self._claim = None

    @property
    def cram(self) -> bool:
        """A cram: its answers count for history and mastery, never for a schedule."""
        return self.session.mode == "review" and self.session.terms.exam_id == CRAM_ID

    # -- questions -------------------------------------------------------------------------
    def _position(self, position: int | None) -> int:
        return self.session.current if position is None else position

    def question(self, position: int | None = None) -> Question | None:
        """The question at ``position`` (default: current), or None if its bank lost it."""
        entry = self.library.questions.get(self.session.items[self._position(position)].key)
        if entry is None:
            return None
        try:
            return entry.question
        except BankUnavailableError:
            return None

    def scenario(self, position: int | None = None) -> str | None:
        """The case-study text of the question at ``position``."""
        entry = self.library.questions.get(self.session.items[self._position(position)].key)
        try:
            return entry.scenario if entry is not None else None
        except BankUnavailableError:
            return None

    def changed(self, position: int | None = None) -> bool:
        """True when the bank's question no longer matches what this attempt showed."""
        q = self.question(position)
        return (
            q is None or fingerprint(q) != self.session.items[self._position(position)].fingerprint
        )

    def correct(self, position: int) -> bool:
        """Whether the answer at ``position`` is right (a changed or lost question is wrong)."""
        if self.stored_marks is not None:
            return self.stored_marks.get(position, False)
        q = self.question(position)
        if q is None or self.changed(position):
            return False
        return engine.is_correct(q, self.session.items[position], self.session.responses[position])

    def comparison(self, position: int | None = None) -> Comparison | None:
        """The answer given against the right one, as every front end shows it."""
        pos = self._position(position)
        q = self.question(pos)
        if q is None:
            return None
        s = self.session
        return compare(q, s.items[pos], s.responses[pos], self.correct(pos))

    # -- time ------------------------------------------------------------------------------
    def tick(self) -> None:
        """Count the time since the last tick; end the session if its time is up."""
        moment = self.ticker()
        delta, self._last_tick = moment - self._last_tick, moment
        if self.paused:
            return
        self.session = engine.tick(self.session, delta)
        if engine.timed_out(self.session):
            before = self.session
            self.session = engine.expire(self.session, self.now())
            try:
                self._finish()
            except Exception as exc:  # not shown as ended: the next tick tries the end again
                self._unstudied(before, exc, ending=True)
                raise

    def heartbeat(self) -> None:
        """Call about once a second: keeps time and saves progress every few seconds."""
        self.tick()
        if not self.session.finished and self._last_tick - self._last_save >= SAVE_EVERY:
            self.attempts.save_progress(self.session)
            self._last_save = self._last_tick

    def save_progress(self) -> None:
        """Count the time so far and commit it with the position."""
        if not self.session.finished:
            self.tick()
        if not self.session.finished:  # an expiry in tick() has saved everything already
            self.attempts.save_progress(self.session)
        self._last_save = self._last_tick

    def pause(self) -> None:
        """Stop the clock: the time so far is counted and saved, and none counts until
        ``go_on``. A pause left open when the app closes counts nothing either."""
        if self.session.finished or self.paused:
            return
        self.save_progress()
        self.paused = True

    def go_on(self) -> None:
        """Start the clock again after a pause, from now."""
        self._last_tick = self.ticker()
        self.paused = False

    def leave(self) -> None:
        """The user leaves (to resume later): what was checked counts, the clock is saved.

        It also gives up ownership, so another window may resume the attempt.
        """
        if not self.session.finished:
            self.tick()
        if not self.session.finished:
            with transaction(self.attempts.conn):
                self._settle(self.session.current)
                self.attempts.save_progress(self.session)
        self._last_save = self._last_tick
        self.release()

    # -- transitions -----------------------------------------------------------------------
    def _respond(self, change: Callable[[Session], Session]) -> None:
        self.tick()
        if self.session.finished:
            return
        before, self.session = self.session, change(self.session)
        pos = self.session.current
        try:
            with transaction(self.attempts.conn):
                if self._ended_elsewhere():
                    return
                self.attempts.save(
                    self.session, pos, self.correct(pos) if self.session.answered() else None
                )
        except Exception as exc:
            found = fault(exc)
            if found is None:
                raise
            self.session = before  # what the user sees stays what is stored
            raise StorageError(
                f"{found}; your last change to question {pos + 1} is unsaved"
            ) from exc
        self._last_save = self._last_tick

    def _ended_elsewhere(self) -> bool:
        """Inside a write: if another copy of this attempt ended it, take up what it stored."""
        if self.attempts.status(self.id) == "in_progress":
            return False
        self.session = self.attempts.load(self.id) or self.session
        return True

    def choose(self, index: int) -> None:
        """Choose (or toggle) the choice at display position ``index``."""
        self._respond(lambda s: engine.choose(s, index, self.now()))

    def answer(self, picked: tuple[int, ...]) -> None:
        """Set the answer in original indices."""
        self._respond(lambda s: engine.answer(s, picked, self.now()))

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

    def order_by(self, positions: tuple[int, ...]) -> None:
        """Ordering: put the steps shown at ``positions`` first, in that order."""
        self._respond(lambda s: engine.order_by(s, positions, self.now()))

    def accept_order(self) -> None:
        """Ordering: answer with the order as shown."""
        self._respond(lambda s: engine.accept_order(s, self.now()))

    def match(self, prompt: int, letter: int) -> None:
        """Matching: assign a match to a prompt."""
        self._respond(lambda s: engine.match(s, prompt, letter, self.now()))

    def check(self) -> None:
        """Practice, retry and drill: lock the answer and show its feedback."""
        self._respond(engine.check)

    def go(self, index: int) -> None:
        """Move to another question; a checked one left behind counts for study now."""
        self.tick()
        if self.session.finished:
            self.session = engine.go(self.session, index)
            return
        before = self.session
        try:
            with transaction(self.attempts.conn):
                self._settle(self.session.current)
                self.session = engine.go(self.session, index)
                self.attempts.save_progress(self.session)
        except Exception as exc:
            self._unstudied(before, exc)
            raise  # only the position was lost: the move stands, as it is shown
        self._last_save = self._last_tick

    def submit(self) -> None:
        """End the session now."""
        self.tick()
        if not self.session.finished:
            before = self.session
            self.session = engine.submit(self.session, self.now())
            try:
                self._finish()
            except Exception as exc:
                self._unstudied(before, exc, ending=True)
                raise

    def _unstudied(self, before: Session, exc: Exception, *, ending: bool = False) -> None:
        """A write that held study (a grade, the end) failed: go back to what is stored.

        Raises StorageError saying what is unsaved; returns when only the position was lost
        (or ``exc`` is a bug, which the caller raises again).
        """
        found = fault(exc)
        if found is None:
            return
        pos = before.current
        graded = before.responses[pos].checked and not before.responses[pos].studied
        if not (ending or graded):
            return
        self.session = before  # never shown as counted, or as ended, when it is not stored
        mode = MODE_NAMES.get(before.mode, before.mode).lower()
        what = f"the end of this {mode}" if ending else f"the grade of question {pos + 1}"
        raise StorageError(f"{found}; {what} is unsaved") from exc

    def abandon(self) -> None:
        """End the session unfinished (a restart with other options); its answers stay."""
        if self.session.finished:
            return
        with transaction(self.attempts.conn):
            self._settle(self.session.current)
            self.session = engine.abandon(self.session, self.now())
            self.attempts.save_progress(self.session)

    def _finish(self) -> None:
        marks = [self.correct(i) for i in range(len(self.session.items))]
        with transaction(self.attempts.conn):  # the result and what it teaches land together
            if self._ended_elsewhere():  # its answers and study stand; this copy yields
                return
            self.attempts.finish(self.session, marks)
            for pos in range(len(self.session.items)):
                self._study(pos)

    def _settle(self, position: int) -> None:
        """With feedback, a checked answer counts once the user moves on from it."""
        if self.session.responses[position].checked:
            self._study(position)

    def _study(self, position: int) -> None:
        """Apply one final answer to the notebook, the schedule and topic mastery, once."""
        s = self.session
        item, resp = s.items[position], s.responses[position]
        if resp.studied or not s.counts(position) or self.changed(position):
            return  # unanswered and changed questions teach nothing about the user
        now = self.now()
        correct = self.correct(position)
        with transaction(self.attempts.conn):
            if self.attempts.studied(self.id, position):
                self.session = engine.mark_studied(s, position)
                return
            # A cram leaves the notebook as it stands: schedules, misses and status alike.
            if not self.cram:
                step = notebook.record(
                    self.study.entry(item.key),
                    key=item.key,
                    topic=item.topic,
                    fingerprint=item.fingerprint,
                    correct=correct,
                    unsure=resp.unsure,
                    picked=resp.picked,
                    now=now,
                    exam=self.deadline(item.key) if self.deadline is not None else None,
                )
                if step is not None:
                    entry, log = step
                    self.study.save(entry, new_miss=not correct, log=log, at=now)
            self.study.record_answer(item.key, item.topic, correct, now, item.order)
            self.session = engine.mark_studied(self.session, position)
            self.attempts.save(self.session, position, correct)

    def noted(self) -> int:
        """How many answers of this attempt went into the notebook (changed ones teach nothing)."""
        s = self.session
        return sum(
            1
            for i in range(len(s.items))
            if s.counts(i)
            and not self.changed(i)
            and notebook.enters(self.correct(i), s.responses[i].unsure)
        )

    def result(self) -> Result:
        """The score of the session as it stands."""
        return score_marks(self.session, [self.correct(i) for i in range(len(self.session.items))])
