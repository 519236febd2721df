"""A scrolling list of text rows in columns that draws only the rows in view."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from quizapp.core.text import visible

# Cells are shown as plain text on one line: tabs and newlines would break the line.
_FLAT = dict.fromkeys([*range(32), 127], " ")


class RowList(ScrollView, can_focus=True):
    """Items shown as rows of plain-text cells under a header, with a cursor.

    Unlike a DataTable it keeps no widget or rendering per row: a frame asks ``cells`` for
    the rows in view only, so ten thousand rows cost what thirty do. Cell text is never
    markup.
    """

    DEFAULT_CSS = """
    RowList {
        background: $surface;
        overflow-x: hidden;
        & > .rowlist--header { text-style: bold; background: $panel; }
        & > .rowlist--even { background: $surface-lighten-1 50%; }
        &:dark > .rowlist--even { background: $surface-darken-1 40%; }
        & > .rowlist--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .rowlist--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"rowlist--header", "rowlist--even", "rowlist--cursor"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up a row", show=False),
        Binding("down", "move(1)", "Down a row", show=False),
        Binding("pageup", "page(-1)", "Up a page", show=False),
        Binding("pagedown", "page(1)", "Down a page", show=False),
        Binding("home", "move_to(0)", "First row", show=False),
        Binding("end", "move_to(-1)", "Last row", show=False),
        Binding("enter", "select", "Open the highlighted row", show=False),
    ]

    class Highlighted(Message):
        """The cursor moved to another row."""

        def __init__(self, row_list: RowList, index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

    class Selected(Message):
        """Enter was pressed on a row."""

        def __init__(self, row_list: RowList, index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

    def __init__(
        self,
        columns: Sequence[tuple[str, int | None]],
        cells: Callable[[Any], Sequence[str]],
        *,
        id: str | None = None,
        open_on_click: bool = False,
    ) -> None:
        """``columns``: each header and its width in cells (None: the room that is left);
        ``cells``: an item's cells, asked only when its row is drawn; ``open_on_click``: one
        click chooses a row (as enter does), not only a double click."""
        super().__init__(id=id)
        self.open_on_click = open_on_click
        self.columns = list(columns)
        self.cells = cells
        self.rows: Sequence[Any] = []
        self.cursor = 0

    # -- data ----------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show an item per row (the cursor goes back to the first)."""
        self.rows = rows
        self.cursor = 0
        self.virtual_size = Size(0, len(rows) + 1)  # rows fit the width: no sideways scroll
        self.scroll_to(y=0, animate=False)
        self.refresh()

    @property
    def row_count(self) -> int:
        """How many rows the list holds."""
        return len(self.rows)

    # -- moving ----------------------------------------------------------------------------------
    def move_cursor(self, index: int) -> None:
        """Put the cursor on row ``index`` (clamped) and scroll it into view."""
        if not self.rows:
            return
        index = max(0, min(index, len(self.rows) - 1))
        if index == self.cursor:
            return
        self.cursor = index
        view = self._view_height()
        top = round(self.scroll_offset.y)
        if index < top:
            self.scroll_to(y=index, animate=False)
        elif index >= top + view:
            self.scroll_to(y=index - view + 1, animate=False)
        self.refresh()
        self.post_message(self.Highlighted(self, index))

    def action_move(self, step: int) -> None:
        """Up or down one row."""
        self.move_cursor(self.cursor + step)

    def action_page(self, direction: int) -> None:
        """Up or down a screenful."""
        self.move_cursor(self.cursor + direction * max(1, self._view_height() - 1))

    def action_move_to(self, index: int) -> None:
        """To the first row (0) or the last (-1)."""
        self.move_cursor(index if index >= 0 else len(self.rows) - 1)

    def action_select(self) -> None:
        """Enter: the highlighted row is chosen."""
        if self.rows:
            self.post_message(self.Selected(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        """A click highlights the row under the pointer; a double click chooses it (a single
        one too with ``open_on_click``)."""
        if event.y < 1:
            return
        index = round(self.scroll_offset.y) + event.y - 1
        if index < len(self.rows):
            self.move_cursor(index)
            if event.chain == 2 or (self.open_on_click and event.chain == 1):
                self.action_select()

    def on_unmount(self) -> None:
        """Drop the items now rather than when the collector gets to a closed screen."""
        self.rows = []

    def on_focus(self) -> None:
        """The cursor is drawn brighter while the list has focus."""
        self.refresh()

    def on_blur(self) -> None:
        """Dimmer cursor without focus."""
        self.refresh()

    def _view_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)  # less the header

    # -- drawing ---------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        """The header on the first line, then the rows from the scroll position."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            cells: Sequence[str] = [name for name, _ in self.columns]
            style = base + self.get_component_rich_style("rowlist--header")
        else:
            index = round(self.scroll_offset.y) + y - 1
            if index >= len(self.rows):
                return Strip.blank(width, base)
            cells = self.cells(self.rows[index])
            style = base
            if index == self.cursor:
                style += self.get_component_rich_style("rowlist--cursor")
            elif index % 2:
                style += self.get_component_rich_style("rowlist--even")
        return Strip([Segment(self._line(cells, width), style)], width)

    def _line(self, cells: Sequence[str], width: int) -> str:
        fixed = sum(w for _, w in self.columns if w is not None) + len(self.columns)
        parts = []
        for (_, w), cell in zip(self.columns, cells, strict=False):
            size = w if w is not None else max(1, width - fixed)
            shown = visible(cell).translate(_FLAT)  # database text: ESC shows as \x1b
            if cell_len(shown) > size:  # cut text says so, as in every other table
                shown = set_cell_size(shown, max(size - 1, 0)) + "…"
            parts.append(set_cell_size(" " + shown, size + 1))
        return set_cell_size("".join(parts), width)
