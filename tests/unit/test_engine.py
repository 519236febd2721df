"""The exam engine: selection, transitions, time and scoring, with a fixed clock and seed."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp.core.bank.library import Library, load_library
from quizapp.core.bank.loader import load_text
from quizapp.core.exam import session as engine
from quizapp.core.exam.scoring import Result, score_marks
from quizapp.core.exam.selection import custom_exam, fingerprint, select
from quizapp.core.exam.session import ExamTerms, Item, SessionError, new_session

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def _bank(bank_id: str, n: int, domain: str, topic: str = "T") -> str:
    rows = "".join(
        f"  - {{id: q{i}, topic: {topic}, domain: {domain}, prompt: P{i}, choices: [a, b, c, d],"
        f" answer: B, explanation: x}}\n"
        for i in range(n)
    )
    return f"bank:\n  id: {bank_id}\n  title: {bank_id}\nquestions:\n{rows}"


EXAM = (
    "exam:\n  id: ex\n  title: Ex\n  questions: 10\n  minutes: 20\n  domains:\n"
    "    - {name: A, weight: 60}\n    - {name: B, weight: 40}\n"
)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    (tmp_path / "a.yaml").write_text(_bank("ba", 30, "A", "Alpha"))
    (tmp_path / "b.yaml").write_text(_bank("bb", 2, "B", "Beta"))
    (tmp_path / "e.yaml").write_text(EXAM)
    return load_library([tmp_path])


def test_selection_fills_slots_and_settles_a_short_domain(library: Library) -> None:
    chosen = select(library, library.exams["ex"].exam, random.Random(1))
    keys = [i.key for i in chosen.items]
    assert len(keys) == len(set(keys)) == 10
    assert sum(i.domain == "B" for i in chosen.items) == 2
    assert chosen.shortfall == {"B": 2}
    assert chosen.notes == ["B: 2 questions short, filled from other domains"]


def test_a_shortfall_nothing_could_fill_says_how_many_the_exam_has(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(_bank("ba", 6, "A", "Alpha"))
    (tmp_path / "b.yaml").write_text(_bank("bb", 1, "B", "Beta"))
    (tmp_path / "e.yaml").write_text(EXAM)
    lib = load_library([tmp_path])
    chosen = select(lib, lib.exams["ex"].exam, random.Random(1))
    assert len(chosen.items) == 7
    assert chosen.notes == ["B: 3 questions short", "The exam has 7 questions (none to spare)."]


def test_selection_is_deterministic_for_a_seed(library: Library) -> None:
    exam = library.exams["ex"].exam
    first = select(library, exam, random.Random(42)).items
    assert first == select(library, exam, random.Random(42)).items
    assert first != select(library, exam, random.Random(43)).items


def test_choices_are_shuffled_unless_the_author_says_no() -> None:
    text = (
        "bank:\n  id: s\n  title: S\nquestions:\n"
        "  - {id: fixed, topic: T, prompt: P, choices: [a, b, c, d, e, f], answer: A,"
        " shuffle: false, explanation: x}\n"
        "  - {id: moved, topic: T, prompt: P, choices: [a, b, c, d, e, f], answer: A,"
        " explanation: x}\n"
    )
    bank = load_text(text, "s.yaml").bank
    assert bank is not None
    lib = Library()
    lib.add_bank("s.yaml", bank)
    exam = custom_exam(banks=("s",), questions=2, minutes=None)
    items = {i.key: i for i in select(lib, exam, random.Random(5)).items}
    assert items["s/fixed"].order == (0, 1, 2, 3, 4, 5)
    assert items["s/moved"].order != (0, 1, 2, 3, 4, 5)
    assert sorted(items["s/moved"].order) == [0, 1, 2, 3, 4, 5]


def test_overrides_and_custom_exams(library: Library) -> None:
    exam = library.exams["ex"].exam
    chosen = select(library, exam, random.Random(1), questions=5, minutes=7)
    assert (len(chosen.items), chosen.terms.minutes) == (5, 7)
    untimed = select(library, exam, random.Random(1), untimed=True)
    assert untimed.terms.minutes is None
    custom = custom_exam(topics=("Beta",), questions=5, minutes=None)
    only_beta = select(library, custom, random.Random(1))
    assert {i.topic for i in only_beta.items} == {"Beta"}
    assert len(only_beta.items) == 2


BP = ExamTerms("ex", "Ex", 1, 700, (100, 1000), ("A", "B"))


def _session(*items: Item):  # type: ignore[no-untyped-def]
    return new_session(BP, items, mode="exam", started_at=NOW, seed=1)


SINGLE = Item("b/single", "T", "A", "choice", (2, 0, 1, 3), "f")
MULTI = Item("b/multi", "T", "A", "choice", (0, 1, 2, 3, 4), "f", multiple=True)
ORDER = Item("b/order", "T", "B", "ordering", (2, 0, 1), "f")
MATCH = Item("b/match", "T", "B", "matching", (1, 2, 0), "f")


def test_single_answer_choose_and_change() -> None:
    s = _session(SINGLE)
    s = engine.choose(s, 0, NOW)  # display A is original choice 2
    assert s.response.picked == (2,)
    assert s.response.answered_at == NOW
    s = engine.choose(s, 1, NOW)
    assert s.response.picked == (0,)
    with pytest.raises(SessionError, match="has no choice E: its choices are A to D"):
        engine.choose(s, 4, NOW)


def test_multiple_response_toggles() -> None:
    s = engine.choose(engine.choose(_session(MULTI), 0, NOW), 3, NOW)
    assert s.response.picked == (0, 3)
    s = engine.choose(s, 0, NOW)
    assert s.response.picked == (3,)


def test_flag_unsure_strike_and_move() -> None:
    s = _session(SINGLE, MULTI)
    s = engine.toggle_strike(engine.toggle_unsure(engine.toggle_flag(s)), 1)
    assert (s.response.flagged, s.response.unsure, s.response.struck) == (True, True, {0})
    s = engine.go(s, 5)
    assert s.current == 1
    assert (s.answered_count, s.flagged_count) == (0, 1)


def test_ordering_moves_and_matching_assigns() -> None:
    s = _session(ORDER, MATCH)
    assert engine.arrangement(s) == (2, 0, 1)
    s = engine.move_step(s, 0, +1, NOW)
    assert s.response.picked == (0, 2, 1)
    s = engine.move_step(s, 1, +1, NOW)
    assert s.response.picked == (0, 1, 2)
    s = engine.go(s, 1)
    s = engine.match(s, 0, 2, NOW)  # prompt 1 gets the match shown as C (pair 0)
    assert s.response.picked == (0, -1, -1)
    s = engine.match(s, 1, 2, NOW)  # the same match moves to prompt 2
    assert s.response.picked == (-1, 0, -1)


def test_time_runs_from_ticks_and_expires() -> None:
    s = _session(SINGLE, MULTI)
    s = engine.tick(s, 30)
    assert s.remaining() == 30
    assert s.response.seconds == 30
    assert not engine.timed_out(s)
    s = engine.tick(s, 31)
    assert engine.timed_out(s)
    s = engine.expire(s, NOW)
    assert (s.status, s.elapsed) == ("expired", 60)
    with pytest.raises(SessionError):
        engine.choose(s, 0, NOW)
    assert engine.go(s, 1).current == 1  # reviewing after the end is allowed


def test_resume_arithmetic() -> None:
    s = engine.tick(_session(SINGLE), 12.5)
    resumed = engine.tick(s, 0)  # nothing passes while the app is closed
    assert resumed.remaining() == pytest.approx(47.5)


def test_scoring_all_kinds_all_or_nothing(library: Library) -> None:
    text = (
        "bank:\n  id: k\n  title: K\nquestions:\n"
        "  - {id: single, topic: T1, domain: A, prompt: P, choices: [a, b, c, d], answer: B,"
        " explanation: x}\n"
        "  - {id: multi, topic: T1, domain: A, prompt: P, choices: [a, b, c, d, e],"
        " answer: [A, C], explanation: x}\n"
        "  - {id: order, topic: T2, domain: B, type: ordering, prompt: P, steps: [x, y, z],"
        " explanation: x}\n"
        "  - id: match\n    topic: T2\n    domain: B\n    type: matching\n    prompt: P\n"
        "    pairs: [{prompt: p1, match: m1}, {prompt: p2, match: m2}, {prompt: p3, match: m3}]\n"
        "    explanation: x\n"
    )
    bank = load_text(text, "k.yaml").bank
    assert bank is not None
    questions = {f"k/{q.id}": q for q in bank.questions}
    items = tuple(
        Item(
            f"k/{q.id}",
            q.topic,
            q.domain,
            q.type,
            tuple(range(len(q.choices or q.steps or q.pairs or ()))),
            fingerprint(q),
            q.multiple,
            len(q.correct),
        )
        for q in bank.questions
    )

    def score(s: engine.Session) -> Result:
        marks = [
            engine.is_correct(questions[i.key], i, r)
            for i, r in zip(s.items, s.responses, strict=True)
        ]
        return score_marks(s, marks)

    s = _session(*items)
    s = engine.answer(s, (1,), NOW)  # right
    s = engine.answer(engine.go(s, 1), (0,), NOW)  # half of a multiple response: wrong
    s = engine.answer(engine.go(s, 2), (0, 1, 2), NOW)  # right order
    s = engine.answer(engine.go(s, 3), (0, 2, 1), NOW)  # two matches swapped: wrong
    result = score(s)
    assert result.marks == (True, False, True, False)
    assert (result.correct, result.total, result.percent) == (2, 4, 50.0)
    assert result.scaled_score == 550
    assert not result.passed
    assert [(d.name, d.correct, d.total, d.meets) for d in result.domains] == [
        ("A", 1, 2, False),
        ("B", 1, 2, False),
    ]
    s = engine.answer(engine.go(s, 1), (0, 2), NOW)
    s = engine.answer(engine.go(s, 3), (0, 1, 2), NOW)
    full = score(s)
    assert (full.scaled_score, full.passed) == (1000, True)
    assert all(d.meets for d in full.domains)


def test_unanswered_counts_as_wrong_and_the_pass_line_is_exact() -> None:
    items = tuple(Item(f"b/q{i}", "T", "A", "choice", (0, 1), "f") for i in range(3))
    s = _session(*items)
    from quizapp.core.exam.scoring import score_marks

    two_of_three = score_marks(s, [True, True, False])
    assert two_of_three.scaled_score == 700  # 100 + 900 * 2/3
    assert two_of_three.passed
    assert two_of_three.domains[0].meets  # 2/3 equals the passing fraction
    assert not score_marks(s, [True, False, False]).passed


def test_order_by_puts_the_named_steps_first_and_the_rest_as_shown() -> None:
    s = engine.go(_session(ORDER, MATCH), 0)
    assert engine.arrangement(s) == (2, 0, 1)  # shown as A, B, C
    assert engine.order_by(s, (1, 2, 0), NOW).response.picked == (0, 1, 2)  # "bca"
    assert engine.order_by(s, (2,), NOW).response.picked == (1, 2, 0)  # "c", then A, B
    with pytest.raises(engine.SessionError):
        engine.order_by(s, (1, 1), NOW)
