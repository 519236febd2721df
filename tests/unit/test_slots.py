"""Domain slots by largest remainder, and which questions count for a domain."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.bank.library import load_library
from quizapp.core.exam.slots import allocate_slots, plan_slots


@pytest.mark.parametrize(
    ("total", "weights", "slots"),
    [
        (65, [24, 30, 34, 12], [16, 19, 22, 8]),  # CLF-C02: 19.5 loses to 15.6 and 7.8
        (65, [20, 24, 28, 14, 14], [13, 16, 18, 9, 9]),  # AIF-C01
        (40, [25, 20, 20, 20, 15], [10, 8, 8, 8, 6]),
        (10, [1, 1, 1], [4, 3, 3]),  # a tie goes to the earlier domain
        (3, [50, 50], [2, 1]),
        (0, [50, 50], [0, 0]),
    ],
)
def test_slots_sum_to_the_total(total: int, weights: list[float], slots: list[int]) -> None:
    assert allocate_slots(total, weights) == slots
    assert sum(slots) == total


def test_plan_counts_domain_and_match_eligibility(write) -> None:  # type: ignore[no-untyped-def]
    write(
        "b.yaml",
        "bank:\n  id: lam\n  title: L\nquestions:\n"
        + "".join(
            f"  - {{id: q{i}, topic: T{i % 2}, domain: D{i % 2}, prompt: P, choices: [a, b],"
            f" answer: A, explanation: x, tags: [t{i % 3}]}}\n"
            for i in range(6)
        ),
    )
    write(
        "e.yaml",
        "exam:\n  id: e\n  title: E\n  questions: 4\n  domains:\n"
        "    - {name: D0, weight: 50}\n"
        "    - name: Other\n      weight: 50\n      match: {tags: [t1]}\n",
    )
    library = load_library([Path(write("empty.yaml", "").parent)])
    assert library.problems[0].message.startswith("the file is empty")
    p = plan_slots(library.exams["e"].exam, library)
    assert [(d.slots, d.available) for d in p.domains] == [(2, 3), (2, 2)]
    assert p.shortfall == 0
