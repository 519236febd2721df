"""Every ``--help`` at 80 columns: lines that fit, words for a person, SPEC's flags."""

from __future__ import annotations

import re

import pytest

from tests.cli.conftest import Run

# Each command with the flags SPEC §2 gives it.
COMMANDS = {
    "": ["--data-dir", "--banks", "--no-bundled", "--version"],
    "exam": ["--practice", "--set", "--questions", "--minutes", "--seed", "--no-adapt",
             "--restart", "--plain", "EXAM_ID"],
    "review": ["--limit", "--cram", "--exam", "--topic", "--plain"],
    "notebook export": ["--format {md,csv,json}", "-o FILE"],
    "stats": ["--json"],
    "validate": ["--format {text,json}", "--strict", "PATH"],
    "banks": ["--json"],
    "schema": ["{bank,exam}"],
    "new-bank": ["FILE"],
    "import": ["--from", "-o OUT.yaml", "--bank-id", "--title", "--topic", "--domain", "FILE"],
    "plan": ["--date YYYY-MM-DD", "--clear", "--json", "EXAM_ID"],
}  # fmt: skip
JARGON = re.compile(r"\(s\)|blueprint-proportional|line-based|\bint\b|\bstr\b|\bargv?\b")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_help_fits_80_columns_and_says_what_each_argument_is(run: Run, command: str) -> None:
    result = run(*command.split(), "--help", env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    usage = result.stdout.split("\n\n")[0]
    for flag in COMMANDS[command]:
        assert flag in usage, f"{flag} is not in the usage of {command or 'quizapp'}"
    assert all(len(line) <= 80 for line in lines), [line for line in lines if len(line) > 80]
    # Read as one text: help wraps at spaces and after hyphens ("blueprint-" / "proportional").
    flowing = re.sub(r"-\s+", "-", " ".join(result.stdout.split()))
    assert not JARGON.search(flowing), JARGON.search(flowing)
    listed = False
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        if not re.match(r"^  \S", line):
            continue
        listed = True
        said = re.search(r"\S  +\S", line.strip()) is not None
        # The help may go on the next line (a long flag), or a list of subcommands follows.
        assert said or re.match(r"^ {6,}\S|^    \S", after), f"no help for {line.strip()!r}"
    assert listed


def test_a_mistyped_number_says_so_in_words(run: Run) -> None:
    result = run("stats", "--attempt", "x")
    assert result.returncode == 2
    assert result.stderr == "quizapp: error: argument --attempt: not a whole number: 'x'\n"
