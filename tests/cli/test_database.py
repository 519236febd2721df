"""A damaged, full, read-only or shared database, met the way a user meets it: a real process."""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from quizapp.storage.database import connect
from quizapp.storage.migrations import _apply
from tests.cli.conftest import Run

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def quizapp(
    home: Path, *args: str, preexec: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run quizapp on ``home`` with no banks (a database command needs none), stdin closed."""
    env = {**os.environ, "QUIZAPP_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "quizapp", "--no-bundled", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        preexec_fn=preexec,
        timeout=60,
    )


def without_root_override() -> None:
    """Let file modes bind even as root (tests run as root in CI): drop the override powers."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def file_size_limit(limit: int) -> Callable[[], None]:
    """A disk that fills after ``limit`` bytes per file (``ulimit -f``); writes fail, no signal."""

    def preexec() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return preexec


def older_database(path: Path, version: int = 3) -> None:
    """A database as a quizapp of schema ``version`` left it, with one attempt in it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    for number in range(version):
        _apply(conn, number)
    conn.execute(
        "INSERT INTO attempts (exam_id, title, mode, status, seed, passing_score, score_low,"
        " score_high, domains, started_at, updated_at) VALUES ('clf-c02', 'CLF', 'exam',"
        " 'submitted', 1, 700, 100, 1000, '[]', '2026-11-01T10:00:00', '2026-11-01T11:00:00')"
    )
    conn.close()


def only_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_a_read_only_database_is_said_to_be_read_only_and_kept(isolated_home: Path) -> None:
    db = isolated_home / "quizapp.db"
    older_database(db)  # opening it means migrating it: a write
    db.chmod(0o444)
    before = db.read_bytes()
    result = quizapp(isolated_home, "stats", preexec=without_root_override)
    assert result.returncode == 1
    assert only_line(result) == f"quizapp: error: cannot write to {db}: " + (
        "it is read-only (the file, its folder or the disk)"
    )
    assert db.read_bytes() == before
    assert not list(isolated_home.glob("*.bak"))
    db.chmod(0o600)
    assert "#1 " in quizapp(isolated_home, "stats").stdout  # migrated once writable again


@pytest.mark.parametrize("existing", [False, True])
def test_a_data_dir_that_cannot_be_written_is_said_so(isolated_home: Path, existing: bool) -> None:
    db = isolated_home / "quizapp.db"
    if existing:
        older_database(db, version=4)
    isolated_home.chmod(0o500)
    try:
        result = quizapp(isolated_home, "stats", preexec=without_root_override)
    finally:
        isolated_home.chmod(0o700)
    assert result.returncode == 1
    # The data dir is checked before the database is opened: the folder is named.
    assert (
        only_line(result) == f"quizapp: error: cannot write to {isolated_home}: permission denied"
    )
    assert sorted(p.name for p in isolated_home.iterdir()) == (["quizapp.db"] if existing else [])


def test_a_full_disk_never_makes_a_healthy_database_look_corrupt(isolated_home: Path) -> None:
    db = isolated_home / "quizapp.db"
    older_database(db, version=4)
    before = db.read_bytes()
    result = quizapp(isolated_home, "stats", preexec=file_size_limit(1024))
    assert result.returncode == 1
    assert only_line(result) == (
        f"quizapp: error: cannot write to {db}: the file size limit (ulimit -f, 1024 bytes) "
        "is reached"
    )
    assert db.read_bytes() == before
    assert not list(isolated_home.glob("*.bak"))
    assert "#1 " in quizapp(isolated_home, "stats").stdout


def test_a_first_start_on_a_full_disk_says_so_and_the_next_one_works(
    isolated_home: Path,
) -> None:
    result = quizapp(isolated_home, "stats", preexec=file_size_limit(2048))
    assert result.returncode == 1
    assert "cannot write to" in only_line(result)
    assert "ulimit -f" in result.stderr
    assert quizapp(isolated_home, "stats").returncode == 0


def test_flipped_bytes_deep_in_the_file_are_found_before_anything_is_read(
    isolated_home: Path, tmp_path: Path
) -> None:
    db = isolated_home / "quizapp.db"
    older_database(db, version=4)
    conn = sqlite3.connect(db)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    healthy = db.read_bytes()
    for number in range(1, pages):  # every page but the first, which the first reads check
        damaged = bytearray(healthy)
        for at in range(number * page, number * page + 8):  # the b-tree page header
            damaged[at] ^= 0xA5
        db.write_bytes(bytes(damaged))
        result = quizapp(isolated_home, "stats")
        assert result.returncode == 1, (number, result.stdout)
        error, hint = result.stderr.splitlines()
        assert error.startswith(f"quizapp: error: {db}: not a readable quizapp database (")
        assert error.endswith("; the file was left untouched")
        assert hint == "quizapp: run quizapp in a terminal to start a fresh database beside it"
        assert db.read_bytes() == bytes(damaged)


RACER = """
import sys, time
from pathlib import Path
from quizapp.storage.database import connect
start, rounds, root = float(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
for n in range(rounds):
    while time.time() < start + n * 0.05:
        pass
    connect(root / str(n) / "quizapp.db").close()
"""


def test_processes_starting_together_on_a_fresh_data_dir_all_start(tmp_path: Path) -> None:
    rounds, racers = 12, 4
    start = time.time() + 1.0  # every racer imported and waiting
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(start), str(rounds), str(tmp_path)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(racers)
    ]
    errors = [p.communicate(timeout=60)[1] for p in procs]
    assert errors == [""] * racers
    assert [p.returncode for p in procs] == [0] * racers
    for n in range(rounds):
        conn = connect(tmp_path / str(n) / "quizapp.db")
        assert conn.execute("SELECT count(*) FROM attempts").fetchone() == (0,)


def test_an_existing_shared_data_dir_keeps_its_mode_but_history_is_private(
    isolated_home: Path, run: Run
) -> None:
    isolated_home.chmod(0o755)
    db = isolated_home / "quizapp.db"
    connect(db).close()
    db.chmod(0o644)  # as a backup tool might restore it
    assert run("--no-bundled", "stats").returncode == 0
    assert stat.S_IMODE(isolated_home.stat().st_mode) == 0o755  # see README: Where things live
    conn = connect(db)  # open: -wal and -shm exist
    for name in ("quizapp.db", "quizapp.db-wal", "quizapp.db-shm"):
        assert stat.S_IMODE((isolated_home / name).stat().st_mode) == 0o600, name
    conn.close()
