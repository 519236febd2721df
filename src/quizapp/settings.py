"""The user's settings (``DATA_DIR/settings.json``): checked before any of it is used."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from quizapp.core.bank.source import SourceError, read_capped
from quizapp.core.text import json_text, visible
from quizapp.files import write_output

SETTINGS_NAME = "settings.json"
MAX_BYTES = 64 * 1024  # a settings file is a few bytes; anything far larger is not one


@dataclass(frozen=True, slots=True)
class Settings:
    """What quizapp remembers between runs."""

    #: The Textual theme the user chose last (None: the default).
    theme: str | None = None


def read_settings(path: Path, themes: Collection[str]) -> tuple[Settings, str | None]:
    """The settings in ``path`` and, when some of it could not be used, one line saying so.

    A missing file is the defaults, silently. A file that cannot be read, is not JSON, or
    names a theme not in ``themes`` gives the defaults and a warning; it is never trusted.
    """
    try:
        data = read_capped(path, MAX_BYTES)
    except SourceError as exc:
        if not path.exists() and not path.is_symlink():
            return Settings(), None
        reason = exc.problems[0][1] if exc.problems else "cannot read it"
        return Settings(), f"{_name(path)}: {reason}; using the default theme"
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return Settings(), f"{_name(path)} is not valid JSON; using the default theme"
    if not isinstance(raw, dict):
        return Settings(), f"{_name(path)} does not hold settings; using the default theme"
    theme = raw.get("theme")
    if theme is None:
        return Settings(), None
    if not isinstance(theme, str) or theme not in themes:
        shown = visible(str(theme), one_line=True)[:40]
        return Settings(), f"unknown theme '{shown}' in {_name(path)}; using the default theme"
    return Settings(theme=theme), None


def write_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` whole or not at all (raises OSError when it cannot)."""
    write_output(path, json_text({"theme": settings.theme}) + "\n")


def _name(path: Path) -> str:
    return visible(str(path), one_line=True)
