"""The pause screen: the question hidden and no time counted until you go on."""

from __future__ import annotations

from typing import ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static

from quizapp.tui.widgets.keybar import KeyBar

Choice = Literal["go_on", "leave"]


class PauseScreen(Screen[Choice]):
    """Covers the exam; dismisses with ``"go_on"`` or ``"leave"``."""

    DEFAULT_CSS = """
    PauseScreen #pause-text { width: auto; padding: 1 2; border: thick $primary; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("z,enter,escape", "done('go_on')", "Go on"),
        Binding("q", "done('leave')", "Leave the exam"),
    ]

    def __init__(self, title: str, left: str | None) -> None:
        super().__init__()
        self.title_text = title
        self.left = left  # the time left, as the exam shows it, or None when untimed

    def compose(self) -> ComposeResult:
        """What is paused, how long is left, how to go on."""
        text = Text()
        # An untimed session has no clock to stop, but its time used still stops counting.
        stopped = "the clock is stopped" if self.left is not None else "time away is not counted"
        text.append(f"⏸ Paused: {stopped}\n\n", style="bold")
        text.append(f"{self.title_text}\n")
        if self.left is not None:
            text.append(f"{self.left} left, and it stays that way while you are away.\n")
        text.append("The question is hidden until you go on.\n\n")
        text.append("z, enter or escape: go on · q: leave (saved, resume later)", style="dim")
        with Middle(), Center():
            yield Static(text, id="pause-text")
        yield KeyBar()

    def action_done(self, choice: Choice) -> None:
        """Back to the exam, or out of it."""
        self.dismiss(choice)
