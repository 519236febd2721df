"""``quizapp stats --attempt ID`` as text: bank Markdown read as plain text at 80 columns."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Run

LONG = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_fido_supported.html"
BANK = f"""\
bank:
  id: md
  title: Markdown bank
questions:
  - id: q1
    topic: Identity
    domain: Security
    shuffle: false
    prompt: |
      Which statement about IAM **groups** is true, given that a company with many teams
      wants to grant `s3:GetObject` to each team's users in one place?
    choices:
      - text: Groups hold users only
        correct: true
      - Groups nest
    explanation: |
      The right answer, in short, follows from how IAM is built and how a policy reaches users:

      - Groups **cannot be nested**; they can contain only users, never other groups or roles.
      - A policy on a group applies to every user in it, see {LONG} for the rules.

      ```
      aws iam add-user-to-group --group-name Admins --user-name ana
      ```
    references:
      - {LONG}
"""
EXAM = """\
exam:
  id: md-exam
  title: Markdown exam
  questions: 1
  minutes: 10
  domains:
    - {name: Security, weight: 100}
"""


def test_bank_markdown_reads_as_wrapped_plain_text(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "md.yaml").write_text(BANK, encoding="utf-8")
    (folder / "exam.yaml").write_text(EXAM, encoding="utf-8")
    args = ["--no-bundled", "--banks", str(folder)]
    done = run(*args, "exam", "md-exam", "--plain", "--seed", "1", stdin="b\n")
    assert done.returncode == 0, done.stderr
    before = run(*args, "stats", "--attempt", "1", "--json").stdout
    text = run(*args, "stats", "--attempt", "1")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[1] == "✗ FAIL · 100 (estimated · pass ≈ 67%) · 0 of 1 right (0.0%)"
    assert text.stdout.count("estimated") == 1
    # Every line fits 80 columns but a URL, which is never cut: it gets a line of its own.
    for row in lines:
        assert len(row) <= 80 or row.strip() == LONG, row
    assert f"         {LONG}" in lines and f"       {LONG}" in lines
    assert "**" not in text.stdout and "`" not in text.stdout
    assert (
        "       Which statement about IAM groups is true, given that a company with many" in lines
    )
    assert "       teams wants to grant s3:GetObject to each team's users in one place?" in lines
    # A list item's wrapped lines hang under its text; a code block keeps its line whole.
    at = lines.index("       - Groups cannot be nested; they can contain only users, never other")
    assert lines[at + 1] == "         groups or roles."
    assert "           aws iam add-user-to-group --group-name Admins --user-name ana" in lines
    # --json is the bank's text exactly as written.
    report = json.loads(before)
    assert "**cannot be nested**" in report["questions"][0]["explanation"]
    assert report["pass_line"] == "estimated · pass ≈ 67%"
