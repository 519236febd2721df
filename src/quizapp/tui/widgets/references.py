"""A question's references: each URL shown once and whole, as a terminal link when it is web."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from quizapp.core.text import visible

if TYPE_CHECKING:
    from quizapp.core.bank.models import Reference

# Only a plain web address becomes a link: no other scheme, no space, nothing a terminal's
# link sequence could mistake for its end (control characters are refused at load already).
_WEB = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f\\]+", re.IGNORECASE)


def link_style(url: str) -> Style | None:
    """The OSC 8 link style for ``url``, or None when it is not an http(s) address."""
    return Style(link=url) if _WEB.fullmatch(url) else None


def references_text(refs: Sequence[Reference]) -> Text:
    """ "References" and one line per reference: its title, then the address on a line of its own
    so it wraps only when it is wider than the screen (the link then covers every piece)."""
    out = Text("References", style="bold")
    for ref in refs:
        url = visible(ref.url, one_line=True)
        out.append("\n• ")
        if ref.title:
            out.append(visible(ref.title, one_line=True))
            out.append("\n  ")
        out.append(url, style=link_style(ref.url) or "")
    return out


def references_plain(refs: Sequence[Reference]) -> str:
    """What :func:`references_text` shows, as plain text."""
    return references_text(refs).plain
