"""CSV with a header row: question, choice, answer and optional columns found by name."""

from __future__ import annotations

import csv
import io
import re

from quizapp.core.collector import without_collection
from quizapp.core.importers.draft import (
    Draft,
    DraftChoice,
    ImportFormatError,
    Note,
    Parsed,
    Reference,
    Skipped,
    links,
    normalize_newlines,
)

_LETTERS = "ABCDEFGHIJ"
_PROMPT = {"question", "prompt", "question text", "stem"}
_ANSWER = {"answer", "answers", "correct", "correct answer", "correct answers", "key"}
_SIMPLE = {
    "explanation": "explanation",
    "rationale": "explanation",
    "topic": "topic",
    "category": "topic",
    "domain": "domain",
    "difficulty": "difficulty",
    "reference": "reference",
    "references": "reference",
    "link": "reference",
    "url": "reference",
    "id": "id",
    "tags": "tags",
}
_CHOICE = re.compile(
    r"^(?:(?:option|choice|answer|opt)\s*)?([a-j])$|^(?:option|choice|opt)\s*(10|[1-9])$"
)
_DELIMITERS = (",", ";", "\t")
_SEPARATORS = re.compile(r"\s*[,;/&|]\s*|\s+and\s+|\s+")
csv.field_size_limit(1 << 24)  # huge cells are reported by the size checks, not by the reader


def _name(cell: str) -> str:
    return re.sub(r"[\s_\-.:]+", " ", cell.strip().lower()).strip()


def _columns(header: list[str]) -> dict[str, int | dict[int, int]]:
    """Known column names -> their index; choices as {choice number: column}."""
    found: dict[str, int | dict[int, int]] = {}
    choices: dict[int, int] = {}
    for i, cell in enumerate(header):
        name = _name(cell)
        m = _CHOICE.match(name)
        if name in _PROMPT:
            found.setdefault("prompt", i)
        elif name in _ANSWER:
            found.setdefault("answer", i)
        elif name in _SIMPLE:
            found.setdefault(_SIMPLE[name], i)
        elif m:
            number = _LETTERS.index(m.group(1).upper()) if m.group(1) else int(m.group(2)) - 1
            choices.setdefault(number, i)
    found["choices"] = choices
    return found


def _read(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    line = 1
    try:
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFormatError(f"line {line}: {exc}") from None
    return rows


@without_collection
def parse_csv(text: str) -> Parsed:
    """Read CSV (comma, semicolon or tab separated; BOM and CRLF allowed)."""
    text = normalize_newlines(text)
    first = text.split("\n", 1)[0]
    best: tuple[int, int, str] | None = None
    for d in _DELIMITERS:
        header = next(csv.reader([first], delimiter=d), [])
        cols = _columns(header)
        choices = cols["choices"]
        assert isinstance(choices, dict)
        score = ("prompt" in cols) + ("answer" in cols) + len(choices)
        if best is None or score > best[0]:
            best = (score, len(header), d)
    assert best is not None
    rows = _read(text, best[2])
    if not rows:
        raise ImportFormatError("the file is empty")
    cols = _columns(rows[0][1])
    choice_cols = cols.pop("choices")
    assert isinstance(choice_cols, dict)
    missing = [k for k in ("prompt", "answer") if k not in cols]
    if missing or len(choice_cols) < 2:
        wanted = (
            "a 'question' column, an 'answer' column and choice columns (A, B ... or option 1 ...)"
        )
        raise ImportFormatError(f"header row has no {wanted}")
    simple: dict[str, int] = {k: v for k, v in cols.items() if isinstance(v, int)}
    result = Parsed()
    for line, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        _row(result, line, row, simple, dict(sorted(choice_cols.items())))
    return result


def _cell(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def _row(
    result: Parsed, line: int, row: list[str], cols: dict[str, int], choice_cols: dict[int, int]
) -> None:
    def skip(why: str) -> None:
        result.skipped.append(Skipped(line, why))

    prompt = _cell(row, cols["prompt"])
    if not prompt:
        return skip("empty question cell")
    by_number = {n: _cell(row, c) for n, c in choice_cols.items()}
    filled = [n for n, t in by_number.items() if t]
    answer = _cell(row, cols["answer"])
    if not answer:
        return skip("empty answer cell")
    picked = _answer(answer, by_number)
    if isinstance(picked, str):
        return skip(picked)
    draft = Draft(line, prompt)
    draft.choices = [DraftChoice(by_number[n], n in picked) for n in filled]
    explanation = _cell(row, cols.get("explanation"))
    draft.explanation = explanation or None
    draft.topic = _cell(row, cols.get("topic")) or None
    draft.domain = _cell(row, cols.get("domain")) or None
    difficulty = _cell(row, cols.get("difficulty")).lower()
    if difficulty in {"easy", "medium", "hard"}:
        draft.difficulty = difficulty
    elif difficulty:
        result.notes.append(
            Note(line, f"difficulty '{difficulty}' is not easy, medium or hard; left out")
        )
    draft.source_id = _cell(row, cols.get("id")) or None
    reference = _cell(row, cols.get("reference"))
    draft.references = [r for r in links(reference) if r] or (
        [Reference(reference)] if reference.startswith(("http://", "https://")) else []
    )
    if explanation:
        draft.references += [
            r for r in links(explanation) if r.url not in {x.url for x in draft.references}
        ]
    tags = _cell(row, cols.get("tags"))
    draft.tags = [t for t in re.split(r"[\s,;]+", tags) if t]
    result.questions.append(draft)
    return None


def _answer(answer: str, by_number: dict[int, str]) -> set[int] | str:
    """The choice numbers an answer cell names (letters, 1-based numbers or choice text), or
    why it names none."""
    parts = [p for p in _SEPARATORS.split(answer) if p]
    if re.fullmatch(r"[A-Ja-j]+", answer) and len(answer) <= 10:
        parts = list(answer)  # "AC" as well as "A, C"
    if parts and all(re.fullmatch(r"[A-Ja-j]", p) for p in parts):
        numbers = [_LETTERS.index(p.upper()) for p in parts]
        names = parts
    elif parts and all(re.fullmatch(r"\d{1,2}", p) for p in parts):
        numbers = [int(p) - 1 for p in parts]
        names = parts
    else:
        wanted = {answer.casefold()}
        found = {n for n, t in by_number.items() if t and t.casefold() in wanted}
        if not found:
            for piece in re.split(r"\s*[|;]\s*", answer):
                found |= {n for n, t in by_number.items() if t and t.casefold() == piece.casefold()}
        return found or f"answer '{answer[:60]}' is not a choice letter, number or text"
    for n, name in zip(numbers, names, strict=True):
        if n < 0 or not by_number.get(n):
            return f"answer {name} points at an empty choice column"
    return set(numbers)
