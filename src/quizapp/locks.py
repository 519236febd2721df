"""Attempt owners across processes: an advisory lock on one small file per attempt."""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from quizapp.paths import ensure_dir
from quizapp.service.owners import AttemptInUseError

# flock rather than POSIX record locks: a record lock belongs to the process, so a second
# claim from the same process would succeed and closing either descriptor would drop both.
# The kernel drops a flock when its holder dies, even by SIGKILL, so resume always works.


class FileOwners:
    """Claims held as ``flock`` locks on ``attempt-N.lock`` files in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def claim(self, attempt_id: int) -> FileClaim:
        """Own ``attempt_id`` or raise AttemptInUseError naming the process that does."""
        path = ensure_dir(self.folder) / f"attempt-{attempt_id}.lock"
        while True:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                pid = _holder(fd)
                os.close(fd)
                raise AttemptInUseError(pid) from None
            except BaseException:
                os.close(fd)
                raise
            # A releasing owner unlinks its file: a lock taken on the unlinked one owns nothing.
            try:
                mine = os.fstat(fd)
                named = path.stat()
            except FileNotFoundError:
                os.close(fd)
                continue
            if (mine.st_dev, mine.st_ino) == (named.st_dev, named.st_ino):
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        return FileClaim(path, fd)


class FileClaim:
    """One held lock file."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd = fd

    def release(self) -> None:
        """Remove the file while still holding it, then let go."""
        if self._fd < 0:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self._fd)
        self._fd = -1


def _holder(fd: int) -> int | None:
    """The pid the owner wrote (None when it has not written it yet)."""
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
