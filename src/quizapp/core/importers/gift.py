"""Moodle GIFT: single and multiple choice (with weights), true/false and matching questions."""

from __future__ import annotations

import html
import re

from quizapp.core.collector import without_collection
from quizapp.core.importers.draft import (
    Draft,
    DraftChoice,
    Note,
    Parsed,
    Skipped,
    image_placeholders,
    normalize_newlines,
)

# Escaped characters become private-use stand-ins while the structure is read, then turn back.
_ESCAPES = {"\\\\": "\ue000", "\\~": "\ue001", "\\=": "\ue002", "\\#": "\ue003"}
_ESCAPES |= {"\\{": "\ue004", "\\}": "\ue005", "\\:": "\ue006", "\\n": "\n"}
_RESTORE = str.maketrans({v: k[1] for k, v in _ESCAPES.items() if k != "\\n"})
_ESCAPE = re.compile(r"\\[\\~=#{}:n]")
_TITLE = re.compile(r"^\s*::(.*?)::", re.DOTALL)
_FORMAT = re.compile(r"^\s*\[(markdown|html|plain|moodle)\]", re.IGNORECASE)
_CLOZE = re.compile(r"\{\d*:[A-Z_]+:", re.IGNORECASE)
_TRUE_FALSE = re.compile(r"^(TRUE|FALSE|T|F)\b(.*)$", re.IGNORECASE | re.DOTALL)
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_ITEM = re.compile(r"[=~]")


@without_collection
def parse_gift(text: str) -> Parsed:
    """Read GIFT text; kinds quizapp has no form for are skipped with their line and kind."""
    result = Parsed()
    category: str | None = None
    block: list[tuple[int, str]] = []
    for n, raw in enumerate([*normalize_newlines(text).split("\n"), ""], 1):
        if raw.lstrip().startswith("//"):
            continue
        if raw.strip():
            block.append((n, raw))
            continue
        if not block:
            continue
        lines, block = block, []
        while lines and lines[0][1].strip().upper().startswith("$CATEGORY:"):
            category = _category(lines[0][1].strip()[len("$CATEGORY:") :])
            lines = lines[1:]
        if lines:
            _question(result, lines[0][0], "\n".join(t for _, t in lines), category)
    return result


def _category(path: str) -> str | None:
    """``$course$/top/AWS/Storage`` -> ``Storage``: the last part names the topic."""
    parts = [p.strip() for p in path.replace("//", "\ue007").split("/")]
    parts = [
        p.replace("\ue007", "/")
        for p in parts
        if p
        and p.lower()
        not in {"$course$", "$system$", "$module$", "$cat1$", "$cat2$", "$cat3$", "$cat4$", "top"}
    ]
    return parts[-1] if parts else None


def _question(result: Parsed, line: int, text: str, category: str | None) -> None:
    def skip(why: str) -> None:
        result.skipped.append(Skipped(line, why))

    if _CLOZE.search(text):
        return skip("embedded-answer (Cloze) question")
    text = _ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], text)
    title: str | None = None
    m = _TITLE.match(text)
    if m:
        title = _unescape(m.group(1)).strip() or None
        text = text[m.end() :]
    fmt = "moodle"
    f = _FORMAT.match(text)
    if f:
        fmt = f.group(1).lower()
        text = text[f.end() :]
    open_at = text.find("{")
    if open_at < 0:
        return skip("description (no answers)")
    close_at = text.find("}", open_at)
    if close_at < 0:
        return skip("'{' without a closing '}'")
    before, body, after = text[:open_at], text[open_at + 1 : close_at], text[close_at + 1 :]
    if "{" in after or "{" in body:
        return skip("more than one answer block")
    if "}" in before or "}" in after:
        return skip("'}' without an opening '{'")
    prompt = before.strip()
    if after.strip():
        prompt = f"{prompt} _____ {after.strip()}".strip()  # missing-word form
    body, _, general = body.partition("####")
    body = body.strip()
    draft = Draft(line, _text(prompt, fmt), topic=category, source_id=title)
    if general.strip():
        draft.explanation = _text(general.strip(), fmt)
    if not body:
        return skip("essay question")
    if body.startswith("#"):
        return skip("numerical question")
    tf = _TRUE_FALSE.match(body)
    if tf and not _ITEM.search(tf.group(2)):
        value = tf.group(1).upper().startswith("T")
        feedback = [_text(x.strip(), fmt) or None for x in tf.group(2).split("#")[1:3]]
        wrong, right = [*feedback, None, None][:2]
        draft.choices = [
            DraftChoice("True", value, right if value else wrong),
            DraftChoice("False", not value, wrong if value else right),
        ]
        result.questions.append(draft)
        return None
    first = _ITEM.search(body)
    if first is None or body[: first.start()].strip():
        return skip("answers must start with '=' or '~'")
    items = [(body[i], body[i + 1 : j]) for i, j in _spans(body)]
    if all(mark == "=" for mark, _ in items):
        if all("->" in item for _, item in items):
            return _matching(result, draft, items, fmt)
        if not any("->" in item for _, item in items):
            return skip("short-answer question")
        return skip("matching question with an answer that has no '->'")
    return _choices(result, draft, items, fmt)


def _spans(body: str) -> list[tuple[int, int]]:
    starts = [m.start() for m in _ITEM.finditer(body)]
    return list(zip(starts, [*starts[1:], len(body)], strict=True))


def _matching(result: Parsed, draft: Draft, items: list[tuple[str, str]], fmt: str) -> None:
    pairs: list[tuple[str, str]] = []
    for _, item in items:
        left, _, right = item.partition("->")
        left, right = (
            _text(left.split("#")[0].strip(), fmt),
            _text(right.split("#")[0].strip(), fmt),
        )
        if not left:
            result.skipped.append(
                Skipped(draft.line, "matching answer with no prompt (an extra match)")
            )
            return
        pairs.append((left, right))
    if not 3 <= len(pairs) <= 7:
        result.skipped.append(
            Skipped(draft.line, f"matching question with {len(pairs)} pairs (3 to 7 fit)")
        )
        return
    draft.pairs = pairs
    result.questions.append(draft)


def _choices(result: Parsed, draft: Draft, items: list[tuple[str, str]], fmt: str) -> None:
    partial: list[str] = []
    for mark, item in items:
        item = item.strip()
        weight = 100.0 if mark == "=" else 0.0
        w = _WEIGHT.match(item)
        if w:
            weight = float(w.group(1))
            item = item[w.end() :]
            if 0 < weight < 100:
                partial.append(f"{w.group(1)}%")
        choice_text, _, why = item.partition("#")
        draft.choices.append(
            DraftChoice(
                _text(choice_text.strip(), fmt), weight > 0, _text(why.strip(), fmt) or None
            )
        )
    if not any(c.correct for c in draft.choices):
        result.skipped.append(Skipped(draft.line, "no correct answer (no '=' or positive weight)"))
        return
    if partial:
        weights = ", ".join(partial)
        result.notes.append(
            Note(draft.line, f"partial-credit weights ({weights}) scored all-or-nothing")
        )
    result.questions.append(draft)


def _unescape(text: str) -> str:
    return text.translate(_RESTORE)


def _text(text: str, fmt: str) -> str:
    """GIFT text as Markdown: HTML loses its tags (quizapp shows text, never markup)."""
    text = _unescape(text)
    if fmt == "html":
        text = re.sub(
            r"<img\b[^<>]*>", lambda m: image_placeholders(m.group(0)), text, flags=re.IGNORECASE
        )
        text = re.sub(r"<br\s*/?>|</p>", "\n", text, flags=re.IGNORECASE)
        text = html.unescape(re.sub(r"<[^<>]*>", "", text))
    return image_placeholders(text).strip()
