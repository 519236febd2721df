"""A start from a warm cache draws the home screen without importing the validation stack."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HOME_SCREEN = """
import asyncio
import sys

from quizapp.context import make_context
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.home import HomeScreen

async def show_home() -> None:
    app = QuizApp(make_context())
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

asyncio.run(show_home())
print(" ".join(sorted({m.split(".")[0] for m in sys.modules})))
"""


def test_the_home_screen_from_a_warm_cache_imports_neither_pydantic_yaml_nor_fsrs(
    tmp_path: Path,
) -> None:
    # pydantic, PyYAML and fsrs cost a third of start-up; they load when a file changed, a
    # question is opened or a card is reviewed.
    env = {**os.environ, "QUIZAPP_HOME": str(tmp_path)}
    run = [sys.executable, "-c", HOME_SCREEN]
    cold = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    assert "pydantic" in cold.stdout.split()  # the first start validates and fills the cache
    warm = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    loaded = set(warm.stdout.split())
    assert "textual" in loaded
    assert not loaded & {"pydantic", "pydantic_core", "yaml", "fsrs"}
