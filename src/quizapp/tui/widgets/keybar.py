"""The key bar: the screen's keys on one line; clicking a key presses it."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

HELP_KEY = "question_mark"


def _shown(screen: Screen[object], key: str, binding: Binding) -> Binding:
    """The binding the bar shows for ``key``: the screen's own when a focused widget hides it.

    A focused list binds ``enter`` to choose its row, unshown; the screen's binding says what
    choosing does ("Open question", "Note"), and pressing the key reaches it through the list.
    """
    if binding.show:
        return binding
    bound = screen._bindings.key_to_bindings
    if any(own is binding for own in bound.get(key, [])):
        return binding  # the screen's own choice (say r with nothing to resume): kept unshown
    for own in bound.get(key, []):
        others = (b for k, bs in bound.items() if k != key for b in bs)
        if own.show and own.description and all(b.action != own.action for b in others):
            return own  # (an action with another key of its own is shown under that key)
    return binding


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
        trailing: list[tuple[str, str, str, bool]] = []
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = _shown(screen, key, active.binding)
            if binding.action in seen:
                continue  # one entry per action, under its first key (as the Footer does)
            seen.add(binding.action)
            entry = (binding.key, self.app.get_key_display(binding), binding.description)
            if binding.key in self._trailing_keys():
                trailing.append((*entry, active.enabled))
            elif binding.show:
                keys.append((*entry, active.enabled))
        keys += sorted(trailing, key=lambda k: self._trailing_keys().index(k[0]))
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    def _trailing_keys(self) -> tuple[str, ...]:
        """Help and the command palette: last, and only when the line has room."""
        palette = (self.app.COMMAND_PALETTE_BINDING,) if self.app.ENABLE_COMMAND_PALETTE else ()
        return (HELP_KEY, *palette)

    def render(self) -> Text:
        """Each key in the key style, then what it does.

        Help and the command palette's key go last. A key that has no room left is left out
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
