"""Two plain windows on one attempt: one owner at a time, nothing lost, study applied once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.cli.conftest import Run
from tests.cli.test_plain import _read_until_prompt, _right_answer, _setup


def _window(tmp_path: Path, home: Path, args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "quizapp", *args, "exam", "mini-exam", "--plain", "--seed", "2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "QUIZAPP_HOME": str(home)},
    )


def _answer(proc: subprocess.Popen[str]) -> str:
    """Answer the question on screen right; return what was printed up to the next prompt."""
    assert proc.stdin is not None
    block = _read_until_prompt(proc)
    proc.stdin.write(_right_answer(block.rsplit("\nQuestion ", 1)[-1]) + "\n")
    proc.stdin.flush()
    return block


def test_a_second_plain_window_is_refused_and_the_first_loses_nothing(
    run: Run, tmp_path: Path, isolated_home: Path
) -> None:
    args = _setup(tmp_path)
    first = _window(tmp_path, isolated_home, args)
    _answer(first)
    block = _read_until_prompt(first)  # the first answer is saved; the window owns the attempt
    second = run(*args, "exam", "mini-exam", "--plain", stdin="c\nc\nc\nc\n")
    assert second.returncode == 1
    assert second.stderr == (
        f"quizapp: error: this exam is open in another quizapp window (pid {first.pid})\n"
    )
    assert "Question" not in second.stdout
    assert first.stdin is not None
    for _ in range(3):
        first.stdin.write(_right_answer(block.rsplit("\nQuestion ", 1)[-1]) + "\n")
        first.stdin.flush()
        block = _read_until_prompt(first)
    assert "Result: PASS" in block
    first.communicate(timeout=30)
    assert first.returncode == 0
    stats = json.loads(run(*args, "stats", "--json").stdout)
    (attempt,) = stats["attempts"]
    assert (attempt["status"], attempt["answered"], attempt["correct"]) == ("submitted", 4, 4)
    assert sum(t["answered"] for t in stats["topics"]) == 4  # study applied once per answer


def test_killing_the_owner_frees_the_attempt_for_resume(
    run: Run, tmp_path: Path, isolated_home: Path
) -> None:
    args = _setup(tmp_path)
    first = _window(tmp_path, isolated_home, args)
    _answer(first)
    _read_until_prompt(first)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    resumed = run(*args, "exam", "mini-exam", "--plain", stdin="")
    assert resumed.returncode == 0, resumed.stderr
    assert "Resuming Mini exam: 1 of 4 answered" in resumed.stdout
