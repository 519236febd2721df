"""Start-up: process start to the home screen ready, against a one-widget Textual app.

Both run headless in fresh processes, exit as soon as their first screen is ready, and are
timed the same way. quizapp runs as the ``quizapp`` command does (argument parsing included)
and loads the bundled banks from a warm cache (filled before timing).
Run: ``python benchmarks/startup.py [--history N]``; ``--history`` first gives the data dir a
heavy user's history: N finished mock exams of every exam (their misses in the notebook) and
two exam dates, which the home screen's scores, readiness and plan lines read on every start.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

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


def timed(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock seconds, and the CPU seconds the process used (steadier on a busy machine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def fill_history(home: str, rounds: int) -> None:
    """``rounds`` finished mock exams of every loaded exam, half right, then two exam dates."""
    from quizapp.context import make_context
    from quizapp.core.exam.options import StartOptions

    start = datetime.now(UTC) - timedelta(hours=8 * rounds)
    ctx = make_context(data_dir_override=home)
    seeds, answers = random.Random(1), random.Random(2)
    ctx.new_seed = lambda: seeds.randrange(2**31)
    for n in range(rounds):
        ctx.clock = lambda n=n: start + timedelta(hours=8 * n)
        for loaded in ctx.library.exams.values():
            attempt, _ = ctx.exams.start(loaded.exam, "exam", StartOptions(adaptive=n % 2 == 0))
            for i, item in enumerate(attempt.session.items):
                attempt.go(i)
                if item.kind == "choice":
                    attempt.answer((0, 1) if item.multiple else (answers.randrange(2),))
            attempt.submit()
            attempt.release()
    for days, exam_id in ((19, "clf-c02"), (40, "aif-c01")):
        ctx.planner.set_date(exam_id, (date.today() + timedelta(days=days)).isoformat())
    ctx.db.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--history", type=int, default=0, metavar="N")
    args = parser.parse_args()
    runs = args.runs
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QUIZAPP_HOME": home}
        # Compiled bytecode, as after any normal first run (some shells turn writing it off).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        timed(QUIZAPP, env)  # fills the bank cache, creates the database, writes bytecode
        if args.history:
            fill_history(home, args.history)
            size = (Path(home) / "quizapp.db").stat().st_size / 1e6
            print(f"history: {args.history} mock exams of each exam, database {size:.1f} MB")
        timed(MINIMAL, env)
        # Alternate the two so both see the same background noise.
        minimal, quizapp = [], []
        for _ in range(runs):
            minimal.append(timed(MINIMAL, env))
            quizapp.append(timed(QUIZAPP, env))
    for kind, i in (("wall", 0), ("CPU", 1)):
        m, q = [t[i] for t in minimal], [t[i] for t in quizapp]
        # Each pair ran back to back, so its ratio cancels the machine's slower spells.
        pairs = statistics.median(b / a for a, b in zip(m, q, strict=True))
        print(
            f"{kind:>4}: minimal Textual app median {statistics.median(m) * 1000:.0f} ms "
            f"(fastest {min(m) * 1000:.0f}), quizapp home screen median "
            f"{statistics.median(q) * 1000:.0f} ms (fastest {min(q) * 1000:.0f}); "
            f"ratio: median of pairs {pairs:.2f}, fastest {min(q) / min(m):.2f} (target <= 1.5)"
        )


if __name__ == "__main__":
    main()
