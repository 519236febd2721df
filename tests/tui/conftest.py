"""Build the app for Pilot and snapshot tests the way the CLI does, on small fixed libraries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp.context import AppContext, make_context
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.exam import ExamScreen

BANKS = Path(__file__).parent / "banks"
EXAM_BANKS = Path(__file__).parent / "exam_banks"
NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


@dataclass
class FakeTicker:
    """A monotonic clock the test moves by hand."""

    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


def make_context_for(folder: Path, ticker: FakeTicker | None = None) -> AppContext:
    """A context over ``folder`` only, with a fixed clock, seed and ticker."""
    ctx = make_context(bundled=False, extra_banks=[str(folder)], use_cache=False)
    ctx.clock = lambda: NOW
    ctx.new_seed = lambda: 7
    ctx.ticker = ticker or FakeTicker()
    return ctx


def make_app() -> QuizApp:
    """The app over the home-screen test banks (bundled content must not move snapshots)."""
    return QuizApp(make_context_for(BANKS))


@pytest.fixture
def app() -> QuizApp:
    return make_app()


@pytest.fixture
def ticker() -> FakeTicker:
    return FakeTicker()


@pytest.fixture
def exam_app(ticker: FakeTicker) -> QuizApp:
    return QuizApp(make_context_for(EXAM_BANKS, ticker))


def exam_screen(app: QuizApp) -> ExamScreen:
    """The exam screen on top (fails the test when another screen is)."""
    screen = app.screen
    assert isinstance(screen, ExamScreen)
    return screen


async def go_to(app: QuizApp, pilot, qid: str) -> None:  # type: ignore[no-untyped-def]
    """Press n/p until the question with id ``qid`` is shown (bounded: a dead key fails)."""
    screen = exam_screen(app)
    target = next(i for i, it in enumerate(screen.attempt.session.items) if it.key == f"tui/{qid}")
    for _ in range(2 * len(screen.attempt.session.items)):
        if screen.attempt.session.current == target:
            return
        await pilot.press("n" if screen.attempt.session.current < target else "p")
    raise AssertionError(f"n and p never reached question {qid}")
