"""Turn importer drafts into bank YAML that the loader accepts, and say what was left out."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, Literal

from quizapp.core.bank.loader import has_errors, load_text
from quizapp.core.collector import without_collection
from quizapp.core.importers.draft import Draft, Parsed, control_character
from quizapp.core.importers.emitter import dump
from quizapp.core.importers.provenance import source_line
from quizapp.core.words import plural

MAX_FIELD = 10_000  # characters in one prompt, choice or explanation
SCHEMA_LINE = "# yaml-language-server: $schema=bank.schema.json"
_LETTERS = "ABCDEFGHIJ"
_WORD = re.compile(r"[A-Za-z0-9]+")
_NAMES = {"markdown": "Markdown", "aiken": "Aiken", "gift": "GIFT", "csv": "CSV"}


@dataclass(frozen=True, slots=True)
class Source:
    """One input: the name the report uses for it and what its importer read."""

    name: str
    parsed: Parsed


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line settles for the whole bank."""

    bank_id: str
    title: str
    fmt: str
    topic: str | None = None
    domain: str | None = None


@dataclass(frozen=True, slots=True)
class ReportLine:
    """``FILE:LINE: skipped: why``, or a note about a converted question."""

    file: str
    line: int
    kind: Literal["skipped", "note"]
    message: str

    def format(self) -> str:
        """The editor-clickable form."""
        return f"{self.file}:{self.line}: {self.kind}: {self.message}"


@dataclass(slots=True)
class Built:
    """The bank text (None when nothing converted), counts and the report."""

    text: str | None
    converted: int
    total: int
    report: list[ReportLine] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        """Items of the sources that did not become questions."""
        return self.total - self.converted


def slug(text: str, limit: int = 40) -> str:
    """Lowercase ASCII words joined by '-', cut at a word boundary near ``limit``."""
    ascii_text = (
        text
        if text.isascii()
        else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    )
    out = ""
    # Lazily, word by word: a prompt's first words are enough (no lowering of all of it).
    for m in _WORD.finditer(ascii_text):
        word = m.group(0).lower()
        if len(out) + len(word) + 1 > limit:
            return out or word[:limit]  # a first word longer than the limit is cut
        out = f"{out}-{word}" if out else word
    return out


def clean_name(name: str) -> str:
    """A file name or title fit for one comment line: control characters become '?'."""
    return "".join("?" if unicodedata.category(c) == "Cc" else c for c in name).strip()


def _problem(d: Draft) -> str | None:
    """Why a draft cannot become a valid question, checked before any YAML is written."""
    texts = [d.prompt, d.explanation or "", d.topic or "", d.domain or "", d.source_id or ""]
    texts += [c.text for c in d.choices] + [c.why or "" for c in d.choices]
    texts += [x for pair in d.pairs for x in pair] + [r.url for r in d.references]
    texts += [r.title or "" for r in d.references]
    # One search over all the texts: newline is allowed, so joining cannot make a new match.
    bad = control_character("\n".join(texts))
    if bad:
        return f"control character {bad} in the question"
    longest = max(map(len, texts))
    if longest > MAX_FIELD:
        return f"a text of {longest:,} characters (the limit is {MAX_FIELD:,})"
    if not d.prompt.strip():
        return "empty question text"
    if d.pairs:
        return None
    n = len(d.choices)
    if not 2 <= n <= 10:
        return f"{plural(n, 'choice')} (a question has 2 to 10)"
    keys = [c.text.strip().casefold() for c in d.choices]
    if "" in keys:
        return f"choice {_LETTERS[keys.index('')]} is empty"
    if len(set(keys)) < n:  # only then find the pair, in order
        seen: dict[str, int] = {}
        for i, key in enumerate(keys):
            if key in seen:
                return f"choices {_LETTERS[seen[key]]} and {_LETTERS[i]} have the same text"
            seen[key] = i
    correct = sum(c.correct for c in d.choices)
    if correct == 0:
        return "no correct choice"
    if correct == n:
        return "every choice is marked correct"
    # A prompt that says "(Choose two.)" against a different count is caught by the loader.
    return None


def _question(d: Draft, qid: str, options: Options, fallback_topic: str) -> dict[str, Any]:
    q: dict[str, Any] = {"id": qid, "topic": (d.topic or options.topic or fallback_topic).strip()}
    domain = d.domain or options.domain
    if domain:
        q["domain"] = domain.strip()
    if d.difficulty:
        q["difficulty"] = d.difficulty
    if d.pairs:
        q["type"] = "matching"
        q["prompt"] = d.prompt
        q["pairs"] = [{"prompt": a, "match": b} for a, b in d.pairs]
    else:
        q["prompt"] = d.prompt
        # Choices as plain strings and the key as letters, the way people write banks by hand;
        # it is also the shortest form for the loader to read back.
        q["choices"] = [{"text": c.text, "why": c.why} if c.why else c.text for c in d.choices]
        letters = [_LETTERS[i] for i, c in enumerate(d.choices) if c.correct]
        q["answer"] = letters[0] if len(letters) == 1 else letters
    if d.explanation and d.explanation.strip():
        q["explanation"] = d.explanation
    if d.references:
        q["references"] = [
            {"title": r.title, "url": r.url} if r.title else r.url for r in d.references
        ]
    if d.tags:
        q["tags"] = list(dict.fromkeys(d.tags))
    return q


def _ids(drafts: Sequence[Draft]) -> list[str]:
    """Ids from the source where it gives them, else a slug of the prompt with a short hash:
    the same file imported again gives the same ids."""
    out: list[str] = []
    used: set[str] = set()
    for d in drafts:
        base = slug(d.source_id, 60) if d.source_id else ""
        if not base:
            digest = hashlib.sha1(d.prompt.encode("utf-8", "replace")).hexdigest()[:6]
            words = slug(d.prompt)
            base = f"{words}-{digest}" if words else f"q-{digest}"
        qid, n = base, 2
        while qid in used:
            qid, n = f"{base}-{n}", n + 1
        used.add(qid)
        out.append(qid)
    return out


def _dump(header: list[str], data: dict[str, Any]) -> str:
    return "\n".join(header) + "\n\n" + dump(data)


@without_collection
def build_bank(sources: Sequence[Source], options: Options) -> Built:
    """Check every draft, give ids and topics, write YAML and prove it validates."""
    report: list[ReportLine] = []
    kept: list[tuple[str, Draft]] = []
    total = 0
    for src in sources:
        total += len(src.parsed.questions) + len(src.parsed.skipped)
        lines = [ReportLine(src.name, s.line, "skipped", s.why) for s in src.parsed.skipped]
        lines += [ReportLine(src.name, n.line, "note", n.message) for n in src.parsed.notes]
        for d in src.parsed.questions:
            why = _problem(d)
            if why:
                lines.append(ReportLine(src.name, d.line, "skipped", why))
            else:
                kept.append((src.name, d))
        report += sorted(lines, key=lambda r: r.line)
    names = ", ".join(clean_name(PurePath(s.name).name) for s in sources)
    kind = _NAMES.get(options.fmt, options.fmt)
    header = [SCHEMA_LINE, source_line(names, kind)]
    header.append("# Check it with: quizapp validate THIS-FILE")
    info: dict[str, Any] = {
        "id": options.bank_id,
        "title": options.title,
        "description": f"Imported from {names} ({kind}).",
        "tags": ["imported"],
    }
    for _ in range(3):
        if not kept:
            return Built(None, 0, total, report)
        ids = _ids([d for _, d in kept])
        questions = [
            _question(d, qid, options, options.title) for qid, (_, d) in zip(ids, kept, strict=True)
        ]
        data = {"bank": info, "questions": questions}
        text = _dump(header, data)
        # The emitter writes back exactly what it is given (its round-trip test), so checking
        # the data proves the file; only a failing bank is loaded from its text, for the details.
        if not has_errors(data):
            return Built(text, len(kept), total, report)
        loaded = load_text(text, "imported bank")
        errors = [p for p in loaded.problems if p.severity == "error"]
        if not errors:
            return Built(text, len(kept), total, report)
        # A rule the checks above missed: leave those questions out, never write a broken bank.
        bad = {p.question: p.message for p in errors if p.question}
        if not bad:
            raise ValueError(f"the bank header does not validate: {errors[0].message}")
        still: list[tuple[str, Draft]] = []
        for qid, (name, d) in zip(ids, kept, strict=True):
            if qid in bad:
                report.append(ReportLine(name, d.line, "skipped", bad[qid]))
            else:
                still.append((name, d))
        kept = still
    return Built(None, 0, total, report)
