"""Time as the exam shows it, in the TUI and in plain mode alike."""

from __future__ import annotations


def clock(seconds: float, minutes: int | None = None) -> str:
    """``m:ss``, or ``h:mm:ss`` from an hour on (a 130-minute exam starts at 2:10:00).

    ``minutes`` is the exam's time limit: an exam of an hour or more shows every time of it as
    ``h:mm:ss`` (``0:01:31 used`` beside ``1:28:29 left``), so the two never read alike.
    """
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    mins, secs = divmod(rest, 60)
    if hours or (minutes or 0) >= 60:
        return f"{hours}:{mins:02d}:{secs:02d}"
    return f"{mins}:{secs:02d}"
