"""Exam blueprints as plain dataclasses: the same shape as the file model, rebuilt from JSON."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest

from quizapp.core.bank import examspec
from quizapp.core.bank.models import DomainMatchModel, DomainModel, ExamFile, ExamSpecModel
from quizapp.core.bank.problems import Problem

EXAM: dict[str, Any] = {
    "exam": {
        "id": "clf",
        "title": "Cloud Practitioner",
        "questions": 65,
        "minutes": 90,
        "domains": [
            {"name": "Cloud Concepts", "weight": 24},
            {"name": "Security", "weight": 76, "match": {"topics": ["IAM"], "banks": ["sec-*"]}},
        ],
    }
}


@pytest.mark.parametrize(
    ("model", "plain"),
    [
        (ExamSpecModel, examspec.ExamSpec),
        (DomainModel, examspec.Domain),
        (DomainMatchModel, examspec.DomainMatch),
    ],
)
def test_the_dataclasses_have_the_fields_and_defaults_of_the_file_models(
    model: Any, plain: Any
) -> None:
    fields = {f.name: f.default for f in dataclasses.fields(plain)}
    declared = {
        name: None if info.is_required() else info.default
        for name, info in model.model_fields.items()
    }
    assert fields.keys() == declared.keys()
    for name, default in declared.items():
        if default is not None:
            assert fields[name] == default, name


def test_a_validated_file_and_its_cached_json_give_the_same_blueprint() -> None:
    file = ExamFile.model_validate(EXAM)
    exam = file.exam.spec()
    assert exam.domains[1].match == examspec.DomainMatch(topics=("IAM",), banks=("sec-*",))
    assert exam.passing_score == 700 and exam.banks == ("*",)
    cached = file.model_dump(mode="json", exclude_defaults=True)["exam"]
    assert examspec.exam_from_dict(cached) == exam


@pytest.mark.parametrize(
    "damage",
    [
        {"questions": "65"},
        {"questions": True},
        {"minutes": 1.5},
        {"domains": []},
        {"domains": [{"name": "x"}]},
        {"domains": [{"name": 3, "weight": 100}]},
        {"domains": [{"name": "x", "weight": 100, "match": {"topics": "IAM"}}]},
        {"domains": [{"name": "x", "weight": 100, "extra": 1}]},
        {"score_range": [100]},
        {"banks": "*"},
        {"surprise": 1},
    ],
)
def test_cached_json_of_another_shape_is_refused(damage: dict[str, Any]) -> None:
    with pytest.raises((TypeError, ValueError)):
        examspec.exam_from_dict({**EXAM["exam"], **damage})


def test_problems_round_trip_through_json_and_refuse_other_shapes() -> None:
    problem = Problem("a.yaml", 3, 5, "warning", "question 'q1' has no explanation", "q1")
    assert Problem.from_dict(problem.to_dict()) == problem
    assert problem.format() == "a.yaml:3:5: warning: question 'q1' has no explanation"
    for bad in ({**problem.to_dict(), "line": "3"}, {**problem.to_dict(), "severity": "fatal"}, []):
        with pytest.raises(TypeError):
            Problem.from_dict(bad)


def test_a_readiness_percent_is_kept_and_may_only_be_stricter_than_the_pass_line() -> None:
    ready = {"exam": {**EXAM["exam"], "readiness_percent": 72}}
    file = ExamFile.model_validate(ready)
    exam = file.exam.spec()
    assert exam.readiness_percent == 72
    cached = file.model_dump(mode="json", exclude_defaults=True)["exam"]
    assert examspec.exam_from_dict(cached) == exam
    assert ExamFile.model_validate(EXAM).exam.spec().readiness_percent is None  # optional
    with pytest.raises(TypeError):
        examspec.exam_from_dict({**cached, "readiness_percent": "72"})
    for too_low, said in ((60, "below the pass line (66.7%)"), (0, "greater than 0")):
        with pytest.raises(ValueError, match=re.escape(said)):
            ExamFile.model_validate({"exam": {**EXAM["exam"], "readiness_percent": too_low}})
    ExamFile.model_validate({"exam": {**EXAM["exam"], "readiness_percent": 66.7}})  # at the line
