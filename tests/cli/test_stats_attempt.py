"""``quizapp stats --attempt ID``: one attempt with every question, as text and as JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.cli.conftest import Run

EXAM65 = Path(__file__).parents[1] / "tui" / "exam65"  # the first choice is always right
ARGS = ["--no-bundled", "--banks", str(EXAM65)]


def _exam(run: Run, *extra: str, stdin: str) -> None:
    result = run(*ARGS, "exam", "big-exam", "--plain", "--seed", "1", *extra, stdin=stdin)
    assert result.returncode == 0, result.stderr


def test_one_finished_exam_in_full_as_text_and_json(run: Run) -> None:
    _exam(run, stdin="b\n" * 5 + "a\n" * 60)  # 60 of 65: 92.3%
    text = run(*ARGS, "stats", "--attempt", "1")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0] == "Attempt #1 · Sixty-five question exam · exam · submitted"
    # The results screen's words: the score, then its pass line in brackets, "estimated" once.
    assert lines[1] == ("✓ PASS · 931 (estimated · pass ≈ 67% · ready at 72%: reached) ·")
    assert lines[2] == "  60 of 65 right (92.3%)"
    assert "5 answers went into the notebook" in lines[3]
    assert lines[4] == "Domains"
    assert re.search(
        r"^  Cloud Concepts +\d+/16 +\d+% · (Meets competencies|Needs improvement)$",
        text.stdout,
        re.M,
    )
    assert re.search(r"^ +1\. ✗ wrong · [\w ]+ · yours B · right A · \d:\d\d$", text.stdout, re.M)
    assert re.search(r"^ +6\. ✓ right · [\w ]+ · yours A · right A · \d:\d\d$", text.stdout, re.M)
    assert len(re.findall(r"^ +Why: The first choice is right", text.stdout, re.M)) == 65

    report = json.loads(run(*ARGS, "stats", "--attempt", "1", "--json").stdout)
    assert (report["scaled_score"], report["passed"], report["pass_percent"]) == (931, True, 66.7)
    assert report["pass_line"] == "estimated · pass ≈ 67% · ready at 72%: reached"
    questions = report["questions"]
    assert len(questions) == 65
    assert [q["result"] for q in questions[:6]] == ["wrong"] * 5 + ["right"]
    first = questions[0]
    assert (first["picked"], first["right_answer"]) == ("B", "A")
    assert first["explanation"].startswith("The first choice is right for question")
    assert first["question"].startswith("big/")
    assert sum(d["total"] for d in report["domains"]) == 65
    assert all(isinstance(d["meets"], bool) for d in report["domains"])


def test_a_practice_run_shows_its_tally_and_no_verdict(run: Run) -> None:
    _exam(run, "--practice", stdin="b\n" + "a\n" * 64)
    text = run(*ARGS, "stats", "--attempt", "1").stdout
    assert "64 of 65 answered" not in text  # every one was answered
    assert "65 of 65 answered · 64 right · 1 wrong · no score (only exams get one)" in text
    assert "PASS" not in text and "estimated score" not in text
    assert "Meets competencies" not in text and "Needs improvement" not in text
    report = json.loads(run(*ARGS, "stats", "--attempt", "1", "--json").stdout)
    assert (report["scaled_score"], report["passed"], report["pass_line"]) == (None, None, None)
    assert all(d["meets"] is None for d in report["domains"])


def test_an_unknown_or_unfinished_attempt_is_one_line_and_exit_2(run: Run) -> None:
    _exam(run, "--practice", stdin="a\n")  # input ends: saved unfinished
    unfinished = run(*ARGS, "stats", "--attempt", "1")
    assert unfinished.returncode == 2
    assert unfinished.stdout == ""
    assert unfinished.stderr == (
        "quizapp: error: attempt 1 is unfinished: resume it with quizapp exam big-exam --practice\n"
    )
    missing = run(*ARGS, "stats", "--attempt", "7", "--json")
    assert missing.returncode == 2
    assert missing.stderr == "quizapp: error: there is no attempt 7 (quizapp stats lists them)\n"
    listing = run(*ARGS, "stats").stdout
    assert "One attempt with every question: quizapp stats --attempt ID" in listing
    assert re.search(r"#1 +big-exam +practice +in progress +1/65 +1\.5%$", listing, re.M)


def test_the_listing_names_the_pass_line_behind_its_scores(run: Run) -> None:
    _exam(run, stdin="a\n" * 65)
    listing = run(*ARGS, "stats").stdout
    assert "Scores: estimated · pass ≈ 67%" in listing


def test_text_from_the_database_reaches_the_terminal_as_visible_escapes(
    run: Run, isolated_home: Path
) -> None:
    import sqlite3

    _exam(run, stdin="a\n" * 65)
    with sqlite3.connect(isolated_home / "quizapp.db") as db:
        db.execute("UPDATE attempt_items SET topic = ? WHERE position = 0", ("Topic\x1b[2J",))
        db.execute("UPDATE attempts SET title = ?", ("Title\x9b31m",))
    text = run(*ARGS, "stats", "--attempt", "1").stdout
    assert "\x1b" not in text and "\x9b" not in text
    assert "Title\\x9b31m" in text and "Topic\\x1b[2J" in text
