"""Rules of the bank and exam formats that a type alone cannot express (SPEC §3.1-§3.2)."""

from __future__ import annotations

import difflib
import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from quizapp.core.exam.scale import CUSTOM_ID, passing_fraction

if TYPE_CHECKING:
    from quizapp.core.bank.models import BankFile, ExamSpecModel, Question

Path = tuple[str | int, ...]
_CHOOSE = re.compile(r"\(choose (two|three|four|five|[2-9])\.?\)", re.IGNORECASE)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}
Severity = Literal["error", "warning"]
_LETTERS = string.ascii_uppercase


@dataclass(frozen=True, slots=True)
class Issue:
    """A rule broken at ``path`` in the file's data; ``also`` names a second place (duplicates)."""

    path: Path
    message: str
    severity: Severity = "error"
    also: Path | None = None


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """Return `` (did you mean 'x'?)`` for a close option, else an empty string."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _duplicates(items: Sequence[str]) -> list[tuple[int, int]]:
    """(first, later) index pairs of equal items."""
    keys = [item.strip().casefold() for item in items]
    if len(set(keys)) == len(keys):
        return []  # the common case, without a loop in Python
    seen: dict[str, int] = {}
    out: list[tuple[int, int]] = []
    for i, key in enumerate(keys):
        if key in seen:
            out.append((seen[key], i))
        else:
            seen[key] = i
    return out


def question_issues(q: Question) -> list[Issue]:
    """Problems of one question, with paths relative to the question."""
    name = f"question '{q.id}'"
    out: list[Issue] = []
    if q.type == "choice":
        out += _choice_issues(q, name)
    else:
        for key in ("choices", "answer"):
            if getattr(q, key) is not None:
                out.append(Issue((key,), f"{name}: a {q.type} question has no '{key}'"))
    if q.type == "ordering":
        if q.steps is None:
            out.append(Issue(("type",), f"{name}: an ordering question needs 'steps'"))
        elif not 3 <= len(q.steps) <= 7:
            n = len(q.steps)
            out.append(
                Issue(("steps",), f"{name}: an ordering question needs 3 to 7 steps, not {n}")
            )
        else:
            for first, later in _duplicates(q.steps):
                out.append(
                    Issue(("steps", later), f"{name}: step {later + 1} repeats step {first + 1}")
                )
    elif q.steps is not None:
        out.append(Issue(("steps",), f"{name}: 'steps' needs 'type: ordering'"))
    if q.type == "matching":
        if q.pairs is None:
            out.append(Issue(("type",), f"{name}: a matching question needs 'pairs'"))
        elif not 3 <= len(q.pairs) <= 7:
            n = len(q.pairs)
            out.append(
                Issue(("pairs",), f"{name}: a matching question needs 3 to 7 pairs, not {n}")
            )
        else:
            for field in ("prompt", "match"):
                values = [getattr(p, field) for p in q.pairs]
                for first, later in _duplicates(values):
                    out.append(
                        Issue(
                            ("pairs", later, field),
                            f"{name}: pair {later + 1} repeats the {field} of pair {first + 1}",
                        )
                    )
    elif q.pairs is not None:
        out.append(Issue(("pairs",), f"{name}: 'pairs' needs 'type: matching'"))
    return out


def _choice_issues(q: Question, name: str) -> list[Issue]:
    if q.choices is None:
        return [Issue(("prompt",), f"{name}: missing required key 'choices'")]
    out: list[Issue] = []
    n = len(q.choices)
    for first, later in _duplicates([c.text for c in q.choices]):
        a, b = _LETTERS[first], _LETTERS[later]
        out.append(Issue(("choices", later), f"{name}: choice {b} has the same text as choice {a}"))
    marked = [i for i, c in enumerate(q.choices) if c.correct]
    if q.answer is not None and marked:
        out.append(
            Issue(
                ("answer",),
                f"{name}: mark the correct choices with 'answer:' or 'correct: true', not both",
            )
        )
    elif q.answer is None and not marked:
        out.append(
            Issue(
                ("choices",),
                f"{name}: no correct choice (mark one with 'correct: true' or add 'answer:')",
            )
        )
    elif q.answer is not None:
        letters = q.answer
        if not letters:
            out.append(Issue(("answer",), f"{name}: 'answer' is an empty list"))
        seen: set[str] = set()
        for i, raw in enumerate(letters):
            at: Path = ("answer", i)
            letter = raw.strip().upper()
            if len(letter) != 1 or letter not in _LETTERS:
                out.append(
                    Issue(at, f"{name}: answer '{raw}' is not a choice letter (A, B, C ...)")
                )
            elif _LETTERS.index(letter) >= n:
                out.append(Issue(at, f"{name}: answer '{raw}' but there are only {n} choices"))
            elif letter in seen:
                out.append(Issue(at, f"{name}: answer '{raw}' is given twice"))
            seen.add(letter)
    if out:
        return out
    # No issue so far: the letters name distinct choices, so counting them counts the key.
    marked_n = len(q.answer) if q.answer is not None else len(marked)
    if marked_n == n:
        out.append(Issue(("choices",), f"{name}: every choice is marked correct"))
    said = _CHOOSE.search(q.prompt)
    if not out and said:
        word = said.group(1).lower()
        wanted = _NUMBERS.get(word) or int(word)
        if wanted != marked_n:
            out.append(
                Issue(
                    ("prompt",),
                    f"{name}: the prompt says '{said.group(0)}' but {marked_n} "
                    f"choice{'s are' if marked_n != 1 else ' is'} correct",
                )
            )
    return out


def choose_hint(count: int) -> str:
    """The exam's wording for a multiple-response question: ``(Choose two.)``."""
    words = {v: k for k, v in _NUMBERS.items()}
    return f"(Choose {words.get(count, str(count))}.)"


def says_how_many(prompt: str) -> bool:
    """True when the prompt already tells how many choices to pick."""
    return _CHOOSE.search(prompt) is not None


def bank_issues(bank: BankFile) -> list[Issue]:
    """Problems of a whole bank: each question's, duplicate ids, unknown scenarios, warnings."""
    out: list[Issue] = []
    first_at: dict[str, int] = {}
    for i, q in enumerate(bank.questions):
        here: Path = ("questions", i)
        out += [Issue(here + x.path, x.message, x.severity, x.also) for x in question_issues(q)]
        if q.id in first_at:
            out.append(
                Issue(
                    (*here, "id"),
                    f"duplicate question id '{q.id}'",
                    also=("questions", first_at[q.id], "id"),
                )
            )
        else:
            first_at[q.id] = i
        if q.scenario is not None and q.scenario not in bank.scenarios:
            hint = did_you_mean(q.scenario, bank.scenarios)
            out.append(
                Issue(
                    (*here, "scenario"), f"question '{q.id}': unknown scenario '{q.scenario}'{hint}"
                )
            )
        if not (q.explanation or "").strip():
            out.append(Issue(here, f"question '{q.id}' has no explanation", "warning"))
    used = {q.scenario for q in bank.questions}
    for sid in bank.scenarios:
        if sid not in used:
            out.append(Issue(("scenarios", sid), f"scenario '{sid}' is not used", "warning"))
    return out


def exam_issues(exam: ExamSpecModel) -> list[Issue]:
    """Problems of an exam blueprint, with paths from the file's top."""
    out: list[Issue] = []
    if exam.id == CUSTOM_ID:  # custom exams have no blueprint, so no score or verdict
        out.append(Issue(("exam", "id"), f"exam id '{CUSTOM_ID}' is kept for custom exams"))
    total = sum(d.weight for d in exam.domains)
    if abs(total - 100) > 0.01:
        out.append(
            Issue(
                ("exam", "domains"), f"exam '{exam.id}': domain weights sum to {total:g}, not 100"
            )
        )
    for first, later in _duplicates([d.name for d in exam.domains]):
        out.append(
            Issue(
                ("exam", "domains", later, "name"),
                f"exam '{exam.id}': domain '{exam.domains[later].name}' is listed twice",
                also=("exam", "domains", first, "name"),
            )
        )
    low, high = exam.score_range
    if low >= high:
        out.append(Issue(("exam", "score_range"), f"exam '{exam.id}': score_range must rise"))
    elif not low <= exam.passing_score <= high:
        out.append(
            Issue(
                ("exam", "passing_score"),
                f"exam '{exam.id}': passing_score {exam.passing_score} is outside {low}-{high}",
            )
        )
    elif exam.readiness_percent is not None:
        share = 100 * passing_fraction(exam.passing_score, exam.score_range)
        if exam.readiness_percent < share:
            out.append(
                Issue(
                    ("exam", "readiness_percent"),
                    f"exam '{exam.id}': readiness_percent {exam.readiness_percent:g} is below"
                    f" the pass line ({share:.1f}%); it can only be stricter",
                )
            )
    return out
