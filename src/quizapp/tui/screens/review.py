"""The review screen: every question's state, filters, jump to any, submit."""

from __future__ import annotations

from typing import ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quizapp.core.exam.session import Session
from quizapp.core.text import visible
from quizapp.tui.widgets.keybar import KeyBar

Filter = Literal["all", "unanswered", "flagged"]


def marks(flagged: bool, unsure: bool) -> str:
    """A question's marks: "⚑ flagged", "? unsure", or both as signs (the room it has)."""
    if flagged and unsure:
        return "⚑ ?"
    return "⚑ flagged" if flagged else "? unsure" if unsure else ""


class ReviewScreen(Screen[int | str | None]):
    """Dismisses with a question index to jump to, ``"submit"``, or None to go back."""

    DEFAULT_CSS = """
    ReviewScreen #review-title { padding: 0 1; background: $primary-background; }
    ReviewScreen DataTable { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "show('all')", "All"),
        Binding("u", "show('unanswered')", "Unanswered"),
        Binding("f", "show('flagged')", "Flagged"),
        Binding("enter", "jump", "Go to"),
        Binding("s", "submit", "Submit"),
        Binding("escape,r,q", "back", "Back"),
    ]

    def __init__(self, session: Session, first_lines: list[str]) -> None:
        super().__init__()
        self.session = session
        self.first_lines = first_lines  # per question, the first line of its prompt
        self.filter: Filter = "all"
        self.rows: list[int] = []

    def compose(self) -> ComposeResult:
        """Title line, the table, the keys."""
        yield Static(id="review-title")
        yield DataTable(id="review-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        """Fill the table."""
        self._add_columns()
        self.fill()
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        """Share the new width between the topic and the question again."""
        self.query_one(DataTable).clear(columns=True)
        self._add_columns()
        self.fill()

    def _add_columns(self) -> None:
        """Fixed widths: left to fit their text, the topics took the question's room."""
        table = self.query_one(DataTable)
        topics = max((len(visible(i.topic, one_line=True)) for i in self.session.items), default=5)
        # Each column pads a cell either side; the scrollbar takes two more.
        room = max(self.app.size.width - 2 - 2 * 5 - 3 - 12 - 9, 20)
        topic = max(5, min(topics, room // 3))
        for label, width in (
            ("#", 3),
            ("State", 12),
            ("Marks", 9),
            ("Topic", topic),
            ("Question", room - topic),
        ):
            table.add_column(label, width=width)

    def fill(self) -> None:
        """Show the questions that pass the filter."""
        s = self.session
        table = self.query_one(DataTable)
        table.clear()
        self.rows = []
        for i, (item, r) in enumerate(zip(s.items, s.responses, strict=True)):
            answered = s.answered(i)
            if self.filter == "unanswered" and answered:
                continue
            if self.filter == "flagged" and not r.flagged:
                continue
            first = self.first_lines[i] if i < len(self.first_lines) else ""
            state = (
                "● answered" if answered else "◐ incomplete" if s.incomplete(i) else "○ unanswered"
            )
            table.add_row(
                str(i + 1),
                state,
                marks(r.flagged, r.unsure),
                Text(visible(item.topic, one_line=True), overflow="ellipsis", no_wrap=True),
                Text(visible(first[:70], one_line=True), overflow="ellipsis", no_wrap=True),
            )
            self.rows.append(i)
        begun = s.incomplete_count
        open_ = len(s.items) - s.answered_count - begun
        title = Text()
        title.append(f"Review · showing {self.filter} · ", style="bold")
        title.append(f"{s.answered_count} answered, {open_} unanswered, ")
        title.append(f"{begun} incomplete, " if begun else "")
        title.append(f"{s.flagged_count} flagged")
        self.query_one("#review-title", Static).update(title)

    def action_show(self, which: Filter) -> None:
        """Change the filter."""
        self.filter = which
        self.fill()

    def action_jump(self) -> None:
        """Go to the highlighted question."""
        table = self.query_one(DataTable)
        if self.rows and 0 <= table.cursor_row < len(self.rows):
            self.dismiss(self.rows[table.cursor_row])

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        """Enter (or a click) on a row jumps to it."""
        self.action_jump()

    def action_submit(self) -> None:
        """Ask to submit (the exam screen confirms first)."""
        from quizapp.tui.screens.confirm import ConfirmScreen, submit_message

        message = submit_message(self.session)

        def done(yes: bool | None) -> None:
            if yes:
                self.dismiss("submit")

        self.app.push_screen(ConfirmScreen(message), done)

    def action_back(self) -> None:
        """Back to the exam."""
        self.dismiss(None)
