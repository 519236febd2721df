"""Studying to an exam date: today's work, the mock exam schedule and the review forecast."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from quizapp.core.words import plural

SEE_ALL_BEFORE = 3  # the whole pool seen once by three days before the exam
LAST_MOCK_BEFORE = 2  # the last practice set two days before: a day left to go over its misses
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
MOST_STEPS = 64  # reviews simulated per entry in the forecast (a guard; a few are the rule)


def parse_date(text: str, today: date) -> date:
    """An exam date typed as YYYY-MM-DD, today or later; ValueError with a message otherwise."""
    typed = text.strip()
    # fromisoformat also takes 20261201 and 2026-W49-2: the shape is checked first.
    if not _DATE_SHAPE.fullmatch(typed):
        raise ValueError(f"not a date in the form YYYY-MM-DD: {text!r}")
    try:
        day = date.fromisoformat(typed)
    except ValueError:
        raise ValueError(f"{typed} is not a day of the calendar (check month and day)") from None
    if day < today:
        raise ValueError(f"{day.isoformat()} is in the past (today is {today.isoformat()})")
    return day


def day_start(day: date, now: datetime) -> datetime:
    """Midnight at the start of ``day`` in ``now``'s time zone."""
    return datetime.combine(day, time(0), tzinfo=now.tzinfo)


@dataclass(frozen=True, slots=True)
class Card:
    """What the plan reads of a notebook entry: its key, status, due date and FSRS card."""

    key: str
    status: str
    due: datetime | None
    card: str | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """The plan for one exam date, as of ``today``."""

    exam_id: str
    exam_date: date
    today: date
    days_left: int
    pool: int  # questions the exam can draw on
    seen: int  # of them answered at least once
    reviews_today: int  # notebook entries of the pool due by the end of today
    new_today: int  # unseen questions still to see today
    new_quota: int  # new questions a day from today until the pool is seen
    mocks: tuple[tuple[int, date], ...]  # practice sets not taken yet, with their days
    sets: int  # practice sets of the blueprint
    sets_taken: int
    pace_ok: bool
    mocks_ok: bool

    @property
    def unseen(self) -> int:
        """Questions of the pool never answered."""
        return self.pool - self.seen

    @property
    def see_by(self) -> date:
        """The day by which every question of the pool should have been seen."""
        return self.exam_date - timedelta(days=SEE_ALL_BEFORE)

    @property
    def next_mock(self) -> tuple[int, date] | None:
        """The next practice set to take and its day."""
        return self.mocks[0] if self.mocks else None

    @property
    def on_track(self) -> bool:
        """Seen-pool pace and practice sets both on schedule."""
        return self.pace_ok and self.mocks_ok


def make_plan(
    *,
    exam_id: str,
    exam_date: date,
    set_on: date,
    now: datetime,
    pool: Collection[str],
    seen: Mapping[str, tuple[datetime, int]],
    entries: Iterable[Card],
    sets: int,
    sets_taken: Collection[int],
) -> Plan:
    """The plan for ``exam_date`` at ``now`` (its time zone decides what "today" is).

    ``seen`` holds, per question key, when it was last answered and how many times; ``set_on``
    is the day the date was set, from which the schedule the verdict holds to is counted.
    """
    today = now.date()
    tomorrow = day_start(today + timedelta(days=1), now)
    start = day_start(today, now)
    keys = set(pool)
    seen_keys = keys.intersection(seen)
    first_today = sum(1 for k in seen_keys if seen[k][1] == 1 and seen[k][0] >= start)
    unseen = len(keys) - len(seen_keys)
    see_by = exam_date - timedelta(days=SEE_ALL_BEFORE)
    quota = new_per_day(unseen + first_today, today, see_by)
    reviews = sum(
        1
        for e in entries
        if e.key in keys and e.status == "active" and e.due is not None and e.due < tomorrow
    )
    taken = {n for n in sets_taken if 1 <= n <= sets}
    left = [n for n in range(1, sets + 1) if n not in taken]
    last_mock = exam_date - timedelta(days=LAST_MOCK_BEFORE)
    days = mock_days(len(left), today, last_mock) if today < exam_date else []
    left = left[: len(days)]
    planned = mock_days(sets, set_on, last_mock)
    return Plan(
        exam_id=exam_id,
        exam_date=exam_date,
        today=today,
        days_left=(exam_date - today).days,
        pool=len(keys),
        seen=len(seen_keys),
        reviews_today=reviews,
        new_today=min(unseen, max(0, quota - first_today)),
        new_quota=quota,
        mocks=tuple(zip(left, days, strict=True)),
        sets=sets,
        sets_taken=len(taken),
        pace_ok=len(seen_keys) >= expected_seen(len(keys), set_on, today, see_by),
        mocks_ok=len(taken) >= sum(1 for d in planned if d < today),
    )


def new_per_day(unseen: int, today: date, see_by: date) -> int:
    """Unseen questions a day so the last is seen on ``see_by``; all of them once that is past."""
    days = (see_by - today).days + 1
    return math.ceil(unseen / days) if days >= 1 else unseen


def expected_seen(pool: int, set_on: date, today: date, see_by: date) -> int:
    """How many of the pool an even pace from ``set_on`` to ``see_by`` has seen before today."""
    window = (see_by - set_on).days + 1
    if window < 1:  # set too late for the target: only the whole pool keeps pace
        return pool
    elapsed = min(window, max(0, (today - set_on).days))
    return math.ceil(pool * elapsed / window)


def mock_days(count: int, first: date, last: date) -> list[date]:
    """``count`` days spread evenly after ``first``, the last of them on ``last``.

    Once ``last`` is past only one still fits: on ``first``, while there is time.
    """
    span = (last - first).days
    if span < 0:
        return [first][:count]
    return [last - timedelta(days=round((count - 1 - i) * span / count)) for i in range(count)]


def forecast(entries: Iterable[Card], now: datetime, exam: date) -> list[int]:
    """Reviews a day from today to the day before ``exam``, from the entries' FSRS states.

    Each active entry is reviewed when it falls due (an overdue one today) and, the model
    being that every review is answered right (Good), rescheduled by the same rule a real
    review follows (``scheduler.review`` with the exam date); it counts once on each day it
    falls due, however many short learning steps it takes that day. Mastered entries are not
    drilled, so they are not counted; nor is anything due on or after the exam day.
    """
    from quizapp.core.study.scheduler import review

    today = now.date()
    deadline = day_start(exam, now)
    out = [0] * max(0, (exam - today).days)
    for e in entries:
        if e.status != "active" or e.due is None:
            continue
        at, card, counted = max(e.due, now), e.card, None
        for _ in range(MOST_STEPS):
            if at >= deadline:
                break
            day = (at.astimezone(now.tzinfo).date() - today).days
            if day != counted:
                out[day] += 1
                counted = day
            step = review(card, True, False, at, exam=deadline, key=e.key)
            at, card = max(step.due, at), step.card
    return out


def pulled_in(
    entries: Iterable[Card], now: datetime, deadline: Callable[[str], datetime | None]
) -> list[tuple[str, datetime]]:
    """Where a new exam date moves reviews already scheduled on or after it: active entries
    due then go where ``scheduler.pull_in`` puts a review made now (``deadline`` gives each
    key's exam); those it leaves as they were are not listed."""
    from quizapp.core.study.scheduler import pull_in

    moves = []
    for e in entries:
        exam = deadline(e.key)
        if e.status != "active" or e.due is None or exam is None or not now < exam <= e.due:
            continue
        at = pull_in(e.key, now, exam)
        if at is not None:
            moves.append((e.key, at))
    return moves


def verdict(plan: Plan) -> str:
    """ "on track", or what is behind."""
    if plan.on_track:
        return "on track"
    behind = [
        *(["new questions"] if not plan.pace_ok else []),
        *(["practice sets"] if not plan.mocks_ok else []),
    ]
    return "behind on " + " and ".join(behind)


def headline(plan: Plan, name: str) -> str:
    """One line for the home screen: "CLF-C02 in 12 days: 24 reviews + 30 new today · on track"."""
    if plan.days_left < 0:
        return f"{name} on {plan.exam_date.isoformat()}: the date has passed"
    if plan.days_left == 0:
        return f"{name} is today: {plural(plan.reviews_today, 'review')} due · good luck"
    work = [plural(plan.reviews_today, "review"), f"{plan.new_today} new"]
    mock = plan.next_mock
    if mock is not None and mock[1] <= plan.today:
        work.append(f"practice set {mock[0]}")
    when = "tomorrow" if plan.days_left == 1 else f"in {plural(plan.days_left, 'day')}"
    return f"{name} {when}: {' + '.join(work)} today · {verdict(plan)}"


def mock_line(plan: Plan) -> str:
    """Which practice set to take next, and when."""
    if not plan.sets:
        return "This exam has no fixed practice sets."
    mock = plan.next_mock
    if mock is None:
        return f"All {plural(plan.sets, 'practice set')} taken."
    n, day = mock
    when = "today" if day <= plan.today else f"on {day.isoformat()} ({_weekday(day)})"
    after = len(plan.mocks) - 1
    rest = f", then {plural(after, 'more set')}" if after else ""
    last = plan.mocks[-1][1]
    tail = f", the last on {last.isoformat()}" if after else ""
    return f"Next mock exam: practice set {n} {when}{rest}{tail}."


def _weekday(day: date) -> str:
    return day.strftime("%a")


def summary_lines(plan: Plan, name: str) -> list[str]:
    """The plan as lines of text (plain output and the plan screen)."""
    days = (
        plural(plan.days_left, "day") + " left"
        if plan.days_left > 0
        else "the exam is today"
        if plan.days_left == 0
        else "the date has passed"
    )
    return [
        f"{name} exam on {plan.exam_date.isoformat()}: {days}.",
        f"Today: {plural(plan.reviews_today, 'review')} due,"
        f" {plural(plan.new_today, 'new question')} to see.",
        _seen_line(plan),
        mock_line(plan),
        f"Verdict: {verdict(plan)}" + ("" if plan.on_track else f" ({_behind_detail(plan)})") + ".",
    ]


def _seen_line(plan: Plan) -> str:
    if not plan.unseen:
        return f"Questions seen: all {plan.pool} at least once."
    head = f"Questions seen: {plan.seen} of {plan.pool} ({plural(plan.unseen, 'unseen question')})"
    if plan.today > plan.see_by:  # a rate "by" a day gone by reads wrong: the rest are today's
        return f"{head}; all were to be seen by {plan.see_by.isoformat()}: see the rest today."
    return f"{head}; {plan.new_quota} new a day sees them all by {plan.see_by.isoformat()}."


def _behind_detail(plan: Plan) -> str:
    parts = []
    if not plan.pace_ok:
        parts.append("fewer questions seen than an even pace would have by now")
    if not plan.mocks_ok:
        parts.append(f"{plural(plan.sets_taken, 'practice set')} taken, fewer than planned by now")
    return "; ".join(parts)


def forecast_days(values: Sequence[int], today: date) -> list[tuple[date, int]]:
    """The forecast with each day's date."""
    return [(today + timedelta(days=i), n) for i, n in enumerate(values)]


_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(n: int, top: int, width: int) -> str:
    """A horizontal bar of ``n`` out of ``top`` in ``width`` cells (eighths of a cell)."""
    if top <= 0 or n <= 0:
        return ""
    eighths = max(1, round(n * width * 8 / top))
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


def bar_lines(days: Sequence[tuple[date, int]], width: int) -> list[str]:
    """One line a day: the weekday and date, a bar, and the number beside it."""
    top = max((n for _, n in days), default=0)
    return [f"{d.strftime('%a %Y-%m-%d')}  {bar(n, top, width):<{width}} {n:>4}" for d, n in days]
