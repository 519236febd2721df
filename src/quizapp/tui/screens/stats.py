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
from quizapp.core.exam.scale import tally
from quizapp.core.study.progress import exam_progress
from quizapp.core.text import visible
from quizapp.core.words import MODE_NAMES
from quizapp.service.exams import ExamService
from quizapp.storage.attempts import AttemptSummary
from quizapp.transcript import scores_note
from quizapp.tui.widgets.keybar import KeyBar
from quizapp.tui.widgets.opentable import OpenTable, fit
from quizapp.tui.widgets.progress import ProgressCharts


class StatsScreen(Screen[None]):
    """Attempts (newest first) and topics (weakest first)."""

    DEFAULT_CSS = """
    StatsScreen .section { text-style: bold; padding: 0 1; margin-top: 1; }
    StatsScreen #stats-scores, StatsScreen #stats-notebook { padding: 0 1; height: auto; }
    StatsScreen DataTable { height: auto; max-height: 16; margin: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "charts", "Charts"),
        Binding("enter", "open", "Open attempt", priority=True),  # over the table's own
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
            yield Static("Attempts (newest first; enter opens one)", classes="section")
            yield OpenTable(id="stats-attempts", cursor_type="row", zebra_stripes=True)
            yield Static(id="stats-scores")
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
        # Sized to fit 80 columns: the exam id takes the room the others leave, and the table's
        # scrollbar (over 15 attempts) its two cells, or it cuts the Started column.
        # The tally ("43 of 65 answered") needs 17 and the start drops its year to make room.
        exam_width = max(8, self.app.size.width - 71)
        attempts.add_column("Id", width=4)
        attempts.add_column("Exam", width=exam_width)
        attempts.add_column("Mode", width=8)
        attempts.add_column("Outcome", width=12)
        attempts.add_column("Tally", width=17)
        attempts.add_column("Started", width=12)
        listed = self.service.history_list()
        note = scores_note(listed)
        self.query_one("#stats-scores", Static).update(Text(note or "", style="dim"))
        for a in listed:
            attempts.add_row(
                str(a.id),
                Text(fit(visible(a.exam_id, one_line=True), exam_width)),
                MODE_NAMES.get(a.mode, a.mode).lower(),
                outcome(a),
                f"{a.correct}/{a.total} {a.percent:.0f}%"
                if a.has_verdict
                else tally(a.answered, a.total),
                a.started_at.strftime("%d %b %H:%M"),
                key=str(a.id),
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
            attempts.add_row("", Text("No attempts yet: start one from the home screen."))
        attempts.focus()

    def action_open(self) -> None:
        """Open the highlighted attempt's results (a finished one; an open one is resumed)."""
        from quizapp.tui.screens.results import ResultsScreen

        table = self.query_one("#stats-attempts", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if not key:
            return
        attempt = self.service.finished(int(key))
        if attempt is None:
            self.notify(f"Attempt {key} is unfinished: resume it from the home screen (r).")
            return
        self.app.push_screen(ResultsScreen(attempt, self.service))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter or a click on an attempt opens it."""
        if event.data_table.id == "stats-attempts":
            self.action_open()

    def action_charts(self) -> None:
        """Scroll to the progress charts."""
        self.query_one(VerticalScroll).scroll_to_widget(
            self.query_one("#stats-progress"), animate=False, top=True
        )

    def action_back(self) -> None:
        """Back to the home screen."""
        self.dismiss()


OUTCOMES = {"in_progress": "unfinished", "abandoned": "abandoned", "expired": "time ran out"}


def outcome(a: AttemptSummary) -> Text:
    """A finished exam's score and verdict; for anything else where it stands (no verdict)."""
    if a.has_verdict:
        return Text(
            f"{a.scaled_score} {'✓ pass' if a.passed else '✗ fail'}",
            style="green" if a.passed else "red",
        )
    return Text(OUTCOMES.get(a.status, "finished"), style="dim")
