"""An exam open in another window: a notification on home, and another exam can start."""

from __future__ import annotations

import os

from quizapp.locks import FileOwners
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.exam import ExamScreen
from quizapp.tui.screens.home import HomeScreen
from tests.tui.conftest import EXAM_BANKS, FakeTicker, make_context_for


async def test_an_exam_open_in_another_window_is_a_notification(ticker: FakeTicker) -> None:
    ctx = make_context_for(EXAM_BANKS, ticker)
    app = QuizApp(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        exam = app.screen
        assert isinstance(exam, ExamScreen)
        attempt_id = exam.attempt.id
        await pilot.press("q")  # left: this window no longer owns it
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        other = FileOwners(ctx.data_dir / "locks").claim(attempt_id)  # another window takes it
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        messages = [n.message for n in app._notifications]
        assert messages[-1] == (f"This exam is open in another quizapp window (pid {os.getpid()}).")
        await pilot.press("r")  # resuming it from the list says the same
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("p")  # a different exam (its practice run) starts meanwhile
        await pilot.pause()
        assert isinstance(app.screen, ExamScreen)
        assert app.screen.attempt.id != attempt_id
        await pilot.press("q")
        await pilot.pause()
        other.release()
        await pilot.press("enter")  # once the other window lets go, it resumes here
        await pilot.pause()
        assert isinstance(app.screen, ExamScreen)
        assert app.screen.attempt.id == attempt_id
