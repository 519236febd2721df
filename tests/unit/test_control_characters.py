"""Bank text reaches terminals: control characters are refused at their line, and shown escaped."""

from __future__ import annotations

import json

import pytest

from quizapp.core.bank.loader import load_text
from quizapp.core.bank.problems import Problem
from quizapp.core.text import first_control, json_text, visible
from tests.helpers import GOOD_BANK

EXAM = """\
exam:
  id: mini
  title: Mini exam
  questions: 2
  minutes: 10
  domains:
    - name: Cloud Concepts
      weight: 100
      match: {topics: [T], tags: [x], banks: [demo]}
  banks: ["*"]
"""


def problems(text: str) -> list[str]:
    return [p.format().removeprefix("b.yaml:") for p in load_text(text, "b.yaml").problems]


# Each control as YAML writes it in a double-quoted scalar (the only way one gets into a file).
CONTROLS = [
    ("\\e", "U+001B"),
    ("\\0", "U+0000"),
    ("\\a", "U+0007"),
    ("\\r", "U+000D"),
    ("\\x7f", "U+007F"),
    ("\\x9b", "U+009B"),
    ("\\x9d", "U+009D"),
    ("\\N", "U+0085"),
]


@pytest.mark.parametrize(("escape", "code"), CONTROLS)
def test_each_control_character_is_an_error_at_its_value(escape: str, code: str) -> None:
    text = GOOD_BANK.replace("prompt: What is the maximum Lambda timeout?", f'prompt: "a{escape}b"')
    assert problems(text) == [f"8:13: error: question 'q1': control character {code} in 'prompt'"]


def test_tabs_and_newlines_stay_allowed() -> None:
    text = GOOD_BANK.replace("explanation: Fifteen minutes.", 'explanation: "a\\tb\\nc"')
    assert problems(text) == []


# (text to replace, replacement holding ESC, expected line:col: message)
BANK_FIELDS = [
    ("id: demo", 'id: "de\\emo"', "2:7: error: control character U+001B in 'id'"),
    ("title: Demo bank", 'title: "\\e]0;x\\a"', "3:10: error: control character U+001B in 'title'"),
    ("id: q1", 'id: "q\\e1"', "5:9: error: question 'q\\x1b1': control character U+001B in 'id'"),
    (
        "topic: Lambda limits",
        'topic: "\\e[2J"',
        "6:12: error: question 'q1': control character U+001B in 'topic'",
    ),
    (
        "domain: Cloud Technology and Services",
        'domain: "\\x9b2J"',
        "7:13: error: question 'q1': control character U+009B in 'domain'",
    ),
    ("- 5 minutes", '- "\\e5"', "10:9: error: question 'q1': control character U+001B in 'text'"),
    (
        "text: 15 minutes",
        'text: "\\e15"',
        "11:15: error: question 'q1': control character U+001B in 'text'",
    ),
    (
        "why: 900 seconds.",
        'why: "\\e9"',
        "13:14: error: question 'q1': control character U+001B in 'why'",
    ),
    (
        "explanation: Fifteen minutes.",
        'explanation: "\\e"',
        "15:18: error: question 'q1': control character U+001B in 'explanation'",
    ),
    (
        "answer: [A, D]",
        'answer: ["\\eA", D]',
        "21:14: error: question 'q2': control character U+001B in 'answer entry 1'",
    ),
    (
        "explanation: A and D.",
        'explanation: A\n    tags: ["\\e"]',
        "23:12: error: question 'q2': control character U+001B in 'tags entry 1'",
    ),
    (
        "explanation: A and D.",
        'explanation: A\n    references: ["\\e"]',
        "23:18: error: question 'q2': control character U+001B in 'url'",
    ),
    (
        "explanation: A and D.",
        'explanation: A\n    references: [{url: u, title: "\\e"}]',
        "23:34: error: question 'q2': control character U+001B in 'title'",
    ),
    (
        "explanation: A and D.",
        'explanation: A\n    scenario: "\\e"',
        "23:15: error: question 'q2': control character U+001B in 'scenario'",
    ),
    (
        "explanation: A and D.",
        'explanation: A\n    "ex\\e\\nx": 1',
        "23:5: error: question 'q2': control character U+001B in key 'ex\\x1b\\nx'",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "expected"), BANK_FIELDS, ids=[f[2].split("in ")[-1] for f in BANK_FIELDS]
)
def test_every_bank_field_refuses_control_characters(old: str, new: str, expected: str) -> None:
    assert old in GOOD_BANK
    found = problems(GOOD_BANK.replace(old, new, 1))
    assert expected in found  # an unknown scenario is also reported, escaped
    assert all(first_control(line) is None for line in found)


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("title: Mini exam", 'title: "\\x9d0;x\\a"', "title"),
        ("- name: Cloud Concepts", '- name: "\\eC"', "name"),
        ("topics: [T]", 'topics: ["\\e"]', "topics entry 1"),
        ('banks: ["*"]', 'banks: ["\\e"]', "banks entry 1"),
    ],
)
def test_exam_fields_refuse_control_characters(old: str, new: str, field: str) -> None:
    found = problems(EXAM.replace(old, new))
    assert len(found) == 1
    assert found[0].endswith(f"in '{field}'")


def test_a_newline_in_a_quoted_key_cannot_forge_a_second_problem_line() -> None:
    forged = 'explanation: A\n    "x\\nb.yaml:1:1: error: forged": 1'
    (line,) = problems(GOOD_BANK.replace("explanation: A and D.", forged))
    assert "\n" not in line
    assert "x\\nb.yaml:1:1" in line


def test_a_text_over_64_kb_is_an_error_at_its_line() -> None:
    long = GOOD_BANK.replace("Fifteen minutes.", "x" * (64 * 1024 + 1))
    assert problems(long) == [
        "15:18: error: question 'q1': 'explanation' is longer than 64 KB, the limit for one text"
    ]
    assert problems(GOOD_BANK.replace("Fifteen minutes.", "x" * (64 * 1024))) == []


def test_problems_show_their_file_and_message_escaped() -> None:
    p = Problem("a\x1b]52;c;x\a.yaml", 1, 1, "error", "bad '\x9b2J\nnext'")
    assert p.message == "bad '\\x9b2J\\nnext'"
    assert p.format() == "a\\x1b]52;c;x\\x07.yaml:1:1: error: bad '\\x9b2J\\nnext'"


def test_visible_escapes_controls_and_keeps_tabs_and_newlines_unless_one_line() -> None:
    text = "a\tb\nc\x1b[2J\x7f\x9b\r"
    assert visible(text) == "a\tb\nc\\x1b[2J\\x7f\\x9b\\r"
    assert visible(text, one_line=True) == "a\\tb\\nc\\x1b[2J\\x7f\\x9b\\r"
    assert visible("한국어 🙂") == "한국어 🙂"
    assert first_control("ok\x9dx") == "U+009D"
    assert first_control("ok\t\n") is None


def test_json_text_keeps_the_data_and_writes_no_raw_control() -> None:
    data = {"t": "\x1b]0;x\a \x9b \x7f 한국어"}
    text = json_text(data)
    assert first_control(text) is None
    assert "한국어" in text
    assert json.loads(text) == data
