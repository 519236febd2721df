"""A start from a warm cache draws the home screen without importing the validation stack."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from quizapp.tui.warmup import WARM_UP_AFTER

HOME_SCREEN = """
import asyncio
import sys

from quizapp.context import make_context
from quizapp.tui import warmup
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.home import HomeScreen

WAIT = float(sys.argv[1])
if not WAIT:
    warmup.STEPS = ()  # what the home screen itself needs, however slow the machine

async def show_home() -> None:
    app = QuizApp(make_context())
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        waited = 0.0
        while waited < WAIT and "quizapp.tui.screens.notebook" not in sys.modules:
            await pilot.pause(0.1)  # the last step of the warm-up, however slow the machine
            waited += 0.1

asyncio.run(show_home())
print(" ".join(sorted(sys.modules)))
"""


def test_the_home_screen_from_a_warm_cache_imports_neither_pydantic_yaml_nor_fsrs(
    tmp_path: Path,
) -> None:
    # pydantic, PyYAML and fsrs cost a third of start-up; they load when a file changed, a
    # question is opened or a card is reviewed.
    env = {**os.environ, "QUIZAPP_HOME": str(tmp_path)}
    cold = _modules(env, wait=0)
    assert "pydantic" in cold  # the first start validates and fills the cache
    warm = _modules(env, wait=0)
    assert "textual" in warm
    assert not warm & {"pydantic", "pydantic_core", "yaml", "fsrs"}


def test_once_the_home_screen_shows_the_next_screens_load_in_the_background(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "QUIZAPP_HOME": str(tmp_path)}
    _modules(env, wait=0)  # fills the cache
    later = _modules(env, wait=WARM_UP_AFTER + 10)
    assert {"pydantic", "quizapp.tui.screens.exam", "quizapp.tui.screens.notebook"} <= later


def _modules(env: dict[str, str], *, wait: float) -> set[str]:
    """The modules loaded by a run that shows the home screen, then waits up to ``wait`` s."""
    run = [sys.executable, "-c", HOME_SCREEN, str(wait)]
    out = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout
    return set(out.split())


FULL_COLLECTIONS = """
import gc

from textual.app import App

full = []

def count(phase, info):
    if phase == "start" and info["generation"] == 2:
        full.append(info)

gc.callbacks.append(count)

async def ready(pilot):
    await pilot.pause()
    assert type(pilot.app.screen).__name__ == "HomeScreen"
    print(gc.get_freeze_count() > 0, len(full))
    pilot.app.exit()

run = App.run
App.run = lambda self, **options: run(self, headless=True, auto_pilot=ready)

from quizapp.cli import main  # the path the quizapp command takes

main([])
"""


def test_a_warm_start_runs_no_full_collection_before_the_home_screen_shows(
    tmp_path: Path,
) -> None:
    # One fell due while the library was read or home was built and walked every loaded
    # record (15 ms of each start); the library is loaded with the collector paused (by the
    # loader), then frozen.
    env = {**os.environ, "QUIZAPP_HOME": str(tmp_path)}
    run = [sys.executable, "-c", FULL_COLLECTIONS]
    subprocess.run(run, env=env, capture_output=True, check=True)  # fills the cache
    out = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout
    # The loaded library is frozen too: later collections in the session never walk it.
    assert out.split()[-2:] == ["True", "0"]
