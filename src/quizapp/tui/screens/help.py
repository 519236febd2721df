"""The help screen: every key of the screen below it and what it does, from its bindings."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from quizapp.tui.widgets.keybar import KeyBar

#: ``?`` on a modal screen: a modal stops the app's own bindings, so each modal binds it itself.
HELP_BINDING = Binding("question_mark", "app.help", "Help")

# Sideways scrolling (nothing in quizapp is wider than its screen), and Textual's focus and
# copy keys: a user of quizapp needs none of them, and they pushed the screen's own keys off.
_NOISE = frozenset(
    {"scroll_left", "scroll_right", "page_left", "page_right"}
    | {"focus_next", "focus_previous", "copy_text"}
)
# A scrolling widget's keys, one row in words rather than Textual's "Scroll Home", "Page Up".
_SCROLL = frozenset(
    {"scroll_up", "scroll_down", "scroll_home", "scroll_end", "page_up", "page_down"}
)
SCROLL_ROW = "Scroll the text"


def help_rows(screen: Screen[object]) -> list[tuple[str, str]]:
    """Each action the screen's keys reach: its own bindings first, then the focused widget's
    and the app's for keys the screen leaves to them.

    Built from the live bindings, so it cannot drift from them: keys for one action (or one
    ``Binding.Group``) share a row.
    """
    chain = screen._modal_binding_chain
    ordered = [(n, b) for n, b in chain if n is screen] + [
        (n, b) for n, b in chain if n is not screen
    ]
    rows: dict[object, tuple[list[str], str]] = {}
    taken: set[str] = set()
    for n, bindings in ordered:
        for key, binding in bindings:
            action = binding.action.rsplit(".", 1)[-1]
            if key in taken or binding.system or action in _NOISE:
                continue
            taken.add(key)
            if not _listed(screen, binding.action):
                continue
            what = binding.tooltip or binding.description
            if not what:
                continue
            group: object = binding.group
            if binding.group is not None:
                what = binding.group.description
            elif action in _SCROLL and n is not screen:
                group, what = SCROLL_ROW, SCROLL_ROW
            keys, _ = rows.setdefault(group or binding.action, ([], what))
            shown = screen.app.get_key_display(binding)
            if shown not in keys:
                keys.append(shown)
    return [(_runs(keys), what) for keys, what in rows.values()]


def _listed(screen: Screen[object], action: str) -> bool:
    """False for a key the screen says does nothing where it stands (its ``in_help``)."""
    in_help = getattr(screen, "in_help", None)
    return in_help is None or bool(in_help(action))


def _runs(keys: list[str]) -> str:
    """``a b c d`` as ``a…d``: runs of three or more letters or digits in a row."""
    out: list[list[str]] = []
    for key in keys:
        run = out[-1] if out else None
        if run and len(key) == 1 and len(run[-1]) == 1 and ord(key) == ord(run[-1]) + 1:
            run.append(key)
        else:
            out.append([key])
    return " ".join(f"{r[0]}…{r[-1]}" if len(r) >= 3 else " ".join(r) for r in out)


def help_table(rows: Iterable[tuple[str, str]], extra: Sequence[str] = ()) -> Group:
    """The rows as two columns, keys in bold, then the extra lines across the width."""
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="bold", max_width=30)
    table.add_column(ratio=1)
    for keys, what in rows:
        table.add_row(Text(keys), Text(what))
    return Group(table, *(Text(line, style="italic") for line in extra))


# On the frame's bottom edge: words, not only a scrollbar (invisible in monochrome).
MORE_BELOW = "▼ more below: ↓ PgDn End"
MORE_ABOVE = "▲ more above: ↑ PgUp Home"


class HelpScreen(ModalScreen[None]):
    """The keys of one screen; ``escape`` or ``?`` closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $panel;
        padding: 0 1;
    }
    HelpScreen #help-title { text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close help"),
    ]

    def __init__(self, title: str, rows: list[tuple[str, str]], extra: Sequence[str] = ()) -> None:
        super().__init__()
        self.title_text = title
        self.rows = rows
        self.extra = list(extra)

    def compose(self) -> ComposeResult:
        """Title, the keys, and how to close."""
        with VerticalScroll():
            yield Static(Text(f"Keys: {self.title_text}"), id="help-title")
            yield Static(help_table(self.rows, self.extra), id="help-keys")
            yield Static(Text("escape or ? closes this help", style="dim"))
        yield KeyBar()

    def on_mount(self) -> None:
        """Say on the frame when more keys are out of view, and which keys bring them."""
        box = self.query_one(VerticalScroll)
        self.watch(box, "scroll_y", self._more, init=False)
        self.watch(box, "virtual_size", self._more)

    def _more(self) -> None:
        box = self.query_one(VerticalScroll)
        if box.max_scroll_y <= 0:
            box.border_subtitle = ""
        elif round(box.scroll_y) < box.max_scroll_y:  # an animated scroll ends on a float
            box.border_subtitle = MORE_BELOW
        else:
            box.border_subtitle = MORE_ABOVE

    def on_resize(self) -> None:
        """A taller or shorter terminal changes whether it all fits."""
        self._more()

    def action_close(self) -> None:
        """Back to the screen the help is for."""
        self.dismiss(None)


def open_help(screen: Screen[object]) -> None:
    """Show the help for ``screen`` over it (or close it when the help is what is shown)."""
    if isinstance(screen, HelpScreen):
        screen.dismiss(None)
        return
    name = type(screen).__name__.removesuffix("Screen")
    title = getattr(screen, "HELP_TITLE", "") or re.sub(r"(?<!^)([A-Z])", r" \1", name).capitalize()
    extra: Sequence[str] = getattr(screen, "HELP_EXTRA", ())
    screen.app.push_screen(HelpScreen(title, help_rows(screen), extra))
