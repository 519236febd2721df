"""Plain mode as a subprocess: answering, practice feedback, EOF and SIGKILL resume, stats."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.cli.conftest import Run

BANK = """\
bank:
  id: mini
  title: Mini
questions:
  - id: one
    topic: Topic one
    domain: First
    shuffle: false
    prompt: "[bold]Pick B[/] :smile: 한국어 🙂"
    choices:
      - text: "[A]"
        why: Not this.
      - text: "[@click=app.quit]B"
        correct: true
        why: This.
      - C
    explanation: B is right.
    references: [https://docs.aws.amazon.com/lambda/latest/dg/welcome.html]
  - id: two
    topic: Topic two
    domain: Second
    shuffle: false
    prompt: Pick two.
    choices: [a, b, c, d, e]
    answer: [A, C]
    explanation: A and C.
  - id: three
    topic: Topic two
    domain: Second
    type: ordering
    prompt: Order them.
    steps: [first, second, third]
    explanation: In order.
  - id: four
    topic: Topic one
    domain: First
    type: matching
    prompt: Match them.
    pairs: [{prompt: p1, match: m1}, {prompt: p2, match: m2}, {prompt: p3, match: m3}]
    explanation: Pairs.
"""
EXAM = """\
exam:
  id: mini-exam
  title: Mini exam
  questions: 4
  minutes: 30
  domains:
    - {name: First, weight: 50}
    - {name: Second, weight: 50}
"""


def _setup(tmp_path: Path) -> list[str]:
    folder = tmp_path / "banks"
    folder.mkdir(exist_ok=True)
    (folder / "mini.yaml").write_text(BANK)
    (folder / "exam.yaml").write_text(EXAM)
    return ["--no-bundled", "--banks", str(folder)]


def test_an_exam_in_plain_mode_ends_with_results(run: Run, tmp_path: Path) -> None:
    args = _setup(tmp_path)
    # Skip everything, decline the second pass: all four count as wrong.
    result = run(*args, "exam", "mini-exam", "--plain", "--seed", "1", stdin="\n\n\n\nn\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Mini exam · exam · 4 questions · 30 minutes" in out
    assert re.search(r"Question 1 of 4 · Topic (one|two)", out)
    assert "[bold]Pick B[/] :smile: 한국어 🙂" in out
    assert "(Choose two.)" in out
    assert "Result: FAIL · score 100 (estimated · pass ≈ 67%) · 0/4 correct (0.0%)" in out
    assert "  First: 0/2 (0%) · Needs improvement" in out
    assert "\x1b" not in out
    stats = json.loads(run(*args, "stats", "--json").stdout)
    (attempt,) = stats["attempts"]
    assert (attempt["status"], attempt["total"], attempt["answered"], attempt["correct"]) == (
        "submitted",
        4,
        0,
        0,
    )
    assert [d["name"] for d in attempt["domains"]] == ["First", "Second"]


def test_practice_mode_gives_feedback_and_scores(run: Run, tmp_path: Path) -> None:
    args = _setup(tmp_path)
    # Question order depends on the seed; answer by looking at what was asked.
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "quizapp",
            *args,
            "exam",
            "mini-exam",
            "--plain",
            "--practice",
            "--seed",
            "4",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env={**os.environ},
    )
    assert proc.stdin is not None and proc.stdout is not None
    transcript = ""
    while True:
        chunk = _read_until_prompt(proc)
        transcript += chunk
        if chunk == "" or "Result:" in chunk or "Done:" in chunk:
            break
        last = chunk.rsplit("\nQuestion ", 1)[-1]
        reply = _right_answer(last)
        proc.stdin.write(reply + "\n")
        proc.stdin.flush()
    proc.wait(timeout=30)
    assert "Mini exam · practice · 4 questions · untimed" in transcript
    assert "✓ Correct." in transcript
    assert "  B. right (your answer): This." in transcript
    assert "See: https://docs.aws.amazon.com/lambda/latest/dg/welcome.html" in transcript
    # Practice is not an exam: a tally, no score and no verdict.
    assert "Done: 4 of 4 answered · 4 right · 0 wrong" in transcript
    assert "no score (only exams get one)" in transcript
    assert "PASS" not in transcript and "estimated score" not in transcript


def _read_until_prompt(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    buf = ""
    while not buf.endswith("> "):
        ch = proc.stdout.read(1)
        if ch == "":
            break
        buf += ch
        if "Result:" in buf and buf.endswith("\n") and "estimate" in buf:
            break
        if "Done:" in buf and buf.endswith("\n") and "no score" in buf:
            break
    return buf


def _right_answer(block: str) -> str:
    """Work out the right letters from the question text the fixture bank prints."""
    options = dict(re.findall(r"^.([A-E])\. (.*)$", block, re.M))
    by_text = {v: k for k, v in options.items()}
    if "Pick B" in block:
        return by_text["[@click=app.quit]B"]
    if "Pick two" in block:
        return by_text["a"] + by_text["c"]
    if "Order them" in block:
        return "".join(by_text[s] for s in ("first", "second", "third"))
    if "Match them" in block:
        return "".join(by_text[m] for m in ("m1", "m2", "m3"))
    return ""


def test_sigkill_mid_exam_loses_no_answer_and_resumes_the_clock(
    run: Run, tmp_path: Path, isolated_home: Path
) -> None:
    args = _setup(tmp_path)
    env = {**os.environ, "QUIZAPP_HOME": str(isolated_home)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "quizapp", *args, "exam", "mini-exam", "--plain", "--seed", "2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert proc.stdin is not None
    started = time.monotonic()
    for _ in range(2):
        block = _read_until_prompt(proc)
        proc.stdin.write(_right_answer(block.rsplit("\nQuestion ", 1)[-1]) + "\n")
        proc.stdin.flush()
    _read_until_prompt(proc)
    time.sleep(6.5)  # long enough for a heartbeat save
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    used = time.monotonic() - started

    stats = json.loads(run(*args, "stats", "--json").stdout)
    (attempt,) = stats["attempts"]
    assert (attempt["status"], attempt["answered"], attempt["correct"]) == ("in_progress", 2, 2)

    resumed = run(*args, "exam", "mini-exam", "--plain", stdin="")
    match = re.search(r"Resuming Mini exam: 2 of 4 answered, (\d+):(\d\d) left", resumed.stdout)
    assert match, resumed.stdout
    left = int(match.group(1)) * 60 + int(match.group(2))
    assert abs(left - (30 * 60 - used)) <= 5
    # Still the same attempt, still unfinished, nothing lost by the EOF either.
    again = json.loads(run(*args, "stats", "--json").stdout)["attempts"]
    assert [(a["id"], a["answered"]) for a in again] == [(attempt["id"], 2)]


def wrong_answer(block: str) -> str:
    """A wrong answer to the fixture question printed in ``block``."""
    options = dict(re.findall(r"^.([A-E])\. (.*)$", block, re.M))
    by_text = {v: k for k, v in options.items()}
    if "Pick B" in block:
        return by_text["C"]
    if "Pick two" in block:
        return by_text["b"] + by_text["d"]
    if "Order them" in block:
        return "".join(by_text[s] for s in ("third", "second", "first"))
    if "Match them" in block:
        return "".join(by_text[m] for m in ("m2", "m3", "m1"))
    return ""


def drive(cwd: Path, args: list[str], answer, env: dict[str, str] | None = None) -> str:  # type: ignore[no-untyped-def]
    """Run quizapp in plain mode, answering each question with ``answer(block)``."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "quizapp", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )
    assert proc.stdin is not None
    transcript = ""
    while True:
        chunk = _read_until_prompt(proc)
        transcript += chunk
        if not chunk.endswith("> "):
            break
        last = chunk.rsplit("\nQuestion ", 1)[-1]
        reply = "n" if "Go through them again?" in last else answer(last)
        proc.stdin.write(reply + "\n")
        proc.stdin.flush()
    proc.wait(timeout=30)
    return transcript


def test_plain_mode_says_one_question_and_one_minute_in_the_singular(
    run: Run, tmp_path: Path
) -> None:
    args = _setup(tmp_path)
    result = run(
        *args, "exam", "mini-exam", "--plain", "--questions", "1", "--minutes", "1", stdin="\n"
    )
    assert "Mini exam · exam · 1 question · 1 minute\n" in result.stdout
    assert "Type the letters of your answer" in result.stdout


def test_an_exam_of_an_hour_or_more_says_the_time_used_in_hours(run: Run, tmp_path: Path) -> None:
    args = _setup(tmp_path)
    result = run(*args, "exam", "mini-exam", "--plain", "--minutes", "90", stdin="\n\n\n\nn\n")
    assert re.search(r"Question 1 of 4 · Topic .* · 1:(30:00|29:5\d) left\n", result.stdout)
    assert re.search(r"\(0\.0%\) · 0:00:0\d used · submitted", result.stdout)
