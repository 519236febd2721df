"""A small YAML writer for bank data: literal blocks for multi-line text, quotes when needed."""

from __future__ import annotations

import re
from json.encoder import encode_basestring
from typing import Any

# PyYAML's dumper runs its representer in Python and took most of an import's time; bank data
# is only mappings, lists, strings and booleans, so this writes exactly that. Every text is
# either a plain scalar that cannot mean anything else, a literal block, or a JSON string
# (a valid YAML double-quoted scalar); the importer proves the result through the loader.
_PLAIN = re.compile(r"[A-Za-z][\w .,;()?/'+=-]*", re.ASCII)
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
_BREAKS = ("\u2028", "\u2029", "\x85", "\r")
_BREAK = re.compile("[\u2028\u2029\x85\r]")


def dump(data: dict[str, Any]) -> str:
    """YAML text for ``data`` (keys in their order)."""
    out: list[str] = []
    _mapping(data, 0, out, "")
    return "\n".join(out) + "\n"


# The walk tests exact classes (the data is built by the importer: plain dicts, lists and
# strings), strings first: they are most of the values.
def _mapping(data: dict[str, Any], indent: int, out: list[str], lead: str) -> None:
    """``lead`` opens the first line (``- `` for a mapping in a list); the rest get ``pad``."""
    pad = " " * indent
    lead = lead or pad
    for key, value in data.items():
        cls = value.__class__
        if cls is str:
            out.append(f"{lead}{key}: {_text(value, indent + 2)}")
        elif cls is dict:
            out.append(f"{lead}{key}:")
            _mapping(value, indent + 2, out, "")
        elif cls is list or cls is tuple:
            if value:
                out.append(f"{lead}{key}:")
                _sequence(value, indent, out)
            else:
                out.append(f"{lead}{key}: []")
        else:
            out.append(f"{lead}{key}: {_scalar(value, indent + 2)}")
        lead = pad


def _sequence(items: list[Any] | tuple[Any, ...], indent: int, out: list[str]) -> None:
    pad = " " * indent
    dash = f"{pad}- "
    for item in items:
        cls = item.__class__
        if cls is str:
            out.append(f"{dash}{_text(item, indent + 2)}")
        elif cls is dict:
            _mapping(item, indent + 2, out, dash)
        else:
            out.append(f"{dash}{_scalar(item, indent + 2)}")


def _scalar(value: Any, indent: int) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if not isinstance(value, str):
        raise TypeError(f"cannot write {type(value).__name__} as bank text")
    return _text(value, indent)


def _text(value: str, indent: int) -> str:
    if "\n" in value and _literal_ok(value):
        pad = " " * indent
        chomp = "-" if not value.endswith("\n") else ""
        body = value[:-1] if value.endswith("\n") else value
        lines = [f"{pad}{line}" if line else "" for line in body.split("\n")]
        return f"|{chomp}\n" + "\n".join(lines)
    if _PLAIN.fullmatch(value) and value[-1] != " " and value.lower() not in _YAML11_WORDS:
        return value
    text: str = encode_basestring(value)  # what json.dumps(ensure_ascii=False) writes
    # YAML reads these as line breaks inside quotes; JSON leaves them raw.
    return _BREAK.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) if _BREAK.search(text) else text


def _literal_ok(value: str) -> bool:
    """A literal block keeps the text exactly only without these edge cases."""
    if value.startswith((" ", "\n")) or value.endswith("\n\n") or any(b in value for b in _BREAKS):
        return False
    return not any(
        line != line.rstrip(" \t") or line.startswith("\t") for line in value.split("\n")
    )
