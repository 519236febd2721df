"""Run quizapp as a user would: a separate process, with its own data dir."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run(isolated_home: Path, tmp_path: Path) -> Run:
    """``run("validate", "x.yaml")`` runs ``python -m quizapp`` in ``tmp_path``."""

    def _run(
        *args: str, stdin: str | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        full_env = {**os.environ, "QUIZAPP_HOME": str(isolated_home), **(env or {})}
        full_env.pop("QUIZAPP_BANKS", None) if "QUIZAPP_BANKS" not in (env or {}) else None
        return subprocess.run(
            [sys.executable, "-m", "quizapp", *args],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=full_env,
            input=stdin,
            timeout=120,
        )

    return _run
