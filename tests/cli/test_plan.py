"""``quizapp plan``: set, show and clear an exam date, as a script sees it."""

from __future__ import annotations

import json

from tests.cli.conftest import Run

NOW = {"QUIZAPP_NOW": "2026-12-01T09:00:00Z", "TZ": "UTC"}


def test_plan_json_shows_todays_work_the_sets_and_the_forecast(run: Run) -> None:
    shown = run("plan", "clf-c02", "--date", "2026-12-13", "--json", env=NOW)
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert set(data) == {
        "exam", "date", "today", "days_left", "reviews_today", "new_today", "new_per_day",
        "pool", "seen", "see_all_by", "next_mock", "mocks", "sets", "sets_taken", "forecast",
        "pace_ok", "mocks_ok", "on_track",
    }  # fmt: skip
    assert (data["exam"], data["date"], data["today"], data["days_left"]) == (
        "clf-c02", "2026-12-13", "2026-12-01", 12,
    )  # fmt: skip
    assert data["seen"] == 0 and data["reviews_today"] == 0
    # Every question once by 10 December: ten days for the whole pool.
    assert data["new_per_day"] == data["new_today"] == -(-data["pool"] // 10)
    assert data["see_all_by"] == "2026-12-10"
    assert [m["set"] for m in data["mocks"]] == [1, 2, 3, 4, 5, 6]
    assert data["mocks"][-1]["date"] == "2026-12-11"
    assert data["next_mock"] == data["mocks"][0]
    assert [d["date"] for d in data["forecast"]][::11] == ["2026-12-01", "2026-12-12"]
    assert data["on_track"] is True
    again = run("plan", "clf-c02", "--json", env={**NOW, "QUIZAPP_NOW": "2026-12-05T09:00:00Z"})
    later = json.loads(again.stdout)
    assert later["days_left"] == 8 and later["on_track"] is False  # nothing seen in four days


BANK = """bank:
  id: b
  title: B
questions:
""" + "".join(
    f"  - {{id: q{i}, topic: T, domain: D, prompt: Q{i}, choices: [w, r, x], answer: B,"
    " shuffle: false, explanation: e}\n"
    for i in range(3)
)
EXAM = "exam:\n  id: ex\n  title: Ex\n  questions: 3\n  domains:\n    - {name: D, weight: 100}\n"


def test_the_plan_as_text_with_its_forecast_and_the_date_cleared(run: Run, write) -> None:  # type: ignore[no-untyped-def]
    write("banks/b.yaml", BANK)
    write("banks/e.yaml", EXAM)
    own = ("--no-bundled", "--banks", "banks")
    assert "EX has no exam date" in run(*own, "plan", "ex", env=NOW).stdout
    out = run(*own, "plan", "ex", "--date", "2026-12-08", env=NOW)
    assert out.returncode == 0, out.stderr
    assert "EX exam on 2026-12-08: 7 days left." in out.stdout
    assert "Reviews a day until the exam: none yet" in out.stdout
    missed = run(
        *own, "exam", "ex", "--practice", "--plain", "--seed", "1", stdin="a\na\na\n", env=NOW
    )
    assert "0 right · 3 wrong" in missed.stdout
    out = run(*own, "plan", "ex", env=NOW)
    assert "Today: 3 reviews due, 0 new questions to see." in out.stdout
    assert "Questions seen: all 3 at least once." in out.stdout
    bars = out.stdout.split("(if every review is answered right):\n")[1].splitlines()
    assert [line[:14] for line in bars] == [
        f"{d} 2026-12-0{n}"
        for d, n in zip(("Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Mon"), range(1, 8), strict=True)
    ]
    assert bars[0].endswith("█    3")  # the number beside each bar
    data = json.loads(run(*own, "plan", "ex", "--json", env=NOW).stdout)
    assert [d["reviews"] for d in data["forecast"]] == [int(b.split()[-1]) for b in bars]
    assert data["sets"] == 0 and data["next_mock"] is None
    cleared = run(*own, "plan", "ex", "--clear", env=NOW)
    assert cleared.stdout.strip() == "EX: exam date cleared."
    assert json.loads(run(*own, "plan", "ex", "--json", env=NOW).stdout)["date"] is None
    assert run(*own, "plan", "ex", "--clear", env=NOW).stdout.strip() == "EX had no exam date."


def test_a_bad_date_a_past_one_or_an_unknown_exam_is_one_line_and_exit_2(run: Run) -> None:
    for args, message in (
        (("clf-c02", "--date", "2026-02-30"), "2026-02-30 is not a day of the calendar"),
        (("clf-c02", "--date", "2026-13-01"), "2026-13-01 is not a day of the calendar"),
        (("clf-c02", "--date", "20261220"), "not a date in the form YYYY-MM-DD: '20261220'"),
        (("clf-c02", "--date", "2026-11-30"), "2026-11-30 is in the past (today is 2026-12-01)"),
        (("nope", "--date", "2026-12-20"), "unknown exam 'nope'"),
        (("clf-c02", "--date", "2026-12-20", "--clear"), "not allowed with argument"),
    ):
        out = run("plan", *args, env=NOW)
        assert out.returncode == 2, args
        assert out.stderr.count("\n") == 1 and message in out.stderr, out.stderr
        assert out.stdout == ""
    assert json.loads(run("plan", "clf-c02", "--json", env=NOW).stdout)["date"] is None
