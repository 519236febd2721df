"""Exports of hostile bank text: spreadsheets run no formula, Markdown gets no heading or HTML."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from quizapp.core.bank.models import Question
from quizapp.core.study.export import Sheet, _cell, entry_markdown, to_csv, to_markdown
from quizapp.core.study.notebook import Entry, Miss
from tests.helpers import bank, load_bytes

NOW = datetime(2026, 12, 1, tzinfo=UTC)

HOSTILE = bank(
    """\
    - id: q1
      topic: "Safe topic\\n# Injected heading <img src=x onerror=alert(1)>"
      domain: D
      prompt: |
        =HYPERLINK("http://evil.example","click")
        # Not a heading
        Text with <script>alert(1)</script> and `a <b> in code`.
        ```
        # a comment in code, kept
        <b>kept</b>
        ```
        Done
        ===
      choices:
        - text: "<img src=x onerror=alert(1)>"
          why: "Because\\n# also injected"
        - text: "@SUM(1+1)"
          correct: true
      explanation: "<iframe src=x></iframe>"
    """
)


def _sheet(note: str = "") -> Sheet:
    loaded = load_bytes(HOSTILE.encode(), "b.yaml")
    assert loaded.bank is not None, loaded.problems
    question: Question = loaded.bank.questions[0]
    entry = Entry(
        key="demo/q1",
        bank="demo",
        topic=question.topic,
        fingerprint="x",
        misses=(Miss((0,), NOW),),
        note=note,
    )
    return Sheet(entry, question)


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.split("#tags column:3\n", 1)[1])))


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_csv_cell_that_would_run_as_a_formula_is_text(start: str) -> None:
    sheet = _sheet(note="x")
    question = sheet.question
    assert question is not None
    hostile = question.model_copy(update={"prompt": f"{start}cmd|' /C calc'!A0"})
    (row,) = _rows(to_csv([Sheet(sheet.entry, hostile)]))
    assert row[0].startswith(f"'{start}cmd")


@pytest.mark.parametrize("start", ["\t", "\r"])
def test_a_cell_starting_with_a_tab_or_return_is_text_too(start: str) -> None:
    # Exported cells are stripped, so only the rule itself can be shown these.
    assert _cell(f"{start}=1+1") == f"'{start}=1+1"
    assert _cell("Answer: =1") == "Answer: =1"


def test_the_bank_s_own_formula_prompt_is_prefixed() -> None:
    (row,) = _rows(to_csv([_sheet()]))
    assert row[0].startswith("'=HYPERLINK(")
    assert not row[1].startswith(("=", "+", "-", "@"))


def test_csv_tags_never_hold_a_newline() -> None:
    (row,) = _rows(to_csv([_sheet()]))
    tags = row[2]
    assert "\n" not in tags and "\r" not in tags
    assert tags.split(" ")[:2] == ["quizapp", "demo"]
    assert tags.split(" ")[2].startswith("Safe_topic_#_Injected_heading")


def test_markdown_escapes_headings_and_html_from_bank_text() -> None:
    md = to_markdown([_sheet(note="line\n# my heading <b>")], NOW)
    outside_code = md.split("```")[0] + md.split("```")[2]
    headings = [line for line in outside_code.splitlines() if line.startswith("#")]
    assert headings == [
        "# quizapp wrong-answer notebook",
        "## Safe topic # Injected heading &lt;img src=x onerror=alert(1)> · demo",
    ]
    assert "<img" not in md and "<script" not in md and "<iframe" not in md
    assert "\\# Not a heading" in md
    assert "Done\n\\===\n" in md  # a setext underline would turn "Done" into a heading
    assert "- &lt;img src=x onerror=alert(1)>: Because # also injected" in md
    assert "**Your note:** line # my heading &lt;b>" in md


def test_markdown_keeps_code_as_written() -> None:
    md = entry_markdown(_sheet(), NOW)
    assert "`a <b> in code`" in md
    assert "```\n# a comment in code, kept\n<b>kept</b>\n```" in md


def test_counts_read_as_words_and_times_carry_no_microseconds() -> None:
    import json

    from quizapp.core.study.export import to_json

    sheet = _sheet()
    odd = datetime(2026, 11, 30, 8, 15, 42, 123456, tzinfo=UTC)
    entry = Entry(key="demo/q1", bank="demo", topic="T", fingerprint="x", misses=(Miss((0,), odd),))
    sheet = Sheet(entry, sheet.question)
    sheet_md = to_markdown([sheet], NOW)
    assert "Missed once · right 0 times since" in sheet_md
    assert "- 2026-11-30: " in sheet_md and "123456" not in sheet_md
    (row,) = json.loads(to_json([sheet]))
    assert row["last_missed"] == "2026-11-30T08:15:42+00:00"
