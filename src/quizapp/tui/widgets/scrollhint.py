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
        self._said = ""  # the text shown, "" while hidden
        self._pending = False  # a read is queued for after the next refresh

    def on_mount(self) -> None:
        """Follow the target's scrolling and size."""
        self.watch(self.target, "scroll_y", self._later, init=False)
        self.watch(self.target, "virtual_size", self._later)

    def _later(self) -> None:
        # Read once the layout is done: inside the watcher the target's new virtual size sits
        # beside its old height, so the hint showed, the page shrank, it hid, the page grew...
        # a layout on every frame.
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._settled)

    def _settled(self) -> None:
        self._pending = False
        self.sync()

    def sync(self) -> None:
        """Show or hide the line for where the target is scrolled now (call it on resize)."""
        target = self.target
        shown = target.max_scroll_y > 0
        said = (BELOW if round(target.scroll_y) < target.max_scroll_y else ABOVE) if shown else ""
        # Only a change is written: each write lays the screen out again.
        if shown != self.display:
            self.display = shown
        if said and said != self._said:
            self.update(Text(said))
        self._said = said
