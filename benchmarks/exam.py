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

from quizapp.context import make_context
from quizapp.core.bank.library import load_library
from quizapp.core.bank.models import ExamInfo
from quizapp.core.exam.selection import select
from quizapp.runner import start
from quizapp.storage.attempts import AttemptStore
from quizapp.storage.database import connect
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


async def keypress_latency(folder: Path, presses: int = 30) -> tuple[float, float, float]:
    from quizapp.tui.app import QuizApp

    ctx = make_context(bundled=False, extra_banks=[str(folder)], use_cache=False)
    ctx.data_dir = folder / "data"
    app = QuizApp(ctx)
    answer, navigate, idle = [], [], []
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(presses):
            t = time.perf_counter()
            await pilot.press("z")  # bound to nothing: the cost of the harness itself
            await pilot.pause()
            idle.append(time.perf_counter() - t)
            t = time.perf_counter()
            await pilot.press("b")
            await pilot.pause()
            answer.append(time.perf_counter() - t)
            t = time.perf_counter()
            await pilot.press("n")
            await pilot.pause()
            navigate.append(time.perf_counter() - t)
            if app.screen.runner.session.current >= 38:  # type: ignore[attr-defined]
                break
    return statistics.median(answer), statistics.median(navigate), statistics.median(idle)


def persist(folder: Path, n: int = 400) -> tuple[float, float, float]:
    conn = connect(folder / "bench.db")
    library = load_library([folder])
    store = AttemptStore(conn, lambda: NOW)
    runner, _ = start(
        library, store, library.exams["code-exam"].exam, mode="exam", seed=1, now=lambda: NOW
    )
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
    exam = ExamInfo.model_validate(
        {
            "id": "big",
            "title": "Big",
            "questions": 65,
            "minutes": 90,
            "domains": [{"name": f"Domain {i}", "weight": 25} for i in range(4)],
        }
    )
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
        a, n, idle = asyncio.run(keypress_latency(folder))
        print(f"unbound key (harness floor): median {idle * 1000:6.1f} ms")
        print(
            f"answer key to repaint:       median {a * 1000:6.1f} ms, "
            f"{(a - idle) * 1000:.1f} ms over the floor (target <= 50)"
        )
        print(
            f"next question + repaint:     median {n * 1000:6.1f} ms, "
            f"{(n - idle) * 1000:.1f} ms over the floor (target <= 50)"
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
