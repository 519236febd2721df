"""A cache of validated bank files, so an unchanged library loads without parsing YAML."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizapp.core.bank.examspec import exam_from_dict
from quizapp.core.bank.problems import Problem
from quizapp.core.bank.source import MAX_BYTES, SourceError, read_capped

if TYPE_CHECKING:
    from quizapp.core.bank.library import Library
    from quizapp.core.bank.loader import LoadedFile

# The cache is plain JSON (never pickle), so a foreign or damaged cache file can at worst be
# ignored; it can never run code. A hit indexes the bank straight from the cached data; the
# bank's models are validated from that data the first time a question of it is used, and a
# bank that fails there is read from its YAML file again (see ``LoadedBank.file``). An entry is
# used only while the SHA-256 of the file's bytes matches, so no edit, whatever its size and
# mtime, is ever served stale (reading and hashing 14 MB takes about 9 ms).

FORMAT = 3
#: Far above any real cache (about the size of the YAML it holds); larger is ignored unread.
CACHE_MAX_BYTES = 512 * 1024 * 1024
_Entries = dict[str, dict[str, Any]]


class DamagedEntryError(Exception):
    """A cache entry does not have the shape this version writes."""


class BankCache:
    """Loaded files keyed by path, content hash and quizapp version, stored at ``path``."""

    def __init__(self, path: Path, version: str) -> None:
        self.path = path
        self.version = version
        self.hits = 0
        self.misses = 0

    def read(self) -> _Entries:
        """The stored entries; an unreadable, damaged or stale cache reads as empty."""
        try:
            stored = json.loads(read_capped(self.path, CACHE_MAX_BYTES))
        except (
            SourceError,
            ValueError,
            RecursionError,
        ):  # deep nesting exhausts the parser's stack
            return {}
        if (
            not isinstance(stored, dict)
            or stored.get("format") != FORMAT
            or stored.get("version") != self.version
            or not isinstance(stored.get("entries"), dict)
        ):
            return {}
        entries: _Entries = stored["entries"]
        return entries

    def load_into(self, library: Library, files: Sequence[Path]) -> None:
        """Add ``files`` to ``library`` in order, from the cache where they have not changed."""
        from quizapp.core.bank.library import collect  # library imports this module

        entries = self.read()
        changed = False
        for path in files:
            key = str(path)
            try:
                data = read_capped(path, MAX_BYTES)
            except SourceError:
                collect(library, _load(path))  # reports the problem
                continue
            digest = hashlib.sha256(data).hexdigest()
            entry = entries.get(key)
            if isinstance(entry, dict) and entry.get("sha256") == digest:
                try:
                    _restore(library, key, entry)
                except DamagedEntryError:
                    pass
                else:
                    self.hits += 1
                    continue
            self.misses += 1
            changed = True
            result = _load(path, data)  # the bytes just hashed, so the entry matches its hash
            collect(library, result)
            entries[key] = {
                "sha256": digest,
                **result.model_dump(mode="json", exclude={"path"}, exclude_defaults=True),
            }
        if changed:
            self.write({k: e for k, e in entries.items() if Path(k).exists()})

    def write(self, entries: _Entries) -> None:
        """Replace the cache atomically; a cache that cannot be written is simply skipped."""
        payload = {"format": FORMAT, "version": self.version, "entries": entries}
        with contextlib.suppress(OSError):
            # mkdir's mode applies to the last folder only: the data dir is made first.
            self.path.parent.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            self.path.parent.mkdir(exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(prefix=".banks-", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    json.dump(payload, out, ensure_ascii=False, separators=(",", ":"))
                Path(tmp).replace(self.path)
            except OSError:
                Path(tmp).unlink(missing_ok=True)
                raise


def _restore(library: Library, path: str, entry: dict[str, Any]) -> None:
    """Add a cached file to the library, or raise DamagedEntryError touching nothing."""
    from quizapp.core.bank.library import LoadedBank, add_exam, refuse_duplicate

    try:
        problems = [Problem.from_dict(p) for p in entry.get("problems", ())]
        bank, exam = entry.get("bank"), entry.get("exam")
        info = exam_from_dict(exam.get("exam")) if isinstance(exam, dict) else None
    except (TypeError, ValueError) as exc:
        raise DamagedEntryError(path) from exc
    if exam is not None and info is None:
        raise DamagedEntryError(path)
    index: list[tuple[str, str, str | None, tuple[str, ...]]] = []
    bank_id = title = ""
    if bank is not None:
        header = bank.get("bank") if isinstance(bank, dict) else None
        if not isinstance(header, dict):
            raise DamagedEntryError(path)
        raw_id, raw_title = header.get("id"), header.get("title")
        if not (isinstance(raw_id, str) and isinstance(raw_title, str)):
            raise DamagedEntryError(path)
        bank_id, title = raw_id, raw_title
        index = list(_index(bank.get("questions"), path))
    library.problems.extend(problems)
    if bank is not None:
        if not refuse_duplicate(library, path, bank_id):
            library.add(LoadedBank(path, bank_id, title, raw=bank), index)
    elif info is not None:
        add_exam(library, path, info)


def _load(path: Path, data: bytes | None = None) -> LoadedFile:
    """Load a file that changed from ``data`` (or read it); this is when pydantic is imported."""
    from quizapp.core.bank.loader import load_data, load_file

    return load_file(path) if data is None else load_data(data, str(path))


def _index(questions: Any, path: str) -> Iterator[tuple[str, str, str | None, tuple[str, ...]]]:
    """What the index needs of each cached question, checked for type."""
    if not isinstance(questions, list) or not questions:
        raise DamagedEntryError(path)
    for q in questions:
        if not isinstance(q, dict):
            raise DamagedEntryError(path)
        qid, topic, domain, tags = q.get("id"), q.get("topic"), q.get("domain"), q.get("tags", ())
        if not (
            isinstance(qid, str)
            and isinstance(topic, str)
            and (domain is None or isinstance(domain, str))
            and isinstance(tags, (list, tuple))
            and all(isinstance(t, str) for t in tags)
        ):
            raise DamagedEntryError(path)
        yield qid, topic, domain, tuple(tags)
