"""Adaptive later passes (SPEC §4.3) on a synthetic history."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

from quizapp.core.bank.library import load_library
from quizapp.core.exam.selection import History, select

NOW = datetime(2026, 11, 26, tzinfo=UTC)


def _bank(bank_id: str, topic: str, n: int) -> str:
    rows = "".join(
        f"  - {{id: q{i}, topic: {topic}, domain: D, prompt: {topic} question {i},"
        f" choices: [a, b, c, d], answer: A, explanation: x}}\n"
        for i in range(n)
    )
    return f"bank:\n  id: {bank_id}\n  title: {bank_id}\nquestions:\n{rows}"


def test_pass_two_leans_on_the_missed_topic(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(_bank("ta", "Topic A", 30))
    (tmp_path / "b.yaml").write_text(_bank("tb", "Topic B", 30))
    (tmp_path / "e.yaml").write_text(
        "exam:\n  id: e\n  title: E\n  questions: 10\n  minutes: 20\n"
        "  domains:\n    - {name: D, weight: 100}\n"
    )
    library = load_library([tmp_path])
    exam = library.exams["e"].exam
    first = select(library, exam, random.Random(1))
    # Pass 1: every A question missed (three are due now), every B question right.
    seen = {it.key: (NOW, it.order) for it in first.items}
    missed_a = [it.key for it in first.items if it.topic == "Topic A"]
    history = History(
        due=frozenset(missed_a[:3]),
        mastery={"Topic A": 0.2, "Topic B": 0.9},
        seen=seen,
    )
    adaptive = select(library, exam, random.Random(2), history=history)
    plain = select(library, exam, random.Random(2))
    count = sum(it.topic == "Topic A" for it in adaptive.items)
    assert count >= sum(it.topic == "Topic A" for it in plain.items) + 2
    keys = {it.key for it in adaptive.items}
    assert set(missed_a[:3]) <= keys  # every due entry that fits is included
    assert adaptive.repeats == 3
    assert adaptive.emphasis == (("Topic A", 0.2),)
    assert adaptive.notes[0] == "Repeats 3 questions you missed; emphasises Topic A (20%)."
    # Never-seen questions come before ones seen last time.
    fresh = [it for it in adaptive.items if it.key not in seen]
    assert len(fresh) >= len(adaptive.items) - 3 - sum(
        1 for it in adaptive.items if it.key in seen and it.key not in missed_a[:3]
    )
    # A repeated question shows its choices in a new order.
    for it in adaptive.items:
        if it.key in seen:
            assert it.order != seen[it.key][1]
    # Deterministic for the same history and seed.
    assert select(library, exam, random.Random(2), history=history).items == adaptive.items


def test_due_entries_only_fill_their_own_domain_slots(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(_bank("ta", "Topic A", 10))
    (tmp_path / "e.yaml").write_text(
        "exam:\n  id: e\n  title: E\n  questions: 4\n  domains:\n    - {name: D, weight: 100}\n"
    )
    library = load_library([tmp_path])
    due = frozenset(f"ta/q{i}" for i in range(8))
    chosen = select(library, library.exams["e"].exam, random.Random(3), history=History(due=due))
    assert len(chosen.items) == 4
    assert {it.key for it in chosen.items} <= due
    assert chosen.repeats == 4
