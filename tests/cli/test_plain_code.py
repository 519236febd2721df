"""Plain mode shows inline code in choices, steps and pairs as the exam screen does."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Run

BANK = """\
bank: {id: code, title: Code}
questions:
  - id: cli
    topic: CLI
    domain: Only
    shuffle: false
    prompt: Which command lists your buckets with `ls`?
    choices:
      - text: "`aws s3 ls`"
        correct: true
        why: "`ls` lists them"
      - "`[bold]aws[/] s3api` with a ` lone backtick and **bold**"
    explanation: x
  - id: ord
    topic: Ordering
    domain: Only
    type: ordering
    prompt: Put them in order.
    steps: ["`one`", "`two`", "`three`"]
    explanation: x
  - id: mat
    topic: Matching
    domain: Only
    type: matching
    prompt: Match them.
    pairs:
      - {prompt: "`p1`", match: "`m1`"}
      - {prompt: "`p2`", match: "`m2`"}
      - {prompt: "`p3`", match: "`m3`"}
    explanation: x
"""
EXAM = """\
exam:
  id: code-exam
  title: Code exam
  questions: 3
  domains: [{name: Only, weight: 100}]
"""


def test_code_spans_lose_their_backticks_and_nothing_else_changes(run: Run, tmp_path: Path) -> None:
    (tmp_path / "banks").mkdir()
    (tmp_path / "banks" / "bank.yaml").write_text(BANK)
    (tmp_path / "banks" / "exam.yaml").write_text(EXAM)
    args = ["--no-bundled", "--banks", str(tmp_path / "banks"), "exam", "code-exam"]
    # Wrong everywhere: the order reversed, every match shifted, the second choice.
    result = run(*args, "--practice", "--plain", "--seed", "1", stdin="cba\ncab\nb\n" * 2)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert " A. aws s3 ls\n" in out
    # A lone backtick and emphasis stay as written, as on the exam screen; no markup is read.
    assert " B. [bold]aws[/] s3api with a ` lone backtick and **bold**\n" in out
    assert "Right order: one → two → three\n" in out
    for step in ("one", "two", "three"):
        assert f". {step}\n" in out
    for n in (1, 2, 3):
        assert f" {n}. p{n}\n" in out and f". m{n}\n" in out
        assert f"  p{n} → m{n} (you matched: m" in out
    # The prompt is Markdown and the why a note: both are printed as the author wrote them.
    assert "Which command lists your buckets with `ls`?" in out
    assert ": `ls` lists them" in out
