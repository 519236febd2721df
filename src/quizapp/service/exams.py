"""Starting, resuming, restarting, retrying and drilling attempts, for both front ends."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING

from quizapp.core.exam.options import StartOptions
from quizapp.core.study.cram import CRAM_ID
from quizapp.service.owners import LocalOwners, Owners
from quizapp.storage.attempts import AttemptStore, AttemptSummary
from quizapp.storage.database import transaction
from quizapp.storage.study import StudyStore

if TYPE_CHECKING:  # the home screen builds the service before any exam machinery is needed
    from quizapp.core.bank.examspec import ExamSpec
    from quizapp.core.bank.library import Library
    from quizapp.core.exam.selection import History, Selection
    from quizapp.core.exam.session import Item, Mode, Session
    from quizapp.service.attempt import Attempt

DRILL_ID = "review"  # the exam id a review drill is stored under


@dataclass(frozen=True, slots=True)
class Opened:
    """What opening an exam came to: an attempt (new or resumed), or a conflict to settle.

    ``conflict`` is the unfinished attempt whose options differ from the ones asked for, with
    ``differences`` naming them; ``attempt`` is None then.
    """

    attempt: Attempt | None
    notes: list[str] = field(default_factory=list)
    resumed: bool = False
    conflict: AttemptSummary | None = None
    differences: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Preview:
    """An exam as it would start: its seed, what the pass emphasises, its size and time."""

    seed: int
    notes: list[str]
    questions: int
    minutes: int | None


class ExamService:
    """The application layer over the attempt and study stores; it runs no SQL itself."""

    def __init__(
        self,
        attempts: AttemptStore,
        study: StudyStore,
        library: Library,
        *,
        now: Callable[[], datetime],
        new_seed: Callable[[], int],
        ticker: Callable[[], float] = time.monotonic,
        owners: Owners | None = None,
        deadline: Callable[[str], datetime | None] | None = None,
    ) -> None:
        self.attempts = attempts
        self.study = study
        self.library = library
        self.now = now
        self.new_seed = new_seed
        self.ticker = ticker
        #: One owner per attempt; the composition root passes owners that span processes.
        self.owners = owners if owners is not None else LocalOwners()
        self.deadline = deadline  # exam dates, passed on to each attempt's scheduling

    # -- what is open ------------------------------------------------------------------------
    def unfinished(self) -> list[AttemptSummary]:
        """Attempts still in progress, newest first."""
        return self.attempts.unfinished()

    def history_list(self, mode: Mode | None = None) -> list[AttemptSummary]:
        """Every attempt (or those taken in ``mode``), newest first, with their tallies."""
        return self.attempts.summaries() if mode is None else self.attempts.of_mode(mode)

    def resume(self, attempt_id: int) -> Attempt | None:
        """The stored attempt, owned and ready to go on (None when it is gone).

        Raises AttemptInUseError when another window owns it. The caller releases it when done.
        """
        from quizapp.service.attempt import Attempt

        claim = self.owners.claim(attempt_id)  # before loading: the copy read is the latest
        try:
            session = self.attempts.load(attempt_id)
        except BaseException:
            claim.release()
            raise
        if session is None:
            claim.release()
            return None
        return Attempt(
            session,
            self.attempts,
            self.study,
            self.library,
            now=self.now,
            ticker=self.ticker,
            claim=claim,
            deadline=self.deadline,
        )

    def finished(self, attempt_id: int) -> Attempt | None:
        """A finished attempt to look at again (its results), or None if it is unfinished.

        Not claimed: a finished attempt never changes, so any window may show it.
        """
        from quizapp.service.attempt import Attempt

        session = self.attempts.load(attempt_id)
        if session is None or not session.finished:
            return None
        attempt = Attempt(
            session, self.attempts, self.study, self.library, now=self.now, ticker=self.ticker
        )
        if session.status != "abandoned":  # an abandoned attempt was never scored
            attempt.stored_marks = self.attempts.marks(attempt_id)
        return attempt

    def stored_options(self, summary: AttemptSummary, spec: ExamSpec | None) -> StartOptions:
        """The options an attempt runs with, filled in where they were not given."""
        asked = summary.options
        return replace(
            asked,
            questions=asked.questions or (spec.questions if spec is not None else summary.total),
            minutes=summary.minutes,
            seed=summary.seed,
            adaptive=asked.adapts,
        )

    # -- exams -------------------------------------------------------------------------------
    def open(
        self, spec: ExamSpec, mode: Mode, options: StartOptions, *, restart: bool = False
    ) -> Opened:
        """Resume the unfinished attempt of ``spec`` in ``mode``, or start one.

        An unfinished attempt is resumed unless an option given differs from the ones it was
        started with: then it is a conflict. ``restart`` abandons it and starts anew.
        """
        found = self.attempts.open_attempt(spec.id, mode)
        if found is not None and not restart:
            differences = options.conflicts(self.stored_options(found, spec))
            if differences:
                return Opened(None, conflict=found, differences=differences)
            attempt = self.resume(found.id)
            if attempt is not None and not attempt.session.finished:
                return Opened(attempt, resumed=True)
            if attempt is not None:  # its owner finished it while we looked
                attempt.release()
                found = None
        started: Attempt | None = None
        try:
            with transaction(self.attempts.conn):  # a new one not stored discards nothing
                if found is not None:
                    self.abandon(found.id)
                started, notes = self.start(spec, mode, options)
        except BaseException:
            if started is not None:  # its row was rolled back: no claim on it may stay
                started.release()
            raise
        return Opened(started, notes)

    def abandon(self, attempt_id: int) -> None:
        """End an unfinished attempt without a result; its answers stay in history."""
        attempt = self.resume(attempt_id)
        if attempt is not None:
            attempt.abandon()
            attempt.release()

    def start(self, spec: ExamSpec, mode: Mode, options: StartOptions) -> tuple[Attempt, list[str]]:
        """Select and store a new attempt; return it and what its start should say.

        Practice runs are untimed unless ``minutes`` is given. From the second attempt of an
        exam on (unless adaptive is off) the pass leans on due entries and weak topics. Raises
        SessionError when no question is eligible.
        """
        from quizapp.core.exam import session as engine

        seed = options.seed if options.seed is not None else self.new_seed()
        chosen = self._select(spec, mode, options, seed)
        session = engine.new_session(
            chosen.terms, chosen.items, mode=mode, started_at=self.now(), seed=seed
        )
        return self._store(session, replace(options, seed=seed)), chosen.notes

    def preview(self, spec: ExamSpec, mode: Mode, options: StartOptions) -> Preview | None:
        """What starting ``spec`` would select, before anything is stored or timed.

        None when an unfinished attempt of it would be resumed (or asked about) instead.
        Starting with the preview's seed gives the same questions. Raises SessionError when
        no question is eligible.
        """
        if self.attempts.open_attempt(spec.id, mode) is not None:
            return None
        seed = options.seed if options.seed is not None else self.new_seed()
        chosen = self._select(spec, mode, options, seed)
        return Preview(seed, chosen.notes, len(chosen.items), chosen.terms.minutes)

    def _select(self, spec: ExamSpec, mode: Mode, options: StartOptions, seed: int) -> Selection:
        from quizapp.core.exam.selection import select, select_set
        from quizapp.core.exam.session import SessionError

        untimed = mode != "exam" and options.minutes is None
        if options.practice_set is not None:  # fixed questions: no adaptive pass, no --questions
            try:
                return select_set(
                    self.library,
                    spec,
                    options.practice_set,
                    random.Random(seed),
                    minutes=options.minutes,
                    untimed=untimed,
                )
            except ValueError as exc:
                raise SessionError(str(exc)) from None
        history = self.history(spec.id) if options.adapts else None
        return select(
            self.library,
            spec,
            random.Random(seed),
            questions=options.questions,
            minutes=options.minutes,
            untimed=untimed,
            history=history,
        )

    def history(self, exam_id: str) -> History | None:
        """What earlier attempts of ``exam_id`` left behind, or None before the first."""
        from quizapp.core.exam.selection import History
        from quizapp.core.study.mastery import RECENT_WINDOW, recent_mastery

        if not self.attempts.count(exam_id):
            return None
        now = self.now()
        # Weak topics by the last days' answers; a topic without any by its long-run mastery.
        mastery = {t.topic: t.mastery(now) for t in self.study.topics()}
        mastery.update(recent_mastery(self.attempts.recent_answers(now - RECENT_WINDOW), now))
        return History(
            due=frozenset(self.study.due_keys(now)),
            mastery=mastery,
            seen=self.study.seen(),
        )

    def _store(
        self, session: Session, options: StartOptions, parent_id: int | None = None
    ) -> Attempt:
        from quizapp.service.attempt import Attempt

        stored = self.attempts.create(session, options, parent_id)
        assert stored.attempt_id is not None
        return Attempt(
            stored,
            self.attempts,
            self.study,
            self.library,
            now=self.now,
            ticker=self.ticker,
            claim=self.owners.claim(stored.attempt_id),
            deadline=self.deadline,
        )

    # -- retries and drills -----------------------------------------------------------------
    def retry(self, finished: Attempt) -> Attempt | None:
        """A retry of the questions a finished attempt got wrong, in new choice orders.

        Its own kind of attempt (mode ``retry``, with a parent): it never takes the place of
        the exam's practice run. None when nothing was missed.
        """
        from quizapp.core.exam import session as engine
        from quizapp.core.exam.selection import make_item

        s = finished.session
        seed = self.new_seed()
        rng = random.Random(seed)
        items: list[Item] = []
        for pos in finished.result().missed:
            q = finished.question(pos)
            if q is not None:
                items.append(make_item(s.items[pos].key, q, s.items[pos].domain, rng))
        if not items:
            return None
        terms = replace(s.terms, title=f"Retry: {s.terms.title}", minutes=None)
        session = engine.new_session(
            terms, tuple(items), mode="retry", started_at=self.now(), seed=seed
        )
        return self._store(session, StartOptions(seed=seed), parent_id=s.attempt_id)

    def drill(self, limit: int | None = None) -> Attempt | None:
        """The open review drill if there is one, else a new one over the entries due now.

        Entries whose bank is not loaded (or no longer loads) wait for it; ``limit`` counts
        the questions actually drilled. None when nothing is due.
        """
        found = self.attempts.open_attempt(DRILL_ID, "review")
        if found is not None:
            attempt = self.resume(found.id)
            if attempt is not None and not attempt.session.finished:
                return attempt
            if attempt is not None:  # its owner finished it while we looked
                attempt.release()
        from quizapp.core.exam import session as engine
        from quizapp.core.exam.session import ExamTerms

        now = self.now()
        seed = self.new_seed()
        items = self._drill_items(self.study.due_keys(now), limit, random.Random(seed))
        if not items:
            return None
        terms = ExamTerms(DRILL_ID, "Review drill", None, 700, (100, 1000), ())
        session = engine.new_session(terms, items, mode="review", started_at=now, seed=seed)
        return self._store(session, StartOptions(seed=seed))

    def cram(
        self, *, exam_id: str | None = None, topic: str | None = None, limit: int | None = None
    ) -> Attempt | None:
        """A drill over the weakest and most-missed active entries, whatever their due dates.

        Its answers count for history and topic mastery but leave every schedule as it was
        (see ``Attempt._study``). With no filter the open cram is resumed; a filter starts a
        new one, abandoning the open one. ``exam_id`` keeps the questions of that exam,
        ``topic`` one topic, ``limit`` counts the questions drilled. None when none is left.
        """
        from quizapp.core.study.cram import cram_order

        found = self.attempts.open_attempt(CRAM_ID, "review")
        if found is not None and exam_id is None and topic is None and limit is None:
            attempt = self.resume(found.id)
            if attempt is not None and not attempt.session.finished:
                return attempt
            if attempt is not None:  # its owner finished it while we looked
                attempt.release()
                found = None
        now = self.now()
        keys: set[str] | None = None
        if exam_id is not None:
            from quizapp.core.exam.slots import plan_slots

            plan = plan_slots(self.library.exams[exam_id].exam, self.library)
            keys = {k for d in plan.domains for k in d.keys}
        mastery = {t.topic: t.mastery(now) for t in self.study.topics()}
        order = cram_order(self.study.summaries(), mastery, topic=topic, keys=keys)
        seed = self.new_seed()
        items = self._drill_items(order, limit, random.Random(seed))
        if not items:
            return None
        if found is not None:
            self.abandon(found.id)
        from quizapp.core.exam import session as engine
        from quizapp.core.exam.session import ExamTerms

        terms = ExamTerms(CRAM_ID, "Cram", None, 700, (100, 1000), ())
        session = engine.new_session(terms, items, mode="review", started_at=now, seed=seed)
        return self._store(session, StartOptions(seed=seed))

    def _drill_items(
        self, keys: list[str], limit: int | None, rng: random.Random
    ) -> tuple[Item, ...]:
        """Items for ``keys`` in order, skipping questions whose bank is not loaded (or no
        longer loads); ``limit`` counts the items made."""
        from quizapp.core.bank.library import BankUnavailableError
        from quizapp.core.exam.selection import make_item

        now = self.now()
        seen = self.study.seen()
        items: list[Item] = []
        for key in keys:
            if limit is not None and len(items) >= limit:
                break
            entry = self.library.questions.get(key)
            if entry is None:
                continue
            try:
                q = entry.question
            except BankUnavailableError:
                continue
            items.append(make_item(key, q, None, rng, seen.get(key, (now, ()))[1]))
        return tuple(items)

    # -- what to tell the user ---------------------------------------------------------------
    def resume_command(self, session: Session, *, plain: bool) -> str:
        """The command that resumes ``session`` as it is."""
        suffix = " --plain" if plain else ""
        if session.mode == "review":
            cram = " --cram" if session.terms.exam_id == CRAM_ID else ""
            return f"quizapp review{cram}{suffix}"
        exam_id = session.terms.exam_id
        if session.mode == "retry" or exam_id not in self.library.exams:
            return "quizapp (then r on the home screen)"
        practice = " --practice" if session.mode == "practice" else ""
        return f"quizapp exam {exam_id}{practice}{suffix}"
