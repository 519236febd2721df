"""FIFOs, devices, links and unreadable folders where quizapp reads and writes files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import GOOD_BANK

# A regression must fail, not hang the suite or eat the machine's memory: a blocked read or
# write is killed after TIMEOUT seconds, and reading /dev/zero whole stops at MEMORY bytes.
TIMEOUT = 20
MEMORY = 2 * 1024**3

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def quizapp(
    home: Path, cwd: Path, *args: str, umask: int | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUIZAPP_HOME": str(home)}
    env.pop("QUIZAPP_BANKS", None)
    return subprocess.run(
        [sys.executable, "-m", "quizapp", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=TIMEOUT,
        preexec_fn=lambda: _limit(umask),
    )


def _limit(umask: int | None) -> None:
    import resource  # POSIX only, like the FIFOs

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    if umask is not None:
        os.umask(umask)


@pytest.fixture
def banks(tmp_path: Path) -> Path:
    """A banks folder with one good bank, a FIFO and a link to /dev/zero, all named .yaml."""
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "good.yaml").write_text(GOOD_BANK)
    os.mkfifo(folder / "fifo.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    return folder


def test_validate_reports_a_fifo_and_a_dev_zero_link_without_blocking(
    banks: Path, tmp_path: Path, isolated_home: Path
) -> None:
    result = quizapp(isolated_home, tmp_path, "validate", str(banks))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"{banks / 'fifo.yaml'}:1:1: error: not a regular file" in lines
    assert f"{banks / 'zero.yaml'}:1:1: error: not a regular file" in lines
    assert "1 bank (2 questions), 0 exams: 2 errors" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_fifo_named_on_the_command_line_is_reported(tmp_path: Path, isolated_home: Path) -> None:
    fifo = tmp_path / "x.yaml"
    os.mkfifo(fifo)
    result = quizapp(isolated_home, tmp_path, "validate", str(fifo))
    assert result.returncode == 1
    assert f"{fifo}:1:1: error: not a regular file" in result.stdout


def test_banks_loads_the_rest_through_the_cache_twice(
    banks: Path, tmp_path: Path, isolated_home: Path
) -> None:
    for _ in range(2):  # the first run fills the cache, the second reads it
        result = quizapp(isolated_home, tmp_path, "--no-bundled", "--banks", str(banks), "banks")
        assert "demo" in result.stdout
        assert result.stdout.count("not a regular file") == 2
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_special_cache_file_is_ignored_and_replaced(
    kind: str, banks: Path, tmp_path: Path, isolated_home: Path
) -> None:
    (banks / "fifo.yaml").unlink()
    (banks / "zero.yaml").unlink()
    cache = isolated_home / "cache" / "banks.json"
    cache.parent.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(cache)
    else:
        cache.symlink_to("/dev/zero")
    result = quizapp(isolated_home, tmp_path, "--no-bundled", "--banks", str(banks), "banks")
    assert result.returncode == 0, result.stderr
    assert "demo" in result.stdout
    assert stat.S_ISREG(cache.lstat().st_mode)  # rebuilt as a file of its own


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_validate_reports_an_unreadable_folder(tmp_path: Path, isolated_home: Path) -> None:
    folder = tmp_path / "banks"
    locked = folder / "locked"
    locked.mkdir(parents=True)
    (locked / "a.yaml").write_text(GOOD_BANK)
    locked.chmod(0)
    try:
        result = quizapp(isolated_home, tmp_path, "validate", str(folder))
    finally:
        locked.chmod(0o700)
    assert result.returncode == 1
    assert f"{locked}:1:1: error: cannot read folder: Permission denied" in result.stdout


def test_export_streams_into_a_fifo_and_leaves_it_a_fifo(
    tmp_path: Path, isolated_home: Path
) -> None:
    fifo = tmp_path / "notes.json"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader waiting, so no one blocks
    try:
        result = quizapp(
            isolated_home, tmp_path, "notebook", "export", "--format", "json", "-o", str(fifo)
        )
        got = os.read(reader, 1 << 16)
    finally:
        os.close(reader)
    assert result.returncode == 0, result.stderr
    assert got == b"[]\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_export_follows_a_symlink_and_keeps_the_link_and_the_mode(
    tmp_path: Path, isolated_home: Path
) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real.name)
    result = quizapp(
        isolated_home, tmp_path, "notebook", "export", "--format", "json", "-o", str(link)
    )
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.readlink() == Path(real.name)
    assert real.read_text() == "[]\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_a_new_export_gets_the_umask(
    umask: int, mode: int, tmp_path: Path, isolated_home: Path
) -> None:
    out = tmp_path / "notes.md"
    result = quizapp(isolated_home, tmp_path, "notebook", "export", "-o", str(out), umask=umask)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == mode


def test_export_writes_a_device_as_a_stream(tmp_path: Path, isolated_home: Path) -> None:
    if os.geteuid() == 0:  # a null device of our own, never the machine's /dev/null
        device = tmp_path / "null"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    else:
        device = Path(os.devnull)
    result = quizapp(isolated_home, tmp_path, "notebook", "export", "-o", str(device))
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_export_to_dash_prints(tmp_path: Path, isolated_home: Path) -> None:
    result = quizapp(isolated_home, tmp_path, "notebook", "export", "--format", "json", "-o", "-")
    assert (result.returncode, result.stdout) == (0, "[]\n")
    assert not (tmp_path / "-").exists()
