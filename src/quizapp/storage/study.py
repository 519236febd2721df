"""The notebook, review logs, topic statistics and last-seen times."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from quizapp.core.study.mastery import TopicStats, weight
from quizapp.storage.database import transaction
from quizapp.storage.faults import decoded

if TYPE_CHECKING:  # the home screen counts entries without loading the notebook rules
    from quizapp.core.study.notebook import Entry, Summary


def _ts(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _indices(text: str) -> tuple[int, ...]:
    """A stored JSON list of ints, read without the json module (a hot path at 10,000 entries)."""
    inner = text.strip()[1:-1]
    return tuple(int(x) for x in inner.split(",")) if inner.strip() else ()


@dataclass(frozen=True, slots=True)
class NotebookCounts:
    """How many entries are active, due now and mastered."""

    active: int
    due: int
    mastered: int


class StudyStore:
    """Reads and writes study state; each public write is one committed transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- notebook ------------------------------------------------------------------------------
    def entry(self, key: str) -> Entry | None:
        """The entry for a question key."""
        rows = self.entries(where="n.question_key = ?", params=(key,))
        return rows[0] if rows else None

    @decoded
    def entries(self, where: str = "1", params: Sequence[Any] = ()) -> list[Entry]:
        """Entries matching an SQL condition on ``n`` (the notebook), with their misses."""
        from quizapp.core.study.notebook import Entry, Miss

        rows = self.conn.execute(
            "SELECT question_key, bank, topic, fingerprint, status, times_right_since, note, card,"
            f" due, created_at, unsure_only FROM notebook n WHERE {where} ORDER BY question_key",
            tuple(params),
        ).fetchall()
        if not rows:
            return []
        misses: dict[str, list[Miss]] = {}
        if where == "1":  # the whole notebook: one pass over every miss
            parts: list[list[str]] = [[]]
            sql = "SELECT question_key, picked, missed_at FROM notebook_misses ORDER BY id"
        else:
            keys = [r[0] for r in rows]
            parts = [keys[i : i + 500] for i in range(0, len(keys), 500)]
            sql = ""
        for part in parts:
            query = sql or (
                "SELECT question_key, picked, missed_at FROM notebook_misses"
                f" WHERE question_key IN ({','.join('?' * len(part))}) ORDER BY id"
            )
            for key, picked, at in self.conn.execute(query, part):
                miss = Miss(_indices(picked), datetime.fromisoformat(at))
                misses.setdefault(key, []).append(miss)
        return [
            Entry(
                key=key,
                bank=bank,
                topic=topic,
                fingerprint=fp,
                status=status,
                misses=tuple(misses.get(key, ())),
                times_right_since=right,
                note=note,
                card=card,
                due=_dt(due),
                created_at=_dt(created),
                unsure_only=bool(unsure),
            )
            for key, bank, topic, fp, status, right, note, card, due, created, unsure in rows
        ]

    @decoded
    def summaries(self) -> list[Summary]:
        """Every entry as a list shows it: one query, no misses to read."""
        from quizapp.core.study.notebook import Summary

        return [
            Summary(key, bank, topic, status, _dt(due), missed, note)
            for key, bank, topic, status, due, missed, note in self.conn.execute(
                "SELECT n.question_key, n.bank, n.topic, n.status, n.due,"
                " (SELECT COUNT(*) FROM notebook_misses m WHERE m.question_key = n.question_key),"
                " n.note FROM notebook n"
            )
        ]

    @decoded
    def schedule(self) -> list[tuple[str, str, datetime | None]]:
        """Every entry's key, status and due time: what a plan counts (no misses to count)."""
        return [
            (key, status, _dt(due))
            for key, status, due in self.conn.execute(
                "SELECT question_key, status, due FROM notebook"
            )
        ]

    def save(
        self,
        entry: Entry,
        *,
        new_miss: bool = False,
        log: str | None = None,
        at: datetime | None = None,
    ) -> None:
        """Store an entry (and its newest miss and review log) atomically."""
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO notebook (question_key, bank, topic, fingerprint, status,"
                " times_right_since, note, card, due, created_at, unsure_only)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (question_key) DO UPDATE SET topic = excluded.topic,"
                " fingerprint = excluded.fingerprint, status = excluded.status,"
                " times_right_since = excluded.times_right_since, note = excluded.note,"
                " card = excluded.card, due = excluded.due, unsure_only = excluded.unsure_only",
                (
                    entry.key,
                    entry.bank,
                    entry.topic,
                    entry.fingerprint,
                    entry.status,
                    entry.times_right_since,
                    entry.note,
                    entry.card,
                    _ts(entry.due),
                    _ts(entry.created_at or at),
                    int(entry.unsure_only),
                ),
            )
            if new_miss and entry.misses:
                last = entry.misses[-1]
                self.conn.execute(
                    "INSERT INTO notebook_misses (question_key, picked, missed_at)"
                    " VALUES (?, ?, ?)",
                    (entry.key, json.dumps(last.picked), _ts(last.at)),
                )
            if log is not None and at is not None:
                self.conn.execute(
                    "INSERT INTO review_logs (question_key, reviewed_at, log) VALUES (?, ?, ?)",
                    (entry.key, _ts(at), log),
                )

    def delete(self, key: str) -> None:
        """Remove an entry and its misses."""
        with transaction(self.conn):
            self.conn.execute("DELETE FROM notebook_misses WHERE question_key = ?", (key,))
            self.conn.execute("DELETE FROM notebook WHERE question_key = ?", (key,))

    def due_keys(self, now: datetime, limit: int | None = None) -> list[str]:
        """Active entries due at ``now``, the longest overdue first."""
        sql = (
            "SELECT question_key FROM notebook WHERE status = 'active' AND due <= ?"
            " ORDER BY due, question_key"
        )
        params: list[Any] = [_ts(now)]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [r[0] for r in self.conn.execute(sql, params)]

    def counts(self, now: datetime) -> NotebookCounts:
        """Active, due and mastered counts."""
        active, due, mastered = self.conn.execute(
            "SELECT COALESCE(SUM(status = 'active'), 0),"
            " COALESCE(SUM(status = 'active' AND due <= ?), 0),"
            " COALESCE(SUM(status = 'mastered'), 0) FROM notebook",
            (_ts(now),),
        ).fetchone()
        return NotebookCounts(active, due, mastered)

    # -- topics and seen questions --------------------------------------------------------------
    def record_answer(
        self, key: str, topic: str, correct: bool, at: datetime, order: Sequence[int] = ()
    ) -> None:
        """Count a final answer in its topic's sums; note when and how the question was shown."""
        w = weight(at)
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO topic_stats (topic, answered, correct, right_weight, total_weight)"
                " VALUES (?, 1, ?, ?, ?) ON CONFLICT (topic) DO UPDATE SET"
                " answered = answered + 1, correct = correct + excluded.correct,"
                " right_weight = right_weight + excluded.right_weight,"
                " total_weight = total_weight + excluded.total_weight",
                (topic, int(correct), w if correct else 0.0, w),
            )
            self.conn.execute(
                "INSERT INTO question_seen (question_key, last_seen, times_seen, last_order)"
                " VALUES (?, ?, 1, ?) ON CONFLICT (question_key) DO UPDATE SET"
                " last_seen = MAX(last_seen, excluded.last_seen), times_seen = times_seen + 1,"
                " last_order = excluded.last_order",
                (key, _ts(at), json.dumps(list(order))),
            )

    def topics(self) -> list[TopicStats]:
        """Every topic's sums."""
        return [
            TopicStats(*row)
            for row in self.conn.execute(
                "SELECT topic, answered, correct, right_weight, total_weight FROM topic_stats"
                " ORDER BY topic"
            )
        ]

    @decoded
    def seen(self) -> dict[str, tuple[datetime, tuple[int, ...]]]:
        """When each question was last answered, and the choice order it was shown in."""
        return {
            k: (datetime.fromisoformat(v), tuple(json.loads(order)))
            for k, v, order in self.conn.execute(
                "SELECT question_key, last_seen, last_order FROM question_seen"
            )
        }
