"""How an imported bank names its source in its header, so the app can show where it came from."""

from __future__ import annotations

SOURCE_PREFIX = "# Imported by quizapp import from: "


def source_line(names: str, kind: str) -> str:
    """The header line naming the source files and their format."""
    return f"{SOURCE_PREFIX}{names} ({kind})"


def imported_source(head: str) -> str | None:
    """The source named in a bank file's first lines (``clf.md (Markdown)``), if imported."""
    for line in head.split("\n")[:5]:
        if line.startswith(SOURCE_PREFIX):
            return line[len(SOURCE_PREFIX) :].strip() or None
    return None
