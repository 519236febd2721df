"""JSON Schema of the bank and exam files, for editor completion (``quizapp schema``)."""

from __future__ import annotations

import copy
import json
from typing import Any, Literal

from quizapp.core.bank.models import BankFile, ExamFile

SchemaKind = Literal["bank", "exam"]


def json_schema(kind: SchemaKind) -> dict[str, Any]:
    """The schema of a bank or exam file as written (bare strings allowed where YAML has them)."""
    model = BankFile if kind == "bank" else ExamFile
    schema = _defs_by_title(model.model_json_schema(mode="validation"))
    defs = schema.get("$defs", {})
    # A choice or a reference may be a bare string; a single answer letter may be a string.
    for name in ("Choice", "Reference"):
        if name in defs:
            obj = copy.deepcopy(defs[name])
            defs[name] = {"anyOf": [{"type": "string", "minLength": 1}, obj]}
    question = defs.get("Question", {}).get("properties", {})
    if "answer" in question:
        answer = question["answer"]
        answer["anyOf"] = [{"type": "string", "pattern": "^[A-Ja-j]$"}, *answer.get("anyOf", [])]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"quizapp {kind} file"
    return schema


def _defs_by_title(schema: dict[str, Any]) -> dict[str, Any]:
    """Name each definition by its title (``DomainModel`` is published as ``Domain``)."""
    renames = {
        name: d["title"]
        for name, d in schema.get("$defs", {}).items()
        if d.get("title", name) != name
    }
    if not renames:
        return schema
    text = json.dumps(schema)
    for old, new in renames.items():
        text = text.replace(f'"#/$defs/{old}"', f'"#/$defs/{new}"')
    renamed: dict[str, Any] = json.loads(text)
    renamed["$defs"] = {renames.get(k, k): v for k, v in renamed["$defs"].items()}
    return renamed
