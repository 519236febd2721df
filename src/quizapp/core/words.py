"""How counts and engine messages read to a person: one home for plurals and sentences."""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` with ``word`` in the right number: "1 question", "2 questions", "0 entries"."""
    if n == 1:
        return f"1 {word}"
    return f"{n} {many if many is not None else word + 's'}"


def sentence(text: str) -> str:
    """``text`` as a sentence: a capital first letter and a full stop (kept if it has one)."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".?!" else text + "."
