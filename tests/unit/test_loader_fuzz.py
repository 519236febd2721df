"""Whatever text arrives, the loader answers with problems, never with another exception."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.core.bank.loader import LoadedFile, load_text
from quizapp.core.text import first_control
from tests.helpers import GOOD_BANK, load_bytes

_PIECES = (
    *":-[]{}&*!|>'\"#%@`,?\n\t ",
    *("  ", "- ", ": ", "\n  ", "id", "bank", "exam", "questions", "choices", "answer"),
    *("correct", "true", "No", "3.10", "~", "null", "&a", "*a", "!!str", "---", "..."),
    *("\ufeff", "é", "한국어", "🙂"),
    *('"\\e]52;c;cm0=\\a"', '"\\x9b2J"', '"a\\nb"', '"\\r"', '"\\x7f"', "\x1b", "\x9d"),
)
YAMLISH = st.sampled_from(_PIECES)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from _strings(value)


def _check(result: LoadedFile) -> None:
    assert isinstance(result, LoadedFile)
    loaded = result.bank or result.exam
    if loaded is not None:  # whatever loads holds no control character anywhere
        assert not [s for s in _strings(loaded.model_dump()) if first_control(s)]
    if not result.ok:
        assert result.errors
    for p in result.problems:
        assert p.line >= 1
        assert p.column >= 1
        assert p.message
        # One line each, and nothing a terminal would run: messages quote hostile text.
        assert "\n" not in p.message
        assert first_control(p.message) is None, p.message
        assert "\n" not in p.format()
        assert first_control(p.format()) is None, p.format()


@FUZZ
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    _check(load_text(text, "f\x1b]0;x\a\n.yaml"))


@FUZZ
@given(st.lists(YAMLISH, max_size=80).map("".join))
def test_yaml_like_fragments(text: str) -> None:
    _check(load_text(text, "f.yaml"))


@FUZZ
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data: bytes) -> None:
    _check(load_bytes(data, "f.yaml"))


@FUZZ
@given(
    st.integers(min_value=0, max_value=len(GOOD_BANK)),
    st.integers(min_value=0, max_value=40),
    st.text(max_size=12) | YAMLISH,
)
def test_mutations_of_a_valid_bank(at: int, cut: int, insert: str) -> None:
    _check(load_text(GOOD_BANK[:at] + insert + GOOD_BANK[at + cut :], "f.yaml"))


@FUZZ
@given(st.data())
def test_line_shuffles_of_a_valid_bank(data: st.DataObject) -> None:
    lines = GOOD_BANK.splitlines(keepends=True)
    _check(load_text("".join(data.draw(st.permutations(lines))), "f.yaml"))
