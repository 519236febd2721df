"""Pilot tests of the flows that cross screens: time-outs under overlays, unsure after a
check, retries, drills, custom exams, adaptive passes and restarting with other options."""

from __future__ import annotations

import io
from datetime import timedelta

from rich.console import Console
from textual.widgets import Checkbox, DataTable, Input, SelectionList, Static

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.confirm import ConfirmScreen
from quizapp.tui.screens.conflict import ConflictScreen
from quizapp.tui.screens.exam import ExamScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.screens.review import ReviewScreen
from tests.tui.conftest import EXAM_BANKS, NOW, FakeTicker, make_context_for
from tests.tui.conftest import exam_screen as _exam
from tests.tui.conftest import go_to as _go_to


def _text(widget: Static) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


class Moving:
    """A wall clock a test moves (the drill needs misses to fall due)."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self):  # type: ignore[no-untyped-def]
        return self.now


def _app(ticker: FakeTicker, clock: Moving | None = None) -> QuizApp:
    ctx = make_context_for(EXAM_BANKS, ticker)
    if clock is not None:
        ctx.clock = clock
    return QuizApp(ctx)


async def test_time_out_under_the_review_screen_shows_results_over_home(
    exam_app: QuizApp, ticker: FakeTicker
) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "a", "r")
        assert isinstance(exam_app.screen, ReviewScreen)
        exam = next(s for s in exam_app.screen_stack if isinstance(s, ExamScreen))
        ticker.now += 601
        await exam.heartbeat()
        await pilot.pause()
        assert isinstance(exam_app.screen, ResultsScreen)
        assert not [s for s in exam_app.screen_stack if isinstance(s, ExamScreen | ReviewScreen)]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(exam_app.screen, HomeScreen)


async def test_time_out_under_the_submit_dialog_shows_results_over_home(
    exam_app: QuizApp, ticker: FakeTicker
) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "s")
        assert isinstance(exam_app.screen, ConfirmScreen)
        exam = next(s for s in exam_app.screen_stack if isinstance(s, ExamScreen))
        ticker.now += 601
        await exam.heartbeat()
        await pilot.pause()
        assert isinstance(exam_app.screen, ResultsScreen)
        assert exam_app.screen.attempt.session.status == "expired"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(exam_app.screen, HomeScreen)


async def test_the_clock_warns_under_ten_and_under_five_minutes(
    exam_app: QuizApp, ticker: FakeTicker
) -> None:
    async with exam_app.run_test(size=(120, 24)) as pilot:
        await pilot.press("enter", "enter")
        screen = _exam(exam_app)
        status = screen.query_one("#exam-status", Static)
        assert "10:00 left" in _text(status)
        assert "under" not in _text(status)
        ticker.now += 1
        await screen.heartbeat()
        assert "9:59 left — under 10 minutes" in _text(status)
        assert status.has_class("low")
        assert not status.has_class("critical")
        ticker.now += 300
        await screen.heartbeat()
        assert "under 5 minutes!" in _text(status)


async def test_unsure_after_checking_goes_into_the_notebook(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(100, 40)) as pilot:
        await pilot.press("p")
        await _go_to(exam_app, pilot, "plain")
        await pilot.press("a", "enter")  # right, and checked
        screen = _exam(exam_app)
        assert screen.attempt.session.response.checked
        await pilot.press("u", "enter")  # unsure on reflection, then on
        entry = exam_app.context.study.entry("tui/plain")
        assert entry is not None
        assert entry.unsure_only


async def test_enter_in_an_exam_moves_on_and_the_answer_stays_open(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter", "enter")
        await _go_to(exam_app, pilot, "plain")
        screen = _exam(exam_app)
        here = screen.attempt.session.current
        await pilot.press("b", "enter")
        assert screen.attempt.session.current == min(here + 1, 5)  # the last one stays put
        assert not screen.attempt.session.responses[here].checked
        await _go_to(exam_app, pilot, "plain")
        await pilot.press("a")
        assert screen.attempt.session.response.picked == (0,)


async def test_retry_is_its_own_attempt_and_leaves_practice_alone(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter", "enter", "s", "y")  # nothing answered: all six missed
        await pilot.pause()
        assert isinstance(exam_app.screen, ResultsScreen)
        await pilot.press("r")
        await pilot.pause()
        retry = _exam(exam_app)
        assert retry.attempt.session.mode == "retry"
        assert len(retry.attempt.session.items) == 6
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(exam_app.screen, HomeScreen)
        assert "Unfinished retry" in _text(exam_app.screen.query_one("#resume-line", Static))
        await pilot.press("p")
        practice = _exam(exam_app)
        assert practice.attempt.session.mode == "practice"
        assert practice.attempt.session.attempt_id != retry.attempt.session.attempt_id


async def test_retry_holds_only_what_was_missed(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter", "enter")
        await _go_to(exam_app, pilot, "plain")
        await pilot.press("a", "s", "y")  # one right, five missed
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        keys = {it.key for it in _exam(exam_app).attempt.session.items}
        assert len(keys) == 5
        assert "tui/plain" not in keys


async def test_the_drill_goes_on_where_it_was_left(ticker: FakeTicker) -> None:
    clock = Moving()
    app = _app(ticker, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter", "enter")
        await _go_to(app, pilot, "plain")
        await pilot.press("b", "s", "y")  # a wrong answer: into the notebook
        await pilot.pause()
        await pilot.press("escape")
        clock.now = NOW + timedelta(days=2)
        await pilot.press("d")
        drill = _exam(app)
        assert drill.attempt.session.mode == "review"
        first = drill.attempt.session.attempt_id
        await pilot.press("escape", "d")
        assert _exam(app).attempt.session.attempt_id == first
        await pilot.press("escape")
        assert [a.mode for a in app.service.unfinished()] == ["review"]
        # Home offers it by the name the user knows, not the engine's mode.
        line = _text(app.screen.query_one("#resume-line", Static))
        assert "Unfinished drill: " in line and "review" not in line
        await pilot.press("t")
        table = app.screen.query_one("#stats-attempts", DataTable)
        assert [str(table.get_row_at(r)[2]) for r in range(table.row_count)] == ["drill", "exam"]


async def test_a_custom_exam_keeps_to_its_topics_and_its_practice_box(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(100, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        topics = exam_app.screen.query_one("#custom-topics", SelectionList)
        topics.focus()
        await pilot.press("down", "space")  # the second topic: Matching
        assert topics.selected == ["Matching"]
        exam_app.screen.query_one("#custom-questions", Input).value = "3"
        exam_app.screen.query_one("#custom-practice", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = _exam(exam_app)
        s = screen.attempt.session
        assert s.mode == "practice"
        assert {it.topic for it in s.items} == {"Matching"}


async def test_adaptive_off_on_home_and_a_restart_with_other_options(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter", "enter", "a", "escape")  # an adaptive exam, left unfinished
        first = exam_app.service.unfinished()[0]
        assert first.options.adapts
        await pilot.press("a")  # adaptive passes off
        assert "Adaptive passes off: plain random exams" in _text(
            exam_app.screen.query_one("#home-info", Static)
        )
        await pilot.press("enter")
        assert isinstance(exam_app.screen, ConflictScreen)
        await pilot.press("r")  # resume the old one after all
        assert _exam(exam_app).attempt.session.attempt_id == first.id
        await pilot.press("escape", "enter")
        assert isinstance(exam_app.screen, ConflictScreen)
        await pilot.press("d")  # discard it, start the plain one
        new = _exam(exam_app).attempt
        assert new.session.attempt_id != first.id
        stored = {a.id: a for a in exam_app.service.history_list()}
        assert stored[first.id].status == "abandoned"
        assert stored[first.id].answered == 1
        assert stored[new.session.attempt_id or 0].options.adaptive is False


async def test_a_key_on_home_starts_that_practice_set(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(100, 40)) as pilot:
        detail = exam_app.screen.query_one("#exam-detail", Static)
        assert "Practice sets, keys 1-2 (last score): 1 — · 2 —" in _text(detail)
        await pilot.press("2", "enter")
        screen = _exam(exam_app)
        assert screen.attempt.session.terms.title == "TUI exam · Practice set 2"
        keys = {it.key for it in screen.attempt.session.items}
        await pilot.press("s", "y")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "2 100 ✗" in _text(exam_app.screen.query_one("#exam-detail", Static))
        await pilot.press("2", "enter")
        assert {it.key for it in _exam(exam_app).attempt.session.items} == keys
        await pilot.press("escape", "3")
        assert isinstance(exam_app.screen, HomeScreen)  # there is no third set


async def test_a_database_that_fails_mid_exam_is_one_line_and_the_exam_goes_on(
    exam_app: QuizApp, ticker: FakeTicker
) -> None:
    import sqlite3

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    async with exam_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "enter", "a")
        screen = _exam(exam_app)
        saved = screen.attempt.session.responses[0]
        stores = screen.attempt.attempts
        stores.save = refuse  # type: ignore[method-assign]
        stores.save_progress = refuse  # type: ignore[method-assign]
        await pilot.press("n", "b")  # the answer to question 2 cannot be stored
        notice = _text(screen.query_one("#exam-notice", Static))
        assert "is unsaved" in notice
        assert "cannot be written" in notice
        assert not screen.attempt.session.responses[1].picked  # what is shown is what is stored
        ticker.now += 6
        await screen.heartbeat()  # nor can the clock
        assert "the exam clock could not be saved" in _text(
            screen.query_one("#exam-notice", Static)
        )
        assert exam_app.is_running
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(exam_app.screen, HomeScreen)
        assert screen.attempt.session.responses[0] == saved
