"""The home screen's line for each exam with a date: today's work and whether on track."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

HINT = "No exam date set: l sets one for the highlighted exam and plans towards it."


class PlanLines(Static):
    """One line per planned exam, or how to plan one when none is."""

    DEFAULT_CSS = """
    PlanLines { height: auto; padding: 0 1; }
    """

    def show(self, lines: list[str]) -> None:
        """Show ``lines`` (plain text, never markup)."""
        if not lines:
            self.update(Text(HINT, style="dim"))
            return
        text = Text("\n".join(lines), style="bold")
        text.append("  (l: plan)", style="dim")
        self.update(text)
