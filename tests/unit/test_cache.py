"""The validated-bank cache: used when nothing changed, ignored when stale or damaged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizapp.core.bank.cache import BankCache
from quizapp.core.bank.library import load_library
from tests.helpers import GOOD_BANK


@pytest.fixture
def banks(tmp_path: Path) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "a.yaml").write_text(GOOD_BANK)
    (folder / "bad.yaml").write_text(GOOD_BANK.replace("explanation: A and D.", "explantion: x"))
    return folder


def test_an_unchanged_library_loads_from_the_cache(banks: Path, tmp_path: Path) -> None:
    cache_file = tmp_path / "cache" / "banks.json"
    first = BankCache(cache_file, "1.0")
    cold = load_library([banks], first)
    assert (first.hits, first.misses) == (0, 2)
    assert cache_file.exists()
    assert oct(cache_file.parent.stat().st_mode & 0o777) == "0o700"
    second = BankCache(cache_file, "1.0")
    warm = load_library([banks], second)
    assert (second.hits, second.misses) == (2, 0)
    assert warm.banks["demo"].file == cold.banks["demo"].file
    assert warm.problems == cold.problems
    assert warm.questions["demo/q2"].question.correct == (0, 3)


def test_an_edited_file_is_parsed_again(banks: Path, tmp_path: Path) -> None:
    cache_file = tmp_path / "banks.json"
    load_library([banks], BankCache(cache_file, "1.0"))
    edited = banks / "a.yaml"
    edited.write_text(GOOD_BANK.replace("Demo bank", "Edited bank"))
    st = edited.stat()
    os.utime(edited, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    cache = BankCache(cache_file, "1.0")
    library = load_library([banks], cache)
    assert (cache.hits, cache.misses) == (1, 1)
    assert library.banks["demo"].file.bank.title == "Edited bank"


def test_another_version_ignores_the_cache(banks: Path, tmp_path: Path) -> None:
    cache_file = tmp_path / "banks.json"
    load_library([banks], BankCache(cache_file, "1.0"))
    cache = BankCache(cache_file, "2.0")
    load_library([banks], cache)
    assert cache.misses == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b"\x80\x04\x95 not json",  # a pickle-looking file is just garbage to us
        lambda b: b.replace(b'"topic":"Lambda limits"', b'"topic":7'),  # the index's own fields
        lambda b: b.replace(b'"format":3', b'"format":2'),
    ],
)
def test_an_unreadable_cache_is_ignored_and_rebuilt(banks: Path, tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    cache_file = tmp_path / "banks.json"
    load_library([banks], BankCache(cache_file, "1.0"))
    cache_file.write_bytes(damage(cache_file.read_bytes()))
    cache = BankCache(cache_file, "1.0")
    library = load_library([banks], cache)
    assert cache.misses >= 1
    assert library.questions["demo/q1"].topic == "Lambda limits"
    assert library.questions["demo/q2"].question.correct == (0, 3)
    assert BankCache(cache_file, "1.0").read()  # rewritten whole


@pytest.mark.parametrize(
    ("good", "bad"),
    [
        (b'"correct":true', b'"correct":"sometimes"'),  # a wrong type
        (b'"answer":["A","D"]', b'"answer":["Z"]'),  # breaks a bank rule
        (b'"text":"15 minutes"', b'"text":""'),
    ],
)
def test_cached_bank_data_is_validated_before_use(
    banks: Path, tmp_path: Path, good: bytes, bad: bytes
) -> None:
    cache_file = tmp_path / "banks.json"
    load_library([banks], BankCache(cache_file, "1.0"))
    data = cache_file.read_bytes()
    assert good in data
    cache_file.write_bytes(data.replace(good, bad))
    library = load_library([banks], BankCache(cache_file, "1.0"))
    # The bad cached data never reaches a caller: the bank is read from its YAML again.
    q1, q2 = (library.questions[k].question for k in ("demo/q1", "demo/q2"))
    assert q1.choices is not None
    assert q1.choices[1].text == "15 minutes"
    assert q1.correct == (1,)
    assert q2.correct == (0, 3)


def test_an_unwritable_cache_is_skipped(banks: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    library = load_library([banks], BankCache(blocker / "banks.json", "1.0"))
    assert "demo" in library.banks


EXAM_FILE = """\
exam:
  id: mini
  title: Mini exam
  questions: 2
  minutes: 10
  domains:
    - name: Cloud Concepts
      weight: 50
    - name: Cloud Technology and Services
      weight: 50
"""


def test_exams_load_from_the_cache_and_a_damaged_entry_is_read_again(
    banks: Path, tmp_path: Path
) -> None:
    (banks / "exam.yaml").write_text(EXAM_FILE)
    cache_file = tmp_path / "banks.json"
    cold = load_library([banks], BankCache(cache_file, "1.0"))
    warm_cache = BankCache(cache_file, "1.0")
    warm = load_library([banks], warm_cache)
    assert warm_cache.misses == 0
    assert warm.exams["mini"].exam == cold.exams["mini"].exam
    cache_file.write_bytes(cache_file.read_bytes().replace(b'"questions":2', b'"questions":"2"'))
    again = BankCache(cache_file, "1.0")
    reread = load_library([banks], again)
    assert again.misses == 1
    assert reread.exams["mini"].exam.questions == 2


def test_a_same_size_edit_with_its_mtime_restored_is_not_served_stale(
    banks: Path, tmp_path: Path
) -> None:
    cache_file = tmp_path / "banks.json"
    load_library([banks], BankCache(cache_file, "1.0"))
    edited = banks / "a.yaml"
    st = edited.stat()
    text = edited.read_text()
    assert "answer: [A, D]" in text
    edited.write_text(text.replace("answer: [A, D]", "answer: [B, D]"))  # same size
    os.utime(edited, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert (edited.stat().st_size, edited.stat().st_mtime_ns) == (st.st_size, st.st_mtime_ns)
    cache = BankCache(cache_file, "1.0")
    library = load_library([banks], cache)
    assert (cache.hits, cache.misses) == (1, 1)
    assert library.questions["demo/q2"].question.correct == (1, 3)
