"""Run an importer's result through the writer and the real loader, as the command does."""

from __future__ import annotations

from quizapp.core.bank.loader import load_text
from quizapp.core.bank.models import BankFile, Question
from quizapp.core.importers.draft import Parsed
from quizapp.core.importers.writer import Built, Options, Source, build_bank


def build(parsed: Parsed, name: str = "source.md", **options: str | None) -> Built:
    """The bank built from one parsed source with default options."""
    opts = {"bank_id": "imported", "title": "Imported", "fmt": "markdown", **options}
    return build_bank([Source(name, parsed)], Options(**opts))  # type: ignore[arg-type]


def bank(parsed: Parsed, **options: str | None) -> BankFile:
    """Build, then load the YAML with the real loader: no errors allowed."""
    built = build(parsed, **options)
    assert built.text is not None
    loaded = load_text(built.text, "imported.yaml")
    errors = [p.format() for p in loaded.problems if p.severity == "error"]
    assert errors == []
    assert loaded.bank is not None
    return loaded.bank


def by_prompt(file: BankFile, start: str) -> Question:
    """The question whose prompt starts with ``start``."""
    (q,) = [q for q in file.questions if q.prompt.startswith(start)]
    return q


def correct_texts(q: Question) -> list[str]:
    """The texts of the correct choices, in order."""
    assert q.choices is not None
    return [q.choices[i].text for i in q.correct]
