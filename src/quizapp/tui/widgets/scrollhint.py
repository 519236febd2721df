"""A line under a scrolling part that says more is hidden there and which keys scroll it."""

from __future__ import annotations

from rich.text import Text
from textual.containers import ScrollableContainer
from textual.widgets import Static

BELOW = "▼ More below: PgDn scrolls down, PgUp back up"
ABOVE = "▲ More above: PgUp or Home scrolls back up"


class ScrollHint(Static):
    """Shown only while ``target`` has more than fits; says in words which way the rest is.

    A scrollbar alone is easy to miss and invisible in monochrome.
    """

    DEFAULT_CSS = """
    ScrollHint { height: 1; padding: 0 1; color: $text-muted; display: none; }
    """

    def __init__(self, target: ScrollableContainer, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.target = target

    def on_mount(self) -> None:
        """Follow the target's scrolling and size."""
        self.watch(self.target, "scroll_y", self.sync, init=False)
        self.watch(self.target, "virtual_size", self.sync)

    def sync(self) -> None:
        """Show or hide the line for where the target is scrolled now (call it on resize)."""
        target = self.target
        # Shown once the target overflows, kept while it does: a row less cannot make it fit.
        self.display = target.max_scroll_y > 0
        if self.display:
            self.update(Text(BELOW if round(target.scroll_y) < target.max_scroll_y else ABOVE))
