"""``quizapp stats`` reports a readiness estimate per exam once there are finished mocks."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Run

EXAM = (
    "exam:\n  id: ready-exam\n  title: Ready exam\n  questions: 10\n  minutes: 30\n"
    "  domains:\n    - {name: A, weight: 50}\n    - {name: B, weight: 50}\n"
)


def _args(tmp_path: Path) -> list[str]:
    rows = "".join(
        f"  - {{id: q{i:02d}, topic: Topic {i % 3}, domain: {'AB'[i % 2]}, shuffle: false,"
        f" prompt: 'Prompt {i:02d}', choices: [wrong, right, other], answer: B, explanation: x}}\n"
        for i in range(40)
    )
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "bank.yaml").write_text(f"bank:\n  id: ready\n  title: Ready\nquestions:\n{rows}")
    (folder / "exam.yaml").write_text(EXAM)
    return ["--no-bundled", "--banks", str(folder)]


def test_stats_estimates_readiness_after_enough_mock_answers(run: Run, tmp_path: Path) -> None:
    args = _args(tmp_path)
    run(*args, "exam", "ready-exam", "--plain", "--practice", stdin="b\n" * 10)
    before = json.loads(run(*args, "stats", "--json").stdout)
    assert before["readiness"] == [
        {
            "exam": "ready-exam",
            "p_pass": None,
            "expected_score": None,
            "low": None,
            "high": None,
            "based_on": "not enough data",
        }
    ]  # a practice run is not a mock exam
    for answers in ("b\n" * 10, "b\n" * 8 + "a\n" * 2, "b\n" * 9 + "a\n"):
        run(*args, "exam", "ready-exam", "--plain", stdin=answers)
    report = json.loads(run(*args, "stats", "--json").stdout)
    assert [a["mode"] for a in report["attempts"]].count("exam") == 3  # the rest stays as it was
    (ready,) = report["readiness"]
    assert ready["exam"] == "ready-exam"
    assert ready["based_on"] == "3 mock exams, 40 answers"  # SPEC §7.2's form
    assert ready["low"] < ready["expected_score"] < ready["high"]
    assert 700 < ready["expected_score"] < 1000
    assert 0.5 < ready["p_pass"] < 1
    text = run(*args, "stats").stdout
    assert "Readiness (estimates of a fresh mock exam)" in text
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("ready-exam"))
    assert f"{ready['p_pass']:.0%} chance to pass · expected {ready['expected_score']}" in line
    assert line.endswith("· from 3 mock exams and 40 answers on its topics")  # words for people
