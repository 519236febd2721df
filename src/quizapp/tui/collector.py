"""The garbage collector in an interactive app: skip walking what lives as long as the app."""

from __future__ import annotations

import gc

from quizapp.core.collector import paused

__all__ = ["freeze_long_lived", "paused", "thaw"]


def freeze_long_lived() -> None:
    """Move every object so far out of the collector's sight (the loaded library above all).

    Refcounting still frees them; only the cyclic collector stops walking them, which with a
    big library meant pauses of over 100 ms in the middle of opening a screen.
    """
    gc.freeze()


def thaw() -> None:
    """Let the collector see everything again (when the app ends; tests run many apps)."""
    gc.unfreeze()
