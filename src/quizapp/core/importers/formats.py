"""The import formats by name, and how ``--from auto`` picks one from a file's name and text."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath

from quizapp.core.importers.aiken import parse_aiken
from quizapp.core.importers.draft import Parsed
from quizapp.core.importers.gift import parse_gift
from quizapp.core.importers.markdown import parse_markdown
from quizapp.core.importers.spreadsheet import parse_csv

IMPORTERS: dict[str, Callable[[str], Parsed]] = {
    "markdown": parse_markdown,
    "aiken": parse_aiken,
    "gift": parse_gift,
    "csv": parse_csv,
}
_EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".gift": "gift",
    ".csv": "csv",
    ".tsv": "csv",
    ".aiken": "aiken",
}
_CHECKBOX = re.compile(r"^[ \t]*[-*+][ \t]+\[[ xX]\][ \t]", re.MULTILINE)
_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
_AIKEN = re.compile(r"^ANSWER[ \t]*:[ \t]*[A-Za-z][ \t]*$", re.MULTILINE)
_GIFT = re.compile(
    r"^[ \t]*(?:::[^\n]*?::|\$CATEGORY:)|\{\s*(?:[=~]|T\b|F\b|TRUE\b|FALSE\b)", re.MULTILINE
)
_CSV_HEAD = re.compile(r"\b(?:question|prompt)\b", re.IGNORECASE)


def detect(name: str, text: str) -> tuple[str, str]:
    """The format of a file and why it was chosen (``("gift", "its extension .gift")``)."""
    suffix = PurePath(name).suffix.lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix], f"its extension {suffix}"
    head = text[:65536]
    if _CHECKBOX.search(head) or _HEADING.search(head):
        return "markdown", "its Markdown headings and checkboxes"
    if _AIKEN.search(head):
        return "aiken", "its ANSWER: lines"
    if _GIFT.search(head):
        return "gift", "its GIFT answer blocks"
    first = head.removeprefix("\ufeff").split("\n", 1)[0]
    if _CSV_HEAD.search(first) and any(d in first for d in ",;\t"):
        return "csv", "its header row"
    return "markdown", "nothing else matched"
