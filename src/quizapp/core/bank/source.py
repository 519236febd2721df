"""Safe, string-only YAML reading on libyaml's event stream, with positions on demand."""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from quizapp.core.bank.rules import Path

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 32


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based line and column in a file."""

    line: int
    column: int


class SourceError(Exception):
    """The file cannot be read as quizapp YAML; ``problems`` holds every (mark, message) found."""

    def __init__(self, problems: list[tuple[Mark, str]]) -> None:
        super().__init__(problems[0][1] if problems else "unreadable file")
        self.problems = problems


@dataclass(slots=True)
class Positions:
    """Where each value (and each mapping key) of a document starts, by data path."""

    values: dict[Path, Mark] = field(default_factory=dict)
    keys: dict[Path, Mark] = field(default_factory=dict)
    #: Problems that did not stop the parse (duplicate keys, non-text keys).
    problems: list[tuple[Mark, str]] = field(default_factory=list)

    def find(self, path: Path, *, key: bool = False) -> Mark:
        """The mark of ``path``'s key (or value); else of the nearest ancestor that exists."""
        if key and path in self.keys:
            return self.keys[path]
        for end in range(len(path), -1, -1):
            mark = self.values.get(path[:end])
            if mark is not None:
                return mark
        return Mark(1, 1)


def read_text(path: FsPath) -> str:
    """Read a bank file as UTF-8, refusing special and oversize files (see :func:`read_capped`)."""
    return decode(read_capped(path, MAX_BYTES))


def read_capped(path: FsPath, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, never reading more than ``limit`` + 1 of them.

    The file is opened first and checked on its descriptor, so a FIFO cannot block (it is opened
    non-blocking) and a link to ``/dev/zero`` or a ``/proc`` file, whose size reads 0, cannot slip
    past the limit.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise SourceError([(Mark(1, 1), f"cannot read file: {exc.strerror}")]) from None
    chunks: list[bytes] = []
    left = limit + 1
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SourceError([(Mark(1, 1), "not a regular file")])
        if st.st_size > limit:
            raise SourceError([(Mark(1, 1), _too_big(st.st_size, limit))])
        step = st.st_size + 1  # the whole file in one read, unless its size lied
        while left > 0:
            chunk = os.read(fd, min(left, step))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
            step = 1 << 20
    except OSError as exc:
        raise SourceError([(Mark(1, 1), f"cannot read file: {exc.strerror}")]) from None
    finally:
        os.close(fd)
    if left <= 0:  # more than the size said: a file still growing, or one in /proc
        raise SourceError([(Mark(1, 1), f"file is over the {limit / 1024 / 1024:.0f} MB limit")])
    return b"".join(chunks)


def _too_big(size: int, limit: int) -> str:
    mb, cap = size / 1024 / 1024, limit / 1024 / 1024
    return f"file is {mb:.1f} MB; the limit is {cap:.0f} MB"


def decode(data: bytes) -> str:
    """Decode UTF-8 (a BOM is allowed); a bad byte is reported at its line and column."""
    if len(data) > MAX_BYTES:
        raise SourceError([(Mark(1, 1), "file is over the 20 MB limit")])
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start]
        line = head.count(b"\n") + 1
        column = len(head) - (head.rfind(b"\n") + 1) + 1
        bad = data[exc.start]
        message = f"file is not UTF-8 text (byte 0x{bad:02x}); save it as UTF-8"
        raise SourceError([(Mark(line, column), message)]) from None


def _mark(event: Any) -> Mark:
    m = event.start_mark
    return Mark(m.line + 1, m.column + 1)


_NO_KEY = object()


def parse(text: str, *, positions: bool = False) -> tuple[Any, Positions | None]:
    """Build plain dicts, lists and strings from one YAML document.

    Every scalar stays the text the author wrote (YAML 1.1 would turn ``No`` into False); only
    an empty plain value becomes None. Anchors, aliases and explicit tags are refused at the
    first one met, so an alias bomb costs nothing. Without ``positions`` the first problem of
    any kind stops the parse (callers then re-parse with positions for the full report).
    """
    # Imported here: a start-up from the cache never parses YAML, so it need not load PyYAML.
    import yaml
    from yaml import events

    parser: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present
    pos = Positions() if positions else None
    problems = pos.problems if pos is not None else []
    # Each frame: [container, pending key or _NO_KEY, path, start event]
    stack: list[list[Any]] = []
    root: Any = None
    seen_root = False
    loader: Any = None
    scalar_cls, map_start, map_end = (
        events.ScalarEvent,
        events.MappingStartEvent,
        events.MappingEndEvent,
    )
    seq_start, seq_end = events.SequenceStartEvent, events.SequenceEndEvent
    try:
        loader = parser(text)  # libyaml checks the characters here already
        get = loader.get_event
        while True:
            ev = get()
            cls = ev.__class__
            if cls is scalar_cls:
                if ev.anchor is not None or ev.tag is not None:
                    _refuse(ev)
                value: Any = ev.value
                if value == "" and ev.implicit[0]:
                    value = None
                at = ev
            elif cls is map_start or cls is seq_start:
                if ev.anchor is not None or ev.tag is not None:
                    _refuse(ev)
                if len(stack) >= MAX_DEPTH:
                    raise SourceError([(_mark(ev), f"nesting deeper than {MAX_DEPTH} levels")])
                container: Any = {} if cls is map_start else []
                if pos is not None:
                    path = _child_path(stack) if stack else ()
                    pos.values[path] = _mark(ev)
                else:
                    path = ()
                stack.append([container, _NO_KEY, path, ev])
                continue
            elif cls is map_end or cls is seq_end:
                value, _, _, at = stack.pop()
            elif cls is events.AliasEvent:
                raise SourceError(
                    [(_mark(ev), "YAML aliases (*name) are not allowed in quizapp files")]
                )
            elif cls is events.DocumentStartEvent:
                if seen_root:
                    raise SourceError([(_mark(ev), "only one YAML document is allowed per file")])
                continue
            elif cls is events.StreamEndEvent:
                break
            else:  # stream start, document end
                continue
            # A finished value: attach it to its parent.
            if not stack:
                root, seen_root = value, True
                continue
            frame = stack[-1]
            parent = frame[0]
            if parent.__class__ is list:
                if pos is not None and cls is scalar_cls:
                    pos.values[(*frame[2], len(parent))] = _mark(ev)
                parent.append(value)
            elif frame[1] is _NO_KEY:
                if value is None or value.__class__ is not str:
                    problem = (_mark(at), "a mapping key must be plain text")
                    if pos is None:
                        raise SourceError([problem])
                    problems.append(problem)
                    value = f"<key {len(parent)}>"
                if value in parent:
                    if pos is None:
                        raise SourceError([(_mark(ev), f"duplicate key '{value}'")])
                    first = pos.keys[(*frame[2], value)]
                    problems.append(
                        (_mark(ev), f"duplicate key '{value}' (first at line {first.line})")
                    )
                    value = _DuplicateKey(value)
                frame[1] = value
                if pos is not None and value.__class__ is str:
                    pos.keys[(*frame[2], value)] = _mark(ev)
            else:
                key = frame[1]
                if pos is not None and cls is scalar_cls and key.__class__ is str:
                    pos.values[(*frame[2], key)] = _mark(ev)
                if key.__class__ is str:
                    parent[key] = value
                frame[1] = _NO_KEY
    except yaml.MarkedYAMLError as exc:
        raise SourceError([*problems, _syntax_problem(exc, text)]) from None
    except yaml.reader.ReaderError as exc:
        head = text[: exc.position]
        where = Mark(head.count("\n") + 1, exc.position - (head.rfind("\n") + 1) + 1)
        what = f"a control character (#x{exc.character:04x}) that YAML does not allow"
        if isinstance(exc.character, bytes):  # pragma: no cover - str input gives code points
            what = "bytes that are not text"
        raise SourceError([*problems, (where, f"YAML error: {what}")]) from None
    except yaml.YAMLError as exc:
        one_line = " ".join(str(exc).split())
        raise SourceError([*problems, (Mark(1, 1), f"YAML error: {one_line}")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    return root, pos


class _DuplicateKey(str):
    """A repeated key: its value is dropped after the duplicate is reported."""

    __slots__ = ()


def _child_path(stack: list[list[Any]]) -> Path:
    frame = stack[-1]
    parent = frame[0]
    if parent.__class__ is list:
        return (*frame[2], len(parent))
    key = frame[1]
    return (*frame[2], key if key is not _NO_KEY else "?")


def _refuse(ev: Any) -> None:
    if ev.anchor is not None:
        raise SourceError([(_mark(ev), "YAML anchors (&name) are not allowed in quizapp files")])
    raise SourceError(
        [(_mark(ev), f"explicit YAML tag '{ev.tag}' is not allowed: every value is plain text")]
    )


def _syntax_problem(exc: Any, text: str) -> tuple[Mark, str]:
    mark = exc.problem_mark or exc.context_mark
    where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
    what = exc.problem or "syntax error"
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return where, "YAML syntax error: a tab character; indent with spaces"
    if exc.context:
        what = f"{what} ({exc.context}"
        if exc.context_mark is not None and exc.context_mark is not mark:
            what += f" at line {exc.context_mark.line + 1}"
        what += ")"
    hint = next((h for start, h in _HINTS if (exc.problem or "").startswith(start)), None)
    return where, f"YAML syntax error: {what}" + (f"; {hint}" if hint else "")


# What usually causes libyaml's commonest complaints in a hand-written bank, said plainly.
_INDENT = "check this line's indentation against the lines above"
_HINTS = (
    ("did not find expected key", _INDENT),
    ("did not find expected '-' indicator", _INDENT),
    ("could not find expected ':'", _INDENT),
    (
        "mapping values are not allowed",
        "a text holding ': ' needs quotes or a '|' block, or the line is indented too far",
    ),
    ("found character that cannot start any token", "quote a text that starts with ` or @"),
)
