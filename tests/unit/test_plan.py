"""The exam-date plan with a fixed clock: its arithmetic, its forecast and the scheduler's rule."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.core.bank.library import load_library
from quizapp.core.exam.options import StartOptions
from quizapp.core.study import notebook, scheduler
from quizapp.core.study.plan import (
    Card,
    day_start,
    expected_seen,
    forecast,
    headline,
    make_plan,
    mock_days,
    new_per_day,
    parse_date,
    summary_lines,
)
from quizapp.service.exams import ExamService
from quizapp.service.plans import Planner
from quizapp.storage.attempts import AttemptStore
from quizapp.storage.database import connect
from quizapp.storage.plans import PlanStore
from quizapp.storage.study import StudyStore
from tests.unit.test_service import EXAM, Clock, _bank, _pick

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # a Tuesday
EXAM_DAY = date(2026, 12, 13)


pytestmark = pytest.mark.usefixtures("utc")  # days are counted in the local zone


def review_card(stability: float, last: datetime, due: datetime) -> str:
    """An FSRS card in the Review state with a known stability (days)."""
    return json.dumps(
        {
            "card_id": 1,
            "state": 2,
            "step": None,
            "stability": stability,
            "difficulty": 5.0,
            "due": due.isoformat(),
            "last_review": last.isoformat(),
        }
    )


def plan(**changes: object):  # type: ignore[no-untyped-def]
    args: dict[str, object] = {
        "exam_id": "clf-c02",
        "exam_date": EXAM_DAY,
        "set_on": NOW.date(),
        "now": NOW,
        "pool": [f"b/q{i}" for i in range(100)],
        "seen": {},
        "entries": [],
        "sets": 6,
        "sets_taken": (),
    }
    args.update(changes)
    return make_plan(**args)  # type: ignore[arg-type]


# -- days left and new questions ----------------------------------------------------------------
def test_days_left_and_new_questions_a_day_see_the_pool_three_days_before() -> None:
    p = plan()
    assert p.days_left == 12
    assert p.see_by == date(2026, 12, 10)
    # 1 to 10 December is 10 days for 100 unseen questions.
    assert (p.new_quota, p.new_today, p.unseen) == (10, 10, 100)
    assert new_per_day(95, date(2026, 12, 1), date(2026, 12, 10)) == 10  # rounded up
    assert new_per_day(7, date(2026, 12, 10), date(2026, 12, 10)) == 7  # the last day: all
    assert new_per_day(7, date(2026, 12, 11), date(2026, 12, 10)) == 7  # late: all of them


def test_the_seen_line_gives_a_daily_rate_until_the_day_to_have_seen_all_then_the_rest() -> None:
    assert summary_lines(plan(), "X")[1:3] == [
        "Today: 0 reviews due, 10 new questions to see.",
        "Questions seen: 0 of 100 (100 unseen questions);"
        " 10 new a day sees them all by 2026-12-10.",
    ]
    late = plan(now=NOW + timedelta(days=10))  # 11 December, a day after the see-all day
    assert summary_lines(late, "X")[2] == (
        "Questions seen: 0 of 100 (100 unseen questions); all were to be seen by 2026-12-10:"
        " see the rest today."
    )
    one = plan(pool=["b/q0"], now=NOW + timedelta(days=9))
    assert summary_lines(one, "X")[1] == "Today: 0 reviews due, 1 new question to see."


def test_questions_first_seen_today_count_against_today_only() -> None:
    earlier = NOW - timedelta(days=2)
    seen = {f"b/q{i}": (NOW - timedelta(hours=1), 1) for i in range(4)}  # new today
    seen |= {f"b/q{i}": (earlier, 1) for i in range(4, 10)}  # seen before today
    seen["b/q10"] = (NOW - timedelta(hours=1), 3)  # seen today, but not for the first time
    seen["other/q"] = (earlier, 1)  # outside the pool
    p = plan(seen=seen)
    assert (p.seen, p.unseen) == (11, 89)
    # At the start of today 93 were unseen: 10 a day, of which 4 are done.
    assert (p.new_quota, p.new_today) == (10, 6)


def test_reviews_today_count_active_entries_of_the_pool_due_by_midnight() -> None:
    entries = [
        Card("b/q1", "active", NOW - timedelta(days=3)),  # overdue
        Card("b/q2", "active", NOW + timedelta(hours=14)),  # 23:00 today
        Card("b/q3", "active", NOW + timedelta(hours=15)),  # tomorrow
        Card("b/q4", "mastered", NOW - timedelta(days=1)),
        Card("other/q", "active", NOW),  # another exam's
    ]
    assert plan(entries=entries).reviews_today == 2


# -- practice sets -------------------------------------------------------------------------------
def test_practice_sets_are_spread_and_the_last_lands_two_days_before() -> None:
    p = plan()
    assert [d.isoformat() for _, d in p.mocks] == [
        "2026-12-03",
        "2026-12-04",
        "2026-12-06",
        "2026-12-08",
        "2026-12-09",
        "2026-12-11",
    ]
    assert p.mocks[-1][1] == EXAM_DAY - timedelta(days=2)
    assert p.next_mock == (1, date(2026, 12, 3))


def test_taken_sets_are_skipped_and_the_rest_respread_from_today() -> None:
    p = plan(sets_taken={1, 3})
    assert [n for n, _ in p.mocks] == [2, 4, 5, 6]
    assert mock_days(4, NOW.date(), date(2026, 12, 11)) == [d for _, d in p.mocks]
    assert mock_days(1, NOW.date(), date(2026, 12, 11)) == [date(2026, 12, 11)]
    assert mock_days(2, date(2026, 12, 12), date(2026, 12, 11)) == [date(2026, 12, 12)]  # late
    assert plan(exam_date=NOW.date()).mocks == ()  # the exam is today
    assert plan(sets=0).mocks == ()


# -- on track ------------------------------------------------------------------------------------
def test_on_track_needs_an_even_pace_through_the_pool_and_the_sets_on_schedule() -> None:
    set_on = NOW.date() - timedelta(days=10)  # 21 November: 20 days to 10 December
    assert expected_seen(150, set_on, NOW.date(), date(2026, 12, 10)) == 75  # half-way
    behind = {f"b/q{i}": (NOW - timedelta(days=1), 1) for i in range(49)}
    enough = {f"b/q{i}": (NOW - timedelta(days=1), 1) for i in range(50)}
    assert not plan(set_on=set_on, seen=behind, sets_taken={1, 2}).pace_ok
    # From 21 November the six sets were planned for 24 and 28 November, 1, 4, 8, 11 December.
    assert mock_days(6, set_on, date(2026, 12, 11))[:3] == [
        date(2026, 11, 24),
        date(2026, 11, 28),
        date(2026, 12, 1),
    ]
    one_set = plan(set_on=set_on, seen=enough, sets_taken={4})
    assert one_set.pace_ok and not one_set.mocks_ok
    assert plan(set_on=set_on, seen=enough, sets_taken={4, 5}).on_track
    assert plan().on_track  # set today: nothing is late yet
    late = plan(set_on=NOW.date(), exam_date=NOW.date() + timedelta(days=2))
    assert not late.pace_ok  # the pool cannot be seen three days before any more


def test_the_home_line_says_todays_work_and_the_verdict() -> None:
    seen = {f"b/q{i}": (NOW - timedelta(days=1), 1) for i in range(10)}
    entries = [Card(f"b/q{i}", "active", NOW) for i in range(3)]
    p = plan(seen=seen, entries=entries, set_on=NOW.date() - timedelta(days=2))
    assert headline(p, "CLF-C02") == (
        "CLF-C02 in 12 days: 3 reviews + 9 new today · behind on new questions"
    )
    one = plan(entries=entries[:1], exam_date=NOW.date() + timedelta(days=1), sets=1)
    assert headline(one, "X") == "X tomorrow: 1 review + 100 new + practice set 1 today" + (
        " · behind on new questions"
    )
    assert headline(plan(exam_date=NOW.date()), "X") == "X is today: 0 reviews due · good luck"


def test_a_typed_date_is_a_whole_iso_date_today_or_later() -> None:
    today = NOW.date()
    assert parse_date(" 2026-12-13 ", today) == EXAM_DAY
    assert parse_date("2026-12-01", today) == today
    for bad in (
        "13/12/2026",
        "20261213",
        "2026-W50-7",
        "",
        "tomorrow",
        "\uff12\uff10\uff12\uff16-12-13",
    ):
        with pytest.raises(ValueError, match="YYYY-MM-DD"):
            parse_date(bad, today)
    for impossible in ("2026-13-01", "2027-02-29"):
        with pytest.raises(ValueError, match=f"^{impossible} is not a day of the calendar"):
            parse_date(impossible, today)
    with pytest.raises(ValueError, match="in the past"):
        parse_date("2026-11-30", today)


# -- the scheduler's rule ------------------------------------------------------------------------
def test_retention_is_raised_only_before_the_exam_date() -> None:
    card = review_card(8.0, NOW - timedelta(days=8), NOW)
    far = NOW + timedelta(days=60)
    plain = scheduler.review(card, True, False, NOW)
    before = scheduler.review(card, True, False, NOW, exam=far, key="b/q1")
    assert before.interval < plain.interval  # 95% retention: a shorter interval
    assert before.due == NOW + before.interval  # nothing to pull in: the exam is far
    after = scheduler.review(card, True, False, far, exam=far, key="b/q1")
    assert after == scheduler.review(card, True, False, far)  # from the exam day on: as before


def test_a_review_that_would_fall_after_the_date_is_pulled_into_its_last_days() -> None:
    card = review_card(30.0, NOW - timedelta(days=30), NOW)
    exam = day_start(EXAM_DAY, NOW)
    dues = {
        scheduler.review(card, True, False, NOW, exam=exam, key=f"b/q{i}").due for i in range(30)
    }
    assert dues == {exam - timedelta(days=n) for n in (1, 2, 3)}  # spread over the last 3 days
    step = scheduler.review(card, True, False, NOW, exam=exam, key="b/q1")
    assert step.interval > timedelta(days=12)  # mastery still follows the scheduler's interval
    assert json.loads(step.card)["due"] == step.due.isoformat()
    eve = exam - timedelta(hours=5)  # the last day before the exam: nothing left to pull into
    late = scheduler.review(card, True, False, eve, exam=exam, key="b/q1")
    assert late.due >= exam
    assert scheduler.pull_in("b/q1", exam - timedelta(days=1, hours=1), exam) == exam - timedelta(
        days=1
    )


def test_forecast_counts_each_due_day_with_the_rereviews_a_right_answer_causes() -> None:
    exam = date(2026, 12, 8)  # seven days: 1 to 7 December
    entries = [
        # Overdue, stable for 30 days: reviewed today, then pulled into the last days.
        Card(
            "b/q1",
            "active",
            NOW - timedelta(days=2),
            review_card(30.0, NOW - timedelta(days=32), NOW),
        ),
        # Due on 3 December, stable for 2 days: reviewed then and again before the exam.
        Card("b/q2", "active", NOW + timedelta(days=2), review_card(2.0, NOW, NOW)),
        Card("b/q3", "mastered", NOW, review_card(40.0, NOW, NOW)),  # not drilled
        Card("b/q4", "active", datetime(2026, 12, 8, 10, tzinfo=UTC), None),  # the exam day
    ]
    counts = forecast(entries, NOW, exam)
    assert len(counts) == 7
    assert counts[0] == 1 and counts[2] == 1  # b/q1 today, b/q2 on 3 December
    # b/q1: today, then its 35-day interval is pulled in to 7 December (its hash picks the
    # last day). b/q2: 3 December, then 3 days on to the 6th, whose next review is pulled in to
    # the 7th. Nothing after that falls before the exam.
    assert counts == [1, 0, 1, 0, 0, 1, 2]
    assert forecast(entries, NOW, NOW.date()) == []  # the exam is today: nothing ahead


def test_a_new_miss_counts_once_on_the_day_of_its_learning_steps() -> None:
    miss = scheduler.review(None, False, False, NOW)  # due again in minutes
    counts = forecast([Card("b/q1", "active", miss.due, miss.card)], NOW, date(2026, 12, 3))
    assert counts[0] == 1


# -- through the attempt service -----------------------------------------------------------------
@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "b.yaml").write_text(_bank())
    (tmp_path / "e.yaml").write_text(EXAM)
    return tmp_path


def test_an_answer_before_the_exam_date_is_scheduled_towards_it(folder: Path) -> None:
    clock = Clock(now=NOW)
    db = connect(":memory:")
    library = load_library([folder])
    study = StudyStore(db)
    planner = Planner(PlanStore(db), study, AttemptStore(db, clock.wall), library, now=clock.wall)
    service = ExamService(
        AttemptStore(db, clock.wall),
        study,
        library,
        now=clock.wall,
        new_seed=lambda: 3,
        ticker=clock.tick,
        deadline=planner.deadline,
    )
    card = review_card(30.0, NOW - timedelta(days=30), NOW)
    for i in range(6):
        entry = notebook.Entry(f"b/q{i}", "b", "T", "f", card=card, due=NOW)
        study.save(entry, at=NOW)
    planner.set_date("ex", "2026-12-08")
    assert planner.deadline("b/q0") == datetime(2026, 12, 8, tzinfo=UTC)
    assert planner.deadline("elsewhere/q") is None
    attempt = service.open(library.exams["ex"].exam, "exam", StartOptions()).attempt
    assert attempt is not None
    for pos in range(len(attempt.session.items)):
        attempt.go(pos)
        _pick(attempt, right=True)
    attempt.submit()
    keys = [it.key for it in attempt.session.items if it.key != "b/two"]  # it had no entry
    dues = {study.entry(k).due for k in keys}  # type: ignore[union-attr]
    assert dues
    assert dues <= {datetime(2026, 12, n, tzinfo=UTC) for n in (5, 6, 7)}
    planner.clear("ex")
    assert planner.deadline("b/q0") is None


def test_setting_a_date_pulls_in_reviews_already_scheduled_after_it(folder: Path) -> None:
    clock = Clock(now=NOW)
    db = connect(":memory:")
    library = load_library([folder])
    study = StudyStore(db)
    planner = Planner(PlanStore(db), study, AttemptStore(db, clock.wall), library, now=clock.wall)
    later, soon = NOW + timedelta(days=20), NOW + timedelta(days=2)
    for key, status, due in (
        ("b/q0", "active", later),
        ("b/q1", "active", later),
        ("b/q2", "active", soon),  # before the date: stays
        ("b/q3", "mastered", later),  # not drilled: stays
        ("other/q", "active", later),  # no exam of it has a date: stays
    ):
        study.save(notebook.Entry(key, key[:1], "T", "f", status=status, due=due), at=NOW)
    planner.set_date("ex", "2026-12-08")
    dues = {e.key: e.due for e in study.entries()}
    last_days = {datetime(2026, 12, n, tzinfo=UTC) for n in (5, 6, 7)}
    assert {dues["b/q0"], dues["b/q1"]} <= last_days
    assert (dues["b/q2"], dues["b/q3"], dues["other/q"]) == (soon, later, later)
    planner.clear("ex")  # moved reviews stay where they are: early, never lost
    assert {e.key: e.due for e in study.entries()} == dues


def test_a_finished_exam_of_a_practice_set_takes_it_off_the_plan() -> None:
    from tests.tui.conftest import EXAM_BANKS, make_context_for

    ctx = make_context_for(EXAM_BANKS)
    planner = ctx.planner
    planner.set_date("tui-exam", "2026-12-10")
    spec = ctx.library.exams["tui-exam"].exam
    for mode, number in (("practice", 1), ("exam", 2)):
        opened = ctx.exams.open(spec, mode, StartOptions(practice_set=number))  # type: ignore[arg-type]
        assert opened.attempt is not None
        opened.attempt.submit()
        opened.attempt.release()
    unfinished = ctx.exams.open(spec, "exam", StartOptions(practice_set=1)).attempt
    assert unfinished is not None
    unfinished.leave()
    p = planner.plan("tui-exam")
    assert p is not None
    assert (p.sets, p.sets_taken, p.next_mock) == (2, 1, (1, date(2026, 12, 8)))
