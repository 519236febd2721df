"""Adaptive later passes (SPEC §4.3): each preference on a history built to show it alone."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.core.bank.library import Library, load_library
from quizapp.core.exam.selection import History, select

NOW = datetime(2026, 11, 26, tzinfo=UTC)


def _bank(bank_id: str, topic: str, n: int) -> str:
    rows = "".join(
        f"  - {{id: q{i}, topic: {topic}, domain: D, prompt: {topic} question {i},"
        f" choices: [a, b, c, d], answer: A, explanation: x}}\n"
        for i in range(n)
    )
    return f"bank:\n  id: {bank_id}\n  title: {bank_id}\nquestions:\n{rows}"


def _library(tmp_path: Path, a: int, b: int, questions: int = 10) -> Library:
    (tmp_path / "a.yaml").write_text(_bank("ta", "Topic A", a))
    (tmp_path / "b.yaml").write_text(_bank("tb", "Topic B", b))
    (tmp_path / "e.yaml").write_text(
        f"exam:\n  id: e\n  title: E\n  questions: {questions}\n  minutes: 20\n"
        "  domains:\n    - {name: D, weight: 100}\n"
    )
    return load_library([tmp_path])


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_weak_topics_take_up_to_sixty_percent_of_the_slots(tmp_path: Path, seed: int) -> None:
    library = _library(tmp_path, a=10, b=50)  # by chance, about 1.7 of 10 would be A
    history = History(mastery={"Topic A": 0.2, "Topic B": 0.9})
    chosen = select(library, library.exams["e"].exam, random.Random(seed), history=history)
    assert sum(it.topic == "Topic A" for it in chosen.items) >= 6
    assert chosen.emphasis == (("Topic A", 0.2),)
    assert chosen.notes == ["Emphasises Topic A (20%)."]


def test_weak_topics_never_take_every_slot(tmp_path: Path) -> None:
    library = _library(tmp_path, a=30, b=30)
    # Every A question was seen and no B question was: past the cap, unseen B ones win.
    seen = {k: (NOW, ()) for k in library.questions if k.startswith("ta/")}
    history = History(mastery={"Topic A": 0.2, "Topic B": 0.9}, seen=seen)
    chosen = select(library, library.exams["e"].exam, random.Random(1), history=history)
    assert sum(it.topic == "Topic A" for it in chosen.items) == 6  # ceil(10 * 0.6), no more


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_unseen_questions_come_before_seen_ones(tmp_path: Path, seed: int) -> None:
    library = _library(tmp_path, a=30, b=30)
    keys = sorted(library.questions)
    seen = dict.fromkeys(keys[:48], (NOW, ()))  # 12 never seen, 10 slots
    chosen = select(
        library, library.exams["e"].exam, random.Random(seed), history=History(seen=seen)
    )
    assert not {it.key for it in chosen.items} & set(seen)


def test_then_the_least_recently_seen(tmp_path: Path) -> None:
    library = _library(tmp_path, a=30, b=30)
    keys = sorted(library.questions)
    seen = {k: (NOW - timedelta(days=i), ()) for i, k in enumerate(keys)}
    chosen = select(library, library.exams["e"].exam, random.Random(5), history=History(seen=seen))
    oldest = set(sorted(keys, key=lambda k: seen[k][0])[:10])
    assert {it.key for it in chosen.items} == oldest


def test_due_entries_come_first_and_are_counted(tmp_path: Path) -> None:
    library = _library(tmp_path, a=30, b=30)
    due = frozenset(["tb/q3", "tb/q7", "ta/q1"])
    history = History(due=due, mastery={"Topic A": 0.9, "Topic B": 0.9})
    chosen = select(library, library.exams["e"].exam, random.Random(2), history=history)
    assert due <= {it.key for it in chosen.items}
    assert chosen.repeats == 3
    assert chosen.notes == ["Repeats 3 questions you missed."]


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


def test_a_repeated_question_shows_its_choices_in_a_new_order(tmp_path: Path) -> None:
    library = _library(tmp_path, a=5, b=5)
    exam = library.exams["e"].exam
    # The orders this seed gives when nothing is remembered: recorded as "last time's".
    plain = select(library, exam, random.Random(8), history=History())
    seen = {it.key: (NOW, it.order) for it in plain.items}
    again = select(library, exam, random.Random(8), history=History(seen=seen))
    assert {it.key for it in again.items} == set(seen)
    for it in again.items:
        assert it.order != seen[it.key][1], it.key


def test_the_same_history_and_seed_give_the_same_pass(tmp_path: Path) -> None:
    library = _library(tmp_path, a=30, b=30)
    history = History(
        due=frozenset(["ta/q1"]),
        mastery={"Topic A": 0.3},
        seen={"tb/q2": (NOW, (1, 0, 2, 3))},
    )
    exam = library.exams["e"].exam
    first = select(library, exam, random.Random(4), history=history)
    assert select(library, exam, random.Random(4), history=history).items == first.items
    assert select(library, exam, random.Random(5), history=history).items != first.items
