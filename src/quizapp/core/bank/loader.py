"""Load one bank or exam file into models, reporting every problem at its line and column."""

from __future__ import annotations

import types
import typing
from pathlib import Path as FsPath
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core import ErrorDetails

from quizapp.core.bank.models import MAX_TEXT, BankFile, ExamFile, Question
from quizapp.core.bank.problems import Problem
from quizapp.core.bank.rules import Issue, Path, did_you_mean, question_issues
from quizapp.core.bank.source import Mark, Positions, SourceError, decode, parse, read_text
from quizapp.core.collector import without_collection
from quizapp.core.text import first_control

Kind = Literal["bank", "exam"]
_KINDS: dict[str, type[BankFile] | type[ExamFile]] = {"bank": BankFile, "exam": ExamFile}


class LoadedFile(BaseModel):
    """The outcome of loading one file: a bank or an exam (or neither), and its problems."""

    model_config = ConfigDict(frozen=True)

    path: str
    bank: BankFile | None = None
    exam: ExamFile | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the file loaded (it may still carry warnings)."""
        return self.bank is not None or self.exam is not None

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Only the problems of severity error."""
        return tuple(p for p in self.problems if p.severity == "error")


def load_file(path: FsPath, name: str | None = None) -> LoadedFile:
    """Read, parse and validate ``path``; ``name`` is how problems refer to the file."""
    shown = name or str(path)
    try:
        text = read_text(path)
    except SourceError as exc:
        return LoadedFile(path=shown, problems=_source_problems(shown, exc))
    return load_text(text, shown)


def load_data(data: bytes, name: str) -> LoadedFile:
    """Decode, parse and validate the bytes of a file already read (by the cache)."""
    try:
        text = decode(data)
    except SourceError as exc:
        return LoadedFile(path=name, problems=_source_problems(name, exc))
    return load_text(text, name)


@without_collection
def load_text(text: str, name: str) -> LoadedFile:
    """Parse and validate one document's text."""
    try:
        raw, _ = parse(text)
    except SourceError:
        raw = None  # re-parsed below with positions, which reports every problem
    else:
        model, issues, errors = _validate(raw)
        if model is not None and not issues:
            return _result(name, model, ())
    try:
        raw, positions = parse(text, positions=True)
    except SourceError as exc:
        return LoadedFile(path=name, problems=_source_problems(name, exc))
    assert positions is not None
    model, issues, errors = _validate(raw)
    problems = [_problem(name, m, "error", msg, None) for m, msg in positions.problems]
    problems += [_from_issue(name, raw, positions, i) for i in issues]
    problems += [_from_error(name, raw, positions, e, model_cls) for e, model_cls in errors]
    problems.sort(key=lambda p: (p.line, p.column, p.severity != "error"))
    if any(p.severity == "error" for p in problems):
        # Errors inside questions cost only those questions; anything else, the whole file.
        model = None if positions.problems else _without_broken_questions(raw, issues, errors)
    return _result(name, model, tuple(problems))


def has_errors(raw: Any) -> bool:
    """Whether data already in memory (as a file would parse to) breaks any error rule; the
    fast check for a writer that built the data itself and needs no positions."""
    model, issues, errors = _validate(raw)
    return model is None or bool(errors) or any(i.severity == "error" for i in issues)


def _without_broken_questions(raw: Any, issues: list[Issue], errors: _Errors) -> BankFile | None:
    """The bank without the questions that hold every error, or None if any error is elsewhere.

    The problems still name the skipped questions as errors; the rest of the bank is usable.
    """
    if not isinstance(raw, dict) or not isinstance(raw.get("questions"), list):
        return None
    paths = [i.path for i in issues if i.severity == "error"]
    paths += [tuple(x for x in e["loc"] if x != "[key]") for e, _ in errors]
    broken: set[int] = set()
    for path in paths:
        if len(path) < 2 or path[0] != "questions" or not isinstance(path[1], int):
            return None
        broken.add(path[1])
    kept = [q for i, q in enumerate(raw["questions"]) if i not in broken]
    if not kept:
        return None
    model, again, still = _validate({**raw, "questions": kept})
    if not isinstance(model, BankFile) or still or any(i.severity == "error" for i in again):
        return None
    return model


def _result(
    name: str, model: BankFile | ExamFile | None, problems: tuple[Problem, ...]
) -> LoadedFile:
    # The parts are validated already; construct skips checking them a second time.
    if isinstance(model, BankFile):
        return LoadedFile.model_construct(path=name, bank=model, problems=problems)
    if isinstance(model, ExamFile):
        return LoadedFile.model_construct(path=name, exam=model, problems=problems)
    return LoadedFile.model_construct(path=name, problems=problems)


_Errors = list[tuple[ErrorDetails, type[BaseModel]]]


def _validate(raw: Any) -> tuple[BankFile | ExamFile | None, list[Issue], _Errors]:
    """Validate raw data; return the model (if valid), rule issues and pydantic errors."""
    if not isinstance(raw, dict):
        what = "empty" if raw is None else "not a mapping"
        msg = f"the file is {what}: a quizapp file starts with 'bank:' or 'exam:'"
        return None, [Issue((), msg)], []
    kinds = [k for k in _KINDS if k in raw]
    if len(kinds) != 1:
        if kinds:
            msg = "a file holds a bank or an exam, not both"
            return None, [Issue(("exam",), msg)], []
        keys = [k for k in raw if isinstance(k, str)]
        hint = next((did_you_mean(k, _KINDS) for k in keys if did_you_mean(k, _KINDS)), "")
        msg = f"no 'bank:' or 'exam:' at the top of the file{hint}"
        return None, [Issue((), msg)], []
    model_cls = _KINDS[kinds[0]]
    issues: list[Issue] = []
    try:
        model = model_cls.model_validate(raw, context={"issues": issues})
    except ValidationError as exc:
        found = exc.errors()
        # A list whose entries failed is also reported as too short: the entries say more.
        inner = {e["loc"][:n] for e in found for n in range(len(e["loc"]))}
        errors: _Errors = [
            (e, model_cls) for e in found if not (e["type"] == "too_short" and e["loc"] in inner)
        ]
        if model_cls is BankFile:
            issues += _question_fallback(raw)
        return None, issues, errors
    return model, issues, []


def _question_fallback(raw: dict[str, Any]) -> list[Issue]:
    """When a bank fails type checks, still report the rule problems of its sound questions."""
    questions = raw.get("questions")
    if not isinstance(questions, list):
        return []
    scenarios = raw.get("scenarios")
    scenario_ids = list(scenarios) if isinstance(scenarios, dict) else []
    fields = Question.model_fields
    out: list[Issue] = []
    first_at: dict[str, int] = {}
    for i, q in enumerate(questions):
        if not isinstance(q, dict):
            continue
        qid, sid = q.get("id"), q.get("scenario")
        if isinstance(qid, str):
            if qid in first_at:
                dup = f"duplicate question id '{qid}'"
                out.append(
                    Issue(("questions", i, "id"), dup, also=("questions", first_at[qid], "id"))
                )
            first_at.setdefault(qid, i)
        if isinstance(sid, str) and sid not in scenario_ids:
            hint = did_you_mean(sid, scenario_ids)
            msg = f"question '{qid}': unknown scenario '{sid}'{hint}"
            out.append(Issue(("questions", i, "scenario"), msg))
        known = {k: v for k, v in q.items() if k in fields}  # unknown keys are reported already
        try:
            model = Question.model_validate(known, context={"issues": []})
        except ValidationError:
            continue
        here: Path = ("questions", i)
        out += [Issue(here + x.path, x.message, x.severity) for x in question_issues(model)]
    return out


def _source_problems(name: str, exc: SourceError) -> tuple[Problem, ...]:
    return tuple(
        Problem(file=name, line=m.line, column=m.column, severity="error", message=msg)
        for m, msg in exc.problems
    )


def _question_id(raw: Any, path: Path) -> str | None:
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        try:
            qid = raw["questions"][path[1]]["id"]
        except (KeyError, IndexError, TypeError):
            return None
        return qid if isinstance(qid, str) else None
    return None


def _problem(
    name: str, mark: Mark, severity: Literal["error", "warning"], message: str, question: str | None
) -> Problem:
    return Problem(
        file=name,
        line=mark.line,
        column=mark.column,
        severity=severity,
        message=message,
        question=question,
    )


def _from_issue(name: str, raw: Any, pos: Positions, issue: Issue) -> Problem:
    message = issue.message
    if issue.also is not None:
        message += f" (first at line {pos.find(issue.also).line})"
    mark = pos.find(issue.path)
    return _problem(name, mark, issue.severity, message, _question_id(raw, issue.path))


def _from_error(
    name: str, raw: Any, pos: Positions, err: ErrorDetails, model_cls: type[BaseModel]
) -> Problem:
    # '[key]' marks a dict key's own error; drop it so the path names data.
    loc: Path = tuple(x for x in err["loc"] if x != "[key]")
    kind = err["type"]
    qid = _question_id(raw, loc)
    prefix = f"question '{qid}': " if qid and len(loc) > 2 else ""
    if kind == "missing":
        mark = pos.find(loc[:-1])
        message = f"missing required key '{loc[-1]}'"
    elif kind == "extra_forbidden":
        mark = pos.find(loc, key=True)
        allowed = _fields_at(model_cls, loc[:-1])
        bad = first_control(str(loc[-1]))
        message = f"unknown key '{loc[-1]}'{did_you_mean(str(loc[-1]), allowed)}"
        if bad is not None:
            message = f"control character {bad} in key '{loc[-1]}'"
    else:
        mark = pos.find(loc, key=bool(err["loc"] and err["loc"][-1] == "[key]"))
        message = _describe(kind, _label(loc), err)
    return _problem(name, mark, "error", prefix + message, qid)


def _label(loc: Path) -> str:
    if not loc:
        return "file"
    if isinstance(loc[-1], int):
        parent = loc[-2] if len(loc) > 1 else "list"
        return f"{parent} entry {loc[-1] + 1}"
    return str(loc[-1])


def _kind_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    text = " ".join(str(value).split())  # one line, whatever the author wrote
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def _describe(kind: str, label: str, err: ErrorDetails) -> str:
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "quizapp_rule":
        return err["msg"]
    if kind in {"string_type", "string_too_short"}:
        if value is None or value == "" or kind == "string_too_short":
            return f"'{label}' is empty"
        return f"'{label}' must be text, not {_kind_of(value)}"
    bad = first_control(value) if isinstance(value, str) else None
    if bad is not None and kind in {"string_pattern_mismatch", "string_too_long"}:
        return f"control character {bad} in '{label}'"
    if kind == "string_pattern_mismatch":
        return f"'{label}' {_kind_of(value)} may hold only lowercase letters, digits and '-'"
    if kind == "string_too_long" and ctx.get("max_length") == MAX_TEXT:
        return f"'{label}' is longer than {MAX_TEXT // 1024} KB, the limit for one text"
    if kind == "string_too_long":
        return f"'{label}' is longer than {ctx.get('max_length')} characters"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "")
        hint = did_you_mean(str(value), expected.replace(" or ", ", ").split(", "))
        return f"unknown {label} {_kind_of(value)}" + (hint or f" (expected {expected})")
    if kind in {"bool_parsing", "bool_type"}:
        return f"'{label}' must be true or false, not {_kind_of(value)}"
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return f"'{label}' must be a whole number, not {_kind_of(value)}"
    if kind in {"float_parsing", "float_type"}:
        return f"'{label}' must be a number, not {_kind_of(value)}"
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        bound = next(iter(ctx.values()), "")
        words = {
            "greater_than": "above",
            "greater_than_equal": "at least",
            "less_than": "below",
            "less_than_equal": "at most",
        }[kind]
        return f"'{label}' must be {words} {bound}, not {_kind_of(value)}"
    if kind == "too_short":
        if not value:
            return f"'{label}' is empty"
        return f"'{label}' needs at least {ctx.get('min_length')} entries"
    if kind == "too_long":
        return f"'{label}' has more than {ctx.get('max_length')} entries"
    if kind in {"tuple_type", "list_type"}:
        return f"'{label}' must be a list, not {_kind_of(value)}"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        if label.endswith("entry") or " entry " in label:
            return f"{label} must be a mapping (key: value) or text, not {_kind_of(value)}"
        return f"'{label}' must be a mapping (key: value), not {_kind_of(value)}"
    return f"'{label}': {err['msg']}"


def _fields_at(model_cls: type[BaseModel], path: Path) -> list[str]:
    """Field names of the model found at ``path`` (for 'did you mean')."""
    current: Any = model_cls
    for step in path:
        if isinstance(step, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(step)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    """The model class inside ``X | None``, ``tuple[X, ...]`` and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in {tuple, list, typing.Union, types.UnionType, typing.Annotated}:
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None
