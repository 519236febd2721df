"""Names packed into a few lines of a width, each name whole, the rest counted ("and 4 more")."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size

INDENT = "  "  # continuation lines, under the head


def pack(head: str, names: Sequence[str], width: int, lines: int) -> list[str]:
    """``head`` and ``names`` (comma-separated) in at most ``lines`` lines of ``width`` cells.

    A name never breaks across lines (only one wider than a whole line is cut with "…");
    when they do not all fit, as many as fit come first and the last line says how many
    more there are.
    """
    laid = _lay(head, [*names], width)
    if len(laid) <= lines:
        return laid
    for shown in range(len(names) - 1, 0, -1):
        laid = _lay(head, [*names[:shown]], width, f"and {len(names) - shown} more")
        if len(laid) <= lines:
            return laid
    # Not even one name and the count: the first name is cut to leave the count room.
    more = f" and {len(names) - 1} more" if len(names) > 1 else ""
    room = max(1, width - cell_len(head) - 1 - cell_len(more))
    return [f"{head} {_cut(names[0], room)}{more}"] if names else [head]


def _lay(head: str, names: list[str], width: int, more: str = "") -> list[str]:
    pieces = [f"{name}," for name in names[:-1]] + names[-1:] + ([more] if more else [])
    out = [head]
    for piece in pieces:
        if cell_len(out[-1]) + 1 + cell_len(piece) <= width:
            out[-1] += " " + piece
        elif out[-1] == head:  # never the head alone: a name this long is cut to follow it
            out[-1] += " " + _cut(piece, width - cell_len(head) - 1)
        else:
            out.append(INDENT + _cut(piece, width - cell_len(INDENT)))
    return out


def _cut(text: str, room: int) -> str:
    """``text`` in ``room`` cells, cut with "…" when it is wider."""
    if cell_len(text) <= room:
        return text
    if text.endswith(","):  # the comma stays: the next name follows
        return _cut(text[:-1], room - 1) + ","
    return set_cell_size(text, max(0, room - 1)).rstrip() + "…"


def pack_two(
    first: tuple[str, Sequence[str]], second: tuple[str, Sequence[str]], width: int, room: int
) -> list[str]:
    """Two lists (a head and its names each) packed into ``room`` lines together.

    The second gets a third of the room (a line at least), the first what the second leaves;
    an empty list is left out.
    """
    (head, names), (head2, names2) = first, second
    out = pack(head2, names2, width, max(1, room // 3)) if names2 else []
    return (pack(head, names, width, max(1, room - len(out))) if names else []) + out
