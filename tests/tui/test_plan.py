"""Setting an exam date from home, and the plan screen, driven by their keys."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import Input, Static

from quizapp.core.exam.options import StartOptions
from quizapp.core.study import notebook
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.examdate import ExamDateScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.plan import PlanScreen
from quizapp.tui.widgets.planlines import HINT, PlanLines
from tests.tui.conftest import EXAM_BANKS, NOW, make_context_for

pytestmark = pytest.mark.usefixtures("utc")  # days are counted in the local zone


def planned_app(day: str | None = "2026-12-10") -> QuizApp:
    """The exam-bank app with two questions seen and missed yesterday, and an exam date."""
    ctx = make_context_for(EXAM_BANKS)
    yesterday = NOW - timedelta(days=1)
    for key in ("tui/plain", "tui/order"):
        step = notebook.record(
            None, key=key, topic="T", fingerprint="f", correct=False, unsure=False,
            picked=(0,), now=yesterday,
        )  # fmt: skip
        assert step is not None
        ctx.study.save(step[0], new_miss=True, at=yesterday)
        ctx.study.record_answer(key, "T", False, yesterday)
    if day is not None:
        ctx.planner.plans.set("tui-exam", date.fromisoformat(day), NOW)
    return QuizApp(ctx)


def _text(app: QuizApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_l_on_home_asks_for_a_date_checks_it_and_shows_the_plan() -> None:
    app = planned_app(day=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert str(app.screen.query_one(PlanLines).render()) == HINT
        await pilot.press("l")
        assert isinstance(app.screen, ExamDateScreen)
        await pilot.press(*"2026-11-20", "enter")
        assert isinstance(app.screen, ExamDateScreen)  # refused, still asking
        assert "2026-11-20 is in the past (today is 2026-11-26)" in _text(app, "#date-error")
        app.screen.query_one(Input).value = ""
        await pilot.press(*"2026-12-10", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        summary = _text(app, "#plan-summary")
        assert "TUI-EXAM exam on 2026-12-10: 14 days left." in summary
        assert "Today: 2 reviews due, 1 new question to see." in summary
        assert "Reviews a day until the exam" in _text(app, "#plan-forecast-title")
        assert "Thu 2026-11-26" in _text(app, "#plan-forecast")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        line = str(app.screen.query_one(PlanLines).render())
        assert line.startswith("TUI-EXAM in 14 days: 2 reviews + 1 new today · on track")


async def test_the_plan_screen_changes_and_clears_the_date() -> None:
    app = planned_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("l")  # a date is set: straight to the plan
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("l")
        date_input = app.screen.query_one(Input)
        assert date_input.value == "2026-12-10"
        date_input.value = ""
        await pilot.press(*"2026-12-01", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert "2026-12-01: 5 days left." in _text(app, "#plan-summary")
        await pilot.press("l", "escape")  # escape leaves the date as it was
        assert "2026-12-01: 5 days left." in _text(app, "#plan-summary")
        await pilot.press("x")
        await pilot.pause()
        assert "has no exam date" in _text(app, "#plan-summary")
        await pilot.press("escape")
        await pilot.pause()
        assert str(app.screen.query_one(PlanLines).render()) == HINT


async def test_home_counts_a_practice_set_taken_as_an_exam() -> None:
    app = planned_app(day="2026-11-28")  # both sets fall due before then: one is due today
    spec = app.context.library.exams["tui-exam"].exam
    opened = app.context.exams.open(spec, "exam", StartOptions(practice_set=1))
    assert opened.attempt is not None
    opened.attempt.submit()
    opened.attempt.release()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        line = str(app.screen.query_one(PlanLines).render())
        assert line.startswith("TUI-EXAM in 2 days: 2 reviews + 4 new + practice set 2 today")
