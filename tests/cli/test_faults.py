"""Faults of the user's machine (SPEC §2): one line on stderr, no traceback, a non-zero exit."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from tests.cli.test_plain import _setup

ANSWER_ONE = "b\n\n\n\nn\n"  # answer the first question, skip the rest, decline the second pass


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("quizapp: error: ")
    return lines[0]


def _history(run: Run, tmp_path: Path) -> list[str]:
    """A submitted exam and an unfinished one in the data dir."""
    args = _setup(tmp_path)
    done = run(*args, "exam", "mini-exam", "--plain", "--seed", "1", stdin=ANSWER_ONE)
    assert done.returncode == 0, done.stderr
    left = run(*args, "exam", "mini-exam", "--plain", "--seed", "2", stdin="b\n")
    assert left.returncode == 0, left.stderr
    return args


@pytest.mark.parametrize("where", ["--data-dir", "QUIZAPP_HOME"])
def test_a_data_dir_that_is_a_file(run: Run, tmp_path: Path, where: str) -> None:
    target = tmp_path / "afile"
    target.write_text("not a folder")
    if where == "--data-dir":
        result = run("--data-dir", str(target), "stats")
    else:
        result = run("stats", env={"QUIZAPP_HOME": str(target)})
    assert _one_line(result) == f"quizapp: error: {target} is a file, not a folder"
    assert target.read_text() == "not a folder"


def test_a_data_dir_below_a_file(run: Run, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("")
    target = tmp_path / "afile" / "home"
    line = _one_line(run("--data-dir", str(target), "stats"))
    assert line == f"quizapp: error: {target} is inside a file, not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to any folder")
def test_an_unwritable_data_dir(run: Run, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o500)
    try:
        line = _one_line(run("--data-dir", str(home), "stats"))
    finally:
        home.chmod(0o700)
    assert line == f"quizapp: error: cannot write to {home}: permission denied"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_data_dir_that_cannot_be_created(run: Run) -> None:
    # Even root cannot make a folder in /proc.
    line = _one_line(run("--data-dir", "/proc/self/quizapp", "stats"))
    assert line.startswith("quizapp: error: cannot create /proc/self/quizapp: ")


@pytest.mark.parametrize("command", [["exam", "mini-exam"], ["review"]])
def test_plain_mode_with_stdin_closed(tmp_path: Path, command: list[str]) -> None:
    args = _setup(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "quizapp", *args, *command, "--plain"],
        stdin=None,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        preexec_fn=lambda: os.close(0),  # as `<&-` does
        timeout=60,
    )
    line = _one_line(result)
    assert line == "quizapp: error: plain mode reads answers from standard input, but it is closed"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["stats"], ["banks"], ["schema"]])
def test_stdout_on_a_full_disk(tmp_path: Path, command: list[str]) -> None:
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "quizapp", *command],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
            timeout=60,
        )
    result.stdout = ""
    line = _one_line(result)
    assert line == "quizapp: error: cannot write the output: No space left on device"


@pytest.mark.parametrize(
    ("seed", "message"),
    [
        ("1e30", "not a whole number: '1e30'"),
        ("1" + "0" * 30, f"too large: 1{'0' * 30} (the limit is {2**63 - 1})"),
        (str(2**63), f"too large: {2**63} (the limit is {2**63 - 1})"),
    ],
)
def test_a_seed_out_of_range(run: Run, tmp_path: Path, seed: str, message: str) -> None:
    args = _setup(tmp_path)
    result = run(*args, "exam", "mini-exam", "--plain", "--seed", seed, stdin="")
    assert _one_line(result) == f"quizapp: error: argument --seed: {message}"
    assert result.returncode == 2


@pytest.mark.parametrize("option", ["--minutes", "--questions", "--set"])
def test_a_count_out_of_range(run: Run, tmp_path: Path, option: str) -> None:
    args = _setup(tmp_path)
    huge = "1" + "0" * 30
    result = run(*args, "exam", "mini-exam", "--plain", option, huge, stdin="")
    assert (
        _one_line(result)
        == f"quizapp: error: argument {option}: must be at most 1000000, not {huge}"
    )


def test_the_largest_seed_is_stored(run: Run, tmp_path: Path) -> None:
    args = _setup(tmp_path)
    result = run(*args, "exam", "mini-exam", "--plain", "--seed", str(2**63 - 1), stdin="")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("pinned", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z"])
def test_a_clock_pinned_out_of_range(run: Run, tmp_path: Path, pinned: str) -> None:
    args = _setup(tmp_path)
    result = run(
        *args, "exam", "mini-exam", "--plain", stdin=ANSWER_ONE, env={"QUIZAPP_NOW": pinned}
    )
    line = _one_line(result)
    assert line == f"quizapp: error: QUIZAPP_NOW must fall between 1970 and 2079: '{pinned}'"


def test_a_database_that_is_a_folder(run: Run, isolated_home: Path) -> None:
    (isolated_home / "quizapp.db").mkdir()
    line = _one_line(run("--no-bundled", "stats"))
    assert (
        line
        == f"quizapp: error: the database {isolated_home / 'quizapp.db'} is a folder, not a file"
    )


def test_a_write_lock_held_by_another_program(
    run: Run, tmp_path: Path, isolated_home: Path
) -> None:
    args = _history(run, tmp_path)
    other = sqlite3.connect(isolated_home / "quizapp.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # held past quizapp's busy timeout
    try:
        result = run(*args, "exam", "mini-exam", "--plain", stdin="b\n")
    finally:
        other.execute("ROLLBACK")
        other.close()
    line = _one_line(result)
    assert line.endswith("is locked by another program; try again when it is done")
    resumed = run(*args, "exam", "mini-exam", "--plain", stdin="")
    assert "Resuming Mini exam" in resumed.stdout  # the attempt is still there once it is free


def test_a_cache_nested_too_deep_is_rebuilt(run: Run, isolated_home: Path) -> None:
    cache = isolated_home / "cache" / "banks.json"
    cache.parent.mkdir()
    cache.write_text("[" * 200_000 + "]" * 200_000)
    result = run("banks")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert cache.read_text().startswith("{")  # replaced by a good one


DAMAGE = {
    "bad JSON in an attempt": (
        "UPDATE attempts SET domains = '[\"First\",' WHERE id = 2",
        ["exam", "mini-exam", "--plain"],
        "holds a damaged row (Expecting value: line 1 column 10 (char 9))",
    ),
    "a bad date": (
        "UPDATE attempts SET started_at = '2026-1x-01' WHERE id = 1",
        ["stats"],
        "holds a damaged row (Invalid isoformat string: '2026-1x-01')",
    ),
    "bad JSON in what was seen": (
        "UPDATE question_seen SET last_order = '['",
        ["exam", "mini-exam", "--plain", "--practice"],
        "holds a damaged row (Expecting value: line 1 column 2 (char 1))",
    ),
    "bad JSON in a question's order": (
        "UPDATE attempt_items SET display_order = '[0' WHERE attempt_id = 2",
        ["exam", "mini-exam", "--plain"],
        "holds a damaged row (Expecting ',' delimiter: line 1 column 3 (char 2))",
    ),
    "a bad date in the notebook": (
        "INSERT INTO notebook (question_key, bank, topic, fingerprint, status, due, created_at)"
        " VALUES ('mini/one', 'mini', 'Topic one', 'x', 'active', 'soon', '2026-12-01')",
        ["notebook", "export"],
        "holds a damaged row (Invalid isoformat string: 'soon')",
    ),
    "bytes that are not UTF-8": (
        "UPDATE attempts SET exam_id = CAST(x'6d696e69ff' AS TEXT) WHERE id = 1",
        ["stats"],
        "is damaged (Could not decode to UTF-8 column 'exam_id' with text 'mini\ufffd')",
    ),
    "a broken schema": (
        "PRAGMA writable_schema = ON; UPDATE sqlite_master"
        " SET sql = replace(sql, 'struck', 'strack') WHERE name = 'responses'",
        ["exam", "mini-exam", "--plain"],
        "is damaged (no such column: struck)",
    ),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_database(run: Run, tmp_path: Path, isolated_home: Path, damage: str) -> None:
    sql, command, message = DAMAGE[damage]
    args = _history(run, tmp_path)
    db = isolated_home / "quizapp.db"
    with sqlite3.connect(db) as conn:
        conn.executescript(sql)
    conn.close()
    before = db.read_bytes()
    line = _one_line(run(*args, *command, stdin="b\n"))
    assert line == f"quizapp: error: the database {db} {message}"
    assert db.read_bytes() == before  # left as it was
