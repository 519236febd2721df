"""Exam dates and the plans towards them, for the command line and the TUI."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from quizapp.core.bank.library import Library
from quizapp.core.exam.slots import plan_slots
from quizapp.core.study import plan as rules
from quizapp.core.study.plan import Card, Plan
from quizapp.storage.attempts import AttemptStore, AttemptSummary
from quizapp.storage.database import transaction
from quizapp.storage.plans import ExamDate, PlanStore
from quizapp.storage.study import StudyStore


def exam_name(exam_id: str) -> str:
    """How a plan names its exam: the id as AWS writes exam codes (CLF-C02)."""
    return exam_id.upper()


class Planner:
    """Sets and clears exam dates, and works out each plan from the stored history."""

    def __init__(
        self,
        plans: PlanStore,
        study: StudyStore,
        attempts: AttemptStore,
        library: Library,
        *,
        now: Callable[[], datetime],
    ) -> None:
        self.plans = plans
        self.study = study
        self.attempts = attempts
        self.library = library
        self.clock = now
        self._pools: dict[str, frozenset[str]] = {}
        self._deadlines: tuple[tuple[ExamDate, ...], dict[str, datetime]] | None = None

    def now(self) -> datetime:
        """The clock in the local time zone: what "today" means to the person studying."""
        return self.clock().astimezone()

    def pool(self, exam_id: str) -> frozenset[str]:
        """Every question the exam can draw on."""
        if exam_id not in self._pools:
            loaded = self.library.exams[exam_id]
            slots = plan_slots(loaded.exam, self.library)
            self._pools[exam_id] = frozenset(k for d in slots.domains for k in d.keys)
        return self._pools[exam_id]

    # -- dates -------------------------------------------------------------------------------
    def set_date(self, exam_id: str, text: str) -> date:
        """Set or change the date from what the user typed; ValueError names what is wrong."""
        now = self.now()
        day = rules.parse_date(text, now.date())
        with transaction(self.plans.conn):  # the date and what it moves land together
            self.plans.set(exam_id, day, now)
            # Reviews already scheduled on or after the date come in before it, as new ones do.
            self.plans.move_due(rules.pulled_in(self.cards(exam_id), now, self.deadline))
        return day

    def clear(self, exam_id: str) -> bool:
        """Remove the exam's date; False when it had none."""
        return self.plans.clear(exam_id)

    def date_of(self, exam_id: str) -> ExamDate | None:
        """The exam's date, if one is set."""
        return self.plans.get(exam_id)

    # -- plans -------------------------------------------------------------------------------
    def plan(self, exam_id: str, *, cards: list[Card] | None = None) -> Plan | None:
        """The plan for the exam's date, or None when it has none."""
        found = self.plans.get(exam_id)
        if found is None or exam_id not in self.library.exams:
            return None
        return self._plan(found, self.summaries() if cards is None else cards)

    def _plan(
        self, found: ExamDate, cards: list[Card], mocks: Sequence[AttemptSummary] | None = None
    ) -> Plan:
        now = self.now()
        exam = self.library.exams[found.exam_id].exam
        taken = {
            a.options.practice_set
            for a in (self.attempts.of_mode("exam") if mocks is None else mocks)
            if a.exam_id == found.exam_id and a.has_verdict and a.options.practice_set
        }
        return rules.make_plan(
            exam_id=found.exam_id,
            exam_date=found.day,
            set_on=found.set_at.astimezone(now.tzinfo).date(),
            now=now,
            pool=self.pool(found.exam_id),
            seen=self.plans.seen(),
            entries=cards,
            sets=exam.sets or 0,
            sets_taken={n for n in taken if n is not None},
        )

    def summaries(self) -> list[Card]:
        """The notebook as the plan counts it (no FSRS states: enough for today's work)."""
        return [Card(key, status, due) for key, status, due in self.study.schedule()]

    def cards(self, exam_id: str) -> list[Card]:
        """The exam's notebook entries with their FSRS states, for the forecast."""
        pool = self.pool(exam_id)
        return [Card(e.key, e.status, e.due, e.card) for e in self.study.entries() if e.key in pool]

    def forecast(self, exam_id: str, cards: list[Card]) -> list[tuple[date, int]]:
        """Reviews a day until the exam date (none without a date, or once it has come)."""
        found = self.plans.get(exam_id)
        if found is None:
            return []
        now = self.now()
        return rules.forecast_days(rules.forecast(cards, now, found.day), now.date())

    def headlines(self, mocks: Sequence[AttemptSummary] | None = None) -> list[str]:
        """One line per exam with a date (its bank loaded): the home screen's plan lines.

        ``mocks``: every exam-mode attempt, when the caller has read them already (reading
        them takes milliseconds per hundred attempts).
        """
        dates = [d for d in self.plans.dates() if d.exam_id in self.library.exams]
        if not dates:
            return []
        cards = self.summaries()
        if mocks is None:
            mocks = self.attempts.of_mode("exam")  # once for every date, not once per date
        return [rules.headline(self._plan(d, cards, mocks), exam_name(d.exam_id)) for d in dates]

    # -- the scheduler's side ----------------------------------------------------------------
    def deadline(self, key: str) -> datetime | None:
        """When the soonest exam still ahead that draws on ``key`` begins (start of its day)."""
        dates = tuple(self.plans.dates())
        if self._deadlines is None or self._deadlines[0] != dates:
            now = self.now()
            found: dict[str, datetime] = {}
            for d in reversed(dates):  # the soonest last, so it wins
                if d.day < now.date() or d.exam_id not in self.library.exams:
                    continue
                start = rules.day_start(d.day, now)
                found.update(dict.fromkeys(self.pool(d.exam_id), start))
            self._deadlines = (dates, found)
        return self._deadlines[1].get(key)
