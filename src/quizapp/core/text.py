"""Control characters in untrusted text, and how quizapp shows them: as visible escapes."""

from __future__ import annotations

import json
import re
from typing import Any

#: C0 controls except tab and newline, DEL and C1: what a terminal may run as a command.
CONTROLS = r"\x00-\x08\x0b-\x1f\x7f-\x9f"
_CONTROL = re.compile(f"[{CONTROLS}]")
_CONTROL_OR_BREAK = re.compile(f"[{CONTROLS}\\t\\n]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def first_control(text: str) -> str | None:
    """The first control character in ``text`` as ``U+001B``, or None."""
    found = _CONTROL.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def visible(text: str, *, one_line: bool = False) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``).

    ``one_line`` escapes tabs and newlines too, for values quoted in a one-line message.
    """
    pattern = _CONTROL_OR_BREAK if one_line else _CONTROL
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    return _NAMED.get(char) or f"\\x{ord(char):02x}"


def json_text(data: Any, *, indent: int | None = 2) -> str:
    """``data`` as JSON that holds no raw control character (DEL and C1 become ``\\u`` escapes)."""
    # json escapes C0 itself; with ensure_ascii off (readable Korean) DEL and C1 would pass raw.
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def plural(n: int, word: str) -> str:
    """``1 question``, ``2 questions`` (words whose plural adds an s)."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
