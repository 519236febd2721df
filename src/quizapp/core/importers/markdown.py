"""Markdown question lists: checkboxes (a), numbered items with details (b), answer keys (c)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from quizapp.core.importers.draft import (
    Draft,
    DraftChoice,
    Parsed,
    Skipped,
    answer_letters,
    image_placeholders,
    links,
    normalize_newlines,
)

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CHECKBOX = re.compile(r"^\s*[-*+]\s+\[([ xX])\]\s?(.*)$")
_LETTERED_BULLET = re.compile(r"^\s+[-*+]\s+([A-Ja-j])[.)]\s+(.*)$")
_LETTERED_LINE = re.compile(r"^\s*(?:[-*+]\s+)?\(?([A-Ja-j])[).]\s+(.*)$")
_NUMBERED = re.compile(r"^(\d{1,6})[.)]\s+(.*)$")
_QUESTION_HEADING = re.compile(
    r"^question[ \t]*(?:#[ \t]*)?(\d{1,6})\b[\s:.)\-\u2013\u2014]*(.*)$", re.IGNORECASE
)
_ANSWER_HEADING = re.compile(r"\banswers?\b", re.IGNORECASE)
# Prefixes only, matched against a line's first characters: with untrusted lines of any
# length, the optional markers between the spaces must not backtrack across the whole line.
_CORRECT = re.compile(
    r"[-*+]?[ \t]*(?:\*\*|__)?(?:correct[ \t]+answers?|answers?)(?:\*\*|__)?[ \t]*[:\uff1a]"
    r"[ \t]*(?:\*\*|__)?",
    re.IGNORECASE,
)
_EXPLANATION = re.compile(
    r"(?:\*\*|__)?explanation(?:\*\*|__)?[ \t]*[:\uff1a][ \t]*(?:\*\*|__)?", re.IGNORECASE
)
_KEY_LINE = re.compile(
    r"^\s*(?:[-*+]\s*)?(?:\*\*|__)?(?:question\s*)?#?(\d{1,6})(?:\*\*|__)?\s*[.:)\-\u2013\u2014]*\s*"
    r"(?:\*\*|__)?\s*(.*)$",
    re.IGNORECASE,
)
_TAG = re.compile(r"</?(?:details|summary)\b[^<>]*>", re.IGNORECASE)
_NOISE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|\[[^\]]*\]\(#[^)]*\))\s*$")
_NOISE_OPENERS = ("-", "*", "_", "[")
_BLANK_RUN = re.compile(r"\n{3,}")
_LETTER_PREFIX = re.compile(r"^([A-Ja-j])[.)]\s+")


@dataclass(slots=True)
class _Line:
    number: int
    text: str
    fenced: bool  # inside a code block: never a heading, a choice or an answer


@dataclass(slots=True)
class _Block:
    """A heading (or numbered item) and the lines up to the next one."""

    line: int
    level: int
    head: str
    body: list[_Line] = field(default_factory=list)


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    fence: str | None = None
    for n, raw in enumerate(normalize_newlines(text).split("\n"), 1):
        # The substring test is a fast filter: most lines hold neither fence character.
        m = _FENCE.match(raw) if ("`" in raw or "~" in raw) else None
        if fence is None and m:
            fence = m.group(1)
            out.append(_Line(n, raw, True))
        elif fence is not None:
            out.append(_Line(n, raw, True))
            if m and m.group(1) == fence:
                fence = None
        else:
            out.append(_Line(n, raw, False))
    return out


def _heading(line: _Line) -> tuple[int, str] | None:
    if line.fenced or not line.text.startswith("#"):
        return None
    m = _HEADING.match(line.text)
    if not m:
        return None
    text = m.group(2).strip()
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1] in " \t"):
        text = bare.strip()  # a closing sequence: "## Title ##"
    return len(m.group(1)), text


def _title(lines: list[_Line]) -> str | None:
    for line in lines:
        h = _heading(line)
        if h and h[0] == 1 and h[1]:
            return _plain(h[1])
    return None


def _plain(text: str) -> str:
    """A heading as a topic or title: no emphasis markers or link syntax."""
    text = re.sub(r"\[([^\[\]]*)\]\([^()]*\)", r"\1", text)
    return re.sub(r"[*_`]+", "", text).strip()


def _dialect(lines: list[_Line]) -> str:
    counts = {"a": 0, "b": 0, "c": 0}
    for line in lines:
        if line.fenced or not line.text.lstrip().startswith(("-", "*", "+", "#")):
            continue
        if _CHECKBOX.match(line.text):
            counts["a"] += 1
        elif _LETTERED_BULLET.match(line.text):
            counts["b"] += 1
        else:
            h = _heading(line)
            if h and _QUESTION_HEADING.match(h[1]):
                counts["c"] += 4  # one heading stands for a whole question
    return max(counts, key=lambda k: counts[k])


def parse_markdown(text: str) -> Parsed:
    """Read a Markdown question list in whichever of the three dialects it is written."""
    lines = _lines(text)
    result = Parsed(title=_title(lines))
    dialect = _dialect(lines)
    if dialect == "b":
        _numbered(lines, result)
    else:
        _headed(lines, result, answer_key=dialect == "c")
    return result


def _blocks(lines: list[_Line], *, numbered: bool) -> Iterator[_Block]:
    """Split at headings (and, for numbered lists, at unindented numbered items)."""
    current = _Block(0, 0, "")
    for line in lines:
        h = _heading(line) if line.text[:1] == "#" else None  # the call only where it can match
        m = None if (h or line.fenced or not numbered) else _NUMBERED.match(line.text)
        if h:
            yield current
            current = _Block(line.number, h[0], h[1])
        elif m:
            yield current
            current = _Block(line.number, 7, m.group(2).strip())  # 7: below every heading
        else:
            current.body.append(line)
    yield current


class _Sections:
    """The headings above the current position, for the questions' topics."""

    def __init__(self, title: str | None) -> None:
        self.title = title
        self.stack: list[tuple[int, str]] = []

    def enter(self, level: int, text: str) -> None:
        self.stack = [(lv, t) for lv, t in self.stack if lv < level]
        self.stack.append((level, _plain(text)))

    def topic(self, below: int) -> str | None:
        for level, text in reversed(self.stack):
            if level < below and text and not (level == 1 and text == self.title):
                return text
        return None


def _headed(lines: list[_Line], result: Parsed, *, answer_key: bool) -> None:
    """Dialects (a) checkbox choices and (c) lettered choices with an answer key at the end."""
    sections = _Sections(result.title)
    # (draft, its number, an inline answer, the choices' letters in the source)
    pending: list[tuple[Draft, int, str | None, list[str]]] = []
    key: dict[int, tuple[list[str] | None, str]] = {}
    in_key = False
    last: tuple[Draft, int] | None = None
    for block in _blocks(lines, numbered=False):
        if block.line == 0:
            continue
        qh = _QUESTION_HEADING.match(block.head) if answer_key else None
        if answer_key and not qh and _ANSWER_HEADING.search(block.head):
            in_key = True
            _read_key(block.body, key)
            continue
        if in_key and not qh:
            _read_key([_Line(block.line, block.head, False), *block.body], key)
            continue
        in_key = False
        got = _lettered_question(block, qh) if answer_key else _checkbox_question(block)
        if got is None:
            if last is not None and block.level > last[1] and last[0].explanation is None:
                extra = _text(block.body)
                last[0].explanation = extra or None
                last[0].references += links(extra)
                continue
            sections.enter(block.level, block.head)
            last = None
            continue
        draft, number, inline, labels = got
        if isinstance(draft, Skipped):
            result.skipped.append(draft)
            last = None
            continue
        draft.topic = sections.topic(block.level)
        if answer_key:
            pending.append((draft, number, inline, labels))
        else:
            result.questions.append(draft)
        last = (draft, block.level)
    for draft, number, inline, labels in pending:
        letters, why = key.get(number, (None, ""))
        if inline is not None:
            letters = answer_letters(inline)
        if letters is None:
            result.skipped.append(Skipped(draft.line, f"no answer for question {number}"))
            continue
        problem = _mark(draft, labels, letters)
        if problem:
            result.skipped.append(Skipped(draft.line, problem))
            continue
        if why and not draft.explanation:
            draft.explanation = why
            draft.references += links(why)
        result.questions.append(draft)


def _read_key(body: list[_Line], key: dict[int, tuple[list[str] | None, str]]) -> None:
    for line in body:
        if line.fenced:
            continue
        m = _KEY_LINE.match(line.text)
        if not m:
            continue
        rest = m.group(2).strip()
        rest = re.sub(r"^(?:correct\s+)?answers?\s*[:\uff1a]\s*", "", rest, flags=re.IGNORECASE)
        letters = answer_letters(rest.replace("*", ""))
        why = ""
        if letters is not None:
            cut = re.match(
                r"^[\s*_]*[A-Ja-j](?:[\s,&/*_]*(?:and\s+)?[A-Ja-j](?![A-Za-z]))*", rest[:100]
            )
            why = rest[cut.end() :] if cut else ""
            why = why.strip().lstrip(".:)-\u2013\u2014").strip()
        key[int(m.group(1))] = (letters, why)


def _split_body(
    body: list[_Line], is_choice: re.Pattern[str]
) -> tuple[list[str], list[tuple[int, str, str]], list[_Line]]:
    """Prompt lines, choices (line, label-or-mark, text) with lazy continuations, and the tail."""
    prompt: list[str] = []
    choices: list[tuple[int, str, str]] = []
    tail: list[_Line] = []
    i = 0
    while i < len(body) and (body[i].fenced or not is_choice.match(body[i].text)):
        prompt.append(body[i].text)
        i += 1
    while i < len(body):
        line = body[i]
        m = None if line.fenced else is_choice.match(line.text)
        if m:
            choices.append((line.number, m.group(1), m.group(2).strip()))
        elif (
            choices
            and line.text.strip()
            and not line.fenced
            and not re.match(r"^\s*([-*+]|\d+[.)])\s", line.text)
            and not line.text.lstrip().startswith("<")
            and _after(_CORRECT, line.text) is None
            and _after(_EXPLANATION, line.text) is None
            and body[i - 1].text.strip()
        ):
            n, mark, prev = choices[-1]
            choices[-1] = (n, mark, f"{prev} {line.text.strip()}")
        else:
            break
        i += 1
    tail = body[i:]
    return prompt, choices, tail


# A question found in a block: the draft (or why it was skipped), its number, an inline answer,
# and the letters its choices carry in the source.
_Found = tuple[Draft | Skipped, int, str | None, list[str]]


def _after(pattern: re.Pattern[str], text: str) -> str | None:
    """The rest of ``text`` after ``pattern`` at its start (after indentation), else None."""
    stripped = text.lstrip()
    m = pattern.match(stripped[:200])
    return stripped[m.end() :] if m else None


def _checkbox_question(block: _Block) -> _Found | None:
    prompt_lines, choices, tail = _split_body(block.body, _CHECKBOX)
    if not choices:
        return None
    draft = Draft(block.line, _prompt(block.head, prompt_lines))
    texts = _without_letters([c[2] for c in choices])
    draft.choices = [
        DraftChoice(t, mark.lower() == "x") for (_, mark, _), t in zip(choices, texts, strict=True)
    ]
    _explain(draft, tail)
    if not any(c.correct for c in draft.choices):
        return Skipped(block.line, "no checked choice"), 0, None, []
    return draft, 0, None, []


def _lettered_question(block: _Block, qh: re.Match[str] | None) -> _Found | None:
    if qh is None:
        return None
    prompt_lines, choices, tail = _split_body(block.body, _LETTERED_LINE)
    if not choices:
        return None
    draft = Draft(block.line, _prompt(qh.group(2), prompt_lines))
    labels = _label(draft, choices)
    if isinstance(labels, str):
        return Skipped(block.line, labels), 0, None, []
    inline = _explain(draft, tail)
    return draft, int(qh.group(1)), inline, labels


def _numbered(lines: list[_Line], result: Parsed) -> None:
    """Dialect (b): numbered items, indented ``- A. text`` choices, ``Correct answer:`` lines."""
    sections = _Sections(result.title)
    for block in _blocks(lines, numbered=True):
        if block.line == 0:
            continue
        if block.level < 7:
            sections.enter(block.level, block.head)
            continue
        prompt_lines, choices, tail = _split_body(block.body, _LETTERED_BULLET)
        if not choices:
            continue  # a numbered list that is not a question (contents, steps of an intro)
        draft = Draft(block.line, _prompt(block.head, prompt_lines), topic=sections.topic(7))
        labels = _label(draft, choices)
        if isinstance(labels, str):
            result.skipped.append(Skipped(block.line, labels))
            continue
        inline = _explain(draft, tail)
        letters = answer_letters(inline) if inline is not None else None
        if letters is None:
            result.skipped.append(Skipped(block.line, "no 'Correct answer:' line"))
            continue
        problem = _mark(draft, labels, letters)
        if problem:
            result.skipped.append(Skipped(block.line, problem))
            continue
        result.questions.append(draft)


def _label(draft: Draft, choices: list[tuple[int, str, str]]) -> list[str] | str:
    """Set the choices in letter order; return their letters, or why they cannot be used."""
    labels = [c[1].upper() for c in choices]
    if len(set(labels)) != len(labels):
        return "two choices have the same letter"
    order = sorted(range(len(choices)), key=lambda i: labels[i])
    draft.choices = [DraftChoice(choices[i][2]) for i in order]
    return [labels[i] for i in order]


def _mark(draft: Draft, labels: list[str], letters: list[str]) -> str | None:
    """Mark the choices an answer's letters name, or say which letters name none."""
    unknown = [x for x in letters if x not in labels]
    if unknown:
        named = ", ".join(dict.fromkeys(unknown))
        return f"answer {named} names no choice (choices {labels[0]}-{labels[-1]})"
    for x in letters:
        draft.choices[labels.index(x)].correct = True
    return None


def _prompt(head: str, lines: list[str]) -> str:
    body = "\n".join(lines).strip("\n")
    text = head.strip()
    if body.strip():
        text = f"{text}\n\n{_dedent(body)}" if text else _dedent(body)
    return image_placeholders(text).strip()


def _dedent(text: str) -> str:
    if not text.startswith(" ") and "\n " not in text:
        return text  # no row is indented: nothing to cut
    rows = text.split("\n")
    widths = [len(r) - len(r.lstrip(" ")) for r in rows if r.strip()]
    cut = min(widths, default=0)
    return "\n".join(r[cut:] for r in rows)


def _without_letters(texts: list[str]) -> list[str]:
    """``A. S3``, ``B. EC2`` ... lose their letters: quizapp letters choices itself."""
    marks = [_LETTER_PREFIX.match(t) for t in texts]
    expected = "ABCDEFGHIJ"[: len(texts)]
    if all(marks) and "".join(m.group(1).upper() for m in marks if m) == expected:
        return [_LETTER_PREFIX.sub("", t, count=1) for t in texts]
    return texts


def _explain(draft: Draft, tail: list[_Line]) -> str | None:
    """Fill the explanation and references from the lines after the choices; return an
    answer line's text when there is one."""
    answer: str | None = None
    kept: list[str] = []
    for line in tail:
        low = line.text.lower()
        if not line.fenced and ("answer" in low or "explanation" in low):
            said = _after(_CORRECT, _TAG.sub("", line.text))
            if said is not None and answer is None:
                answer = said.replace("*", "").replace("_", " ").strip()
                continue
            explained = _after(_EXPLANATION, line.text)
            if explained is not None:
                kept.append(explained)
                continue
        kept.append(line.text)
    text = _text_of(kept)
    if text:
        draft.explanation = text
        draft.references = links(text)
    return answer


def _without_summaries(text: str) -> str:
    """Drop ``<summary>...</summary>``; a linear scan, where a lazy regex turns quadratic on
    many unclosed tags."""
    low = text.lower()
    out: list[str] = []
    at = 0
    while (start := low.find("<summary", at)) >= 0:
        end = low.find("</summary>", start)
        if end < 0:
            break
        out.append(text[at:start])
        at = end + len("</summary>")
    out.append(text[at:])
    return "".join(out)


def _text(body: list[_Line]) -> str:
    return _text_of([line.text for line in body])


def _text_of(rows: list[str]) -> str:
    joined = "\n".join(rows)
    if "<" in joined:
        joined = _TAG.sub("", _without_summaries(joined))
    # Only a row opening with one of these can be a rule or a contents link (the fast filter).
    kept = [
        r for r in joined.split("\n") if not (r.lstrip()[:1] in _NOISE_OPENERS and _NOISE.match(r))
    ]
    text = _dedent("\n".join(kept)).strip()
    if "\n\n\n" in text:
        text = _BLANK_RUN.sub("\n\n", text)
    return image_placeholders(text)
