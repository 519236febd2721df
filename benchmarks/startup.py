"""Start-up: process start to the home screen ready, against a one-widget Textual app.

Both run headless in fresh processes, exit as soon as their first screen is ready, and are
timed the same way. quizapp loads the bundled banks from a warm cache (filled before timing).
Run: ``python benchmarks/startup.py``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

MINIMAL = """
from textual.app import App
from textual.widgets import Static

class Minimal(App[None]):
    def compose(self):
        yield Static("hello")

async def ready(pilot):
    await pilot.pause()
    pilot.app.exit()

Minimal().run(headless=True, auto_pilot=ready)
"""

QUIZAPP = """
from quizapp.context import make_context
from quizapp.tui.app import QuizApp

async def ready(pilot):
    await pilot.pause()
    assert type(pilot.app.screen).__name__ == "HomeScreen"
    pilot.app.exit()

ctx = make_context()
ctx.library
ctx.db
QuizApp(ctx).run(headless=True, auto_pilot=ready)
"""


def timed(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def main(runs: int = 7) -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QUIZAPP_HOME": home}
        timed(QUIZAPP, env)  # fills the bank cache and creates the database
        minimal = [timed(MINIMAL, env) for _ in range(runs)]
        quizapp = [timed(QUIZAPP, env) for _ in range(runs)]
    m, q = statistics.median(minimal), statistics.median(quizapp)
    print(f"minimal Textual app: {m * 1000:.0f} ms (median of {runs})")
    print(f"quizapp home screen: {q * 1000:.0f} ms (median of {runs})")
    print(f"ratio: {q / m:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
