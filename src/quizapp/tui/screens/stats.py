"""The statistics screen: every attempt, and topic mastery weakest first."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quizapp.context import AppContext
from quizapp.core.exam.clock import clock
from quizapp.core.study.progress import exam_progress
from quizapp.core.text import visible
from quizapp.service.exams import ExamService
from quizapp.tui.widgets.keybar import KeyBar
from quizapp.tui.widgets.progress import ProgressCharts


class StatsScreen(Screen[None]):
    """Attempts (newest first) and topics (weakest first)."""

    DEFAULT_CSS = """
    StatsScreen .section { text-style: bold; padding: 0 1; margin-top: 1; }
    StatsScreen DataTable { height: auto; max-height: 16; margin: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "charts", "Charts"),
        Binding("escape,q", "back", "Back"),
    ]

    def __init__(self, context: AppContext, service: ExamService) -> None:
        super().__init__()
        self.context = context
        self.service = service

    def compose(self) -> ComposeResult:
        """Two tables and the notebook counts."""
        with VerticalScroll():
            yield Static(id="stats-notebook")
            yield Static("Attempts (newest first)", classes="section")
            yield DataTable(id="stats-attempts", cursor_type="row", zebra_stripes=True)
            yield Static(
                "Topics (weakest first; mastery favours recent answers)", classes="section"
            )
            yield DataTable(id="stats-topics", cursor_type="row", zebra_stripes=True)
            yield Static("Progress per exam (c jumps here)", classes="section", id="stats-progress")
            yield ProgressCharts(id="stats-charts")
        yield KeyBar()

    def on_mount(self) -> None:
        """Fill the tables from the database."""
        ctx, now = self.context, self.context.clock()
        counts = ctx.study.counts(now)
        self.query_one("#stats-notebook", Static).update(
            Text(
                f"Notebook: {counts.due} due now · {counts.active} active · "
                f"{counts.mastered} mastered"
            )
        )
        attempts = self.query_one("#stats-attempts", DataTable)
        attempts.add_columns("#", "Exam", "Mode", "Status", "Score", "Correct", "Time", "Started")
        for a in self.service.history_list():
            verdict = "✓ pass" if a.passed else "✗ fail"
            # Practice, retries, drills and unfinished attempts: only the tally means something.
            score = f"{a.scaled_score} {verdict}" if a.has_verdict else "—"
            attempts.add_row(
                str(a.id),
                Text(visible(a.title, one_line=True)),
                a.mode,
                a.status.replace("_", " "),
                score,
                f"{a.correct}/{a.total} ({a.percent:.0f}%)",
                clock(a.elapsed),
                a.started_at.strftime("%Y-%m-%d %H:%M"),
            )
        topics = self.query_one("#stats-topics", DataTable)
        topics.add_columns("Mastery", "Right", "Topic")
        for t in sorted(ctx.study.topics(), key=lambda t: t.mastery(now)):
            topics.add_row(
                f"{t.mastery(now):.0%}",
                f"{t.correct}/{t.answered}",
                Text(visible(t.topic, one_line=True)),
            )
        self.query_one(ProgressCharts).show(
            exam_progress(self.service.history_list(), ctx.library, ctx.study.topics(), now)
        )
        if not attempts.row_count:
            attempts.add_row(
                "", Text("No attempts yet: start one from the home screen."), "", "", "", "", "", ""
            )

    def action_charts(self) -> None:
        """Scroll to the progress charts."""
        self.query_one(VerticalScroll).scroll_to_widget(
            self.query_one("#stats-progress"), animate=False, top=True
        )

    def action_back(self) -> None:
        """Back to the home screen."""
        self.dismiss()
