"""``quizapp stats`` in text speaks to a person; ``--json`` keeps SPEC §7.2's words."""

from __future__ import annotations

import json
import re
import typing
from pathlib import Path

from tests.cli.conftest import Run

EXAM65 = Path(__file__).parents[1] / "tui" / "exam65"  # the first choice is always right
ARGS = ["--no-bundled", "--banks", str(EXAM65)]


def test_modes_and_statuses_read_as_words_in_text_and_stay_as_specified_in_json(
    run: Run,
) -> None:
    practice = ["exam", "big-exam", "--practice", "--plain", "--seed", "1"]
    assert run(*ARGS, *practice, stdin="b\n" * 3).returncode == 0  # 3 misses, then left open
    assert run(*ARGS, "review", "--cram", "--plain", "--limit", "2", stdin="a\na\n").returncode == 0
    text = run(*ARGS, "stats").stdout
    assert re.search(r"^  #2 +\S+ +drill +submitted +2/2 ", text, re.M), text
    assert re.search(r"^  #1 +big-exam +practice +in progress +0/65 ", text, re.M), text
    assert "in_progress" not in text and " review " not in text
    drill = run(*ARGS, "stats", "--attempt", "2").stdout.splitlines()[0]
    assert drill.endswith(" · drill · submitted"), drill
    report = json.loads(run(*ARGS, "stats", "--json").stdout)
    assert [(a["mode"], a["status"]) for a in report["attempts"]] == [
        ("review", "submitted"),
        ("practice", "in_progress"),
    ]


def test_every_status_has_a_name_for_people() -> None:
    from quizapp.core.exam.session import Status
    from quizapp.core.words import STATUS_NAMES, status_name

    assert set(STATUS_NAMES) == set(typing.get_args(Status))
    assert status_name("in_progress") == "in progress"
    assert status_name("expired") == "timed out"
    assert all("_" not in name for name in STATUS_NAMES.values())
