"""Commands that write, on a failing disk: one line on stderr, a non-zero exit, nothing lost."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from quizapp import cli
from quizapp.storage.study import StudyStore
from tests.cli.conftest import Run
from tests.cli.test_database import file_size_limit, without_root_override
from tests.cli.test_import import CLEAN
from tests.cli.test_plan import BANK, EXAM, NOW

LATER = {**NOW, "QUIZAPP_NOW": "2026-12-03T09:00:00Z"}  # the misses of NOW are due


def _missed(run: Run, write: Callable[[str, str], Path]) -> list[str]:
    """Three questions answered wrong at NOW: three notebook entries, due two days later."""
    write("banks/b.yaml", BANK)
    write("banks/e.yaml", EXAM)
    own = ["--no-bundled", "--banks", "banks"]
    done = run(*own, "exam", "ex", "--practice", "--plain", stdin="a\na\na\n", env=NOW)
    assert "0 right · 3 wrong" in done.stdout, done.stderr
    return own


def _quizapp(
    cwd: Path, home: Path, *args: str, preexec: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quizapp", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **LATER, "QUIZAPP_HOME": str(home)},
        stdin=subprocess.DEVNULL,
        preexec_fn=preexec,
        timeout=120,
    )


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize(
    "command",
    [
        ["review", "--plain"],
        ["plan", "ex", "--date", "2026-12-20"],
        ["plan", "ex", "--clear"],
    ],
)
def test_a_read_only_database_refuses_each_write_in_one_line_and_keeps_its_bytes(
    run: Run, write, tmp_path: Path, isolated_home: Path, command: list[str]
) -> None:  # type: ignore[no-untyped-def]
    own = _missed(run, write)
    assert run(*own, "plan", "ex", "--date", "2026-12-10", env=NOW).returncode == 0
    db = isolated_home / "quizapp.db"
    db.chmod(0o444)
    before = db.read_bytes()
    try:
        result = _quizapp(tmp_path, isolated_home, *own, *command, preexec=without_root_override)
    finally:
        db.chmod(0o600)
    assert _one_line(result) == (
        f"quizapp: error: the database {db} cannot be written"
        " (attempt to write a readonly database)"
    )
    assert result.returncode == 1
    assert db.read_bytes() == before
    plan = run(*own, "plan", "ex", "--json", env=LATER)
    assert '"date": "2026-12-10"' in plan.stdout  # neither changed nor cleared


def _dues(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT question_key, due FROM notebook ORDER BY question_key")
        found = [(str(k), str(d)) for k, d in rows]
    conn.close()
    return found


def test_a_review_grade_the_database_refuses_is_one_line_and_counts_on_the_next_run(
    run: Run,
    write,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    own = _missed(run, write)
    db = isolated_home / "quizapp.db"
    before = _dues(db)

    def full(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.chdir(tmp_path)
    for name, value in LATER.items():
        monkeypatch.setenv(name, value)
    with monkeypatch.context() as patch:
        patch.setattr(StudyStore, "save", full)
        patch.setattr(sys, "stdin", io.StringIO("b\nb\nb\n"))  # the right answer, each time
        status = cli.main([*own, "review", "--plain"])
    out, err = capsys.readouterr()
    assert status == 1
    assert "✓ Correct." in out  # the feedback of the first card, then its grade is refused
    assert err.splitlines() == [
        f"quizapp: error: the database {db} cannot be written (database or disk is full);"
        " the grade of question 1 is unsaved"
    ]
    assert _dues(db) == before  # no card rescheduled
    resumed = run(*own, "review", "--plain", stdin="", env=LATER)  # the disk has room again
    assert resumed.returncode == 0, resumed.stderr
    after = _dues(db)
    assert [k for k, _ in after] == [k for k, _ in before]
    assert sum(a != b for a, b in zip(after, before, strict=True)) == 1  # the grade counted


def test_an_imported_bank_the_disk_refuses_is_one_line_and_no_file(
    tmp_path: Path, isolated_home: Path
) -> None:
    (tmp_path / "clean.md").write_text(CLEAN)
    target = tmp_path / "out" / "clean.yaml"
    target.parent.mkdir()
    args = ("import", "clean.md", "--from", "markdown", "-o", str(target))
    result = _quizapp(tmp_path, isolated_home, *args, preexec=file_size_limit(64))
    assert _one_line(result) == f"quizapp: error: cannot write {target}: File too large"
    assert result.returncode == 2
    assert list(target.parent.iterdir()) == []  # neither the bank nor a part of it
    again = _quizapp(tmp_path, isolated_home, *args)
    assert again.returncode == 0, again.stderr
    assert target.read_text().startswith("# yaml-language-server")


def test_a_notebook_export_the_disk_refuses_keeps_the_old_file(
    run: Run, write, tmp_path: Path, isolated_home: Path
) -> None:  # type: ignore[no-untyped-def]
    own = _missed(run, write)
    folder = tmp_path / "sheets"
    folder.mkdir()
    target = folder / "sheet.md"
    target.write_text("last week's sheet\n")
    folder.chmod(0o555)  # no room for the new file beside the old one
    try:
        export = ("notebook", "export", "-o", str(target))
        refused = _quizapp(tmp_path, isolated_home, *own, *export, preexec=without_root_override)
    finally:
        folder.chmod(0o755)
    assert _one_line(refused) == f"quizapp: error: cannot write {target}: Permission denied"
    assert refused.returncode == 2
    assert target.read_text() == "last week's sheet\n"
    assert [p.name for p in folder.iterdir()] == ["sheet.md"]
    if Path("/dev/full").exists():
        full = _quizapp(tmp_path, isolated_home, *own, "notebook", "export", "-o", "/dev/full")
        line = "quizapp: error: cannot write /dev/full: No space left on device"
        assert _one_line(full) == line
