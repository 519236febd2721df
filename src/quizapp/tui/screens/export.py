"""Asking where a notebook export goes: a path to edit, the data dir's exports/ by default."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from quizapp.core.study.export import Format
from quizapp.core.text import visible
from quizapp.core.words import plural
from quizapp.tui.screens.help import HELP_BINDING

_FORMATS: dict[str, Format] = {".csv": "csv", ".json": "json"}


def default_target(data_dir: Path, now: datetime) -> Path:
    """``DATA_DIR/exports/notebook-YYYYMMDD-HHMM.md``: a new name for each minute."""
    return data_dir / "exports" / f"notebook-{now:%Y%m%d-%H%M}.md"


def format_of(target: Path) -> Format:
    """The export format the file name asks for: CSV, JSON, or else the Markdown study sheet."""
    return _FORMATS.get(target.suffix.lower(), "md")


class ExportScreen(ModalScreen[str | None]):
    """Asks for the file and writes it with ``write``, which returns what to say when done.

    A file that cannot be written (a full disk, a folder that is not there) keeps the dialog
    open with the path as typed and the reason under it; escape cancels.
    """

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 76;
        height: auto;
        border: thick $accent;
        background: $panel;
        padding: 0 1;
    }
    ExportScreen #export-error { color: $text-error; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel"), HELP_BINDING]

    def __init__(self, default: Path, count: int, write: Callable[[Path], str]) -> None:
        super().__init__()
        self.default = default
        self.count = count
        self.write = write

    def compose(self) -> ComposeResult:
        """What is written, the path to edit, and how the name picks the format."""
        with Vertical():
            title = f"Export the {plural(self.count, 'entry', 'entries')} shown to:"
            yield Static(Text(title, style="bold"))
            yield Input(visible(str(self.default), one_line=True), id="export-path")
            yield Static(
                Text(
                    "A name ending .csv writes CSV for Anki, .json JSON, anything else the "
                    "Markdown study sheet. enter writes · escape cancels",
                    style="dim",
                )
            )
            yield Static(id="export-error")

    def on_mount(self) -> None:
        """Start in the path."""
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: write to the path typed (``~`` and relative paths as in a shell)."""
        text = event.value.strip()
        error = self.query_one("#export-error", Static)
        if not text:
            error.update("Type a file name, or escape.")
            return
        target = Path(text).expanduser().absolute()
        try:
            said = self.write(target)
        except OSError as exc:
            shown = visible(str(target), one_line=True)
            error.update(Text(f"Cannot write {shown}: {exc.strerror or exc}"))
            self.app.bell()
            return
        self.dismiss(said)

    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)
