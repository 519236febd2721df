"""`quizapp stats` prints the numbers of the progress charts: scores over time, domain mastery."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Run
from tests.cli.test_notebook import _miss_two
from tests.cli.test_plain import _right_answer, _setup, drive


def test_stats_prints_each_mock_exam_score_in_order_and_each_domain_mastery(
    run: Run, tmp_path: Path, isolated_home: Path
) -> None:
    args = _setup(tmp_path)
    for day, answer in (("2026-11-20", _miss_two), ("2026-11-24", _right_answer)):
        env = {"QUIZAPP_HOME": str(isolated_home), "QUIZAPP_NOW": f"{day}T09:00:00+00:00"}
        drive(tmp_path, [*args, "exam", "mini-exam", "--plain", "--seed", "5"], answer, env)
    drive(tmp_path, [*args, "exam", "mini-exam", "--practice", "--plain"], _right_answer)
    now = {"QUIZAPP_NOW": "2026-11-25T09:00:00+00:00"}
    out = run(*args, "stats", env=now).stdout
    block = out[out.index("Progress per exam") : out.index("Notebook:")].splitlines()
    report = json.loads(run(*args, "stats", "--json", env=now).stdout)
    topics = {t["topic"]: t for t in report["topics"]}
    assert block[1:4] == [
        "  Mini exam · pass at 700 (67% right)",
        "    score    2026-11-20  550 fail",  # the practice run has no score
        "    score    2026-11-24 1000 pass",
    ]
    first, second = block[4:]
    # One topic per domain in the fixture bank: the domain's mastery is its topic's.
    assert first.split() == [
        "mastery",
        f"{topics['Topic one']['mastery']:.0%}",
        str(topics["Topic one"]["answered"]),
        "answers",
        "First",
    ]
    assert second.split()[1:] == [
        f"{topics['Topic two']['mastery']:.0%}",
        str(topics["Topic two"]["answered"]),
        "answers",
        "Second",
    ]
