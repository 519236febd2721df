"""Markdown question lists: checkboxes (a), numbered items with details (b), answer keys (c)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from quizapp.core.collector import without_collection
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

# _CHOICE_LINE and these two find lines in the whole text, after the newline that
# opens each line (the regex engine skips to the next newline much faster than it tries "^" at
# every position, and faster than Python walks the lines); "[^\S\n]" is "\s" within a line.
_FENCE_OR_HEADING = re.compile(r"\n(?:[^\S\n]*(```|~~~)|(#{1,6})[ \t]+(.*))")
_NUMBERED = re.compile(r"\n(\d{1,6})[.)][^\S\n]+(.*)")
_CHECKBOX = re.compile(r"^\s*[-*+]\s+\[([ xX])\]\s?(.*)$")
_LETTERED_BULLET = re.compile(r"^\s+[-*+]\s+([A-Ja-j])[.)]\s+(.*)$")
# A checkbox line gives "[", a lettered bullet line "" (a line cannot be both).
_CHOICE_LINE = re.compile(
    r"\n(?:[^\S\n]*[-*+][^\S\n]+(\[)[ xX]\]|[^\S\n]+[-*+][^\S\n]+[A-Ja-j][.)][^\S\n])"
)
_LETTERED_LINE = re.compile(r"^\s*(?:[-*+]\s+)?\(?([A-Ja-j])[).]\s+(.*)$")
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
# Only a row opening with one of these can be a rule or a contents link (the fast filter).
_NOISE_OPENER = re.compile(r"\n[^\S\n]*[-*_\[]")
_BLANK_RUN = re.compile(r"\n{3,}")
_LETTER_PREFIX = re.compile(r"^([A-Ja-j])[.)]\s+")


@dataclass(slots=True)
class _Source:
    """The text's lines, which of them are inside a code block, and its headings."""

    text: str  # the text after a newline: every line, the first too, follows one
    lines: list[str]
    fenced: list[bool]  # inside a code block: never a heading, a choice or an answer
    spans: list[tuple[int, int]]  # the code blocks, as ranges of ``text``
    headings: list[tuple[int, int, str]] = field(default_factory=list)  # (index, level, text)

    def starts(self, pattern: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str]]]:
        """The lines outside code blocks that ``pattern`` (from a line's newline) matches."""
        line = at = 0
        for m in pattern.finditer(self.text):
            line += self.text.count("\n", at, m.start())
            at = m.start()
            if not self.fenced[line]:
                yield line, m

    def findall(self, pattern: re.Pattern[str]) -> tuple[list[str], list[str]]:
        """``pattern.findall`` (from a line's newline) over the text, and within code blocks."""
        inside = [x for a, b in self.spans for x in pattern.findall(self.text, a, b)]
        return pattern.findall(self.text), inside


@dataclass(slots=True)
class _Block:
    """A heading (or numbered item) and the lines up to the next one."""

    line: int
    level: int
    head: str
    body: list[str]
    fenced: list[bool]


def _source(text: str) -> _Source:
    text = normalize_newlines(text)
    lines = text.split("\n")
    src = _Source("\n" + text, lines, [False] * len(lines), [])
    text = src.text
    # A fence opens a code block, and the next fence of the same kind closes it; headings count
    # outside code blocks only. Only the lines that open with a fence or a heading are visited.
    fence: str | None = None
    line = at = start = begin = 0
    for m in _FENCE_OR_HEADING.finditer(text):
        line += text.count("\n", at, m.start())
        at = m.start()
        if fence is None and m.group(1):
            fence, start, begin = m.group(1), line, at
        elif fence is None:
            src.headings.append((line, len(m.group(2)), _heading(m.group(3))))
        elif m.group(1) == fence:
            src.fenced[start : line + 1] = [True] * (line + 1 - start)
            end = text.find("\n", at + 1)
            src.spans.append((begin, len(text) if end < 0 else end))
            fence = None
    if fence is not None:
        src.fenced[start:] = [True] * (len(lines) - start)
        src.spans.append((begin, len(text)))
    return src


def _heading(text: str) -> str:
    text = text.strip()
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1] in " \t"):
        text = bare.strip()  # a closing sequence: "## Title ##"
    return text


def _title(src: _Source) -> str | None:
    for _, level, text in src.headings:
        if level == 1 and text:
            return _plain(text)
    return None


def _plain(text: str) -> str:
    """A heading as a topic or title: no emphasis markers or link syntax."""
    text = re.sub(r"\[([^\[\]]*)\]\([^()]*\)", r"\1", text)
    return re.sub(r"[*_`]+", "", text).strip()


def _dialect(src: _Source) -> str:
    marks, fenced = src.findall(_CHOICE_LINE)
    checkboxes = marks.count("[") - fenced.count("[")
    counts = {
        "a": checkboxes,
        "b": len(marks) - len(fenced) - checkboxes,
        # one heading stands for a whole question
        "c": 4 * sum(1 for _, _, text in src.headings if _QUESTION_HEADING.match(text)),
    }
    return max(counts, key=lambda k: counts[k])


@without_collection
def parse_markdown(text: str) -> Parsed:
    """Read a Markdown question list in whichever of the three dialects it is written."""
    src = _source(text)
    result = Parsed(title=_title(src))
    dialect = _dialect(src)
    if dialect == "b":
        _numbered(src, result)
    else:
        _headed(src, result, answer_key=dialect == "c")
    return result


def _blocks(src: _Source, *, numbered: bool) -> Iterator[_Block]:
    """Split at headings (and, for numbered lists, at unindented numbered items); the lines
    before the first are not a block."""
    starts = src.headings
    if numbered:
        # 7: below every heading
        items = [(i, 7, m.group(2).strip()) for i, m in src.starts(_NUMBERED)]
        starts = sorted(starts + items)
    for k, (i, level, head) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(src.lines)
        yield _Block(i + 1, level, head, src.lines[i + 1 : end], src.fenced[i + 1 : end])


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


def _headed(src: _Source, result: Parsed, *, answer_key: bool) -> None:
    """Dialects (a) checkbox choices and (c) lettered choices with an answer key at the end."""
    sections = _Sections(result.title)
    # (draft, its number, an inline answer, the choices' letters in the source)
    pending: list[tuple[Draft, int, str | None, list[str]]] = []
    key: dict[int, tuple[list[str] | None, str]] = {}
    in_key = False
    last: tuple[Draft, int] | None = None
    for block in _blocks(src, numbered=False):
        qh = _QUESTION_HEADING.match(block.head) if answer_key else None
        if answer_key and not qh and _ANSWER_HEADING.search(block.head):
            in_key = True
            _read_key(block.body, block.fenced, key)
            continue
        if in_key and not qh:
            _read_key([block.head, *block.body], [False, *block.fenced], key)
            continue
        in_key = False
        got = _lettered_question(block, qh) if answer_key else _checkbox_question(block)
        if got is None:
            if last is not None and block.level > last[1] and last[0].explanation is None:
                extra = _text_of(block.body)
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


def _read_key(
    body: list[str], fenced: list[bool], key: dict[int, tuple[list[str] | None, str]]
) -> None:
    for line, inside in zip(body, fenced, strict=True):
        if inside:
            continue
        m = _KEY_LINE.match(line)
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
    block: _Block, is_choice: re.Pattern[str]
) -> tuple[list[str], list[tuple[str, str]], int]:
    """Prompt lines, choices (label-or-mark, text) with lazy continuations, and where the tail
    starts."""
    body, fenced = block.body, block.fenced
    for start, line in enumerate(body):
        if not fenced[start] and (m := is_choice.match(line)):
            break
    else:
        return body, [], len(body)
    choices = [(m.group(1), m.group(2).strip())]
    for i in range(start + 1, len(body)):
        line = body[i]
        m = None if fenced[i] else is_choice.match(line)
        if m:
            choices.append((m.group(1), m.group(2).strip()))
        elif not fenced[i] and _continues(line) and body[i - 1].strip():
            mark, prev = choices[-1]
            choices[-1] = (mark, f"{prev} {line.strip()}")
        else:
            return body[:start], choices, i
    return body[:start], choices, len(body)


def _continues(line: str) -> bool:
    """A lazily wrapped choice's next line: text that opens no list item, tag or answer."""
    return bool(
        line.strip()
        and not re.match(r"^\s*([-*+]|\d+[.)])\s", line)
        and not line.lstrip().startswith("<")
        and _after(_CORRECT, line) is None
        and _after(_EXPLANATION, line) is None
    )


# A question found in a block: the draft (or why it was skipped), its number, an inline answer,
# and the letters its choices carry in the source.
_Found = tuple[Draft | Skipped, int, str | None, list[str]]


def _after(pattern: re.Pattern[str], text: str) -> str | None:
    """The rest of ``text`` after ``pattern`` at its start (after indentation), else None."""
    stripped = text.lstrip()
    m = pattern.match(stripped[:200])
    return stripped[m.end() :] if m else None


def _checkbox_question(block: _Block) -> _Found | None:
    prompt_lines, choices, after = _split_body(block, _CHECKBOX)
    if not choices:
        return None
    draft = Draft(block.line, _prompt(block.head, prompt_lines))
    texts = _without_letters([c[1] for c in choices])
    checked = [mark != " " for mark, _ in choices]
    draft.choices = [DraftChoice(t, x) for t, x in zip(texts, checked, strict=True)]
    _explain(draft, block, after)
    if True not in checked:
        return Skipped(block.line, "no checked choice"), 0, None, []
    return draft, 0, None, []


def _lettered_question(block: _Block, qh: re.Match[str] | None) -> _Found | None:
    if qh is None:
        return None
    prompt_lines, choices, after = _split_body(block, _LETTERED_LINE)
    if not choices:
        return None
    draft = Draft(block.line, _prompt(qh.group(2), prompt_lines))
    labels = _label(draft, choices)
    if isinstance(labels, str):
        return Skipped(block.line, labels), 0, None, []
    inline = _explain(draft, block, after)
    return draft, int(qh.group(1)), inline, labels


def _numbered(src: _Source, result: Parsed) -> None:
    """Dialect (b): numbered items, indented ``- A. text`` choices, ``Correct answer:`` lines."""
    sections = _Sections(result.title)
    for block in _blocks(src, numbered=True):
        if block.level < 7:
            sections.enter(block.level, block.head)
            continue
        prompt_lines, choices, after = _split_body(block, _LETTERED_BULLET)
        if not choices:
            continue  # a numbered list that is not a question (contents, steps of an intro)
        draft = Draft(block.line, _prompt(block.head, prompt_lines), topic=sections.topic(7))
        labels = _label(draft, choices)
        if isinstance(labels, str):
            result.skipped.append(Skipped(block.line, labels))
            continue
        inline = _explain(draft, block, after)
        letters = answer_letters(inline) if inline is not None else None
        if letters is None:
            result.skipped.append(Skipped(block.line, "no 'Correct answer:' line"))
            continue
        problem = _mark(draft, labels, letters)
        if problem:
            result.skipped.append(Skipped(block.line, problem))
            continue
        result.questions.append(draft)


def _label(draft: Draft, choices: list[tuple[str, str]]) -> list[str] | str:
    """Set the choices in letter order; return their letters, or why they cannot be used."""
    labels = [c[0].upper() for c in choices]
    if len(set(labels)) != len(labels):
        return "two choices have the same letter"
    order = sorted(range(len(choices)), key=lambda i: labels[i])
    draft.choices = [DraftChoice(choices[i][1]) for i in order]
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
    if texts and not _LETTER_PREFIX.match(texts[0]):
        return texts  # the usual case, told from the first choice
    marks = [_LETTER_PREFIX.match(t) for t in texts]
    expected = "ABCDEFGHIJ"[: len(texts)]
    if all(marks) and "".join(m.group(1).upper() for m in marks if m) == expected:
        return [_LETTER_PREFIX.sub("", t, count=1) for t in texts]
    return texts


def _explain(draft: Draft, block: _Block, start: int) -> str | None:
    """Fill the explanation and references from the block's lines after the choices (from
    ``start``); return an answer line's text when there is one."""
    answer: str | None = None
    kept = block.body[start:]
    dropped = -1  # the answer line, the first one only
    # Both patterns end in a colon: only the lines with one are looked at (the fast filter).
    for i in [i for i, line in enumerate(kept) if ":" in line or "\uff1a" in line]:
        line = kept[i]
        if block.fenced[start + i] or not _names_answer(line):
            continue
        said = _after(_CORRECT, _TAG.sub("", line))
        if said is not None and answer is None:
            answer = said.replace("*", "").replace("_", " ").strip()
            dropped = i
            continue
        explained = _after(_EXPLANATION, line)
        if explained is not None:
            kept[i] = explained
    if dropped >= 0:
        del kept[dropped]
    text = _text_of(kept)
    if text:
        draft.explanation = text
        draft.references = links(text)
    return answer


def _names_answer(line: str) -> bool:
    low = line.lower()
    return "answer" in low or "explanation" in low


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


def _text_of(rows: list[str]) -> str:
    joined = "\n".join(rows)
    if "<" in joined:
        joined = _TAG.sub("", _without_summaries(joined))
    if _NOISE_OPENER.search("\n" + joined):
        rows = joined.split("\n")
        joined = "\n".join(r for r in rows if not (r.lstrip()[:1] in "-*_[" and _NOISE.match(r)))
    text = _dedent(joined).strip()
    if "\n\n\n" in text:
        text = _BLANK_RUN.sub("\n\n", text)
    return image_placeholders(text)
