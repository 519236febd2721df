"""How an attempt was asked for: the options that shape its questions and its clock."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class StartOptions:
    """What the user asked for; None means "not given" (the blueprint's, or a fresh seed)."""

    questions: int | None = None
    minutes: int | None = None
    seed: int | None = None
    adaptive: bool | None = None  # None: on
    practice_set: int | None = None  # a fixed practice set of the blueprint
    banks: tuple[str, ...] = ()  # a custom exam's banks and topics
    topics: tuple[str, ...] = ()

    @property
    def adapts(self) -> bool:
        """Whether later passes lean on the notebook and weak topics."""
        return self.adaptive is not False

    def conflicts(self, stored: StartOptions) -> list[str]:
        """The options given here that differ from those an unfinished attempt was started with.

        An option not given never conflicts: resuming keeps the attempt as it was.
        """
        out = []
        for name, flag in (("questions", "--questions"), ("minutes", "--minutes")):
            mine = getattr(self, name)
            if mine is not None and mine != getattr(stored, name):
                out.append(flag)
        if self.seed is not None and self.seed != stored.seed:
            out.append("--seed")
        if self.practice_set is not None and self.practice_set != stored.practice_set:
            out.append("--set")
        if self.adaptive is not None and self.adaptive != stored.adapts:
            out.append("--no-adapt" if not self.adaptive else "adaptive")
        if (self.banks, self.topics) != (stored.banks, stored.topics) and (
            self.banks or self.topics
        ):
            out.append("banks and topics")
        return out

    def to_json(self) -> str:
        """The stored form."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        return json.dumps({k: list(v) if isinstance(v, tuple) else v for k, v in data.items()})

    @classmethod
    def from_json(cls, text: str | None) -> StartOptions:
        """Read the stored form (unknown or missing keys are left at their defaults)."""
        try:
            data: Any = json.loads(text or "{}")
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        known = {f.name for f in fields(cls)}
        kept: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                continue
            kept[key] = tuple(str(v) for v in value) if isinstance(value, list) else value
        try:
            return cls(**kept)
        except TypeError:
            return cls()
