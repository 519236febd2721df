"""Your answer against the right one: the view every front end renders after a check or the end."""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quizapp.core.exam.session import Item, Response, complete

if TYPE_CHECKING:
    from quizapp.core.bank.models import Question, QuestionType

LETTERS = string.ascii_uppercase


@dataclass(frozen=True, slots=True)
class Line:
    """One choice, step or prompt as it was shown, with what is right about it.

    ``right`` is a correct choice, a step in its right place, or a prompt given its match;
    ``note`` says why (a choice's why, where a step belongs, what a prompt matches).
    """

    label: str
    text: str
    right: bool
    picked: bool = False
    struck: bool = False
    note: str | None = None
    given: str | None = None  # matching: the match the user assigned, and its letter
    given_label: str | None = None
    answer: str | None = None  # matching: the right match


@dataclass(frozen=True, slots=True)
class Comparison:
    """A whole answer: the lines, and both answers written as the letters that were shown."""

    kind: QuestionType
    correct: bool
    answered: bool
    lines: tuple[Line, ...]
    mine: str
    right_answer: str
    right_order: tuple[str, ...] = ()  # ordering: the steps in the right order
    matches: tuple[str, ...] = ()  # matching: the matches, lettered as shown


def compare(q: Question, item: Item, response: Response, correct: bool) -> Comparison:
    """Build the comparison of ``response`` to ``q`` as ``item`` showed it.

    ``correct`` comes from the attempt, which also knows whether the bank changed the question.
    """
    answered = complete(item, response)
    if item.kind == "choice":
        assert q.choices is not None
        lines = tuple(
            Line(
                LETTERS[pos],
                q.choices[o].text,
                right=o in q.correct,
                picked=o in response.picked,
                struck=o in response.struck,
                note=(q.choices[o].why or "").strip() or None,
            )
            for pos, o in enumerate(item.order)
        )
        mine = ", ".join(line.label for line in lines if line.picked) or "—"
        right = ", ".join(line.label for line in lines if line.right)
        return Comparison("choice", correct, answered, lines, mine, right)
    if item.kind == "ordering":
        assert q.steps is not None
        shown = response.picked if response.picked else item.order
        lines = tuple(
            Line(
                str(i + 1),
                q.steps[o],
                right=o == i,
                note=None if o == i else f"belongs at position {o + 1}",
            )
            for i, o in enumerate(shown)
        )
        mine = " → ".join(str(o + 1) for o in response.picked) if answered else "—"
        right = " → ".join(str(i + 1) for i in range(item.size))
        return Comparison("ordering", correct, answered, lines, mine, right, tuple(q.steps))
    assert q.pairs is not None
    letter_of = {o: LETTERS[pos] for pos, o in enumerate(item.order)}
    given = response.picked or (-1,) * item.size
    lines = tuple(
        Line(
            str(i + 1),
            pair.prompt,
            right=given[i] == i,
            given=q.pairs[given[i]].match if given[i] >= 0 else None,
            given_label=letter_of[given[i]] if given[i] >= 0 else None,
            answer=pair.match,
            note=None if given[i] == i else f"matches {letter_of[i]}: {pair.match}",
        )
        for i, pair in enumerate(q.pairs)
    )
    mine = (
        " ".join(f"{i + 1}{letter_of[g] if g >= 0 else '?'}" for i, g in enumerate(given))
        if any(g >= 0 for g in given)
        else "—"
    )
    right = " ".join(f"{i + 1}{letter_of[i]}" for i in range(item.size))
    matches = tuple(q.pairs[o].match for o in item.order)
    return Comparison("matching", correct, answered, lines, mine, right, matches=matches)
