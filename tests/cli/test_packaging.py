"""The wheel installs in a fresh venv and carries the bundled banks and exams."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_installs_in_a_fresh_venv(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = dist.glob("quizapp-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "quizapp/question_banks/aws-lambda.yaml" in names
    assert "quizapp/question_banks/exams/clf-c02.yaml" in names
    assert "quizapp/templates/new-bank.yaml" in names

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    env = {**os.environ, "QUIZAPP_HOME": str(tmp_path / "home")}
    env.pop("QUIZAPP_BANKS", None)
    result = subprocess.run(
        [str(bin_dir / "quizapp"), "banks", "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    report = json.loads(result.stdout)
    assert {"aws-lambda", "amazon-bedrock", "amazon-dynamodb", "serverless-tradeoffs"} <= {
        b["id"] for b in report["banks"]
    }
    assert {"clf-c02", "aif-c01", "serverless-genai"} <= {e["id"] for e in report["exams"]}
    assert all(b["path"].startswith(str(env_dir)) for b in report["banks"])
    assert report["errors"] == []
