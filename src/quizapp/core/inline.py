"""Inline Markdown in one-line texts (choices, list rows): code spans found, emphasis removed."""

from __future__ import annotations

import re

# A code span: a run of backticks, then text, then the same run (CommonMark's rule, simplified).
_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)")


def code_spans(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into pieces, each marked True when it is inline code (backticks dropped).

    An unmatched backtick stays as written.
    """
    out: list[tuple[str, bool]] = []
    at = 0
    for found in _CODE.finditer(text):
        if found.start() > at:
            out.append((text[at : found.start()], False))
        code = found.group(2)
        if code.startswith(" ") and code.endswith(" ") and code.strip():
            code = code[1:-1]  # `` `x` `` shows `x`: one space each side is padding
        out.append((code, True))
        at = found.end()
    if at < len(text):
        out.append((text[at:], False))
    return out


def plain_code(text: str) -> str:
    """``text`` as the exam screen shows a choice, in plain text: code spans without their
    backticks, everything else (emphasis, a lone backtick) as written."""
    return "".join(piece for piece, _ in code_spans(text))


def plain_inline(text: str) -> str:
    """``text`` without its emphasis and code marks: ``**S3**`` and `` `s3:GetObject` ``."""
    pieces = []
    for piece, code in code_spans(text):
        pieces.append(piece if code else _EMPHASIS.sub(_unmark, piece))
    return "".join(pieces)


def _unmark(found: re.Match[str]) -> str:
    return found.group(2) if found.group(2) is not None else found.group(3)
