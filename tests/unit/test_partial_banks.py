"""A bank with a broken question keeps its sound ones; the broken one stays an error."""

from __future__ import annotations

from pathlib import Path

from quizapp.core.bank.cache import BankCache
from quizapp.core.bank.library import load_library
from quizapp.core.bank.loader import load_text
from tests.helpers import GOOD_BANK

BROKEN_Q2 = GOOD_BANK.replace("answer: [A, D]", "answer: [A, G]")


def test_one_broken_question_leaves_the_others_loaded() -> None:
    result = load_text(BROKEN_Q2, "b.yaml")
    assert result.bank is not None
    assert [q.id for q in result.bank.questions] == ["q1"]
    assert [(p.severity, p.question, p.line) for p in result.problems] == [("error", "q2", 21)]
    assert "answer 'G'" in result.problems[0].message


def test_an_error_outside_the_questions_still_rejects_the_file() -> None:
    text = BROKEN_Q2.replace("title: Demo bank", "titel: Demo bank")
    result = load_text(text, "b.yaml")
    assert result.bank is None
    assert len(result.errors) == 3  # the missing title, the unknown key, q2's answer


def test_a_bank_whose_every_question_is_broken_is_not_loaded() -> None:
    text = BROKEN_Q2.replace("    explanation: Fifteen minutes.", "    explantion: Fifteen.")
    assert load_text(text, "b.yaml").bank is None


def test_the_cache_keeps_the_error_on_a_warm_start(tmp_path: Path) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "b.yaml").write_text(BROKEN_Q2)
    cache_file = tmp_path / "cache" / "banks.json"
    cold = load_library([folder], BankCache(cache_file, "1.0"))
    warm_cache = BankCache(cache_file, "1.0")
    warm = load_library([folder], warm_cache)
    assert warm_cache.hits == 1
    for library in (cold, warm):
        assert list(library.questions) == ["demo/q1"]
        assert [(p.severity, p.question) for p in library.problems] == [("error", "q2")]
    assert warm.questions["demo/q1"].question.correct == (1,)
