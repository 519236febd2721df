"""A DataTable whose rows open on one click, as they do on enter."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len, set_cell_size
from textual import events
from textual.coordinate import Coordinate
from textual.widgets import DataTable


class OpenTable(DataTable[Any]):
    """DataTable selects a row on a second click only; here the first click opens it too."""

    async def _on_click(self, event: events.Click) -> None:
        # Textual runs DataTable's own handler after this one: with the cursor already on the
        # clicked cell, it takes the click for one on the highlighted row and selects it.
        meta = event.style.meta
        row, column = meta.get("row", -1), meta.get("column", -1)
        if self.cursor_type == "row" and row >= 0 and column >= 0:
            self.cursor_coordinate = Coordinate(row, column)


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, so no column runs off the screen."""
    return text if cell_len(text) <= width else set_cell_size(text, max(0, width - 1)) + "…"
