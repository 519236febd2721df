"""Arbitrary text never breaks an importer: only its own error, no hang, and a bank that loads."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.core.bank.loader import load_text
from quizapp.core.importers.draft import ImportFormatError, Parsed
from quizapp.core.importers.formats import IMPORTERS, detect
from tests.unit.importers.helpers import build

# Pieces of every format, so the fuzzer reaches the parsers' inner states, not only "no match".
TOKENS = [
    "\n", "\n\n", "\r\n", " ", "    ", "\t", "# ", "## ", "### ", "## Question 1", "## Answer key",
    "- [ ] ", "- [x] ", "- [X] ", "    - A. ", "    - B. ", "1. ", "A) ", "B) ", "C. ", "```",
    "<details>", "</details>", "<summary>Answer</summary>", "Correct answer: ", "AC", "B, E",
    "Explanation: ", "ANSWER: ", "A", "B", "::t::", "$CATEGORY: a/b", "{", "}", "=", "~", "#",
    "####", "->", "%50%", "%-100%", "\\", "\\{", "[markdown]", "[html]", "<b>", "//", ",", ";",
    "\"", "question,a,b,answer", "prompt;option 1;option 2;correct", "\ufeff", "\x00", "\x1b[31m",
    "[bold]", ":smile:", "![img](x.png)", "https://docs.aws.amazon.com/x", "Amazon S3", "é",
    "\u2028", "(Choose two.)", "\ud800",
]  # fmt: skip
SOURCES = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(TOKENS), max_size=120).map("".join),
)
FUZZ = settings(
    max_examples=150,
    deadline=None,  # a slow example on a busy machine is not a failure; hangs are guarded below
    suppress_health_check=[HealthCheck.too_slow],
)


def _convert(importer: Callable[[str], Parsed], text: str, fmt: str) -> None:
    try:
        parsed = importer(text)
    except ImportFormatError:
        return
    built = build(parsed, fmt=fmt)
    assert built.converted + built.skipped == built.total
    if built.text is not None:
        loaded = load_text(built.text, "fuzz.yaml")
        assert [p.format() for p in loaded.problems if p.severity == "error"] == []
        assert loaded.bank is not None
        assert len(loaded.bank.questions) == built.converted


@pytest.mark.parametrize("fmt", sorted(IMPORTERS))
@FUZZ
@given(text=SOURCES)
def test_arbitrary_text_converts_or_is_refused_cleanly(fmt: str, text: str) -> None:
    _convert(IMPORTERS[fmt], text, fmt)


@FUZZ
@given(text=SOURCES, name=st.sampled_from(["x.md", "x.txt", "x.gift", "x.csv", "x"]))
def test_detection_always_names_a_format(text: str, name: str) -> None:
    fmt, why = detect(name, text)
    assert fmt in IMPORTERS
    assert why


PATHOLOGICAL = [
    "<summary>" * 20_000,
    "<img src=x " * 20_000,
    "![" * 50_000,
    "[" * 100_000,
    "Correct answer: A" + " " * 50_000 + "x",
    "# x" + " " * 50_000 + "y",
    "question" + " " * 50_000 + "x",
    "\n" * 100_000,
]


@pytest.mark.parametrize("fmt", sorted(IMPORTERS))
def test_long_runs_of_openers_and_spaces_never_hang(fmt: str) -> None:
    # A hang guard, not a speed test: each of these took seconds to minutes at a quarter of this
    # size with a backtracking pattern (a quadratic one takes 16 times longer here), while the
    # linear parsers take well under a second even on a busy machine.
    for tail in PATHOLOGICAL:
        text = "### Q\n- [x] a\n- [ ] b\n\n" + tail * 4
        start = time.perf_counter()
        _convert(IMPORTERS[fmt], text, fmt)
        detect("x.txt", text)
        assert time.perf_counter() - start < 20.0, (fmt, tail[:20])
