"""Key press to last repainted frame, timed inside a Pilot session.

Pilot's ``pause`` waits for the process to go idle in steps of about 20 ms, so timing
``press`` + ``pause`` measures the app's work rounded up to that step, plus the harness.
Recording when the app hands each finished frame to the driver gives the app's own time.
"""

from __future__ import annotations

import time
from typing import Any


class FrameClock:
    """Notes the time of every frame an app draws (headless apps render frames too)."""

    def __init__(self, app: Any) -> None:
        self.last = 0.0
        display = app._display  # the single place a rendered frame goes to the terminal

        def timed_display(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None:
                self.last = time.perf_counter()

        app._display = timed_display

    async def key_to_frame(self, pilot: Any, *keys: str) -> tuple[float, float]:
        """(press to the last frame drawn for it, press + pause as the harness sees it)."""
        self.last = 0.0
        start = time.perf_counter()
        await pilot.press(*keys)
        await pilot.pause()
        end = time.perf_counter()
        return (max(0.0, self.last - start), end - start)
