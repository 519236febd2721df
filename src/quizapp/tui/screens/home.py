"""The home screen: the exams with their domains, the banks, and load warnings."""

from __future__ import annotations

from typing import ClassVar

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from quizapp.core.bank.library import Library
from quizapp.core.exam.blueprint import ExamPlan, plan


class HomeScreen(Screen[None]):
    """Lists the exams (title, questions per domain, minutes) and the banks."""

    CSS_PATH = "home.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "app.open_banks", "Banks"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.plans: list[ExamPlan] = [plan(e.exam, library) for e in library.exams.values()]

    def compose(self) -> ComposeResult:
        """Exams table, the highlighted exam's domains, a banks line and any warnings."""
        yield Header()
        with Vertical(id="home-body"):
            yield Static("Exams", classes="section-title")
            yield DataTable(id="exams", cursor_type="row", zebra_stripes=True)
            yield Static(id="exam-detail")
            yield Static(self._banks_line(), id="banks-line")
            if self.library.problems:
                yield Static(self._warning_line(), id="load-warning")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the exams table."""
        table = self.query_one("#exams", DataTable)
        table.add_column("Exam", width=44)
        table.add_columns("Questions", "Minutes", "Supply")
        for p in self.plans:
            exam = p.exam
            available = sum(min(d.slots, d.available) for d in p.domains)
            table.add_row(
                Text(exam.title),
                str(exam.questions),
                str(exam.minutes) if exam.minutes else "untimed",
                Text("✗ short" if p.shortfall else "✓ full") if available else Text("✗ none"),
                key=exam.id,
            )
        if not self.plans:
            self.query_one("#exam-detail", Static).update(
                Text("No exams loaded. Add an exam blueprint file (see README).")
            )
        table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Show the domains of the highlighted exam."""
        if 0 <= event.cursor_row < len(self.plans):
            self.query_one("#exam-detail", Static).update(_detail(self.plans[event.cursor_row]))

    def _banks_line(self) -> Text:
        n_banks, n_q = len(self.library.banks), len(self.library.questions)
        return Text(f"{n_banks} banks · {n_q} questions · press b for the list")

    def _warning_line(self) -> Text:
        files = {p.file for p in self.library.problems if p.severity == "error"}
        warnings = sum(p.severity == "warning" for p in self.library.problems)
        parts = []
        if files:
            parts.append(f"⚠ {len(files)} file(s) could not be loaded")
        if warnings:
            parts.append(f"{warnings} warning(s)")
        return Text(" · ".join(parts) + " · press b to see them", style="bold")


def _detail(p: ExamPlan) -> Table:
    minutes = f"{p.exam.minutes} minutes" if p.exam.minutes else "untimed"
    table = Table(
        title=Text(f"{p.exam.title} · {minutes} · pass at {p.exam.passing_score}"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        expand=False,
        padding=(0, 1),
    )
    table.add_column("Domain", overflow="fold")
    table.add_column("Weight", justify="right")
    table.add_column("Slots", justify="right")
    table.add_column("Available", justify="right")
    for d in p.domains:
        mark = "✓" if d.available >= d.slots else "✗ short"
        table.add_row(Text(d.name), f"{d.weight:g}%", str(d.slots), f"{d.available} {mark}")
    return table
