"""Start-up: process start to the home screen ready, against a one-widget Textual app.

Both run headless in fresh processes, exit as soon as their first screen is ready, and are
timed the same way. quizapp runs as the ``quizapp`` command does (argument parsing included)
and loads the bundled banks from a warm cache (filled before timing).
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
from textual.app import App

async def ready(pilot):
    await pilot.pause()
    assert type(pilot.app.screen).__name__ == "HomeScreen"
    pilot.app.exit()

run = App.run
App.run = lambda self, **options: run(self, headless=True, auto_pilot=ready)

from quizapp.cli import main  # the whole path the quizapp command takes

raise SystemExit(main([]))
"""


def timed(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def main(runs: int = 21) -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QUIZAPP_HOME": home}
        # Compiled bytecode, as after any normal first run (some shells turn writing it off).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        timed(QUIZAPP, env)  # fills the bank cache, creates the database, writes bytecode
        timed(MINIMAL, env)
        # Alternate the two so both see the same background noise.
        minimal, quizapp = [], []
        for _ in range(runs):
            minimal.append(timed(MINIMAL, env))
            quizapp.append(timed(QUIZAPP, env))
    for name, f in (("median", statistics.median), ("fastest", min)):
        m, q = f(minimal), f(quizapp)
        print(
            f"{name:>7}: minimal Textual app {m * 1000:.0f} ms, quizapp home screen "
            f"{q * 1000:.0f} ms, ratio {q / m:.2f} (target <= 1.5)"
        )


if __name__ == "__main__":
    main()
