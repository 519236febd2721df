"""Synthetic question banks of a given size (about 1.4 KB of YAML per question)."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = (
    *("lambda", "function", "memory", "timeout", "concurrency", "table", "partition", "key"),
    *("index", "capacity", "throughput", "model", "prompt", "embedding", "vector", "retrieval"),
    *("serverless", "cost", "region", "zone", "bucket", "queue", "stream", "policy", "role"),
    *("encryption", "latency", "scaling", "cache", "replica", "backup"),
)


def question(i: int, rnd: random.Random) -> str:
    """One question in bank YAML, indented for the ``questions:`` list."""

    def words(n: int) -> str:
        return " ".join(rnd.choice(WORDS) for _ in range(n))

    correct = rnd.randrange(4)
    choices = "".join(
        f"      - text: {words(5)}\n"
        + ("        correct: true\n" if c == correct else "")
        + f"        why: {words(10)}\n"
        for c in range(4)
    )
    return (
        f"  - id: q-{i}\n"
        f"    topic: Topic {i % 40}\n"
        f"    domain: Domain {i % 4}\n"
        f"    difficulty: {('easy', 'medium', 'hard')[i % 3]}\n"
        f"    prompt: |\n      {words(22)}.\n      {words(22)}?\n"
        f"    choices:\n{choices}"
        f"    explanation: |\n      {words(22)}.\n"
        f"    references:\n      - title: {words(3)}\n"
        f"        url: https://docs.aws.amazon.com/guide/page-{i}.html\n"
        f"    tags: [t{i % 7}, bench]\n"
    )


def write_library(
    folder: Path, questions: int, per_file: int = 10_000, seed: int = 7
) -> list[Path]:
    """Write ``questions`` questions as banks of at most ``per_file`` (files stay under 20 MB)."""
    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, start in enumerate(range(0, questions, per_file)):
        count = min(per_file, questions - start)
        path = folder / f"bank-{n:03d}.yaml"
        head = f"bank:\n  id: synthetic-{n}\n  title: Synthetic bank {n}\nquestions:\n"
        path.write_text(head + "".join(question(start + i, rnd) for i in range(count)))
        paths.append(path)
    return paths
