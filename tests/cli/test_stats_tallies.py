"""``quizapp stats --json`` prints the same bytes from stored tallies as from counting answers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.cli.conftest import Run

EXAM65 = Path(__file__).parents[1] / "tui" / "exam65"  # the first choice is always right
ARGS = ["--no-bundled", "--banks", str(EXAM65)]
NOW = {"QUIZAPP_NOW": "2026-12-01T10:00:00+00:00"}


def test_stats_json_from_stored_tallies_is_byte_for_byte_what_counting_gives(
    run: Run, isolated_home: Path
) -> None:
    for extra, stdin in (
        (["--seed", "1"], "b\n" * 5 + "a\n" * 60),  # submitted: 60 of 65
        (["--practice", "--seed", "2"], "a\n" * 10),  # left at 10 answers...
        (["--practice", "--seed", "3", "--restart"], "b\n" * 3 + "a\n" * 62),  # ...abandoned
    ):
        done = run(*ARGS, "exam", "big-exam", "--plain", *extra, stdin=stdin, env=NOW)
        assert done.returncode == 0, done.stderr
    stored = run(*ARGS, "stats", "--json", env=NOW)
    assert stored.returncode == 0, stored.stderr
    db = sqlite3.connect(isolated_home / "quizapp.db")
    with db:
        found = db.execute("SELECT status, tally_answered FROM attempts ORDER BY id").fetchall()
        assert found == [("submitted", 65), ("abandoned", 10), ("submitted", 65)]
        # Without stored tallies every attempt is counted from its answers, as before they were.
        db.execute(
            "UPDATE attempts SET tally_total = NULL, tally_answered = NULL,"
            " tally_correct = NULL, tally_domains = NULL"
        )
    db.close()
    counted = run(*ARGS, "stats", "--json", env=NOW)
    assert counted.stdout == stored.stdout
    assert '"answered": 10' in stored.stdout and '"status": "abandoned"' in stored.stdout
