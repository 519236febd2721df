"""One line of parts that gives way, least important first, to fit its width unsplit."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.cells import cell_len, set_cell_size
from rich.text import Text

WIDE, NARROW = "  ·  ", " · "
MIN_ELASTIC = 10  # an elastic part cut shorter than this says nothing: it goes instead


@dataclass(frozen=True, slots=True)
class Part:
    """A piece of the line: ``rank`` 0 never gives way, higher ranks give way first.

    A part that gives way shows ``short`` instead, or goes when it has none; an ``elastic``
    part (a title) is cut with an ellipsis to the room left before anything else gives way.
    """

    text: str
    style: str = ""
    rank: int = 0
    short: str | None = None
    elastic: bool = False


def fit_line(parts: list[Part], width: int) -> Text:
    """``parts`` joined by dots, made to fit ``width`` cells without splitting any part."""
    shown = [p for p in parts if p.text]
    for sep in (WIDE, NARROW):
        if _width(shown, sep) <= width:
            return _join(shown, sep)
    sep = NARROW
    for elastic in [p for p in shown if p.elastic]:
        room = width - _width([p for p in shown if p is not elastic], sep) - cell_len(sep)
        at = shown.index(elastic)
        if room >= MIN_ELASTIC:
            shown[at] = replace(elastic, text=set_cell_size(elastic.text, room - 1) + "…")
            return _join(shown, sep)
        del shown[at]
        if _width(shown, sep) <= width:
            return _join(shown, sep)
    for _ in range(2):  # shortened first; still too wide, the shortened go too
        for rank in sorted({p.rank for p in shown if p.rank}, reverse=True):
            for part in [p for p in shown if p.rank == rank]:
                at = shown.index(part)
                if part.short:
                    shown[at] = replace(part, text=part.short, short=None)
                else:
                    del shown[at]
                if _width(shown, sep) <= width:
                    return _join(shown, sep)
    return _join(shown, sep)


def _width(parts: list[Part], sep: str) -> int:
    return sum(cell_len(p.text) for p in parts) + cell_len(sep) * max(len(parts) - 1, 0)


def _join(parts: list[Part], sep: str) -> Text:
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    for n, part in enumerate(parts):
        if n:
            line.append(sep)
        line.append(part.text, style=part.style)
    return line
