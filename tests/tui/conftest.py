"""Build the app for Pilot and snapshot tests the way the CLI does, on a small fixed library."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.context import make_context
from quizapp.tui.app import QuizApp

BANKS = Path(__file__).parent / "banks"


def make_app() -> QuizApp:
    """The app over the test banks only (bundled content changes must not move snapshots)."""
    return QuizApp(make_context(bundled=False, extra_banks=[str(BANKS)], use_cache=False))


@pytest.fixture
def app() -> QuizApp:
    return make_app()
