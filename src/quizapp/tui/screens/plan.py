"""The plan towards an exam date: today's work, the mock exams and the review forecast."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Sparkline, Static

from quizapp.context import AppContext
from quizapp.core.study.plan import bar_lines, summary_lines
from quizapp.core.words import plural
from quizapp.service.plans import exam_name
from quizapp.tui.faults import failed
from quizapp.tui.screens.examdate import ExamDateScreen
from quizapp.tui.widgets.keybar import KeyBar

BAR_WIDTH = 40  # cells for the longest bar; with the date and the number it fits 80 columns


def open_plan(screen: Screen[Any], context: AppContext, exam_id: str) -> None:
    """Show ``exam_id``'s plan; ask for its date first when it has none."""
    planner = context.planner
    if planner.date_of(exam_id) is not None:
        screen.app.push_screen(PlanScreen(context, exam_id))
        return

    def saved(done: bool | None) -> None:
        if done:
            screen.app.push_screen(PlanScreen(context, exam_id))

    ask = ExamDateScreen(exam_name(exam_id), "", lambda text: planner.set_date(exam_id, text))
    screen.app.push_screen(ask, saved)


class PlanScreen(Screen[None]):
    """One exam's plan; ``l`` changes the date, ``x`` clears it."""

    DEFAULT_CSS = """
    PlanScreen #plan-body { padding: 0 1; }
    PlanScreen .section { text-style: bold; margin-top: 1; }
    PlanScreen Sparkline { height: 3; margin: 0 0 1 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "change", "Change date"),
        Binding("x", "clear", "Clear date"),
        Binding("escape,q", "back", "Back"),
    ]

    def __init__(self, context: AppContext, exam_id: str) -> None:
        super().__init__()
        self.context = context
        self.exam_id = exam_id
        self.name_shown = exam_name(exam_id)

    def compose(self) -> ComposeResult:
        """The plan, then the forecast as a picture and as numbers."""
        with VerticalScroll(id="plan-body"):
            yield Static(id="plan-summary")
            yield Static(id="plan-forecast-title", classes="section")
            yield Sparkline([], summary_function=max, id="plan-sparkline")
            yield Static(id="plan-forecast")
        yield KeyBar()

    def on_mount(self) -> None:
        """Work out the plan from the database."""
        self.show()

    def show(self) -> None:
        """(Re)draw the plan; without a date, say how to set one."""
        planner = self.context.planner
        cards = planner.cards(self.exam_id)
        plan = planner.plan(self.exam_id, cards=cards)
        summary = self.query_one("#plan-summary", Static)
        spark = self.query_one("#plan-sparkline", Sparkline)
        title = self.query_one("#plan-forecast-title", Static)
        numbers = self.query_one("#plan-forecast", Static)
        if plan is None:
            summary.update(Text(f"{self.name_shown} has no exam date: press l to set one."))
            for widget in (spark, title, numbers):
                widget.display = False
            return
        summary.update(Text("\n".join(summary_lines(plan, self.name_shown))))
        forecast = planner.forecast(self.exam_id, cards)
        for widget in (spark, title, numbers):
            widget.display = bool(forecast)
        if not forecast:
            return
        values = [n for _, n in forecast]
        peak = max(values)
        busiest = forecast[values.index(peak)][0]
        title.update(
            Text(
                f"Reviews a day until the exam: {plural(sum(values), 'review')} in all, "
                f"at most {peak} ({busiest.strftime('%a %Y-%m-%d')})"
                if peak
                else "Reviews a day until the exam: none yet (your misses will show here)"
            )
        )
        spark.display = bool(peak)
        spark.data = [float(n) for n in values]
        numbers.update(Text("\n".join(bar_lines(forecast, BAR_WIDTH))))

    def action_change(self) -> None:
        """Set another date."""
        planner = self.context.planner
        found = planner.date_of(self.exam_id)
        current = found.day.isoformat() if found is not None else ""

        def saved(done: bool | None) -> None:
            if done:
                self.show()

        ask = ExamDateScreen(
            self.name_shown, current, lambda text: planner.set_date(self.exam_id, text)
        )
        self.app.push_screen(ask, saved)

    def action_clear(self) -> None:
        """Remove the date (the plan goes with it)."""
        try:
            cleared = self.context.planner.clear(self.exam_id)
        except Exception as exc:  # the date stays, and so does the plan shown
            self.notify(
                failed(exc, "The date could not be cleared"), severity="error", markup=False
            )
            return
        if cleared:
            self.notify(f"{self.name_shown}: exam date cleared.", markup=False)
        self.show()

    def action_back(self) -> None:
        """Back to the home screen."""
        self.dismiss()
