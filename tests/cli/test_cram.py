"""`quizapp review --cram` as a user runs it: each flag reaches the selection, schedules stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from tests.cli.test_notebook import _miss_two
from tests.cli.test_plain import _setup, drive, wrong_answer

EXTRA_BANK = """\
bank:
  id: extra
  title: Extra
questions:
  - {id: only, topic: Extra topic, domain: Third, shuffle: false, prompt: "Pick B here",
     choices: [A, B, C], answer: B, explanation: x}
"""
EXTRA_EXAM = """\
exam:
  id: extra-exam
  title: Extra exam
  questions: 1
  domains:
    - {name: Third, weight: 100}
"""


@pytest.fixture
def args(run: Run, tmp_path: Path, isolated_home: Path) -> list[str]:
    """Three notebook entries, none of them due: two from the mini exam, one from another."""
    found = _setup(tmp_path)
    (tmp_path / "banks" / "extra.yaml").write_text(EXTRA_BANK)
    (tmp_path / "banks" / "extra-exam.yaml").write_text(EXTRA_EXAM)
    env = {"QUIZAPP_HOME": str(isolated_home)}
    drive(tmp_path, [*found, "exam", "mini-exam", "--plain", "--seed", "5"], _miss_two, env)
    drive(tmp_path, [*found, "exam", "extra-exam", "--plain"], lambda _b: "a", env)
    assert json.loads(run(*found, "stats", "--json").stdout)["notebook"]["due"] == 0
    return found


def _cram(tmp_path: Path, isolated_home: Path, args: list[str], *flags: str) -> str:
    return drive(
        tmp_path,
        [*args, "review", "--cram", "--plain", *flags],
        wrong_answer,
        {"QUIZAPP_HOME": str(isolated_home)},
    )


def test_a_cram_drills_entries_not_due_and_leaves_their_schedules(
    run: Run, tmp_path: Path, isolated_home: Path, args: list[str]
) -> None:
    before = run(*args, "notebook", "export", "--format", "json").stdout
    topics = {
        t["topic"]: t["answered"]
        for t in json.loads(run(*args, "stats", "--json").stdout)["topics"]
    }
    out = _cram(tmp_path, isolated_home, args)
    assert "Question 3 of 3" in out
    assert "Cram done: 0 of 3 right." in out
    assert run(*args, "notebook", "export", "--format", "json").stdout == before
    after = json.loads(run(*args, "stats", "--json").stdout)
    assert {t["topic"]: t["answered"] for t in after["topics"]} == {
        "Topic one": topics["Topic one"] + 1,
        "Topic two": topics["Topic two"] + 1,
        "Extra topic": topics["Extra topic"] + 1,
    }
    assert after["notebook"]["due"] == 0
    assert [a["exam"] for a in after["attempts"]].count("cram") == 1


@pytest.mark.parametrize(
    ("flags", "first", "count"),
    [
        (["--topic", "Topic one"], "Topic one", 1),
        (["--exam", "extra-exam"], "Extra topic", 1),
        (["--limit", "2"], None, 2),
    ],
)
def test_each_cram_flag_reaches_the_selection(
    tmp_path: Path,
    isolated_home: Path,
    args: list[str],
    flags: list[str],
    first: str | None,
    count: int,
) -> None:
    out = _cram(tmp_path, isolated_home, args, *flags)
    assert f"Cram done: 0 of {count} right." in out
    assert f"Question {count} of {count}" in out
    if first is not None:
        assert f"Question 1 of 1 · {first}" in out


def test_cram_flags_are_checked(run: Run, args: list[str]) -> None:
    alone = run(*args, "review", "--topic", "Topic one")
    assert (alone.returncode, alone.stderr.strip()) == (
        2,
        "quizapp: error: --exam and --topic choose what to cram: add --cram",
    )
    unknown = run(*args, "review", "--cram", "--exam", "nope")
    assert unknown.returncode == 2
    assert "unknown exam 'nope' (known: extra-exam, mini-exam)" in unknown.stderr
    nothing = run(*args, "review", "--cram", "--topic", "No such topic", "--plain")
    assert (nothing.returncode, nothing.stdout) == (
        0,
        "Nothing to cram: no active notebook entry matches.\n",
    )
