"""Attempt owners across processes: one lock file per attempt, gone with its owner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizapp.locks import FileOwners
from quizapp.service.owners import AttemptInUseError


def test_a_claimed_attempt_names_its_owner_until_released(tmp_path: Path) -> None:
    owners = FileOwners(tmp_path / "locks")
    held = owners.claim(3)
    other = owners.claim(4)  # another attempt is free
    with pytest.raises(AttemptInUseError) as caught:
        FileOwners(tmp_path / "locks").claim(3)  # a second window (its own descriptor)
    assert caught.value.pid == os.getpid()
    assert str(caught.value) == f"this exam is open in another quizapp window (pid {os.getpid()})"
    held.release()
    held.release()  # twice is harmless
    assert not (tmp_path / "locks" / "attempt-3.lock").exists()
    owners.claim(3).release()
    other.release()


def test_a_lock_file_left_behind_owns_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "locks"
    folder.mkdir()
    (folder / "attempt-5.lock").write_text("999999\n")  # its owner was killed
    FileOwners(folder).claim(5).release()
