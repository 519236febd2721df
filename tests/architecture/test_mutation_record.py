"""The mutation record still applies: every rule it breaks is still written the way it names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_mutation_still_finds_its_text_and_has_a_name_of_its_own() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "mutate.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
