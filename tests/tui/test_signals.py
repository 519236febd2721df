"""SIGTERM and SIGHUP end the TUI through Textual's exit: the terminal is restored, nothing lost."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.tui.conftest import EXAM_BANKS

# What Textual writes when it leaves application mode: mouse reporting off, the main screen
# back, the cursor shown.
RESTORED = (b"\x1b[?1000l", b"\x1b[?1049l", b"\x1b[?25h")
ARGS = ["--no-bundled", "--banks", str(EXAM_BANKS)]


def _read(fd: int, until: bytes | None, timeout: float = 20) -> bytes:
    """Read the terminal until ``until`` shows up (None: until it closes)."""
    buf = b""
    end = time.monotonic() + timeout
    while time.monotonic() < end and (until is None or until not in buf):
        ready, _, _ = select.select([fd], [], [], 0.1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the other end closed (EIO on Linux)
            break
        if not chunk:
            break
        buf += chunk
    return buf


def _wait_for_answers(db: Path, count: int, timeout: float = 20) -> None:
    """Until ``count`` complete answers are committed (the key has been handled)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with contextlib.closing(sqlite3.connect(db)) as conn:
            if (
                conn.execute("SELECT COUNT(*) FROM responses WHERE complete = 1").fetchone()[0]
                >= count
            ):
                return
        time.sleep(0.1)
    raise AssertionError("the answer was never saved")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_restores_the_terminal_and_keeps_the_answers(
    signum: signal.Signals, isolated_home: Path
) -> None:
    env = {**os.environ, "TERM": "xterm-256color", "QUIZAPP_HOME": str(isolated_home)}
    pid, fd = pty.fork()
    if pid == 0:  # the child: quizapp on the pty, straight into an exam
        os.execve(
            sys.executable,
            [sys.executable, "-m", "quizapp", *ARGS, "exam", "tui-exam", "--seed", "4"],
            env,
        )
    try:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        assert b"Question 1 of" in _read(fd, b"Question 1 of")
        os.write(fd, b" ")  # answer the first question (space answers a choice or an order)
        _wait_for_answers(isolated_home / "quizapp.db", 1)
        os.kill(pid, signum)
        after = _read(fd, None)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    for sequence in RESTORED:
        assert sequence in after, sequence
    assert os.waitstatus_to_exitcode(status) == 128 + signum
    resumed = subprocess.run(
        [sys.executable, "-m", "quizapp", *ARGS, "exam", "tui-exam", "--plain"],
        input="",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "Resuming TUI exam: 1 of 6 answered" in resumed.stdout, resumed.stdout
