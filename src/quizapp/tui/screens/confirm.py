"""A yes/no question over the current screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from quizapp.core.words import plural
from quizapp.tui.screens.help import HELP_BINDING

if TYPE_CHECKING:
    from quizapp.core.exam.session import Session


def submit_message(session: Session) -> str:
    """What the submit confirmation asks, naming what is still open (exam and review alike)."""
    open_ = len(session.items) - session.answered_count
    flagged = session.flagged_count
    if not open_:
        still = f" ({plural(flagged, 'question')} still flagged)" if flagged else ""
        return f"All questions answered{still}. Submit the exam now?"
    words = f"{plural(open_, 'question')} {'is' if open_ == 1 else 'are'} unanswered"
    marked = f" and {flagged} flagged" if flagged else ""
    return f"Submit the exam now? {words}{marked}. Unanswered questions count as wrong."


class ConfirmScreen(ModalScreen[bool]):
    """Asks ``message``; y answers True, n or escape False."""

    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
    }
    ConfirmScreen > Vertical {
        width: 60;
        height: auto;
        border: thick $warning;
        background: $panel;
        padding: 1 2;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
        HELP_BINDING,
    ]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        """The message and the keys."""
        with Vertical():
            yield Static(Text(self.message), id="confirm-message")
            yield Static(Text("y: yes    n / escape: no", style="bold"), id="confirm-keys")

    def action_answer(self, value: bool) -> None:
        """Close with the answer."""
        self.dismiss(value)
