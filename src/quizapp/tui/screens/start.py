"""The start screen of a mock exam: its blueprint and this pass, before the clock starts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quizapp.core.text import visible
from quizapp.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from quizapp.core.exam.slots import SlotPlan
    from quizapp.service.exams import Preview


@dataclass(frozen=True, slots=True)
class StartChoice:
    """Start, adaptive or not, with the seed of the questions the screen described."""

    adaptive: bool
    seed: int


class StartScreen(Screen[StartChoice | None]):
    """Shows the blueprint and what this pass leans on; enter starts the exam and its clock."""

    DEFAULT_CSS = """
    StartScreen #start-body { padding: 0 1; }
    StartScreen #start-title { text-style: bold; padding: 1 0 0 0; }
    StartScreen #start-blueprint { padding: 1 0 0 0; }
    StartScreen #start-pass { padding: 1 0 0 0; }
    StartScreen #start-go { padding: 1 0 0 0; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,s", "start", "Start the exam"),
        Binding("a", "toggle_adaptive", "Adaptive on/off"),
        Binding("escape,q", "back", "Back"),
    ]

    def __init__(
        self,
        plan: SlotPlan,
        preview: Callable[[bool], Preview],
        adaptive: bool,
        *,
        can_adapt: bool = True,
    ) -> None:
        """``preview(adaptive)``: the exam as it would start, adaptive or not."""
        super().__init__()
        self.plan = plan
        self.preview_for = preview
        self.adaptive = adaptive
        self.can_adapt = can_adapt  # a fixed practice set has nothing to adapt
        self.preview = preview(adaptive)

    def compose(self) -> ComposeResult:
        """Title, blueprint, this pass, how to start."""
        with VerticalScroll(id="start-body"):
            yield Static(id="start-title")
            yield Static(id="start-blueprint")
            yield Static(id="start-pass")
            yield Static(
                Text("enter starts the exam; the clock starts then, not before."), id="start-go"
            )
        yield KeyBar()

    def on_mount(self) -> None:
        """Draw it."""
        self.draw()

    def draw(self) -> None:
        """The blueprint and this pass as the preview has them."""
        exam, p = self.plan.exam, self.preview
        minutes = f"{p.minutes} minutes" if p.minutes else "untimed"
        self.query_one("#start-title", Static).update(
            Text(
                f"{visible(exam.title, one_line=True)}\n"
                f"{p.questions} question{'s' if p.questions != 1 else ''} · {minutes}"
                f" · pass at {exam.passing_score} (estimated)"
            )
        )
        table = Table.grid(padding=(0, 2))
        table.add_column()
        table.add_column(justify="right")
        table.add_column(justify="right")
        table.add_row(Text("Domain", style="bold"), "Weight", "Questions", style="bold")
        for d in self.plan.domains:
            table.add_row(Text(visible(d.name, one_line=True)), f"{d.weight:g}%", str(d.slots))
        self.query_one("#start-blueprint", Static).update(table)
        text = Text()
        if self.can_adapt:
            text.append("Adaptive passes " + ("on" if self.adaptive else "off"), style="bold")
            text.append(" (a turns them " + ("off" if self.adaptive else "on") + ")\n")
        lines = list(p.notes)
        if not self.can_adapt:
            lines.insert(0, "A fixed practice set: the same questions every time, in a new order.")
        elif not lines and self.adaptive:
            lines.append("This pass: the blueprint's mix; later passes lean on your weak topics.")
        elif not lines:
            lines.append("This pass: questions at random, in the blueprint's mix.")
        text.append(visible("\n".join(lines)))
        self.query_one("#start-pass", Static).update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A practice set has no adaptive switch (its key is not shown either)."""
        return self.can_adapt or action != "toggle_adaptive"

    def action_toggle_adaptive(self) -> None:
        """Adaptive on or off: the pass is chosen again and described."""
        self.adaptive = not self.adaptive
        self.preview = self.preview_for(self.adaptive)
        self.draw()

    def action_start(self) -> None:
        """Start the exam as described."""
        self.dismiss(StartChoice(self.adaptive, self.preview.seed))

    def action_back(self) -> None:
        """Back home without starting."""
        self.dismiss(None)
