"""A cache of validated bank files, so an unchanged library loads without parsing YAML.

The cache is plain JSON read back through the same pydantic models (never pickle), so a
damaged or foreign cache file can at worst be ignored; it can never run code.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from quizapp.core.bank.loader import LoadedFile, load_file

FORMAT = 1


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True)

    size: int
    mtime_ns: int
    result: LoadedFile


class _CacheFile(BaseModel):
    format: int
    version: str
    entries: dict[str, _Entry]


class BankCache:
    """Validated files keyed by path, size, mtime and quizapp version, stored at ``path``."""

    def __init__(self, path: Path, version: str) -> None:
        self.path = path
        self.version = version
        self.hits = 0
        self.misses = 0

    def read(self) -> dict[str, _Entry]:
        """The stored entries; an unreadable, damaged or stale cache reads as empty."""
        try:
            data = self.path.read_bytes()
            stored = _CacheFile.model_validate_json(data, context={"issues": []})
        except (OSError, ValidationError, ValueError):
            return {}
        if stored.format != FORMAT or stored.version != self.version:
            return {}
        return stored.entries

    def load_many(self, files: Sequence[Path]) -> list[LoadedFile]:
        """Load ``files`` in order, from the cache where they have not changed."""
        entries = self.read()
        fresh: dict[str, _Entry] = {}
        results: list[LoadedFile] = []
        changed = False
        for path in files:
            key = str(path)
            try:
                st = path.stat()
            except OSError:
                results.append(load_file(path))  # reports the problem
                continue
            entry = entries.get(key)
            if entry is not None and entry.size == st.st_size and entry.mtime_ns == st.st_mtime_ns:
                self.hits += 1
            else:
                self.misses += 1
                changed = True
                entry = _Entry(size=st.st_size, mtime_ns=st.st_mtime_ns, result=load_file(path))
            fresh[key] = entry
            results.append(entry.result)
        if changed:
            # Entries of folders not loaded this time stay, unless their file is gone.
            kept = {k: e for k, e in entries.items() if k not in fresh and Path(k).exists()}
            self.write({**kept, **fresh})
        return results

    def write(self, entries: dict[str, _Entry]) -> None:
        """Replace the cache atomically; a cache that cannot be written is simply skipped."""
        payload = _CacheFile(format=FORMAT, version=self.version, entries=entries)
        with contextlib.suppress(OSError):
            # mkdir's mode applies to the last folder only: the data dir is made first.
            self.path.parent.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            self.path.parent.mkdir(exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(prefix=".banks-", dir=self.path.parent)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(payload.model_dump_json().encode())
                Path(tmp).replace(self.path)
            except OSError:
                Path(tmp).unlink(missing_ok=True)
                raise
