"""The YAML reader: strings stay strings, unsafe YAML is refused fast, positions are exact."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from quizapp.core.bank.source import (
    MAX_BYTES,
    Mark,
    SourceError,
    decode,
    parse,
    read_capped,
    read_text,
)


@pytest.mark.parametrize(
    "written",
    [
        "No",
        "no",
        "Yes",
        "On",
        "off",
        "y",
        "n",
        "true",
        "False",
        "3.10",
        "1e3",
        "0123",
        "0o17",
        "0x1F",
        "1_000",
        "2024-05-17",
        "2024-05-17 10:00:00",
        "1:30",
        "190:20:30",
        ".inf",
        "-.Inf",
        ".NaN",
        "null",
        "Null",
        "~",
        "=",
        "<<",
    ],
)
def test_every_scalar_stays_the_text_the_author_wrote(written: str) -> None:
    data, _ = parse(f"key: {written}\nlist: [{written}, x]\n")
    assert data == {"key": written, "list": [written, "x"]}


def test_an_empty_plain_value_is_none_but_an_empty_quoted_one_is_text() -> None:
    data, _ = parse("a:\nb: ''\nc: \"\"\n")
    assert data == {"a": None, "b": "", "c": ""}


def test_block_scalars_keep_their_text() -> None:
    data, _ = parse("p: |\n  line one\n  line two\nq: >-\n  folded\n  text\n")
    assert data == {"p": "line one\nline two\n", "q": "folded text"}


def test_positions_point_at_keys_and_values() -> None:
    text = "bank:\n  id: x\nquestions:\n  - id: q1\n    choices: [a, b]\n"
    _, pos = parse(text, positions=True)
    assert pos is not None
    assert pos.keys[("bank", "id")] == Mark(2, 3)
    assert pos.values[("bank", "id")] == Mark(2, 7)
    assert pos.values[("questions", 0)] == Mark(4, 5)
    assert pos.values[("questions", 0, "choices", 1)] == Mark(5, 18)
    assert pos.find(("questions", 0, "missing", 3)) == Mark(4, 5)


def _problems(text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(SourceError) as info:
        parse(text, positions=True)
    return [(m.line, m.column, msg) for m, msg in info.value.problems]


def test_an_alias_is_refused_at_its_anchor() -> None:
    assert _problems("a: &x 1\nb: *x\n") == [
        (1, 4, "YAML anchors (&name) are not allowed in quizapp files")
    ]


def test_an_alias_without_its_anchor_is_refused_not_dropped() -> None:
    assert _problems("a: 1\nb: *x\n") == [
        (2, 4, "YAML aliases (*name) are not allowed in quizapp files")
    ]


def test_an_anchor_on_a_mapping_is_refused() -> None:
    assert _problems("a: &base\n  k: v\n")[0][:2] == (1, 4)


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!python/object:os.system x\n", "tag:yaml.org,2002:python/object:os.system"),
        ("a: !!str 3\n", "tag:yaml.org,2002:str"),
        ("a: !!binary aGk=\n", "tag:yaml.org,2002:binary"),
        ("a: !custom x\n", "!custom"),
        ("a: !!map {b: c}\n", "tag:yaml.org,2002:map"),
    ],
)
def test_explicit_tags_are_refused(text: str, tag: str) -> None:
    assert _problems(text) == [
        (1, 4, f"explicit YAML tag '{tag}' is not allowed: every value is plain text")
    ]


def test_billion_laughs_is_refused_in_milliseconds() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(lines) + "\n"
    start = time.perf_counter()
    with pytest.raises(SourceError, match="anchors"):
        parse(text)
    # A bound far above the real cost (well under 1 ms), far below any expansion.
    assert time.perf_counter() - start < 0.5


def test_duplicate_keys_name_both_lines_and_do_not_stop_the_parse() -> None:
    data, pos = parse("a: 1\nb: 2\na: 3\nc: 4\n", positions=True)
    assert pos is not None
    assert pos.problems == [(Mark(3, 1), "duplicate key 'a' (first at line 1)")]
    assert data == {"a": "1", "b": "2", "c": "4"}


def test_duplicate_keys_in_fast_mode_stop_the_parse() -> None:
    with pytest.raises(SourceError, match="duplicate key 'a'"):
        parse("a: 1\na: 2\n")


def test_a_tab_is_named_as_such() -> None:
    (line, column, message), *_ = _problems("a:\n\tb: 1\n")
    assert (line, message) == (2, "YAML syntax error: a tab character; indent with spaces")
    assert column == 1


def test_an_unclosed_quote_says_where() -> None:
    (line, _column, message), *_ = _problems('a: "open\nb: 2\n')
    assert line == 3
    assert message.startswith("YAML syntax error: found unexpected end of stream")
    assert "line 1" in message


def test_bad_indentation_says_where() -> None:
    (line, _column, message), *_ = _problems("a:\n  b: 1\n c: 2\n")
    assert line == 3
    assert message.startswith("YAML syntax error:")
    assert message.endswith("; check this line's indentation against the lines above")


@pytest.mark.parametrize(
    ("text", "line", "hint"),
    [
        ("q:\n  prompt: What is it: a trick?\n", 2, "needs quotes or a '|' block"),
        ("q:\n  prompt: What?\n   choices: [a, b]\n", 3, "or the line is indented too far"),
        ("q:\n  - a\n  - b\n answer: A\n", 4, "check this line's indentation"),
        ("title: `Demo`\n", 1, "quote a text that starts with ` or @"),
    ],
)
def test_common_syntax_errors_say_what_to_change(text: str, line: int, hint: str) -> None:
    (at, _column, message), *_ = _problems(text)
    assert at == line
    assert hint in message


def test_two_documents_are_refused() -> None:
    assert _problems("a: 1\n---\nb: 2\n") == [(2, 1, "only one YAML document is allowed per file")]


def test_a_non_text_key_is_an_error() -> None:
    _, pos = parse("[a, b]: 1\n", positions=True)
    assert pos is not None
    assert pos.problems == [(Mark(1, 1), "a mapping key must be plain text")]


@pytest.mark.parametrize("depth", [40, 5000])
def test_deep_nesting_is_refused_not_a_recursion_error(depth: int) -> None:
    with pytest.raises(SourceError, match="nesting"):
        parse("[" * depth + "]" * depth)


def test_non_utf8_bytes_are_reported_at_their_position() -> None:
    with pytest.raises(SourceError) as info:
        decode(b"bank:\n  title: caf\xe9\n")
    ((mark, message),) = info.value.problems
    assert mark == Mark(2, 13)
    assert message == "file is not UTF-8 text (byte 0xe9); save it as UTF-8"


def test_a_utf8_bom_is_accepted() -> None:
    assert decode(b"\xef\xbb\xbfa: 1\n") == "a: 1\n"


def test_a_file_over_20_mb_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: costs no disk and no reading
    start = time.perf_counter()
    with pytest.raises(SourceError, match="the limit is 20 MB"):
        read_text(big)
    assert time.perf_counter() - start < 0.5


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_a_file_whose_size_reads_zero_is_read_only_up_to_the_limit(tmp_path: Path) -> None:
    link = tmp_path / "status.yaml"  # a regular file of size 0 that holds far more than 10 bytes
    link.symlink_to("/proc/self/status")
    assert link.stat().st_size == 0
    with pytest.raises(SourceError, match="over the 0 MB limit"):
        read_capped(link, 10)
    assert read_capped(link, 1 << 20).startswith(b"Name:")


def test_a_special_file_is_refused_without_reading(tmp_path: Path) -> None:
    link = tmp_path / "zero.yaml"
    link.symlink_to(os.devnull)
    with pytest.raises(SourceError, match="not a regular file"):
        read_text(link)
