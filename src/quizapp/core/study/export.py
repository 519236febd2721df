"""Notebook exports (SPEC §4.2): a Markdown study sheet, Anki-ready CSV and JSON."""

from __future__ import annotations

import csv
import io
import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from quizapp.core.bank.library import BankUnavailableError, Library
from quizapp.core.bank.models import Question
from quizapp.core.exam.selection import fingerprint
from quizapp.core.study.notebook import Entry, order_key
from quizapp.core.text import json_text, visible

Format = Literal["md", "csv", "json"]
LETTERS = string.ascii_uppercase


@dataclass(frozen=True, slots=True)
class Sheet:
    """One entry with its question (None when its bank is not loaded)."""

    entry: Entry
    question: Question | None

    @property
    def changed(self) -> bool:
        """The bank's question differs from the one missed."""
        return self.question is None or self.entry.changed(fingerprint(self.question))

    def texts(self, picked: Sequence[int]) -> list[str]:
        """What the user picked, as text (original indices → choice, step or match text)."""
        q = self.question
        if q is None:
            return [f"#{i + 1}" for i in picked]
        if q.choices:
            return [q.choices[i].text for i in picked if 0 <= i < len(q.choices)]
        if q.steps:
            return [q.steps[i] for i in picked if 0 <= i < len(q.steps)]
        if q.pairs:
            return [
                f"{q.pairs[n].prompt} → {q.pairs[i].match if i >= 0 else '?'}"
                for n, i in enumerate(picked)
                if n < len(q.pairs) and i < len(q.pairs)
            ]
        return []

    @property
    def answer(self) -> list[str]:
        """The right answer as text."""
        q = self.question
        if q is None:
            return []
        if q.choices:
            return [q.choices[i].text for i in q.correct]
        if q.steps:
            return list(q.steps)
        return [f"{p.prompt} → {p.match}" for p in q.pairs or ()]


def _iso(value: datetime | None) -> str | None:
    return value.replace(microsecond=0).isoformat() if value else None


def as_dict(sheet: Sheet) -> dict[str, Any]:
    """One JSON object per entry."""
    e, q = sheet.entry, sheet.question
    return {
        "key": e.key,
        "question": q.prompt.strip() if q else None,
        "bank": e.bank,
        "topic": e.topic,
        "status": e.status,
        "times_missed": e.times_missed,
        "times_right_since": e.times_right_since,
        "first_missed": _iso(e.first_missed),
        "last_missed": _iso(e.last_missed),
        "due": _iso(e.due),
        "picked": [{"choices": sheet.texts(m.picked), "at": _iso(m.at)} for m in e.misses],
        "answer": sheet.answer,
        "explanation": (q.explanation or "").strip() if q else None,
        "references": [r.url for r in q.references] if q else [],
        "note": e.note,
        "leech": e.leech,
        "question_changed": sheet.changed,
    }


def to_json(sheets: Sequence[Sheet]) -> str:
    """A JSON list, one object per entry."""
    return json_text([as_dict(s) for s in sheets]) + "\n"


def _front(sheet: Sheet) -> str:
    q = sheet.question
    if q is None:
        return sheet.entry.key
    lines = [q.prompt.strip()]
    if q.choices:
        lines += [f"{LETTERS[i]}. {c.text}" for i, c in enumerate(q.choices)]
    elif q.steps:
        lines.append("Put in order: " + " / ".join(sorted(q.steps)))
    elif q.pairs:
        lines.append("Match: " + " / ".join(p.prompt for p in q.pairs))
    return "\n".join(lines)


def _back(sheet: Sheet) -> str:
    q, e = sheet.question, sheet.entry
    lines = ["Answer: " + "; ".join(sheet.answer)]
    if e.misses:
        lines.append("You picked: " + "; ".join(sheet.texts(e.misses[-1].picked)))
    if q is not None:
        for c in q.choices or ():
            if c.why:
                lines.append(f"{c.text}: {c.why.strip()}")
        if q.explanation:
            lines.append(q.explanation.strip())
        lines += [r.url for r in q.references]
    if e.note:
        lines.append("My note: " + e.note)
    return "\n".join(lines)


def _cell(text: str) -> str:
    """A spreadsheet runs a cell starting with one of these as a formula: make it text."""
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


def _tag(text: str) -> str:
    """One tag: Anki splits tags on whitespace, so any run of it (newlines too) becomes ``_``."""
    return "_".join(text.split())


def to_csv(sheets: Sequence[Sheet]) -> str:
    """Front, back and tags columns, with the header lines Anki reads on import."""
    out = io.StringIO()
    out.write("#separator:comma\n#html:false\n#columns:Front,Back,Tags\n#tags column:3\n")
    writer = csv.writer(out, lineterminator="\n")
    for s in sheets:
        tags = ["quizapp", _tag(s.entry.bank), _tag(s.entry.topic)]
        if s.entry.leech:
            tags.append("leech")
        writer.writerow([_cell(_front(s)), _cell(_back(s)), _cell(" ".join(tags))])
    return out.getvalue()


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


_HEADING = re.compile(r"^( {0,3})(#|=+\s*$|-+\s*$)")  # ATX and setext heading lines
_TAG = re.compile(r"<(?=[A-Za-z/!?])")  # where raw HTML would begin


def _md_text(text: str) -> str:
    """Bank text for the Markdown sheet: its own formatting stays, headings and HTML do not.

    Fenced code blocks and inline code are left as written (Markdown shows them literally).
    """
    lines, fence = [], ""
    for line in text.split("\n"):
        marker = line.lstrip()[:3]
        if fence:
            fence = "" if marker == fence else fence
        elif marker in ("```", "~~~"):
            fence = marker
        else:
            line = _HEADING.sub(r"\1\\\2", line)
            parts = line.split("`")
            line = "`".join(p if i % 2 else _TAG.sub("&lt;", p) for i, p in enumerate(parts))
        lines.append(line)
    return "\n".join(lines)


def _md_inline(text: str) -> str:
    """A short field (topic, choice, note) on one line: a newline cannot start a heading."""
    return _md_text(" ".join(text.split()))


def entry_markdown(
    sheet: Sheet, now: datetime, *, heading: str = "###", references: bool = True
) -> str:
    """One entry in full: question, every wrong pick with dates, right answer, why, note.

    The notebook's detail pane and the Markdown study sheet both show entries this way; the
    pane draws the references itself (``references=False``), as links.
    """
    e, q = sheet.entry, sheet.question
    head = [f"{heading} {_md_inline(e.topic)} · {_md_inline(e.bank)}"]
    flags: list[str] = [e.status]
    if e.is_due(now):
        flags.append("due now")
    if e.leech:
        flags.append("**leech**: missed 4+ times, read the references before drilling again")
    if sheet.changed:
        flags.append("**question changed** in its bank since you missed it")
    head.append(" · ".join(flags))
    head.append(
        f"Missed {_times(e.times_missed)} · right {_times(e.times_right_since)} since · "
        f"due {e.due.date().isoformat() if e.due else '—'}"
    )
    head.append(
        _md_text(q.prompt.strip()) if q is not None else f"`{e.key}`: its bank is not loaded."
    )
    if e.misses:
        picks = "\n".join(
            f"- {m.at.date().isoformat()}: {_md_inline('; '.join(sheet.texts(m.picked))) or '—'}"
            for m in e.misses
        )
        head.append("**Your wrong picks**\n\n" + picks)
    elif e.unsure_only:
        head.append("*You answered right but marked it unsure.*")
    head.append("**Right answer:** " + _md_inline("; ".join(sheet.answer)))
    if q is not None:
        whys = [f"- {_md_inline(c.text)}: {_md_inline(c.why)}" for c in q.choices or () if c.why]
        if whys:
            head.append("**Why**\n\n" + "\n".join(whys))
        if q.explanation:
            head.append(_md_text(q.explanation.strip()))
        if q.references and references:
            head.append(
                "**References**\n\n"
                + "\n".join(f"- [{_md_inline(r.title or r.url)}]({r.url})" for r in q.references)
            )
    head.append("**Your note:** " + (_md_inline(e.note) if e.note else "*none*"))
    return "\n\n".join(head)


def to_markdown(
    sheets: Sequence[Sheet], now: datetime, title: str = "quizapp wrong-answer notebook"
) -> str:
    """A readable study sheet: every entry as the notebook shows it."""
    parts = [f"# {title}"]
    parts += [entry_markdown(s, now, heading="##") for s in sheets]
    return "\n\n".join(parts) + "\n"


def build_sheets(entries: Iterable[Entry], library: Library, now: datetime) -> list[Sheet]:
    """Every entry with its question (None when its bank is not loaded), in the notebook's order."""
    sheets = []
    for entry in entries:
        found = library.questions.get(entry.key)
        try:
            question = found.question if found is not None else None
        except BankUnavailableError:
            question = None
        sheets.append(Sheet(entry, question))
    sheets.sort(key=lambda s: order_key(s.entry, now))
    return sheets


def render(sheets: Sequence[Sheet], fmt: Format, now: datetime) -> str:
    """The export in ``fmt``, with any control character from a bank or a note shown escaped."""
    if fmt == "json":
        return to_json(sheets)
    if fmt == "csv":
        return visible(to_csv(sheets))
    return visible(to_markdown(sheets, now))
