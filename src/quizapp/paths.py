"""Where quizapp keeps its data and finds its bundled banks; nothing is created at import."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "quizapp"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir``, else ``$QUIZAPP_HOME``, else the platform's user data folder."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("QUIZAPP_HOME")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class DataDirError(Exception):
    """A folder quizapp needs cannot be made or used (a file in the way, no permission)."""


def ensure_dir(path: Path) -> Path:
    """Create ``path`` (user-only) if needed and return it."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except FileExistsError:
        raise DataDirError(f"{path} is a file, not a folder") from None
    except NotADirectoryError:
        raise DataDirError(f"{path} is inside a file, not a folder") from None
    except OSError as exc:
        raise DataDirError(f"cannot create {path}: {exc.strerror}") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise DataDirError(f"cannot write to {path}: permission denied")
    return path


BANKS_README = """\
Your own question banks go in this folder: quizapp loads every .yaml and .yml file here
(subfolders too) each time it starts, or when you press ctrl+r on the home screen.

  quizapp new-bank my-bank.yaml   writes a commented template bank to start from
  quizapp validate my-bank.yaml   lists every problem in it, with file:line:column
  quizapp import notes.md         converts Markdown, GIFT, Aiken or CSV questions into a bank here

The banks screen (b on the home screen) lists what loaded and every problem found.
"""


def prepare_banks(data: Path) -> None:
    """Give the data dir its ``banks/`` folder, with a short README, the first time only.

    A folder that cannot be made is left out quietly: quizapp works without it.
    """
    banks = data / "banks"
    if banks.exists():
        return
    try:
        banks.mkdir(mode=0o700)
        (banks / "README.txt").write_text(BANKS_README, encoding="utf-8")
    except OSError:
        return


def bundled_banks() -> Path:
    """The banks shipped with quizapp: inside the wheel, or the checkout's ``question_banks``."""
    here = Path(__file__).resolve().parent
    packaged = here / "question_banks"
    if packaged.is_dir():
        return packaged
    return here.parents[1] / "question_banks"


def env_bank_dirs() -> list[Path]:
    """Folders named in ``$QUIZAPP_BANKS`` (separated like ``PATH``)."""
    raw = os.environ.get("QUIZAPP_BANKS", "")
    return [Path(p).expanduser() for p in raw.split(os.pathsep) if p.strip()]
