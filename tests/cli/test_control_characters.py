"""Hostile bank text: controls from a file, a file name or the database reach the terminal
escaped, and a text too long to show is refused."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from tests.cli.conftest import Run
from tests.cli.test_plain import _setup, drive, wrong_answer

# Any of these left raw writes the clipboard, retitles the window or blanks the screen.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
HOSTILE_BANK = """\
bank:
  id: hostile
  title: "Hostile \\e]0;owned\\a"
questions:
  - id: q1
    topic: "T \\x9b2J"
    prompt: "\\e]52;c;cm0gLXJmIH4=\\a"
    choices: [a, b]
    answer: A
    "explan\\e[2J\\nb.yaml:1:1: error: forged": x
"""


def _hostile_folder(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "hostile"
    folder.mkdir()
    path = folder / "bad\x1b]0;owned\x07\n\x9d.yaml"
    path.write_text(HOSTILE_BANK)
    return folder, path


def test_validate_shows_bad_text_and_file_names_escaped_one_problem_per_line(
    run: Run, tmp_path: Path
) -> None:
    folder, path = _hostile_folder(tmp_path)
    result = run("validate", str(folder))
    assert result.returncode == 1
    assert not RAW.search(result.stdout + result.stderr)
    lines = result.stdout.splitlines()
    shown = str(path).replace("\x1b", "\\x1b").replace("\x07", "\\x07").replace("\n", "\\n")
    shown = shown.replace("\x9d", "\\x9d")
    assert all(line.startswith(shown + ":") for line in lines), lines
    assert f"{shown}:3:10: error: control character U+001B in 'title'" in lines
    assert f"{shown}:6:12: error: question 'q1': control character U+009B in 'topic'" in lines
    assert f"{shown}:7:13: error: question 'q1': control character U+001B in 'prompt'" in lines
    assert len(lines) == 4  # the forged line stays inside the key's own problem
    assert "\\nb.yaml:1:1: error: forged" in lines[-1]

    as_json = run("validate", "--format", "json", str(folder))
    assert not RAW.search(as_json.stdout)
    problems = json.loads(as_json.stdout)
    assert {p["file"] for p in problems} == {str(path)}  # JSON escapes keep the exact name
    assert not any(RAW.search(p["message"]) for p in problems)


def test_banks_lists_a_rejected_file_without_letting_it_inject(run: Run, tmp_path: Path) -> None:
    folder, path = _hostile_folder(tmp_path)
    text = run("--no-bundled", "--banks", str(folder), "banks")
    assert text.returncode == 0, text.stderr
    assert not RAW.search(text.stdout + text.stderr)
    assert "control character U+001B in 'prompt'" in text.stdout
    as_json = run("--no-bundled", "--banks", str(folder), "banks", "--json")
    assert not RAW.search(as_json.stdout)
    assert {e["file"] for e in json.loads(as_json.stdout)["errors"]} == {str(path)}


def _poison_database(home: Path) -> None:
    """What an older quizapp kept from a hostile bank: exams, topics and notes with escapes."""
    with sqlite3.connect(home / "quizapp.db") as db:
        db.execute("UPDATE attempts SET exam_id = ?, title = ?", ("x\x1b[2J", "T" + OSC52))
        db.execute("UPDATE topic_stats SET topic = topic || ?", (OSC52,))
        db.execute("UPDATE notebook SET topic = ?, note = ?", ("N\x9d0;x\x07", "my" + OSC52))
    db.close()


def test_stats_and_exports_escape_what_the_database_holds(
    run: Run, tmp_path: Path, isolated_home: Path
) -> None:
    args = _setup(tmp_path)
    env = {"QUIZAPP_HOME": str(isolated_home)}
    drive(tmp_path, [*args, "exam", "mini-exam", "--plain", "--seed", "5"], wrong_answer, env)
    _poison_database(isolated_home)
    for command in (["stats"], ["stats", "--json"]):
        result = run(*args, *command)
        assert result.returncode == 0, result.stderr
        assert not RAW.search(result.stdout), command
        assert "\\x1b]52" in result.stdout or "\\u001b]52" in result.stdout
    for fmt in ("md", "csv", "json"):
        result = run(*args, "notebook", "export", "--format", fmt)
        assert result.returncode == 0, result.stderr
        assert not RAW.search(result.stdout), fmt
    notes = {
        e["note"] for e in json.loads(run(*args, "notebook", "export", "--format", "json").stdout)
    }
    assert notes == {"my" + OSC52}  # JSON keeps the exact text, as escapes


def test_plain_mode_prints_database_text_escaped(
    run: Run, tmp_path: Path, isolated_home: Path
) -> None:
    args = _setup(tmp_path)
    started = run(*args, "exam", "mini-exam", "--plain", "--seed", "1", stdin="")
    assert started.returncode == 0, started.stderr
    with sqlite3.connect(isolated_home / "quizapp.db") as db:
        db.execute("UPDATE attempts SET title = ?", ("T" + OSC52,))
        db.execute("UPDATE attempt_items SET topic = ?", ("Topic \x9b2J",))
    db.close()
    resumed = run(*args, "exam", "mini-exam", "--plain", "--seed", "1", stdin="")
    assert resumed.returncode == 0, resumed.stderr
    assert "Question 1 of 4 · Topic \\x9b2J" in resumed.stdout
    assert not RAW.search(resumed.stdout + resumed.stderr)


def test_error_messages_escape_what_the_user_passed(run: Run, tmp_path: Path) -> None:
    result = run("validate", "no\x1b]0;x\x07\nsuch.yaml")
    assert result.returncode == 2
    assert result.stderr == "quizapp: error: no such file or folder: no\\x1b]0;x\\x07\\nsuch.yaml\n"


def test_validate_refuses_a_text_over_64_kb_at_its_line(run: Run, tmp_path: Path) -> None:
    # A 19 MB prompt froze the TUI for minutes; no real question comes near 64 KB.
    path = tmp_path / "big.yaml"
    path.write_text(HOSTILE_BANK.replace('"\\e]52;c;cm0gLXJmIH4=\\a"', "x" * 70_000))
    result = run("validate", str(path))
    assert result.returncode == 1
    assert f"{path}:7:13: error: question 'q1': 'prompt' is longer than 64 KB" in result.stdout
