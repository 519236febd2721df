"""Exam hot paths: key press to repaint, saving an answer, and building an exam.

- answering and next-question navigation in the exam screen (Pilot, headless), with a ~1 KB
  Markdown prompt holding a code block; median of many presses;
- persisting an answer (engine transition + SQLite commit with synchronous=FULL), p50/p99,
  against a bare ``INSERT`` + commit on the same database settings as the floor;
- building a 65-question exam from a 100,000-question library.
Run: ``python benchmarks/exam.py``.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from frames import FrameClock
from quizapp.context import make_context
from quizapp.core.bank.library import load_library
from quizapp.core.bank.models import ExamFile
from quizapp.core.exam.options import StartOptions
from quizapp.core.exam.selection import select
from quizapp.service.exams import ExamService
from quizapp.storage.attempts import AttemptStore
from quizapp.storage.database import connect
from quizapp.storage.study import StudyStore
from synthetic import write_library

NOW = datetime(2026, 11, 26, tzinfo=UTC)
CODE_PROMPT = (
    "A developer deploys the following handler and sees throttling during a traffic spike. " * 3
    + "\n\n```python\nimport json\n\ndef handler(event, context):\n"
    + "".join(f"    value_{i} = json.dumps({{'n': {i}}})\n" for i in range(12))
    + "    return {'statusCode': 200}\n```\n\nWhich setting should change first?"
)


def bank_with_code(folder: Path, n: int = 40) -> None:
    body = "\n".join("      " + line for line in CODE_PROMPT.splitlines())
    rows = "".join(
        f"  - id: q{i}\n    topic: T{i % 4}\n    domain: D\n    prompt: |\n{body}\n"
        f"    choices: [Reserved concurrency, Memory size, Timeout, Layers]\n    answer: A\n"
        f"    explanation: x\n"
        for i in range(n)
    )
    (folder / "code.yaml").write_text(f"bank:\n  id: code\n  title: Code\nquestions:\n{rows}")
    (folder / "exam.yaml").write_text(
        f"exam:\n  id: code-exam\n  title: Code exam\n  questions: {n}\n  minutes: 90\n"
        "  domains:\n    - {name: D, weight: 100}\n"
    )


async def keypress_latency(folder: Path, presses: int = 30) -> dict[str, float]:
    """Median times of an unbound key, an answer and the next question, with Pilot."""
    from quizapp.tui.app import QuizApp

    ctx = make_context(bundled=False, extra_banks=[str(folder)], use_cache=False)
    ctx.data_dir = folder / "data"
    app = QuizApp(ctx)
    clock = FrameClock(app)
    runs: dict[str, list[tuple[float, float]]] = {"idle": [], "answer": [], "next": []}
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")  # home: the highlighted exam's start screen
        await pilot.pause()
        await pilot.press("enter")  # start screen: start the exam
        await pilot.pause()
        for _ in range(presses):
            runs["idle"].append(await clock.key_to_frame(pilot, "f12"))  # bound to nothing
            runs["answer"].append(await clock.key_to_frame(pilot, "b"))
            runs["next"].append(await clock.key_to_frame(pilot, "n"))
            if app.screen.attempt.session.current >= 38:  # type: ignore[attr-defined]
                break
    out = {}
    for name, times in runs.items():
        out[name + " frame"] = statistics.median(f for f, _ in times)
        out[name] = statistics.median(h for _, h in times)
    return out


def persist(folder: Path, n: int = 400) -> tuple[float, float, float]:
    conn = connect(folder / "bench.db")
    library = load_library([folder])
    service = ExamService(
        AttemptStore(conn, lambda: NOW),
        StudyStore(conn),
        library,
        now=lambda: NOW,
        new_seed=lambda: 1,
    )
    runner, _ = service.start(library.exams["code-exam"].exam, "exam", StartOptions())
    times = []
    for i in range(n):
        t = time.perf_counter()
        runner.choose(i % 4)
        times.append(time.perf_counter() - t)
    conn.execute("CREATE TABLE floor (x INTEGER)")
    floor = []
    for i in range(n):
        t = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO floor VALUES (?)", (i,))
        conn.execute("COMMIT")
        floor.append(time.perf_counter() - t)
    q = statistics.quantiles(times, n=100)
    return q[49], q[98], statistics.quantiles(floor, n=100)[98]


def build_exam(folder: Path) -> float:
    write_library(folder / "big", 100_000)
    library = load_library([folder / "big"])
    blueprint = {
        "id": "big",
        "title": "Big",
        "questions": 65,
        "minutes": 90,
        "domains": [{"name": f"Domain {i}", "weight": 25} for i in range(4)],
    }
    exam = ExamFile.model_validate({"exam": blueprint}).exam.spec()
    times = []
    for seed in range(7):
        t = time.perf_counter()
        select(library, exam, random.Random(seed))
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bank_with_code(folder)
        t = asyncio.run(keypress_latency(folder))
        print(f"unbound key (harness floor, press + pause): median {t['idle'] * 1000:6.1f} ms")
        for label, key in (("answer key", "answer"), ("next question", "next")):
            print(
                f"{label:<14} key to its last frame: median {t[key + ' frame'] * 1000:5.1f} ms "
                f"(press + pause {(t[key] - t['idle']) * 1000:.1f} ms over the floor; "
                "target <= 50)"
            )
        p50, p99, floor = persist(folder)
        print(
            f"persist an answer:       p50 {p50 * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms "
            f"(target p99 <= 2); bare INSERT+commit p99 {floor * 1000:.2f} ms"
        )
        print(
            f"build a 65-question exam from 100k questions: {build_exam(folder) * 1000:.1f} ms "
            "(target <= 50)"
        )


if __name__ == "__main__":
    main()
