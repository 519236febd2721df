"""The banks screen: every loaded bank and every load problem with its file:line."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quizapp.core.bank.library import Library
from quizapp.core.importers.provenance import imported_source
from quizapp.core.text import visible
from quizapp.core.words import plural
from quizapp.tui.widgets.keybar import KeyBar


def short_path(path: str) -> str:
    """``path`` relative to the working folder when inside it, else with ``~`` for home."""
    p = Path(path)
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        if p.is_relative_to(base):
            return prefix + str(p.relative_to(base))
    return path


def bank_source(path: str) -> str | None:
    """Where an imported bank came from, as its header names it; None for other banks."""
    try:
        with Path(path).open(encoding="utf-8", errors="replace") as stream:
            head = stream.read(2048)  # the header is the first lines: never read a whole bank
    except OSError:
        return None
    return imported_source(head)


class BanksScreen(Screen[None]):
    """Banks with question and topic counts, then the problems found while loading."""

    CSS_PATH = "banks.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back"),
        Binding("r,ctrl+r", "reload", "Reload"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def compose(self) -> ComposeResult:
        """The banks table and the problem list."""
        yield Static(Text(f"{self.app.title} — {self.app.sub_title}"), classes="title-bar")
        with VerticalScroll(id="banks-body"):
            # The problems come first: home sends the user here to read them.
            problems = self.library.problems
            errors = sum(p.severity == "error" for p in problems)
            title = (
                f"Problems: {plural(errors, 'error')}, {plural(len(problems) - errors, 'warning')}"
            )
            yield Static(title if problems else "No problems found.", classes="section-title")
            loaded = {b.path for b in self.library.banks.values()}
            for p in problems:
                mark = "✗ error" if p.severity == "error" else "! warning"
                if p.severity == "error" and p.file in loaded:  # its bank loaded without it
                    mark = "✗ error, question left out"
                where = visible(short_path(p.file), one_line=True)  # a file name can hold ESC
                line = Text(f"{mark}  {where}:{p.line}:{p.column}")
                yield Static(line, classes=f"problem {p.severity}")
                # Its own widget, indented: a long message wraps under its start, not column 1.
                yield Static(Text(p.message), classes=f"problem-message {p.severity}")
            yield Static("Banks", classes="section-title")
            yield DataTable(id="banks", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def action_reload(self) -> None:
        """Read the bank folders again and show this screen anew (home follows)."""
        from quizapp.tui.app import QuizApp

        app = self.app
        if isinstance(app, QuizApp):
            app.reload_banks()
            app.switch_screen(BanksScreen(app.context.library))

    def on_mount(self) -> None:
        """Fill the banks table."""
        self._add_columns()
        self._fill()
        # Focused without scrolling to it: the problems above are what the user came for.
        self.query_one("#banks", DataTable).focus(scroll_visible=False)

    def on_resize(self) -> None:
        """Share the new width between the bank ids and the titles again."""
        self.query_one("#banks", DataTable).clear(columns=True)
        self._add_columns()
        self._fill()

    def _add_columns(self) -> None:
        """Widths that fit the screen: titles are cut rather than scrolled sideways."""
        table = self.query_one("#banks", DataTable)
        ids = max((len(b) for b in self.library.banks), default=4)
        # Body padding, the scrollbar and a cell's padding either side of four columns.
        room = max(self.app.size.width - 2 - 2 - 2 * 4 - 9 - 6, 20)
        bank = max(4, min(ids, room // 2))
        for label, width in (
            ("Bank", bank),
            ("Questions", 9),
            ("Topics", 6),
            ("Title", room - bank),
        ):
            table.add_column(label, width=width)

    def _fill(self) -> None:
        table = self.query_one("#banks", DataTable)
        for bank in self.library.banks.values():
            source = bank_source(bank.path)
            title = f"{bank.title} (imported from {source})" if source else bank.title
            table.add_row(
                Text(visible(bank.id, one_line=True), overflow="ellipsis", no_wrap=True),
                str(len(self.library.by_bank[bank.id])),
                str(len(self.library.topic_counts(bank.id))),
                Text(visible(title, one_line=True), overflow="ellipsis", no_wrap=True),
                key=bank.id,
            )
