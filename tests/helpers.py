"""Small builders of bank text shared by the tests."""

from __future__ import annotations

import tempfile
from pathlib import Path
from textwrap import dedent

from quizapp.core.bank.loader import LoadedFile, load_file

GOOD_BANK = dedent(
    """\
    bank:
      id: demo
      title: Demo bank
    questions:
      - id: q1
        topic: Lambda limits
        domain: Cloud Technology and Services
        prompt: What is the maximum Lambda timeout?
        choices:
          - 5 minutes
          - text: 15 minutes
            correct: true
            why: 900 seconds.
          - 1 hour
        explanation: Fifteen minutes.
      - id: q2
        topic: DynamoDB capacity
        domain: Cloud Concepts
        prompt: Pick two.
        choices: [a, b, c, d, e]
        answer: [A, D]
        explanation: A and D.
    """
)


def bank(questions: str, *, header: str = "bank:\n  id: demo\n  title: Demo\n") -> str:
    """A bank whose ``questions:`` block is ``questions`` (dedented, indented by two)."""
    body = "\n".join("  " + line if line else line for line in dedent(questions).splitlines())
    return f"{header}questions:\n{body}\n"


def load_bytes(data: bytes, name: str) -> LoadedFile:
    """Load ``data`` as a file holding it would be loaded (decoding included)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bank.yaml"
        path.write_bytes(data)
        return load_file(path, name)
