"""The library: every bank and exam found in the configured folders, indexed (SPEC §3.3)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizapp.core.bank.examspec import ExamSpec
from quizapp.core.bank.problems import Problem
from quizapp.core.bank.source import Positions, SourceError, parse, read_text
from quizapp.core.collector import without_collection

if TYPE_CHECKING:  # pydantic is imported when a file is validated, not for a start from cache
    from quizapp.core.bank.cache import BankCache
    from quizapp.core.bank.loader import LoadedFile
    from quizapp.core.bank.models import BankFile, Question

SUFFIXES = (".yaml", ".yml")


class BankUnavailableError(Exception):
    """A cached bank failed validation and its file no longer loads either."""


class LoadedBank:
    """A bank and its file. From the cache, each question is validated the first time it is
    used; data that fails validation makes the bank re-read from its YAML file."""

    __slots__ = ("_checked", "_file", "_raw", "id", "path", "title")

    def __init__(
        self,
        path: str,
        bank_id: str,
        title: str,
        *,
        file: BankFile | None = None,
        raw: dict[str, Any] | None = None,
    ) -> None:
        self.path = path
        self.id = bank_id
        self.title = title
        self._file = file
        self._raw = raw
        self._checked: dict[int, Question] = {}

    @classmethod
    def from_model(cls, path: str, file: BankFile) -> LoadedBank:
        """A bank loaded from YAML (already validated)."""
        return cls(path, file.bank.id, file.bank.title, file=file)

    @property
    def file(self) -> BankFile:
        """The whole validated bank."""
        if self._file is None:
            from pydantic import ValidationError

            from quizapp.core.bank.models import BankFile
            from quizapp.core.bank.rules import Issue

            issues: list[Issue] = []
            try:
                model = BankFile.model_validate(self._raw, context={"issues": issues})
            except ValidationError:
                model = None
            if model is None or any(i.severity == "error" for i in issues):
                model = self._reload()
            self._file, self._raw = model, None
        return self._file

    def question(self, index: int) -> Question:
        """Question ``index`` (file order), validated."""
        if self._file is not None:
            return self._file.questions[index]
        found = self._checked.get(index)
        if found is None:
            from pydantic import ValidationError

            from quizapp.core.bank.models import Question

            assert self._raw is not None
            try:
                found = Question.model_validate(self._raw["questions"][index])
                sid = found.scenario
                if sid is not None and not isinstance(self._raw.get("scenarios", {}).get(sid), str):
                    raise ValueError(sid)
            except (ValidationError, ValueError, LookupError, TypeError):
                self._file, self._raw = self._reload(), None
                return self._file.questions[index]
            self._checked[index] = found
        return found

    def prompt(self, index: int) -> str:
        """Question ``index``'s prompt for listing and searching (not validated yet if cached).

        Plain text shown as text; the question itself is validated when it is opened.
        """
        if self._file is not None:
            return self._file.questions[index].prompt
        if index in self._checked:
            return self._checked[index].prompt
        assert self._raw is not None
        try:
            text = self._raw["questions"][index]["prompt"]
        except (LookupError, TypeError):
            return ""
        return text if isinstance(text, str) else ""

    def scenario(self, scenario_id: str) -> str | None:
        """The text of a scenario of this bank."""
        if self._file is not None:
            return self._file.scenarios.get(scenario_id)
        assert self._raw is not None
        text = self._raw.get("scenarios", {}).get(scenario_id)
        return text if isinstance(text, str) else None

    def _reload(self) -> BankFile:
        from quizapp.core.bank.loader import load_file

        model = load_file(Path(self.path)).bank
        if model is None or model.bank.id != self.id:
            raise BankUnavailableError(f"{self.path}: bank changed; restart quizapp")
        return model


@dataclass(frozen=True, slots=True)
class LibraryQuestion:
    """A question's index entry: key, bank and what selection filters on; the model on demand."""

    key: str
    bank: str
    id: str
    topic: str
    domain: str | None
    tags: tuple[str, ...]
    owner: LoadedBank = field(repr=False, compare=False)
    index: int = 0

    @property
    def question(self) -> Question:
        """The validated question."""
        q = self.owner.question(self.index)
        if q.id != self.id:
            raise BankUnavailableError(f"{self.owner.path}: question '{self.id}' moved")
        return q

    @property
    def prompt(self) -> str:
        """The prompt, cheaply (see :meth:`LoadedBank.prompt`)."""
        return self.owner.prompt(self.index)

    @property
    def scenario(self) -> str | None:
        """The case-study text shown above the question, if any."""
        sid = self.question.scenario
        return self.owner.scenario(sid) if sid is not None else None


@dataclass(frozen=True, slots=True)
class LoadedExam:
    """An exam blueprint that loaded, and the file it came from."""

    path: str
    exam: ExamSpec


@dataclass(slots=True)
class Library:
    """Banks, exams and load problems, with questions indexed by key, topic and domain."""

    banks: dict[str, LoadedBank] = field(default_factory=dict)
    exams: dict[str, LoadedExam] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    questions: dict[str, LibraryQuestion] = field(default_factory=dict)
    by_topic: dict[str, list[str]] = field(default_factory=dict)
    by_domain: dict[str, list[str]] = field(default_factory=dict)
    by_bank: dict[str, list[str]] = field(default_factory=dict)
    by_tag: dict[str, list[str]] = field(default_factory=dict)

    def add(
        self, bank: LoadedBank, entries: Iterable[tuple[str, str, str | None, tuple[str, ...]]]
    ) -> None:
        """Index a bank from ``(id, topic, domain, tags)`` of each question; its id must be new."""
        bid = bank.id
        self.banks[bid] = bank
        questions, by_topic, by_domain = self.questions, self.by_topic, self.by_domain
        keys = self.by_bank.setdefault(bid, [])
        by_tag = self.by_tag
        for i, (qid, topic, domain, tags) in enumerate(entries):
            key = f"{bid}/{qid}"
            questions[key] = LibraryQuestion(key, bid, qid, topic, domain, tags, bank, i)
            keys.append(key)
            for tag in tags:
                by_tag.setdefault(tag, []).append(key)
            by_topic.setdefault(topic, []).append(key)
            if domain is not None:
                by_domain.setdefault(domain, []).append(key)

    def add_bank(self, path: str, file: BankFile) -> None:
        """Index a bank loaded from YAML."""
        self.add(
            LoadedBank.from_model(path, file),
            ((q.id, q.topic, q.domain, q.tags) for q in file.questions),
        )

    def bank_questions(self, bank_id: str) -> Iterator[LibraryQuestion]:
        """The questions of one bank in file order."""
        return (self.questions[key] for key in self.by_bank.get(bank_id, ()))

    def topic_counts(self, bank_id: str) -> dict[str, int]:
        """Questions per topic in one bank."""
        counts: dict[str, int] = {}
        for q in self.bank_questions(bank_id):
            counts[q.topic] = counts.get(q.topic, 0) + 1
        return counts

    def domain_counts(self, bank_id: str) -> dict[str, int]:
        """Questions per ``domain:`` in one bank."""
        counts: dict[str, int] = {}
        for q in self.bank_questions(bank_id):
            if q.domain is not None:
                counts[q.domain] = counts.get(q.domain, 0) + 1
        return counts


def discover(root: Path, problems: list[Problem] | None = None) -> list[Path]:
    """Every ``.yaml``/``.yml`` file under ``root`` (or ``root`` itself), in a stable order.

    A folder that cannot be listed is added to ``problems``; anything but a folder is returned
    as it is, so reading it reports what it is (a FIFO, a device, ...).
    """
    if not root.is_dir():
        return [root]

    def unreadable(exc: OSError) -> None:
        if problems is not None:
            where = str(exc.filename or root)
            message = f"cannot read folder: {exc.strerror or exc}"
            problems.append(
                Problem(file=where, line=1, column=1, severity="error", message=message)
            )

    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(Path(dirpath, f) for f in sorted(filenames) if f.endswith(SUFFIXES))
    return found


@without_collection
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
        files.extend(discover(root, library.problems))
    if cache is not None:
        cache.load_into(library, files)
    else:
        from quizapp.core.bank.loader import load_file

        for path in files:
            collect(library, load_file(path))
    return library


def collect(library: Library, result: LoadedFile) -> None:
    """Add one loaded file to the library (a repeated bank or exam id is an error)."""
    library.problems.extend(result.problems)
    if result.bank is not None:
        if not refuse_duplicate(library, result.path, result.bank.bank.id):
            library.add_bank(result.path, result.bank)
    elif result.exam is not None:
        add_exam(library, result.path, result.exam.exam.spec())


def refuse_duplicate(library: Library, path: str, bank_id: str) -> bool:
    """Report and return True when ``bank_id`` is already loaded from another file."""
    if bank_id not in library.banks:
        return False
    first = library.banks[bank_id].path
    message = f"bank id '{bank_id}' is already used by {first}"
    library.problems.append(_at(path, ("bank", "id"), message))
    return True


def add_exam(library: Library, path: str, exam: ExamSpec) -> None:
    """Add an exam blueprint unless its id is taken."""
    if exam.id in library.exams:
        message = f"exam id '{exam.id}' is already used by {library.exams[exam.id].path}"
        library.problems.append(_at(path, ("exam", "id"), message))
    else:
        library.exams[exam.id] = LoadedExam(path, exam)


def _at(path: str, at: tuple[str, ...], message: str) -> Problem:
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
