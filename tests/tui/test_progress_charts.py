"""Pilot tests of the progress charts on the stats screen: scores over time, domain mastery."""

from __future__ import annotations

from datetime import timedelta

from textual.containers import VerticalScroll

from quizapp.core.exam.options import StartOptions
from quizapp.core.study.progress import exam_progress
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.stats import StatsScreen
from quizapp.tui.widgets.progress import ProgressCharts
from tests.tui.conftest import EXAM_BANKS, NOW, make_context_for


def charts_app() -> QuizApp:
    """Three mock exams of the TUI exam, days apart: all wrong, half right, all right."""
    ctx = make_context_for(EXAM_BANKS)
    service = ctx.exams
    spec = ctx.library.exams["tui-exam"].exam
    for days, share in ((9, 0.0), (5, 0.5), (1, 1.0)):
        ctx.clock = lambda d=days: NOW - timedelta(days=d)  # type: ignore[misc]
        service = ctx.exams
        opened = service.open(spec, "exam", StartOptions(seed=days, adaptive=False))
        attempt = opened.attempt
        assert attempt is not None
        n = len(attempt.session.items)
        for pos in range(round(n * share)):
            attempt.go(pos)
            q, item = attempt.question(pos), attempt.session.items[pos]
            assert q is not None
            attempt.answer(q.correct if item.kind == "choice" else tuple(range(item.size)))
        attempt.submit()
        attempt.release()
    ctx.clock = lambda: NOW
    return QuizApp(ctx)


def _charts(app: QuizApp) -> str:
    return str(app.screen.query_one(ProgressCharts).content)


async def test_the_stats_screen_charts_each_score_and_domain_with_its_numbers() -> None:
    app = charts_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, StatsScreen)
        text = _charts(app)
        lines = text.splitlines()
        assert lines[0] == "TUI exam"
        assert (
            "Scaled score per finished mock exam (│ = pass at 700, scale 100-1000)\n"
            "1 of 3 passed · best 1000 · last 1000" in text
        )
        scores = [line for line in lines if line.startswith(" 2026-")]
        assert [line.split()[0] for line in scores] == ["2026-11-17", "2026-11-21", "2026-11-25"]
        assert [line.split()[-3:] for line in scores] == [
            ["100", "✗", "fail"],
            ["550", "✗", "fail"],
            ["1000", "✓", "pass"],
        ]
        # Each bar is as full as its score, and the pass line sits at 700 on every one.
        bars = [line.split()[1] for line in scores]
        assert [b.count("█") for b in bars] == [0, 15, 29]
        assert {b.index("│") for b in bars} == {20}
        assert "Mastery per domain (│ = the pass mark, 67%)" in text
        domains = lines[lines.index("Mastery per domain (│ = the pass mark, 67%)") + 1 :]
        ctx = app.context
        (progress,) = exam_progress(
            ctx.exams.history_list(), ctx.library, ctx.study.topics(), ctx.clock()
        )
        assert [d.split()[1:] for d in domains] == [
            [f"{d.mastery:.0%}", str(d.answered), "answers", d.name]
            for d in progress.domains
            if d.mastery is not None
        ]
        assert len(domains) == 2
        scroll = app.screen.query_one(VerticalScroll)
        assert scroll.scroll_y == 0
        charts = app.screen.query_one(ProgressCharts)
        assert charts.region.bottom > 23  # partly below the tables, under the key bar
        await pilot.press("c")
        await pilot.pause()
        assert scroll.scroll_y > 0
        assert app.screen.query_one("#stats-progress").region.y >= 0
        assert charts.region.bottom <= 23  # the whole chart above the key bar


async def test_without_a_mock_exam_the_charts_say_so() -> None:
    app = QuizApp(make_context_for(EXAM_BANKS))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        assert _charts(app).startswith("No finished mock exam or answer yet")
