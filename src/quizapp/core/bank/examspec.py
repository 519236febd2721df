"""An exam file's blueprint as frozen dataclasses (`ExamSpec`), once the file has validated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The pydantic models in ``models`` check blueprint files and describe them in the JSON
# Schema; a start from the cache builds these from the cached data without importing pydantic.


@dataclass(frozen=True, slots=True)
class DomainMatch:
    """Extra ways a question qualifies for a domain besides an equal ``domain:``."""

    topics: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    banks: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Domain:
    """One weighted domain of a blueprint."""

    name: str
    weight: float
    match: DomainMatch | None = None


@dataclass(frozen=True, slots=True)
class ExamSpec:
    """An exam blueprint: how many questions, how long, which domains."""

    id: str
    title: str
    questions: int
    domains: tuple[Domain, ...]
    description: str | None = None
    minutes: int | None = None
    passing_score: int = 700
    score_range: tuple[int, int] = (100, 1000)
    banks: tuple[str, ...] = ("*",)
    sets: int | None = None  # fixed practice sets (core.exam.sets)
    readiness_percent: float | None = None  # a stricter "ready" share than the pass line


def exam_from_dict(data: Any) -> ExamSpec:
    """A blueprint from the JSON form of a validated one (the cache); TypeError otherwise.

    Types are checked, not rules: the data was validated before it was stored.
    """
    fields = _mapping(data)
    domains = tuple(_domain(d) for d in _list(fields.pop("domains", None)))
    if not domains:
        raise TypeError("an exam has domains")
    if "score_range" in fields:
        low, high = _list(fields.pop("score_range"))
        fields["score_range"] = (_int(low), _int(high))
    if "banks" in fields:
        fields["banks"] = _texts(fields["banks"])
    exam = ExamSpec(**fields, domains=domains)
    if not (
        isinstance(exam.id, str)
        and isinstance(exam.title, str)
        and (exam.description is None or isinstance(exam.description, str))
    ):
        raise TypeError("an exam field has the wrong type")
    _int(exam.questions)
    _int(exam.passing_score)
    if exam.minutes is not None:
        _int(exam.minutes)
    if exam.sets is not None:
        _int(exam.sets)
    if exam.readiness_percent is not None and type(exam.readiness_percent) not in (int, float):
        raise TypeError("readiness_percent is a number")
    return exam


def _domain(data: Any) -> Domain:
    fields = _mapping(data)
    match = fields.pop("match", None)
    if match is not None:
        fields["match"] = DomainMatch(**{k: _texts(v) for k, v in _mapping(match).items()})
    domain = Domain(**fields)
    if not isinstance(domain.name, str) or type(domain.weight) not in (int, float):
        raise TypeError("a domain field has the wrong type")
    return domain


def _mapping(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise TypeError("expected a mapping")
    return dict(data)


def _list(data: Any) -> list[Any]:
    if not isinstance(data, list):
        raise TypeError("expected a list")
    return data


def _texts(data: Any) -> tuple[str, ...]:
    items = _list(data)
    if not all(isinstance(x, str) for x in items):
        raise TypeError("expected a list of text")
    return tuple(items)


def _int(value: Any) -> int:
    if type(value) is not int:
        raise TypeError("expected a whole number")
    return value
