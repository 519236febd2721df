"""The library: every bank and exam found in the configured folders, indexed (SPEC §3.3)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.core.bank.cache import BankCache
from quizapp.core.bank.loader import LoadedFile, load_file
from quizapp.core.bank.models import BankFile, ExamInfo, Question
from quizapp.core.bank.problems import Problem
from quizapp.core.bank.source import Positions, SourceError, parse, read_text

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class LibraryQuestion:
    """A question as the library holds it: with its key, bank id and scenario text."""

    key: str
    bank: str
    question: Question
    scenario: str | None


@dataclass(frozen=True, slots=True)
class LoadedBank:
    """A bank that loaded, and the file it came from."""

    path: str
    file: BankFile

    @property
    def id(self) -> str:
        """The bank's id."""
        return self.file.bank.id


@dataclass(frozen=True, slots=True)
class LoadedExam:
    """An exam blueprint that loaded, and the file it came from."""

    path: str
    exam: ExamInfo


@dataclass(slots=True)
class Library:
    """Banks, exams and load problems, with questions indexed by key, topic and domain."""

    banks: dict[str, LoadedBank] = field(default_factory=dict)
    exams: dict[str, LoadedExam] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    questions: dict[str, LibraryQuestion] = field(default_factory=dict)
    by_topic: dict[str, list[str]] = field(default_factory=dict)
    by_domain: dict[str, list[str]] = field(default_factory=dict)

    def add_bank(self, path: str, bank: BankFile) -> None:
        """Index a loaded bank (its id must be new)."""
        bid = bank.bank.id
        self.banks[bid] = LoadedBank(path, bank)
        scenarios = bank.scenarios
        questions, by_topic, by_domain = self.questions, self.by_topic, self.by_domain
        for q in bank.questions:
            key = f"{bid}/{q.id}"
            scenario = scenarios.get(q.scenario) if q.scenario is not None else None
            questions[key] = LibraryQuestion(key, bid, q, scenario)
            by_topic.setdefault(q.topic, []).append(key)
            if q.domain is not None:
                by_domain.setdefault(q.domain, []).append(key)

    def bank_questions(self, bank_id: str) -> Iterator[LibraryQuestion]:
        """The questions of one bank in file order."""
        prefix = f"{bank_id}/"
        bank = self.banks[bank_id].file
        for q in bank.questions:
            yield self.questions[prefix + q.id]


def discover(root: Path) -> list[Path]:
    """Every ``.yaml``/``.yml`` file under ``root`` (or ``root`` itself), in a stable order."""
    if root.is_file():
        return [root]
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(Path(dirpath, f) for f in sorted(filenames) if f.endswith(SUFFIXES))
    return found


def load_library(roots: Sequence[Path], cache: BankCache | None = None) -> Library:
    """Load every file under ``roots`` in order; broken files never stop the others."""
    library = Library()
    files: list[Path] = []
    for root in roots:
        if not root.exists():
            library.problems.append(
                Problem(
                    file=str(root),
                    line=1,
                    column=1,
                    severity="error",
                    message="bank folder does not exist",
                )
            )
            continue
        files.extend(discover(root))
    results = cache.load_many(files) if cache is not None else [load_file(p) for p in files]
    _collect(library, results)
    return library


def _collect(library: Library, results: Iterable[LoadedFile]) -> None:
    for result in results:
        library.problems.extend(result.problems)
        if result.bank is not None:
            bid = result.bank.bank.id
            if bid in library.banks:
                library.problems.append(
                    _duplicate(
                        result.path,
                        ("bank", "id"),
                        f"bank id '{bid}' is already used by {library.banks[bid].path}",
                    )
                )
            else:
                library.add_bank(result.path, result.bank)
        elif result.exam is not None:
            eid = result.exam.exam.id
            if eid in library.exams:
                library.problems.append(
                    _duplicate(
                        result.path,
                        ("exam", "id"),
                        f"exam id '{eid}' is already used by {library.exams[eid].path}",
                    )
                )
            else:
                library.exams[eid] = LoadedExam(result.path, result.exam.exam)


def _duplicate(path: str, at: tuple[str, ...], message: str) -> Problem:
    """An error at the line of ``at`` in ``path`` (the file is re-read only in this rare case)."""
    line, column = 1, 1
    try:
        _, pos = parse(read_text(Path(path)), positions=True)
    except SourceError:
        pos = None
    if isinstance(pos, Positions):
        mark = pos.find(at)
        line, column = mark.line, mark.column
    return Problem(file=path, line=line, column=column, severity="error", message=message)
