"""The README's examples are real: its bank and exam validate as written."""

from __future__ import annotations

import re
from pathlib import Path

from quizapp.core.bank.loader import load_text

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", README, flags=re.S)


def test_the_readme_bank_and_exam_validate_cleanly() -> None:
    blocks = _yaml_blocks()
    banks = [b for b in blocks if b.lstrip().startswith(("#", "bank:"))]
    exams = [b for b in blocks if b.lstrip().startswith("exam:")]
    assert banks
    assert exams
    for text in banks + exams:
        result = load_text(text, "README.md")
        assert result.ok
        assert [p.format() for p in result.problems] == []


def test_the_readme_bank_covers_every_question_kind() -> None:
    (bank,) = [b for b in _yaml_blocks() if "bank:" in b]
    result = load_text(bank, "README.md")
    assert result.bank is not None
    kinds = {q.type for q in result.bank.questions}
    assert kinds == {"choice", "ordering", "matching"}
    assert any(q.multiple for q in result.bank.questions)
    assert any(q.scenario for q in result.bank.questions)
