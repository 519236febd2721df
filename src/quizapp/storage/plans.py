"""Exam dates, and what the plan towards them reads of the questions seen."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from quizapp.storage.database import transaction
from quizapp.storage.faults import decoded


@dataclass(frozen=True, slots=True)
class ExamDate:
    """The day the user takes an exam, and when they set it."""

    exam_id: str
    day: date
    set_at: datetime


class PlanStore:
    """Reads and writes exam dates; each write is one committed transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def set(self, exam_id: str, day: date, at: datetime) -> None:
        """Set or change the exam's date (the plan's schedule counts from ``at``)."""
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO exam_dates (exam_id, exam_date, set_at) VALUES (?, ?, ?)"
                " ON CONFLICT (exam_id) DO UPDATE SET exam_date = excluded.exam_date,"
                " set_at = excluded.set_at",
                (exam_id, day.isoformat(), at.isoformat()),
            )

    def move_due(self, moves: Sequence[tuple[str, datetime]]) -> None:
        """Give the notebook entries named new due dates."""
        with transaction(self.conn):
            self.conn.executemany(
                "UPDATE notebook SET due = ? WHERE question_key = ?",
                [(due.isoformat(), key) for key, due in moves],
            )

    def clear(self, exam_id: str) -> bool:
        """Remove the exam's date; False when it had none."""
        with transaction(self.conn):
            gone = self.conn.execute("DELETE FROM exam_dates WHERE exam_id = ?", (exam_id,))
        return gone.rowcount > 0

    @decoded
    def dates(self) -> list[ExamDate]:
        """Every exam date, the soonest first."""
        return [
            ExamDate(exam_id, date.fromisoformat(day), datetime.fromisoformat(at))
            for exam_id, day, at in self.conn.execute(
                "SELECT exam_id, exam_date, set_at FROM exam_dates ORDER BY exam_date, exam_id"
            )
        ]

    def get(self, exam_id: str) -> ExamDate | None:
        """The exam's date, if one is set."""
        return next((d for d in self.dates() if d.exam_id == exam_id), None)

    @decoded
    def seen(self) -> dict[str, tuple[datetime, int]]:
        """When each question was last answered, and how many times."""
        return {
            key: (datetime.fromisoformat(at), times)
            for key, at, times in self.conn.execute(
                "SELECT question_key, last_seen, times_seen FROM question_seen"
            )
        }
