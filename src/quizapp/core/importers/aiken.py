"""Moodle Aiken: a question line, ``A.``/``A)`` choices, then ``ANSWER: B`` (one answer only)."""

from __future__ import annotations

import re

from quizapp.core.collector import without_collection
from quizapp.core.importers.draft import Draft, DraftChoice, Parsed, Skipped, normalize_newlines

_CHOICE = re.compile(r"^([A-Za-z])[.)]\s+(.*)$")
_ANSWER = re.compile(r"^ANSWER\s*:\s*(.*)$", re.IGNORECASE)


@without_collection
def parse_aiken(text: str) -> Parsed:
    """Read Aiken text; like Moodle, each malformed question is reported at its first line."""
    result = Parsed()
    prompt: list[str] = []
    labels: list[str] = []
    choices: list[DraftChoice] = []
    start = 0

    def fail(why: str) -> None:
        result.skipped.append(Skipped(start, why))

    for n, raw in enumerate(normalize_newlines(text).split("\n"), 1):
        line = raw.strip()
        if not line:
            continue
        answer = _ANSWER.match(line)
        choice = _CHOICE.match(line) if prompt else None
        if answer:
            if not prompt:
                start = n
                fail("ANSWER line without a question")
            elif not choices:
                fail("question has no choices before its ANSWER line")
            else:
                _finish(result, start, prompt, labels, choices, answer.group(1).strip())
            prompt, labels, choices = [], [], []
        elif choice:
            labels.append(choice.group(1).upper())
            choices.append(DraftChoice(choice.group(2).strip()))
        elif choices:
            # A new question began before the previous one named its answer.
            fail("question has no ANSWER line")
            start, prompt, labels, choices = n, [line], [], []
        else:
            if not prompt:
                start = n
            prompt.append(line)
    if prompt:
        fail("question has no ANSWER line")
    return result


def _finish(
    result: Parsed,
    start: int,
    prompt: list[str],
    labels: list[str],
    choices: list[DraftChoice],
    answer: str,
) -> None:
    if len(set(labels)) != len(labels):
        result.skipped.append(Skipped(start, "two choices have the same letter"))
        return
    letter = answer.upper()
    if not re.fullmatch(r"[A-Z]", letter):
        why = (
            f"ANSWER '{answer}' names more than one choice; Aiken has one answer"
            if len(letter) < 40 and re.fullmatch(r"[A-Z](?:[ ,;&]*[A-Z])+", letter)
            else f"ANSWER '{answer}' is not a choice letter"
        )
        result.skipped.append(Skipped(start, why))
        return
    if letter not in labels:
        result.skipped.append(Skipped(start, f"ANSWER {letter} names no choice"))
        return
    choices[labels.index(letter)].correct = True
    result.questions.append(Draft(start, "\n\n".join(prompt), choices))
