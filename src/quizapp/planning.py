"""``quizapp plan``: set, show or clear an exam date, and print the plan towards it."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from quizapp.core.study.plan import Plan, bar_lines, summary_lines
from quizapp.core.text import json_text

if TYPE_CHECKING:
    from quizapp.context import AppContext


def add_parser(sub: Any) -> None:
    """The ``plan`` command's arguments."""
    p = sub.add_parser("plan", help="set, show or clear an exam date and the plan towards it")
    p.add_argument("exam_id", metavar="EXAM_ID", help="the exam's id, such as clf-c02")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--date", metavar="YYYY-MM-DD", help="the day you take the exam")
    which.add_argument("--clear", action="store_true", help="remove the exam date")
    p.add_argument("--json", action="store_true", help="print the plan as JSON")


def plan_report(p: Plan, forecast: list[tuple[date, int]]) -> dict[str, Any]:
    """The ``quizapp plan --json`` object."""
    mock = p.next_mock
    return {
        "exam": p.exam_id,
        "date": p.exam_date.isoformat(),
        "today": p.today.isoformat(),
        "days_left": p.days_left,
        "reviews_today": p.reviews_today,
        "new_today": p.new_today,
        "new_per_day": p.new_quota,
        "pool": p.pool,
        "seen": p.seen,
        "see_all_by": p.see_by.isoformat(),
        "next_mock": None if mock is None else {"set": mock[0], "date": mock[1].isoformat()},
        "mocks": [{"set": n, "date": d.isoformat()} for n, d in p.mocks],
        "sets": p.sets,
        "sets_taken": p.sets_taken,
        "forecast": [{"date": d.isoformat(), "reviews": n} for d, n in forecast],
        "pace_ok": p.pace_ok,
        "mocks_ok": p.mocks_ok,
        "on_track": p.on_track,
    }


def cmd_plan(ctx: AppContext, args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    """Set (``--date``), clear (``--clear``) or show the exam's date and plan."""
    from quizapp.cli import UsageError
    from quizapp.service.plans import exam_name

    library = ctx.library
    if args.exam_id not in library.exams:
        known = ", ".join(sorted(library.exams)) or "none loaded"
        raise UsageError(f"unknown exam '{args.exam_id}' (known: {known})")
    planner = ctx.planner
    name = exam_name(args.exam_id)
    if args.clear:
        gone = planner.clear(args.exam_id)
        if args.json:
            print(json_text({"exam": args.exam_id, "date": None, "cleared": gone}), file=out)
        else:
            print(f"{name}: exam date cleared." if gone else f"{name} had no exam date.", file=out)
        return 0
    if args.date is not None:
        try:
            planner.set_date(args.exam_id, args.date)
        except ValueError as exc:
            raise UsageError(f"--date: {exc}") from None
    p = planner.plan(args.exam_id)
    if p is None:
        if args.json:
            print(json_text({"exam": args.exam_id, "date": None}), file=out)
        else:
            print(
                f"{name} has no exam date: set one with quizapp plan {args.exam_id}"
                " --date YYYY-MM-DD",
                file=out,
            )
        return 0
    forecast = planner.forecast(args.exam_id, planner.cards(args.exam_id))
    if args.json:
        print(json_text(plan_report(p, forecast)), file=out)
        return 0
    if args.date is not None:
        print(f"{name}: exam date set to {p.exam_date.isoformat()}.", file=out)
    for line in summary_lines(p, name):
        print(line, file=out)
    if forecast and not any(n for _, n in forecast):
        print("\nReviews a day until the exam: none yet (your misses will show here).", file=out)
    elif forecast:
        print("\nReviews a day until the exam (if every review is answered right):", file=out)
        for line in bar_lines(forecast, 30):
            print(line, file=out)
    return 0
