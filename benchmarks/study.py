"""Study hot paths: the notebook screen with 10,000 entries, and mastery over 1,000,000 answers.

- opening the notebook screen with its key from the home screen, the first time in a session
  (in five fresh processes) and again, and filtering it per keystroke (Pilot, headless): key
  press to the app's last frame, and press + pause against an unbound key press;
- reading mastery for every topic (the running sums quizapp keeps), and for comparison a
  from-scratch tally over all stored responses through the covering index;
- the integrity check every start runs on the database, on that 1M-answer database.
Run: ``python benchmarks/study.py``.
"""

from __future__ import annotations

import asyncio
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from frames import FrameClock
from quizapp.context import make_context
from quizapp.core.study import notebook
from quizapp.core.study.mastery import weight
from quizapp.storage.database import connect, transaction
from quizapp.storage.study import StudyStore
from synthetic import write_library

NOW = datetime(2026, 11, 26, tzinfo=UTC)


def fill_notebook(ctx, n: int) -> None:  # type: ignore[no-untyped-def]
    study = ctx.study
    keys = list(ctx.library.questions)[:n]
    with transaction(ctx.db):
        for i, key in enumerate(keys):
            item = ctx.library.questions[key]
            step = notebook.record(
                None,
                key=key,
                topic=item.topic,
                fingerprint="x",
                correct=False,
                unsure=False,
                picked=(i % 4,),
                now=NOW - timedelta(days=i % 30),
            )
            assert step is not None
            study.save(step[0], new_miss=True)


def notebook_context(folder: Path):  # type: ignore[no-untyped-def]
    ctx = make_context(bundled=False, extra_banks=[str(folder / "lib")])
    ctx.data_dir = folder / "data"
    ctx.clock = lambda: NOW
    return ctx


async def notebook_screen(folder: Path, *, first_only: bool = False) -> dict[str, float]:
    """Open the notebook with ``n`` from the home screen, as a user does, and type a search."""
    from quizapp.tui.app import QuizApp

    app = QuizApp(notebook_context(folder))
    clock = FrameClock(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(1.5)  # a user reads the home screen first (see quizapp.tui.warmup)
        idle = [await clock.key_to_frame(pilot, "f12") for _ in range(10)]
        first = await clock.key_to_frame(pilot, "n")  # the first time in this process
        table = app.screen.query_one("#nb-table")
        assert table.row_count == 10_000  # type: ignore[attr-defined]
        assert app.screen.detail_source  # type: ignore[attr-defined]
        if first_only:
            return {
                "first frame": first[0],
                "first": first[1] - statistics.median(h for _, h in idle),
            }
        again = []
        for _ in range(7):
            await pilot.press("escape")
            await pilot.pause()
            again.append(await clock.key_to_frame(pilot, "n"))
        await pilot.press("slash")
        typing = [
            await clock.key_to_frame(pilot, "space" if ch == " " else ch)
            for ch in "question topic 1"
        ]
    out = {"idle": statistics.median(h for _, h in idle)}
    for name, runs in (("again", again), ("typing", typing)):
        out[name + " frame"] = statistics.median(f for f, _ in runs)
        out[name] = statistics.median(h for _, h in runs)
    return out


def first_opens(folder: Path, runs: int = 5) -> tuple[float, float]:
    """The first open of a session, each in a fresh process: medians (frame, over floor)."""
    frames, harness = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, __file__, "--first-open", str(folder)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        frames.append(float(out[0]))
        harness.append(float(out[1]))
    return statistics.median(frames), statistics.median(harness)


def mastery_over(folder: Path, n: int = 1_000_000, topics: int = 200) -> tuple[float, float]:
    conn = connect(folder / "m.db")
    conn.execute("PRAGMA foreign_keys = OFF")  # responses without attempts, for the benchmark
    rng = random.Random(1)
    sums: dict[str, list[float]] = {}
    rows = []
    for i in range(n):
        topic = f"Topic {rng.randrange(topics)}"
        at = NOW - timedelta(minutes=rng.randrange(60 * 24 * 365))
        correct = rng.random() < 0.6
        rows.append(
            (i // 65 + 1, i % 65, f"b/q{i % 50_000}", topic, "[0]", int(correct), at.isoformat())
        )
        s = sums.setdefault(topic, [0, 0, 0.0, 0.0])
        w = weight(at)
        s[0] += 1
        s[1] += int(correct)
        s[2] += w if correct else 0.0
        s[3] += w
    with transaction(conn):
        conn.executemany(
            "INSERT INTO responses (attempt_id, position, question_key, topic, picked, correct,"
            " answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO topic_stats VALUES (?, ?, ?, ?, ?)", [(t, *v) for t, v in sums.items()]
        )
    conn.execute("ANALYZE")
    study = StudyStore(conn)
    reads, scans = [], []
    for _ in range(5):
        t = time.perf_counter()
        figures = {s.topic: s.mastery(NOW) for s in study.topics()}
        reads.append(time.perf_counter() - t)
        t = time.perf_counter()
        conn.execute(
            "SELECT topic, COUNT(*), SUM(correct) FROM responses"
            " WHERE answered_at IS NOT NULL GROUP BY topic"
        ).fetchall()
        scans.append(time.perf_counter() - t)
    assert len(figures) == topics
    return statistics.median(reads), statistics.median(scans)


def integrity_check(path: Path) -> tuple[float, float, float]:
    """The check every start runs (``PRAGMA quick_check(1)``, see storage.database) on the
    1M-answer database, against reading the file's bytes: (MB, check s, read s), medians."""
    conn = sqlite3.connect(path)
    checks, reads = [], []
    for _ in range(5):
        t = time.perf_counter()
        assert conn.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
        checks.append(time.perf_counter() - t)
        t = time.perf_counter()
        path.read_bytes()
        reads.append(time.perf_counter() - t)
    conn.close()
    return path.stat().st_size / 1e6, statistics.median(checks), statistics.median(reads)


def main() -> None:
    if sys.argv[1:2] == ["--first-open"]:
        t = asyncio.run(notebook_screen(Path(sys.argv[2]), first_only=True))
        print(t["first frame"], t["first"])
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_library(folder / "lib", 10_000)
        fill_notebook(notebook_context(folder), 10_000)
        t = asyncio.run(notebook_screen(folder))
        t["first frame"], first_over = first_opens(folder)
        floor = t["idle"]
        t["first"] = floor + first_over
        print(f"unbound key (harness floor, press + pause): median {floor * 1000:6.1f} ms")
        for label, key, target in (
            ("open notebook, 10,000 entries, first time", "first", 300),
            ("open notebook again (median of 7)", "again", 300),
            ("filter per keystroke (median)", "typing", 100),
        ):
            print(
                f"{label:<42} key to its last frame {t[key + ' frame'] * 1000:6.1f} ms "
                f"(press + pause {(t[key] - floor) * 1000:.1f} ms over the floor; "
                f"target <= {target})"
            )
        read, scan = mastery_over(folder)
        print(f"mastery for 200 topics, 1M answers: {read * 1000:6.2f} ms (target <= 100)")
        print(
            f"  (a plain tally over all 1M responses via the covering index: {scan * 1000:.0f} ms)"
        )
        mb, check, read = integrity_check(folder / "m.db")
        print(
            f"start-up integrity check (quick_check) of that {mb:.0f} MB database: "
            f"{check * 1000:.0f} ms, {check * 1000 / mb:.2f} ms per MB "
            f"({check / read:.1f}x reading its bytes)"
        )


if __name__ == "__main__":
    main()
