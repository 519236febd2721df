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


def test_the_plan_as_text_and_the_date_cleared(run: Run) -> None:
    assert "no exam date" in run("plan", "aif-c01", env=NOW).stdout
    out = run("plan", "aif-c01", "--date", "2026-12-01", env=NOW)
    assert out.returncode == 0, out.stderr
    assert "AIF-C01 exam on 2026-12-01: 0 days left." in out.stdout
    out = run("plan", "aif-c01", "--date", "2026-12-20", env=NOW)
    assert "AIF-C01 exam on 2026-12-20: 19 days left." in out.stdout
    assert "Reviews a day until the exam" in out.stdout
    assert "Tue 2026-12-01" in out.stdout and "Sat 2026-12-19" in out.stdout
    cleared = run("plan", "aif-c01", "--clear", env=NOW)
    assert cleared.stdout.strip() == "AIF-C01: exam date cleared."
    assert json.loads(run("plan", "aif-c01", "--json", env=NOW).stdout)["date"] is None


def test_a_bad_date_a_past_one_or_an_unknown_exam_is_one_line_and_exit_2(run: Run) -> None:
    for args, message in (
        (("clf-c02", "--date", "2026-02-30"), "not a date in the form YYYY-MM-DD"),
        (("clf-c02", "--date", "2026-11-30"), "2026-11-30 is in the past (today is 2026-12-01)"),
        (("nope", "--date", "2026-12-20"), "unknown exam 'nope'"),
        (("clf-c02", "--date", "2026-12-20", "--clear"), "not allowed with argument"),
    ):
        out = run("plan", *args, env=NOW)
        assert out.returncode == 2, args
        assert out.stderr.count("\n") == 1 and message in out.stderr, out.stderr
        assert out.stdout == ""
    assert json.loads(run("plan", "clf-c02", "--json", env=NOW).stdout)["date"] is None
