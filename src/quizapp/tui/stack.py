"""Moves on the screen stack that more than one screen makes."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen


def show_over_home(app: App[None], screen: Screen[None]) -> None:
    """Close every screen above home (an exam, its overlays), then show ``screen``.

    Not awaited: this can run inside a modal's dismiss callback, and waiting there for the
    pops to finish can stall the message loop that has to finish them.
    """
    from quizapp.tui.screens.home import HomeScreen

    while len(app.screen_stack) > 1 and not isinstance(app.screen, HomeScreen):
        app.pop_screen()
    app.push_screen(screen)


def show_in_place_of(app: App[None], started: Screen[Any], screen: Screen[None]) -> None:
    """Close ``started`` and every screen above it, then show ``screen`` where it was: the
    results of a session go back (on escape) to the screen the session was started from.

    Not awaited, as :func:`show_over_home`.
    """
    stack = app.screen_stack
    if started not in stack or stack.index(started) == 0:
        show_over_home(app, screen)
        return
    below = stack[stack.index(started) - 1]
    while len(app.screen_stack) > 1 and app.screen is not below:
        app.pop_screen()
    app.push_screen(screen)
