"""A problem found in a bank or exam file, in the form editors and scripts understand."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Severity = Literal["error", "warning"]


class Problem(BaseModel):
    """One error or warning at a file position (1-based line and column)."""

    model_config = ConfigDict(frozen=True)

    file: str
    line: int
    column: int
    severity: Severity
    message: str
    question: str | None = None

    def format(self) -> str:
        """The gcc-style line: ``file:line:col: severity: message``."""
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}"
