"""Choosing one value from a list over the current screen (a notebook filter, say)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quizapp.core.text import visible
from quizapp.tui.screens.help import HELP_BINDING


class PickScreen(ModalScreen[str | None]):
    """Lists ``(label, value)`` choices; enter picks one, escape keeps the current one."""

    DEFAULT_CSS = """
    PickScreen {
        align: center middle;
    }
    PickScreen > Vertical {
        width: 60;
        height: auto;
        max-height: 80%;
        border: thick $accent;
        background: $panel;
        padding: 0 1;
    }
    PickScreen OptionList {
        height: auto;
        max-height: 20;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel"), HELP_BINDING]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]], current: str) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        """The title and the choices (labels are shown as text, never markup)."""
        with Vertical():
            yield Static(Text(self.title_text, style="bold"))
            # Labels come from the database (topics, banks): escapes shown, never sent.
            yield OptionList(
                *(Option(Text(visible(label, one_line=True))) for label, _ in self.choices)
            )

    def on_mount(self) -> None:
        """Start on the current choice."""
        options = self.query_one(OptionList)
        values = [value for _, value in self.choices]
        options.highlighted = values.index(self.current) if self.current in values else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) picks the highlighted choice."""
        self.dismiss(self.choices[event.option_index][1])

    def action_cancel(self) -> None:
        """Close without a change."""
        self.dismiss(None)
