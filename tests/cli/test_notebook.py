"""The notebook end to end as a user drives it: exam, misses, next-day review, export."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta
from pathlib import Path

from tests.cli.conftest import Run
from tests.cli.test_plain import _right_answer, _setup, drive, wrong_answer


def _miss_two(block: str) -> str:
    """Wrong on the single-answer and ordering questions, right on the others."""
    if "Pick B" in block or "Order them" in block:
        return wrong_answer(block)
    return _right_answer(block)


def test_misses_go_to_the_notebook_and_come_back_the_next_day(
    run: Run, tmp_path: Path, isolated_home: Path
) -> None:
    args = _setup(tmp_path)
    env = {"QUIZAPP_HOME": str(isolated_home)}
    transcript = drive(
        tmp_path, [*args, "exam", "mini-exam", "--plain", "--seed", "5"], _miss_two, env
    )
    assert "Result: FAIL · score 550 (estimated" in transcript
    stats = json.loads(run(*args, "stats", "--json").stdout)
    assert stats["notebook"] == {"active": 2, "due": 0, "mastered": 0}  # due in a minute
    topics = {t["topic"]: t for t in stats["topics"]}
    assert {k: (t["answered"], t["correct"]) for k, t in topics.items()} == {
        "Topic one": (2, 1),
        "Topic two": (2, 1),
    }
    assert all(t["mastery"] == 0.5 for t in topics.values())

    exported = json.loads(run(*args, "notebook", "export", "--format", "json").stdout)
    assert sorted(e["key"] for e in exported) == ["mini/one", "mini/three"]
    by_key = {e["key"]: e for e in exported}
    one = by_key["mini/one"]
    assert {"question", "bank", "topic", "times_missed", "picked", "status", "due"} <= set(one)
    assert (one["bank"], one["topic"], one["times_missed"], one["status"]) == (
        "mini",
        "Topic one",
        1,
        "active",
    )
    assert one["picked"][0]["choices"] == ["C"]  # the distractor that was picked
    assert one["answer"] == ["[@click=app.quit]B"]
    assert by_key["mini/three"]["picked"][0]["choices"] == ["third", "second", "first"]

    tomorrow = (datetime.fromisoformat(one["due"]) + timedelta(days=1)).isoformat()
    later = {**env, "QUIZAPP_NOW": tomorrow}
    assert json.loads(run(*args, "stats", "--json", env=later).stdout)["notebook"]["due"] == 2
    drill = drive(tmp_path, [*args, "review", "--plain"], _right_answer, later)
    assert "Question 2 of 2" in drill
    assert "Review done: 2 of 2 right." in drill

    after = json.loads(run(*args, "notebook", "export", "--format", "json", env=later).stdout)
    for item in after:
        assert item["times_right_since"] == 1
        assert datetime.fromisoformat(item["due"]) > datetime.fromisoformat(tomorrow)
    assert json.loads(run(*args, "stats", "--json", env=later).stdout)["notebook"] == {
        "active": 2,
        "due": 0,
        "mastered": 0,
    }
    nothing = run(*args, "review", "--plain", env=later)
    assert nothing.stdout.startswith("Nothing is due in the notebook (2 active, 0 mastered).")

    # The next pass of the same exam brings the missed questions back and says so.
    second = drive(
        tmp_path,
        [*args, "exam", "mini-exam", "--plain", "--seed", "6"],
        _right_answer,
        {**env, "QUIZAPP_NOW": (datetime.fromisoformat(tomorrow) + timedelta(days=30)).isoformat()},
    )
    assert "Repeats 2 questions you missed" in second


def test_export_formats_write_files_atomically(
    run: Run, tmp_path: Path, isolated_home: Path
) -> None:
    args = _setup(tmp_path)
    drive(
        tmp_path,
        [*args, "exam", "mini-exam", "--plain", "--seed", "5"],
        _miss_two,
        {"QUIZAPP_HOME": str(isolated_home)},
    )
    md = tmp_path / "sheet.md"
    assert run(*args, "notebook", "export", "--format", "md", "-o", str(md)).returncode == 0
    text = md.read_text()
    assert text.startswith("# quizapp wrong-answer notebook")
    assert re.search(r"\*\*Your wrong picks\*\*\n\n- \d{4}-\d\d-\d\d: C\n", text)
    assert "**Right answer:** [@click=app.quit]B" in text
    out = tmp_path / "anki.csv"
    run(*args, "notebook", "export", "--format", "csv", "-o", str(out))
    lines = out.read_text().splitlines()
    assert lines[:4] == [
        "#separator:comma",
        "#html:false",
        "#columns:Front,Back,Tags",
        "#tags column:3",
    ]
    rows = list(csv.reader(io.StringIO(out.read_text().split("#tags column:3\n", 1)[1])))
    assert len(rows) == 2
    assert all(len(r) == 3 and r[2].startswith("quizapp mini ") for r in rows)
    assert all(r[1].startswith("Answer: ") for r in rows)
    assert not list(tmp_path.glob(".anki.csv.*"))  # no temporary file left behind
    bad = run(*args, "notebook", "export", "-o", str(tmp_path / "missing" / "x.md"))
    assert bad.returncode == 2
    assert bad.stderr.startswith("quizapp: error: cannot write")
