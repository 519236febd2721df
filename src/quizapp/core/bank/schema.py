"""JSON Schema of the bank and exam files, for editor completion (``quizapp schema``)."""

from __future__ import annotations

import copy
from typing import Any, Literal

from quizapp.core.bank.models import BankFile, ExamFile

SchemaKind = Literal["bank", "exam"]


def json_schema(kind: SchemaKind) -> dict[str, Any]:
    """The schema of a bank or exam file as written (bare strings allowed where YAML has them)."""
    model = BankFile if kind == "bank" else ExamFile
    schema = model.model_json_schema(mode="validation")
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
