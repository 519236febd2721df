"""How counts and engine messages read to a person: one home for plurals and sentences."""

from __future__ import annotations

from datetime import datetime

#: What each mode of an attempt is called on screen ("review" is the engine's word for a drill).
MODE_NAMES = {"exam": "Exam", "practice": "Practice", "retry": "Retry", "review": "Drill"}
#: What each status of an attempt is called in text for a person (SPEC §7.2's words are for JSON).
STATUS_NAMES = {
    "in_progress": "in progress",
    "submitted": "submitted",
    "expired": "timed out",
    "abandoned": "abandoned",
}


def status_name(status: str) -> str:
    """An attempt's status in words: "in progress" where JSON says ``in_progress``."""
    return STATUS_NAMES.get(status, status.replace("_", " "))


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` with ``word`` in the right number: "1 question", "2 questions", "0 entries"."""
    return f"{n} {noun(n, word, many)}"


def noun(n: int, word: str, many: str | None = None) -> str:
    """``word`` in the number ``n`` asks for, without the number (for aligned columns)."""
    if n == 1:
        return word
    return many if many is not None else word + "s"


def too_few(found: int, asked: int) -> str:
    """A custom exam that found fewer questions than asked for, said as the user chose it."""
    verb = "matches" if found == 1 else "match"
    return f"Only {plural(found, 'question')} {verb} your choice (you asked for {asked})."


def sentence(text: str) -> str:
    """``text`` as a sentence: a capital first letter and a full stop (kept if it has one)."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".?!" else text + "."


def due_in(due: datetime | None, now: datetime) -> str:
    """When a review is due, in words: "due now", "today", "tomorrow", "in 3 days", "—" if never.

    Far-off dates count in weeks, then months, so the words stay short in a list column.
    """
    if due is None:
        return "—"
    if due <= now:
        return "due now"
    days = (due.astimezone(now.tzinfo).date() - now.date()).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days < 14:
        return f"in {days} days"
    if days < 61:
        return f"in {days // 7} weeks"
    return f"in {plural(round(days / 30.4), 'month')}"
