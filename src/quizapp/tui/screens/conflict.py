"""Asked when an exam is started while an attempt of it with other options is unfinished."""

from __future__ import annotations

from typing import ClassVar, Literal

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from quizapp.tui.screens.help import HELP_BINDING

Choice = Literal["resume", "restart"]


class ConflictScreen(ModalScreen[Choice | None]):
    """r resumes the unfinished attempt, d discards it for the new one, escape goes back."""

    DEFAULT_CSS = """
    ConflictScreen { align: center middle; }
    ConflictScreen > Vertical {
        width: 64; max-width: 100%; height: auto; border: thick $warning; background: $panel;
        padding: 1 2;
    }
    ConflictScreen #conflict-keys { margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "answer('resume')", "Resume it"),
        Binding("d", "answer('restart')", "Discard it, start new"),
        Binding("escape", "answer(None)", "Back"),
        HELP_BINDING,
    ]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        """The message and the keys."""
        with Vertical():
            yield Static(Text(self.message), id="conflict-message")
            keys = Table.grid(padding=(0, 2))
            keys.add_column(no_wrap=True, style="bold")
            keys.add_column(ratio=1)
            keys.add_row("r", "resume it")
            keys.add_row("d", "discard it (its answers stay in your history), start the new one")
            keys.add_row("escape", "back")
            yield Static(keys, id="conflict-keys")

    def action_answer(self, value: Choice | None) -> None:
        """Close with the choice."""
        self.dismiss(value)
