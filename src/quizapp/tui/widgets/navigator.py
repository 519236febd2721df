"""The question navigator: every question's number and state, never by colour alone."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static

from quizapp.core.exam.session import Session


class Navigator(Static):
    """A grid of question numbers: ● answered, ○ open, ⚑ flagged, ? unsure, ▶ current."""

    DEFAULT_CSS = """
    Navigator {
        height: auto;
        border-top: solid $primary;
        padding: 0 1;
    }
    """

    class Chosen(Message):
        """A question's cell was clicked."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def on_click(self, event: events.Click) -> None:
        """A click on a cell goes to its question."""
        index = event.style.meta.get("question")
        if isinstance(index, int):
            event.stop()
            self.post_message(self.Chosen(index))

    def show(self, session: Session) -> None:
        """Draw the grid for ``session``."""
        self.update(render_navigator(session))


def render_navigator(session: Session) -> Text:
    """The grid as Text."""
    out = Text()
    width = len(str(len(session.items)))
    for i, r in enumerate(session.responses):
        here = i == session.current
        answered = session.answered(i)
        mark = "●" if answered else "◐" if session.incomplete(i) else "○"
        flag = "⚑" if r.flagged else " "
        unsure = "?" if r.unsure else " "
        cell = f"{'▶' if here else ' '}{i + 1:>{width}}{mark}{flag}{unsure}"
        style = "reverse" if here else ("bold" if r.flagged else ("" if answered else "dim"))
        out.append(cell, style=Style.parse(style or "none") + Style(meta={"question": i}))
        out.append(" ")
    out.append(
        "\n● answered  ◐ incomplete  ○ unanswered  ⚑ flagged  ? unsure  ▶ current", style="dim"
    )
    return out
