"""The notebook screen: filter and search the misses, read one in full, note, master, drill."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Input, Static, TextArea

from quizapp.context import AppContext
from quizapp.core.bank.library import LibraryQuestion
from quizapp.core.inline import plain_inline
from quizapp.core.study import notebook
from quizapp.core.study.export import Sheet, build_sheets, entry_markdown, render
from quizapp.core.study.notebook import Entry, Summary, order_key
from quizapp.core.text import visible
from quizapp.core.words import due_in, plural
from quizapp.service.exams import ExamService
from quizapp.storage.study import NotebookCounts
from quizapp.tui import collector
from quizapp.tui.faults import failed
from quizapp.tui.fitline import Part, fit_line
from quizapp.tui.screens.help import HELP_BINDING
from quizapp.tui.widgets.keybar import KeyBar
from quizapp.tui.widgets.markdowntext import MarkdownText
from quizapp.tui.widgets.rowlist import RowList

TOPIC_WIDTH = 24  # at most; narrower when every topic is shorter


STATUSES = {
    "all": "all",
    "active": "active",
    "due": "due now",
    "mastered": "mastered",
    "leech": "leeches",
}
COLUMNS: list[tuple[str, int | None]] = [
    ("!", 1),
    ("Topic", TOPIC_WIDTH),
    ("Missed", 6),
    ("Due", 12),
    ("Question", None),
]


def row_cells(e: Summary, item: LibraryQuestion | None, now: datetime) -> tuple[str, ...]:
    """A list row: the mark (never by colour alone), topic, misses, due date, first line."""
    mark = "L" if e.leech else ("✓" if e.status == "mastered" else ("●" if e.is_due(now) else ""))
    question = item.prompt if item is not None else e.key
    first_line = plain_inline(question.strip().partition("\n")[0])  # no `**` in a list row
    due = "mastered" if e.status == "mastered" else due_in(e.due, now)  # mastered: not drilled
    return (mark, e.topic, str(e.times_missed), due, first_line)


def haystack(e: Summary, item: LibraryQuestion | None) -> str:
    """The lower-case text a search looks in."""
    prompt = item.prompt if item is not None else ""
    return f"{e.key} {e.topic} {prompt} {e.note}".lower()


class NoteScreen(ModalScreen[str | None]):
    """Edit a note: ctrl+s saves, escape cancels.

    ``save`` stores the text; when it raises a database fault the editor stays open with
    the text and one line saying so, to try again.
    """

    DEFAULT_CSS = """
    NoteScreen { align: center middle; }
    NoteScreen > Vertical { width: 80%; height: 60%; border: thick $accent; background: $panel; }
    NoteScreen TextArea { height: 1fr; }
    NoteScreen #note-error { color: $text-error; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
        HELP_BINDING,
    ]

    def __init__(self, note: str, save: Callable[[str], object]) -> None:
        super().__init__()
        self.note = note
        self.save = save

    def compose(self) -> ComposeResult:
        """A text area and the keys."""
        with Vertical():
            yield Static(Text("Your note (ctrl+s saves, escape cancels)", style="bold"))
            yield TextArea(self.note, id="note-text")
            yield Static(id="note-error")

    def on_mount(self) -> None:
        """Start typing at once."""
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        """Store the text and close, or say why it could not be stored and stay."""
        text = self.query_one(TextArea).text.strip()
        try:
            self.save(text)
        except Exception as exc:
            line = failed(exc, "The note could not be saved")
            self.query_one("#note-error", Static).update(Text(f"⚠ {line} Try again."))
            self.app.bell()
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)


class NotebookScreen(Screen[None]):
    """The wrong-answer notebook."""

    DEFAULT_CSS = """
    NotebookScreen #nb-filters { height: auto; }
    NotebookScreen #nb-search { width: 1fr; }
    NotebookScreen .nb-filter {
        width: auto;
        min-width: 16;
        max-width: 22;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        height: 3;
        border: tall $border-blurred;
        border-title-color: $text-muted;
        padding: 0 1;
    }
    NotebookScreen #nb-main { height: 1fr; }
    NotebookScreen #nb-table { width: 3fr; height: 1fr; }
    NotebookScreen #nb-detail { width: 2fr; height: 1fr; border-left: solid $primary; }
    NotebookScreen #nb-count { padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "note", "Note"),
        Binding("m", "toggle_mastered", "Mastered"),
        Binding("delete,ctrl+d", "delete", "Delete"),
        Binding("d", "drill", "Drill due"),
        Binding("c", "cram", "Cram"),
        Binding("e", "export", "Export"),
        Binding("slash", "search", "Search"),
        Binding("escape,q", "back", "Back"),
        # Shown on the filters themselves rather than in the key bar.
        Binding(
            "s", "cycle_status", "Status filter: all, active, due, mastered, leeches", show=False
        ),
        Binding("b", "pick('bank')", "Show one bank only", show=False),
        Binding("t", "pick('topic')", "Show one topic only", show=False),
    ]

    def __init__(self, context: AppContext, service: ExamService) -> None:
        super().__init__()
        self.context = context
        self.service = service
        self.rows: list[Summary] = []
        self.shown: list[Summary] = []
        self._haystacks: list[str] | None = None  # per row, made at the first search
        self._resumed = False
        self._detail_timer: Timer | None = None
        self._applied: tuple[object, ...] | None = None  # the filters the list shows
        self.filters = {"status": "all", "bank": "", "topic": ""}  # "": any
        self._counts = NotebookCounts(0, 0, 0)  # read with the rows, not on every keystroke
        # One clock read per load for the counts, the rows and the detail, so "0 due" never
        # stands beside a row that says "due now".
        self.now = context.clock()
        self.detail_source = ""
        self._topic_width = TOPIC_WIDTH  # the longest topic, once the rows are read

    def compose(self) -> ComposeResult:
        """Filters, the list, the detail pane."""
        with Horizontal(id="nb-filters"):
            yield Input(placeholder="search (/)", id="nb-search")
            # Plain text that a key or a click changes: three Select widgets cost a quarter
            # of the time it took to open the screen.
            for name in self.filters:
                box = Static(id=f"nb-{name}", classes="nb-filter")
                box.border_title = f"{name} ({name[0]})"  # on the border: the value gets the room
                yield box
        yield Static(id="nb-count")
        with Horizontal(id="nb-main"):
            yield RowList(COLUMNS, self._cells, id="nb-table")
            with VerticalScroll(id="nb-detail"):
                # Rich Markdown rendered once in a Static draws far faster than the Markdown
                # widget's tree of blocks, which matters when following the highlight.
                yield MarkdownText(id="nb-markdown")
        yield KeyBar()

    def on_mount(self) -> None:
        """Load every entry once; filtering works on memory."""
        self.load()
        self.query_one("#nb-table", RowList).focus()

    def load(self) -> None:
        """(Re)read the notebook."""
        self.now = now = self.context.clock()
        kept = self.current()  # the cursor stays on its entry after a reload
        with collector.paused():
            rows = self.context.study.summaries()
        rows.sort(key=lambda e: order_key(e, now))
        self.rows = rows
        self._haystacks = None
        table = self.query_one("#nb-table", RowList)
        self._topic_width = max((len(e.topic) for e in rows), default=5)
        self._fit_topic()
        self._counts = self.context.study.counts(now)
        self._show_filters()
        self._applied = None  # new rows: filter them whatever the filters are
        self.refilter(at_once=True)
        index = next((i for i, e in enumerate(self.shown) if kept and e.key == kept.key), 0)
        if index:
            table.move_cursor(index)

    def _fit_topic(self) -> None:
        """The topic column takes at most a quarter of the list: the question needs room."""
        table = self.query_one("#nb-table", RowList)
        quarter = (table.size.width or self.app.size.width * 3 // 5) // 4
        table.columns[1] = ("Topic", max(5, min(TOPIC_WIDTH, self._topic_width, quarter)))
        table.refresh()

    def on_resize(self) -> None:
        """Share the new width out again (the count line too)."""
        self.call_after_refresh(self._fit_topic)
        self._show_count()

    def refilter(self, *, at_once: bool = False) -> None:
        """Apply the filters and the search to the list.

        The detail pane follows at once when asked, else when typing pauses (it is the
        costliest thing to draw here).
        """
        now = self.now
        words = self.query_one("#nb-search", Input).value.lower().split()
        status, bank, topic = self.filters["status"], self.filters["bank"], self.filters["topic"]
        filters = (tuple(words), status, bank, topic)
        if filters == self._applied:
            return
        self._applied = filters
        out = []
        hays = self._search_text() if words else itertools.repeat("")
        for e, hay in zip(self.rows, hays, strict=False):  # hays repeats when not searching
            if status == "active" and e.status != "active":
                continue
            if status == "mastered" and e.status != "mastered":
                continue
            if status == "due" and not e.is_due(now):
                continue
            if status == "leech" and not e.leech:
                continue
            if bank and e.bank != bank:
                continue
            if topic and e.topic != topic:
                continue
            if words and not all(w in hay for w in words):
                continue
            out.append(e)
        self.shown = out
        self.query_one("#nb-table", RowList).set_rows(out)
        self._show_count()
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        if at_once:
            self.show_detail()
        else:
            self._detail_timer = self.set_timer(0.15, self.show_detail)

    def _show_count(self) -> None:
        """How many are shown and in the notebook; the legend gives way when room is short."""
        counts = self._counts
        count = self.query_one("#nb-count", Static)
        parts = [
            Part(f"{len(self.shown)} shown"),
            Part(f"{counts.due} due", rank=1),
            Part(f"{counts.active} active", rank=2),
            Part(f"{counts.mastered} mastered", rank=2),
            Part("L leech  ● due  ✓ mastered", "dim", rank=3),
        ]
        count.update(fit_line(parts, count.content_region.width or self.app.size.width - 2))

    def _cells(self, e: Summary) -> tuple[str, ...]:
        return row_cells(e, self.context.library.questions.get(e.key), self.now)

    def _search_text(self) -> list[str]:
        if self._haystacks is None:
            get = self.context.library.questions.get
            self._haystacks = [haystack(e, get(e.key)) for e in self.rows]
        return self._haystacks

    def current(self) -> Summary | None:
        """The highlighted entry."""
        table = self.query_one("#nb-table", RowList)
        if 0 <= table.cursor < len(self.shown):
            return self.shown[table.cursor]
        return None

    def show_detail(self) -> None:
        """Draw the highlighted entry in the detail pane."""
        row = self.current()
        sheet = self._sheet(row.key) if row else None
        now = self.now
        text = entry_markdown(sheet, now, references=False) if sheet else "*No entry here.*"
        refs = sheet.question.references if sheet and sheet.question else ()
        pane = self.query_one("#nb-markdown", MarkdownText)
        pane.show(text, refs)
        self.detail_source = pane.source

    def on_row_list_highlighted(self, _event: RowList.Highlighted) -> None:
        """Follow the highlight."""
        self.show_detail()

    def on_input_changed(self, _event: Input.Changed) -> None:
        """Search as you type."""
        self.refilter()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        """Enter in the search box goes to the list."""
        self.query_one("#nb-table", RowList).focus()

    def _show_filters(self) -> None:
        """Redraw the three filters (only when one changed: each redraw lays out the row)."""
        status = STATUSES[self.filters["status"]]
        for name, shown in (
            ("status", status),
            ("bank", self.filters["bank"] or "any"),
            ("topic", self.filters["topic"] or "any"),
        ):
            shown = visible(shown, one_line=True)  # bank and topic names from the database
            label = Text(shown, no_wrap=True, overflow="ellipsis")  # bank text as text
            self.query_one(f"#nb-{name}", Static).update(label)

    def action_cycle_status(self) -> None:
        """All, active, due now, mastered, leeches, and round again."""
        order = list(STATUSES)
        self.filters["status"] = order[(order.index(self.filters["status"]) + 1) % len(order)]
        self._show_filters()
        self.refilter(at_once=True)

    def action_pick(self, name: str) -> None:
        """Choose the bank or topic to show, each with its number of entries."""
        from quizapp.tui.screens.picker import PickScreen

        counts = Counter(e.bank if name == "bank" else e.topic for e in self.rows)
        choices = [(f"any {name}", ""), *((f"{v} ({n})", v) for v, n in sorted(counts.items()))]

        def picked(value: str | None) -> None:
            if value is not None:
                self.filters[name] = value
                self._show_filters()
                self.refilter(at_once=True)

        self.app.push_screen(
            PickScreen(f"Show only the entries of one {name}", choices, self.filters[name]), picked
        )

    def on_click(self, event: events.Click) -> None:
        """A click on a filter changes it as its key does."""
        widget = event.widget
        name = widget.id.removeprefix("nb-") if widget is not None and widget.id else ""
        if name == "status":
            self.action_cycle_status()
        elif name in ("bank", "topic"):
            self.action_pick(name)

    def on_row_list_selected(self, _event: RowList.Selected) -> None:
        """Enter on an entry edits its note."""
        self.action_note()

    def _replace(self, entry: Entry, what: str) -> None:
        """Store the changed entry; a failing database leaves it as it was, and says so."""
        try:
            self.context.study.save(entry)
        except Exception as exc:
            self.notify(failed(exc, what), severity="error", markup=False)
            return
        self.load()

    def _sheet(self, key: str) -> Sheet | None:
        """The whole entry (misses included) with its validated question."""
        entry = self.context.study.entry(key)
        if entry is None:
            return None
        item = self.context.library.questions.get(key)
        return Sheet(entry, item.question if item is not None else None)

    def _full(self) -> Entry | None:
        """The highlighted entry, misses and all."""
        row = self.current()
        return self.context.study.entry(row.key) if row is not None else None

    def action_note(self) -> None:
        """Edit the highlighted entry's note."""
        entry = self._full()
        if entry is None:
            return

        def save(text: str) -> None:
            self.context.study.save(notebook.with_note(entry, text))

        def saved(text: str | None) -> None:
            if text is not None:
                self.load()

        self.app.push_screen(NoteScreen(entry.note, save), saved)

    def action_toggle_mastered(self) -> None:
        """Mark the highlighted entry mastered, or active again."""
        e = self._full()
        if e is None:
            return
        if e.status == "active":
            self._replace(notebook.master(e), "The change to mastered could not be saved")
        else:
            self._replace(
                notebook.unmaster(e, self.context.clock()),
                "The change to active could not be saved",
            )

    def action_delete(self) -> None:
        """Delete the highlighted entry (after asking)."""
        from quizapp.tui.screens.confirm import ConfirmScreen

        row = self.current()
        if row is None:
            return
        key = row.key

        def done(yes: bool | None) -> None:
            if yes:
                try:
                    self.context.study.delete(key)
                except Exception as exc:
                    self.notify(
                        failed(exc, "The deletion could not be saved"),
                        severity="error",
                        markup=False,
                    )
                    return
                self.load()

        self.app.push_screen(ConfirmScreen(f"Delete the notebook entry for {key}?"), done)

    def action_drill(self) -> None:
        """Drill the entries that are due now."""
        from quizapp.tui.screens.exam import open_drill

        open_drill(self, self.service)

    def action_cram(self) -> None:
        """Drill the weakest entries (of the topic picked, if one is), due or not; the
        schedules stay as they are."""
        from quizapp.service.owners import AttemptInUseError
        from quizapp.tui.screens.exam import ExamScreen

        topic = self.filters["topic"] or None
        try:
            attempt = self.service.cram(topic=topic)
        except AttemptInUseError as exc:
            self.notify(f"{str(exc).capitalize()}.", severity="warning", markup=False)
            return
        except Exception as exc:
            self.notify(failed(exc, "The cram could not start"), severity="error", markup=False)
            return
        if attempt is None:
            self.notify("No active notebook entry to cram.")
            return
        self.app.push_screen(ExamScreen(attempt, self.service))

    def action_export(self) -> None:
        """Write the entries shown (filters and search applied) where the user says."""
        from quizapp.tui.screens.export import ExportScreen, default_target

        keys = {e.key for e in self.shown}
        now = self.context.clock()
        default = default_target(self.context.data_dir, now)

        def written(said: str | None) -> None:
            if said is not None:
                self.notify(said, markup=False)

        def write(target: Path) -> str:
            return self._export(target, keys, now)

        self.app.push_screen(ExportScreen(default, len(keys), write), written)

    def _export(self, target: Path, keys: set[str], now: datetime) -> str:
        """Write the entries to ``target`` whole (raises OSError); what to say once done."""
        from quizapp.files import write_output
        from quizapp.tui.screens.export import format_of

        entries = [e for e in self.context.study.entries() if e.key in keys]
        if target.parent == self.context.data_dir / "exports":  # the default folder
            target.parent.mkdir(exist_ok=True, mode=0o700)
        sheets = build_sheets(entries, self.context.library, now)
        write_output(target, render(sheets, format_of(target), now))
        shown = visible(str(target), one_line=True)
        return f"Wrote {plural(len(entries), 'entry', 'entries')} to {shown}"

    def action_search(self) -> None:
        """Jump to the search box."""
        self.query_one("#nb-search", Input).focus()

    def on_screen_resume(self) -> None:
        """Back from a drill: the schedule moved (the first showing has just loaded)."""
        if self._resumed:
            self.load()
            # Drawn while the screen came back, the detail keeps its old height: draw it again.
            self.call_after_refresh(self._redraw_detail)
        self._resumed = True

    def _redraw_detail(self) -> None:
        # A drill's results close this screen (they show over home) before the refresh.
        if self.query("#nb-table"):
            self.show_detail()

    def on_unmount(self) -> None:
        """Let go of the rows at once: a closed screen waits for the cyclic collector, and
        ten thousand rows held by it made each later collection walk them all."""
        self.rows = self.shown = []  # the list lets go of its own copy likewise
        self._haystacks = None

    def action_back(self) -> None:
        """Back to the home screen; in the search box, clear the search and go to the list."""
        search = self.query_one("#nb-search", Input)
        if search.has_focus:
            search.value = ""
            self.refilter(at_once=True)
            self.query_one("#nb-table", RowList).focus()
            return
        self.dismiss()
