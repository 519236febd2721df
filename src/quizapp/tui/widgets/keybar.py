"""The key bar: the screen's keys on one line; clicking a key presses it."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    """One line listing the active keys, like Textual's Footer.

    The Footer mounts a widget per key and restyles each, which made it the costliest
    part of drawing a screen; this draws the same information as a single line of text.
    """

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    KeyBar > .keybar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .keybar--disabled {
        color: $text-disabled;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"keybar--key", "keybar--disabled"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: list[tuple[str, str, str, bool]] = []
        self._spans: list[tuple[int, int, str]] = []  # cells each key covers, for clicks

    def on_mount(self) -> None:
        """Follow the screen's bindings (focus changes them)."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        """Stop following the screen."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        keys: list[tuple[str, str, str, bool]] = []
        seen: set[str] = set()
        palette = None
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.action in seen:
                continue  # one entry per action, under its first key (as the Footer does)
            seen.add(binding.action)
            entry = (binding.key, self.app.get_key_display(binding), binding.description)
            if binding.key == self.app.COMMAND_PALETTE_BINDING and self.app.ENABLE_COMMAND_PALETTE:
                palette = (*entry, active.enabled)
            elif binding.show:
                keys.append((*entry, active.enabled))
        if palette is not None:
            keys.append(palette)
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    def render(self) -> Text:
        """Each key in the key style, then what it does.

        The command palette's key goes last. A key that has no room left is left out
        whole rather than cut mid-word (the screen lists its keys first that matter most).
        """
        key_style = self.get_component_rich_style("keybar--key")
        disabled = self.get_component_rich_style("keybar--disabled")
        line = Text(no_wrap=True, overflow="crop", end="")
        self._spans = []
        for key, display, description, enabled in self._keys:
            room = self.size.width - line.cell_len
            if cell_len(display) + cell_len(description) + 2 > room:
                break
            start = line.cell_len
            line.append(f" {display} ", key_style if enabled else disabled)
            line.append(description, None if enabled else disabled)
            self._spans.append((start, line.cell_len, key))
            line.append(" ")
        return line

    def on_click(self, event: events.Click) -> None:
        """A click on a key acts as pressing it."""
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
