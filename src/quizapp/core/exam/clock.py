"""Time as the exam shows it, in the TUI and in plain mode alike."""

from __future__ import annotations


def clock(seconds: float) -> str:
    """``m:ss``, or ``h:mm:ss`` from an hour on (a 130-minute exam starts at 2:10:00)."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
