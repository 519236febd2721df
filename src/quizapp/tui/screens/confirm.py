"""A yes/no question over the current screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from quizapp.core.study.cram import CRAM_ID
from quizapp.core.words import MODE_NAMES, plural
from quizapp.tui.screens.help import HELP_BINDING

if TYPE_CHECKING:
    from quizapp.core.exam.session import Session


def submit_message(session: Session) -> str:
    """What the end-of-session question asks, naming what is still open and what it means for
    this mode: only an exam counts unanswered questions as wrong; an incomplete answer (picks,
    but not all it needs) counts as wrong in every mode."""
    begun = session.incomplete_count
    blank = len(session.items) - session.answered_count - begun
    flagged = session.flagged_count
    exam = session.mode == "exam"
    name = MODE_NAMES.get(session.mode, session.mode).lower()
    ask = "Submit the exam now?" if exam else f"End the {name}?"
    if not blank and not begun:
        still = f" ({plural(flagged, 'question')} still flagged)" if flagged else ""
        return f"All questions answered{still}. {ask}"
    parts = [f"{plural(blank, 'question')} unanswered"] if blank else []
    if begun:
        parts.append(f"{begun} incomplete" if blank else f"{plural(begun, 'question')} incomplete")
    marked = f" and {flagged} flagged" if flagged else ""
    words = ", ".join(parts) + marked
    if exam:
        counted = " and incomplete" if begun and blank else ""
        subject = "Unanswered" if blank else "Incomplete"
        return f"{ask} {words}. {subject}{counted} questions count as wrong."
    if session.terms.exam_id == CRAM_ID:
        stays = "count for nothing"
    else:
        stays = "stay due" if session.mode == "review" else "do not count"
    said = [f"{ask} {words}."]
    if blank:
        said.append(f"Unanswered questions {stays}.")
    if begun:
        said.append("The incomplete one counts" if begun == 1 else "The incomplete ones count")
        said[-1] += " as wrong."
    return " ".join(said)


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
