"""A small form for an exam date: one YYYY-MM-DD field, checked before it closes."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from quizapp.tui.faults import failed
from quizapp.tui.screens.help import HELP_BINDING


class ExamDateScreen(ModalScreen[bool]):
    """Asks for the date of ``name``'s exam; ``save`` stores it or raises ValueError.

    Closes with True once a date is saved, False on escape; a refused date, or one the
    database could not store, stays open with the reason under the field.
    """

    DEFAULT_CSS = """
    ExamDateScreen {
        align: center middle;
    }
    ExamDateScreen > Vertical {
        width: 60;
        height: auto;
        border: thick $accent;
        background: $panel;
        padding: 1 2;
    }
    ExamDateScreen Input { width: 20; margin: 1 0 0 0; }
    ExamDateScreen #date-error { color: $error; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel"), HELP_BINDING]

    def __init__(self, name: str, current: str, save: Callable[[str], object]) -> None:
        super().__init__()
        self.exam = name
        self.current = current
        self.save = save

    def compose(self) -> ComposeResult:
        """The question, the field and the reason a date was refused."""
        with Vertical():
            yield Static(Text(f"When do you take {self.exam}? (YYYY-MM-DD)"))
            yield Input(self.current, placeholder="YYYY-MM-DD", max_length=10, id="date-input")
            yield Static(id="date-error")
            yield Static(Text("enter: save    escape: cancel", style="bold"))

    def on_mount(self) -> None:
        """Type straight away."""
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Save the date, or say why not."""
        try:
            self.save(event.value)
        except ValueError as exc:
            message = str(exc)
            self.query_one("#date-error", Static).update(Text(message[:1].upper() + message[1:]))
            return
        except Exception as exc:
            line = failed(exc, "The date could not be saved")
            self.query_one("#date-error", Static).update(Text(f"⚠ {line} Try again."))
            self.app.bell()
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        """Close without a change."""
        self.dismiss(False)
