"""Durations as a person reads them on a countdown."""

from __future__ import annotations


def clock(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a number of seconds."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
