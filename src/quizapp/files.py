"""Writing user-visible files safely: never a half-written file in place of a good one."""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_output(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` as the kind of file it is.

    A symlink is followed: what it points to is written and the link stays. A new path or a
    regular file is written atomically (a new file gets the umask's mode, a replaced one keeps
    its mode); a FIFO or a device is written as a stream, never replaced by a file. Anything
    else (a folder, a socket) raises ``OSError``.
    """
    target = Path(os.path.realpath(target))
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        write_atomically(target, text)
        return
    if stat.S_ISREG(mode):
        write_atomically(target, text, mode=stat.S_IMODE(mode))
    elif stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        with target.open("w", encoding="utf-8", newline="") as out:
            out.write(text)
    elif stat.S_ISDIR(mode):
        raise OSError(errno.EISDIR, "it is a folder")
    else:
        raise OSError(errno.EINVAL, "not a regular file, a FIFO or a device")


def write_atomically(target: Path, text: str, *, mode: int | None = None) -> None:
    """Write to a temporary file beside ``target``, flush it to disk, then rename it into place.

    The temporary file is created with mode 0666 less the umask, as any new file, unless
    ``mode`` (the mode of the file it replaces) is given.
    """
    while True:
        tmp = target.parent / f".{target.name}.{secrets.token_hex(4)}"
        try:
            fd = os.open(tmp, _NEW, 0o666)
            break
        except FileExistsError:
            continue
    try:
        if mode is not None and hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
