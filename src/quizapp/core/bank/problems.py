"""A problem found in a bank or exam file, in the form editors and scripts understand."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from quizapp.core.text import visible

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One error or warning at a file position (1-based line and column)."""

    file: str
    line: int
    column: int
    severity: Severity
    message: str
    question: str | None = None

    def __post_init__(self) -> None:
        # Messages quote bank text: keep each one line, with no control character left raw.
        object.__setattr__(self, "message", visible(self.message, one_line=True))

    def format(self) -> str:
        """The gcc-style line: ``file:line:col: severity: message``."""
        file = visible(self.file, one_line=True)
        return f"{file}:{self.line}:{self.column}: {self.severity}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """The fields as a JSON-ready mapping (``validate --format json``, the cache)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> Problem:
        """A problem as :meth:`to_dict` wrote it; TypeError for any other shape."""
        if not isinstance(data, dict):
            raise TypeError("a problem is a mapping")
        problem = cls(**data)
        ints, texts = (problem.line, problem.column), (problem.file, problem.message)
        if not (
            all(type(n) is int for n in ints)
            and all(isinstance(t, str) for t in texts)
            and problem.severity in ("error", "warning")
            and (problem.question is None or isinstance(problem.question, str))
        ):
            raise TypeError("a problem field has the wrong type")
        return problem
