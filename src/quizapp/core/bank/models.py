"""The bank and exam file formats (SPEC §3.1-§3.2) as frozen pydantic models."""

from __future__ import annotations

import string
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from quizapp.core.bank.examspec import Domain, DomainMatch, ExamSpec
from quizapp.core.bank.rules import Issue, bank_issues, exam_issues, question_issues
from quizapp.core.text import CONTROLS

#: The most characters one text may hold: far above any real question, below a frozen screen.
MAX_TEXT = 64 * 1024
# No control characters: bank text reaches terminals (ESC ] 52 would write the clipboard).
_PLAIN = f"^[^{CONTROLS}]*$"
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Str = Annotated[str, StringConstraints(pattern=_PLAIN, max_length=MAX_TEXT)]
Text = Annotated[str, StringConstraints(min_length=1, pattern=_PLAIN, max_length=MAX_TEXT)]
Difficulty = Literal["easy", "medium", "hard"]
QuestionType = Literal["choice", "ordering", "matching"]
LETTERS = string.ascii_uppercase


class _Model(BaseModel):
    # defer_build: a start from the cache validates only exams; bank schemas build on first use.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


def _raise_or_collect(issues: list[Issue], info: ValidationInfo) -> None:
    """Append issues to the loader's collector, or raise the first one when used directly."""
    collector = info.context.get("issues") if isinstance(info.context, dict) else None
    if collector is not None:
        collector.extend(issues)
    else:
        errors = [i for i in issues if i.severity == "error"]
        if errors:
            raise PydanticCustomError("quizapp_rule", errors[0].message)


class Choice(_Model):
    """One answer option; a bare string in YAML is shorthand for ``{text: ...}``."""

    text: Text = Field(description="The option as shown, Markdown.")
    correct: bool = Field(default=False, description="Marks a correct option.")
    why: Str | None = Field(default=None, description="Why this option is right or wrong.")


class Reference(_Model):
    """A link to the documentation that states the fact; a bare string is a URL."""

    url: Text = Field(description="Address of the page.")
    title: Str | None = Field(default=None, description="Title shown instead of the address.")


class Pair(_Model):
    """One prompt of a matching question and the response that belongs to it."""

    prompt: Text
    match: Text


class Question(_Model):
    """A question of a bank; its key in the library is ``bank-id/question-id``."""

    id: Id = Field(description="Unique in the bank.")
    topic: Text = Field(description="The unit of weak-topic tracking.")
    domain: Str | None = Field(default=None, description="Matched by exam blueprint domains.")
    difficulty: Difficulty | None = None
    type: QuestionType = Field(default="choice", description="choice, ordering or matching.")
    scenario: Str | None = Field(default=None, description="Id of a scenario shown above it.")
    prompt: Text = Field(description="The question, Markdown.")
    choices: Annotated[tuple[Choice, ...], Field(min_length=2, max_length=10)] | None = Field(
        default=None, description="2 to 10 options."
    )
    answer: tuple[Str, ...] | None = Field(
        default=None,
        description="Correct letter (B) or letters ([A, D]) in file order; or `correct: true`.",
    )
    steps: tuple[Text, ...] | None = Field(default=None, description="Ordering: the right order.")
    pairs: tuple[Pair, ...] | None = Field(default=None, description="Matching: 3 to 7 pairs.")
    explanation: Str | None = Field(default=None, description="Why the answer is right, Markdown.")
    references: tuple[Reference, ...] = ()
    tags: tuple[Str, ...] = ()
    shuffle: bool = Field(default=True, description="false keeps the author's choice order.")

    # Shorthands, expanded once per question (not once per choice: that is measurably slower).
    @field_validator("answer", mode="before")
    @classmethod
    def _one_letter(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value

    # A bare string is a choice's text or a reference's URL; one pass, no test first.
    @field_validator("choices", mode="before")
    @classmethod
    def _bare_choices(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"text": v} if isinstance(v, str) else v for v in value]
        return value

    @field_validator("references", mode="before")
    @classmethod
    def _bare_references(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"url": v} if isinstance(v, str) else v for v in value]
        return value

    @model_validator(mode="after")
    def _rules(self, info: ValidationInfo) -> Question:
        # Inside a bank the bank validator reports these with their full path.
        if not (isinstance(info.context, dict) and "issues" in info.context):
            _raise_or_collect(question_issues(self), info)
        return self

    @cached_property
    def correct(self) -> tuple[int, ...]:
        """Indices of the correct choices (empty for ordering and matching)."""
        if not self.choices:
            return ()
        if self.answer is not None:
            return tuple(sorted(LETTERS.index(x.strip().upper()) for x in self.answer))
        return tuple(i for i, c in enumerate(self.choices) if c.correct)

    @property
    def multiple(self) -> bool:
        """True for a multiple-response question."""
        return len(self.correct) > 1


class BankInfo(_Model):
    """The ``bank:`` header of a bank file."""

    id: Id = Field(description="Unique among all loaded banks.")
    title: Text
    description: Str | None = None
    language: Str = Field(default="en", description="BCP-47 tag.")
    tags: tuple[Str, ...] = ()


class BankFile(_Model):
    """A question bank file."""

    bank: BankInfo
    scenarios: dict[Id, Text] = Field(
        default_factory=dict, description="Case-study texts shared by several questions."
    )
    questions: tuple[Question, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _rules(self, info: ValidationInfo) -> BankFile:
        _raise_or_collect(bank_issues(self), info)
        return self


class DomainMatchModel(_Model):
    """Extra ways a question qualifies for a domain besides an equal ``domain:``."""

    model_config = ConfigDict(title="DomainMatch")

    topics: tuple[Str, ...] = ()
    tags: tuple[Str, ...] = ()
    banks: tuple[Str, ...] = ()


class DomainModel(_Model):
    """One weighted domain of a blueprint."""

    model_config = ConfigDict(title="Domain")

    name: Text
    weight: float = Field(gt=0, le=100)
    match: DomainMatchModel | None = None


class ExamSpecModel(_Model):
    """An exam blueprint: how many questions, how long, which domains."""

    model_config = ConfigDict(title="ExamSpec")

    id: Id
    title: Text
    description: Str | None = None
    questions: int = Field(ge=1, le=1000)
    minutes: int | None = Field(default=None, ge=1, le=1440, description="Omit for untimed.")
    passing_score: int = 700
    score_range: tuple[int, int] = (100, 1000)
    domains: tuple[DomainModel, ...] = Field(min_length=1)
    banks: tuple[Str, ...] = ("*",)
    sets: int | None = Field(
        default=None,
        ge=1,
        le=20,
        description="Fixed, non-overlapping practice sets offered beside random exams.",
    )
    readiness_percent: float | None = Field(
        default=None,
        gt=0,
        le=100,
        description="Optional: the percent correct that counts as ready, stricter than the pass"
        " line (vendors suggest about 72).",
    )

    def spec(self) -> ExamSpec:
        """The validated blueprint as the plain dataclass the rest of the app uses."""
        domains = tuple(
            Domain(d.name, d.weight, DomainMatch(**d.match.model_dump()) if d.match else None)
            for d in self.domains
        )
        fields = self.model_dump(exclude={"domains"})
        return ExamSpec(**fields, domains=domains)


class ExamFile(_Model):
    """An exam blueprint file."""

    exam: ExamSpecModel

    @model_validator(mode="after")
    def _rules(self, info: ValidationInfo) -> ExamFile:
        _raise_or_collect(exam_issues(self.exam), info)
        return self
