"""What every importer returns: question drafts, skipped items and notes, plus text hygiene."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizapp.core.text import CONTROLS


class ImportFormatError(ValueError):
    """The text cannot be read in the requested format at all (nothing to convert)."""


@dataclass(slots=True)
class DraftChoice:
    """One option as the source gave it."""

    text: str
    correct: bool = False
    why: str | None = None


@dataclass(slots=True)
class Reference:
    """A link found in the source."""

    url: str
    title: str | None = None


@dataclass(slots=True)
class Draft:
    """A question as read from the source, before ids, topics and checks are settled."""

    line: int
    prompt: str
    choices: list[DraftChoice] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    explanation: str | None = None
    references: list[Reference] = field(default_factory=list)
    topic: str | None = None
    domain: str | None = None
    difficulty: str | None = None
    source_id: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An item of the source that was not converted, and why."""

    line: int
    why: str


@dataclass(frozen=True, slots=True)
class Note:
    """Something the report should say about a converted question (it is still converted)."""

    line: int
    message: str


@dataclass(slots=True)
class Parsed:
    """The outcome of one importer on one text."""

    questions: list[Draft] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    title: str | None = None


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading BOM is dropped."""
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


# Character classes stop at the next opener ("[", "<", "("), so a long run of unclosed
# openers costs linear time instead of a rescan from each one (untrusted text).
_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\([ \t]*<?([^()\s<>]*)>?(?:[ \t]+\"[^\"\n]*\")?[ \t]*\)")
_HTML_IMAGE = re.compile(r"<img\b[^<>]*?\bsrc\s*=\s*[\"']?([^\"'\s<>]+)[^<>]*>", re.IGNORECASE)


def image_placeholders(text: str) -> str:
    """Images become visible text naming their path: quizapp never fetches or shows them."""
    if "![" in text:
        text = _IMAGE.sub(lambda m: f"*(image: {m.group(2) or m.group(1) or 'no path'})*", text)
    if "<" in text:
        text = _HTML_IMAGE.sub(lambda m: f"*(image: {m.group(1)})*", text)
    return text


# Cc (C0, DEL, C1) other than tab and newline, lone surrogates, and the two non-characters
# YAML refuses; a regex, because a per-character loop costs more than the whole import.
_CONTROL = re.compile(f"[{CONTROLS}\ud800-\udfff\ufffe\uffff]")


def control_character(text: str) -> str | None:
    """The first control character other than tab and newline, as ``U+0007``, else None."""
    m = _CONTROL.search(text)
    return f"U+{ord(m.group(0)):04X}" if m else None


# Each pattern opens with a literal character and looks behind only after it: the regex engine
# then jumps from one "[" or "h" to the next instead of trying the look-behind at every position
# (ten times faster on a long file). "h" after none of "(<[" or a word character is a word start.
_LINK = re.compile(r"\[(?<!!\[)([^\[\]\n]+)\]\((https?://[^()\s]+)\)")
_BARE_URL = re.compile(r"h(?<![(<\[\w]h)ttps?://[^\s<>)\]]+")


def links(text: str) -> list[Reference]:
    """Links in ``text`` (Markdown ``[title](url)`` or bare URLs), each once, in order."""
    found: list[Reference] = []
    if "http" not in text:
        return found  # both kinds hold it: the fast filter
    seen: set[str] = set()
    for m in _LINK.finditer(text):
        title, url = m.groups()
        if url not in seen:
            seen.add(url)
            found.append(Reference(url, title.strip() or None))
    bare = _LINK.sub("", text) if found else text
    for m in _BARE_URL.finditer(bare) if "http" in bare else ():
        url = m.group(0).rstrip(".,;:")
        if url not in seen:
            seen.add(url)
            found.append(Reference(url))
    return found


_LETTERS_RUN = re.compile(r"[A-J](?:\s*(?:,|&|/|\band\b)?\s*[A-J])*(?![A-Za-z0-9])", re.IGNORECASE)


def answer_letters(text: str) -> list[str] | None:
    """``B, E``, ``AC``, ``A,B``, ``bcd`` -> letters in order; None when ``text`` holds none."""
    m = _LETTERS_RUN.match(" ".join(text.split())[:100])  # bounded: the pattern backtracks
    if m is None:
        return None
    return [
        c.upper() for c in re.sub(r"\band\b", "", m.group(0), flags=re.IGNORECASE) if c.isalpha()
    ]
