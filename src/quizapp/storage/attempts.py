"""Attempts, their items and responses: every change is committed the moment it is made."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from quizapp.core.exam.options import StartOptions
from quizapp.core.exam.scale import has_verdict, passes, scaled_score
from quizapp.storage import tallies
from quizapp.storage.database import transaction
from quizapp.storage.faults import decoded

NO_OPTIONS = StartOptions()

if TYPE_CHECKING:  # the home screen lists attempts without loading the exam engine
    from quizapp.core.exam.session import Mode, Session, Status


def _ts(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass(frozen=True, slots=True)
class AttemptSummary:
    """One attempt as listed on the home screen and in ``stats``."""

    id: int
    exam_id: str
    title: str
    mode: Mode
    status: Status
    started_at: datetime
    ended_at: datetime | None
    total: int
    answered: int
    correct: int
    elapsed: float
    minutes: int | None
    passing_score: int
    score_range: tuple[int, int]
    domains: tuple[tuple[str, int, int], ...]  # name, total, correct
    seed: int = 0
    options: StartOptions = NO_OPTIONS
    parent_id: int | None = None

    @property
    def percent(self) -> float:
        """Correct out of all questions, as a percentage with one decimal."""
        return round(100 * self.correct / self.total, 1) if self.total else 0.0

    @property
    def scaled_score(self) -> int:
        """The estimated scaled score (SPEC §8)."""
        return scaled_score(self.correct, self.total, self.score_range)

    @property
    def passed(self) -> bool:
        """Scaled score at or above the passing score."""
        return passes(self.scaled_score, self.passing_score)

    @property
    def has_verdict(self) -> bool:
        """Only a finished mock exam of a blueprint has a score and a pass or fail (SPEC §7.2)."""
        return has_verdict(self.mode, self.status, self.exam_id)


class AttemptStore:
    """Reads and writes attempts; each method is one committed transaction."""

    def __init__(self, conn: sqlite3.Connection, clock: Callable[[], datetime]) -> None:
        self.conn = conn
        self.clock = clock

    def create(
        self,
        session: Session,
        options: StartOptions = NO_OPTIONS,
        parent_id: int | None = None,
    ) -> Session:
        """Store a new session with its items; return it with its attempt id."""
        b = session.terms
        now = _ts(self.clock())
        with transaction(self.conn):
            cur = self.conn.execute(
                "INSERT INTO attempts (exam_id, title, mode, status, seed, minutes, passing_score,"
                " score_low, score_high, domains, current, elapsed, started_at, updated_at,"
                " options, parent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    b.exam_id,
                    b.title,
                    session.mode,
                    session.status,
                    session.seed,
                    b.minutes,
                    b.passing_score,
                    b.score_range[0],
                    b.score_range[1],
                    json.dumps(b.domains),
                    session.current,
                    session.elapsed,
                    _ts(session.started_at),
                    now,
                    options.to_json(),
                    parent_id,
                ),
            )
            attempt_id = cast(int, cur.lastrowid)
            self.conn.executemany(
                "INSERT INTO attempt_items (attempt_id, position, question_key, topic, domain,"
                " kind, multiple, display_order, fingerprint, needs)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        attempt_id,
                        i,
                        it.key,
                        it.topic,
                        it.domain,
                        it.kind,
                        int(it.multiple),
                        json.dumps(it.order),
                        it.fingerprint,
                        it.needs,
                    )
                    for i, it in enumerate(session.items)
                ],
            )
        return replace(session, attempt_id=attempt_id)

    def save(self, session: Session, position: int, correct: bool | None) -> None:
        """Commit one question's response and the attempt's progress, in one transaction."""
        with transaction(self.conn):
            self._upsert(session, position, correct)
            self._progress(session)

    def save_progress(self, session: Session) -> None:
        """Commit the elapsed time, position and status."""
        with transaction(self.conn):
            self._progress(session)

    def finish(self, session: Session, marks: Sequence[bool]) -> None:
        """Commit the end of a session and the final correctness of every question."""
        with transaction(self.conn):
            for position, mark in enumerate(marks):
                self._upsert(session, position, mark)
            self._progress(session)

    def status(self, attempt_id: int) -> Status | None:
        """The stored status of an attempt (inside a transaction: as of its write lock)."""
        row = self.conn.execute(
            "SELECT status FROM attempts WHERE id = ?", (attempt_id,)
        ).fetchone()
        return None if row is None else cast("Status", row[0])

    def studied(self, attempt_id: int, position: int) -> bool:
        """Whether the stored answer at ``position`` has been applied to study."""
        row = self.conn.execute(
            "SELECT studied FROM responses WHERE attempt_id = ? AND position = ?",
            (attempt_id, position),
        ).fetchone()
        return row is not None and bool(row[0])

    def marks(self, attempt_id: int) -> dict[int, bool]:
        """The correctness stored for each answered position (what the listings count)."""
        return {
            pos: bool(correct)
            for pos, correct in self.conn.execute(
                "SELECT position, correct FROM responses WHERE attempt_id = ?", (attempt_id,)
            )
        }

    @decoded
    def recent_answers(self, since: datetime) -> list[tuple[str, bool, datetime]]:
        """Every answer counted for mastery since ``since``: topic, right, when."""
        rows = self.conn.execute(
            "SELECT topic, correct, answered_at FROM responses"
            " WHERE studied = 1 AND correct IS NOT NULL AND answered_at >= ?",
            (_ts(since),),
        )
        return [(topic, bool(correct), datetime.fromisoformat(at)) for topic, correct, at in rows]

    def count(self, exam_id: str) -> int:
        """How many attempts of ``exam_id`` were ever started."""
        return int(
            self.conn.execute(
                "SELECT COUNT(*) FROM attempts WHERE exam_id = ?", (exam_id,)
            ).fetchone()[0]
        )

    def _upsert(self, session: Session, position: int, correct: bool | None) -> None:
        from quizapp.core.exam.session import complete

        r, item = session.responses[position], session.items[position]
        self.conn.execute(
            "INSERT INTO responses (attempt_id, position, question_key, topic, picked, correct,"
            " flagged, unsure, struck, checked, seconds, answered_at, complete, studied)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (attempt_id, position) DO UPDATE SET picked = excluded.picked,"
            " correct = excluded.correct, flagged = excluded.flagged, unsure = excluded.unsure,"
            " struck = excluded.struck, checked = excluded.checked, seconds = excluded.seconds,"
            " answered_at = excluded.answered_at, complete = excluded.complete,"
            # Once applied, always applied: a stale copy of the attempt cannot undo it.
            " studied = MAX(studied, excluded.studied)",
            (
                self._id(session),
                position,
                item.key,
                item.topic,
                json.dumps(r.picked),
                None if correct is None else int(correct),
                int(r.flagged),
                int(r.unsure),
                json.dumps(sorted(r.struck)),
                int(r.checked),
                r.seconds,
                _ts(r.answered_at),
                int(complete(item, r)),
                int(r.studied),
            ),
        )

    def _progress(self, session: Session) -> None:
        # A finished attempt's row never changes again, whatever a stale copy of it writes.
        cur = self.conn.execute(
            "UPDATE attempts SET current = ?, elapsed = ?, status = ?, ended_at = ?, updated_at = ?"
            " WHERE id = ? AND status = 'in_progress'",
            (
                session.current,
                session.elapsed,
                session.status,
                _ts(session.ended_at),
                _ts(self.clock()),
                self._id(session),
            ),
        )
        if cur.rowcount and session.status != "in_progress":
            # It has just ended: its tallies are counted once, here, for every later listing.
            self.conn.execute(f"{tallies.STORE} WHERE a.id = ?", (self._id(session),))

    @staticmethod
    def _id(session: Session) -> int:
        if session.attempt_id is None:
            raise ValueError("the session has not been stored")
        return session.attempt_id

    @decoded
    def load(self, attempt_id: int) -> Session | None:
        """The stored session, as it was at its last commit."""
        from quizapp.core.exam.session import ExamTerms, Item, Response, Session

        found = _dicts(self.conn.execute("SELECT * FROM attempts WHERE id = ?", (attempt_id,)))
        if not found:
            return None
        a = found[0]
        items = tuple(
            Item(key, topic, domain, kind, tuple(json.loads(order)), fp, bool(multiple), needs)
            for key, topic, domain, kind, multiple, order, fp, needs in self.conn.execute(
                "SELECT question_key, topic, domain, kind, multiple, display_order, fingerprint,"
                " needs FROM attempt_items WHERE attempt_id = ? ORDER BY position",
                (attempt_id,),
            )
        )
        responses = [Response() for _ in items]
        rows = self.conn.execute(
            "SELECT position, picked, flagged, unsure, struck, checked, seconds, answered_at,"
            " studied FROM responses WHERE attempt_id = ?",
            (attempt_id,),
        )
        for pos, picked, flagged, unsure, struck, checked, seconds, answered_at, studied in rows:
            responses[pos] = Response(
                picked=tuple(json.loads(picked)),
                flagged=bool(flagged),
                unsure=bool(unsure),
                struck=frozenset(json.loads(struck)),
                seconds=seconds,
                answered_at=_dt(answered_at),
                checked=bool(checked),
                studied=bool(studied),
            )
        terms = ExamTerms(
            exam_id=a["exam_id"],
            title=a["title"],
            minutes=a["minutes"],
            passing_score=a["passing_score"],
            score_range=(a["score_low"], a["score_high"]),
            domains=tuple(json.loads(a["domains"])),
        )
        return Session(
            terms=terms,
            mode=a["mode"],
            items=items,
            responses=tuple(responses),
            started_at=cast(datetime, _dt(a["started_at"])),
            seed=a["seed"],
            current=a["current"],
            elapsed=a["elapsed"],
            status=a["status"],
            ended_at=_dt(a["ended_at"]),
            attempt_id=attempt_id,
        )

    def unfinished(self) -> list[AttemptSummary]:
        """Attempts still in progress, newest first."""
        return self.summaries("WHERE a.status = 'in_progress'")

    def of_mode(self, mode: Mode) -> list[AttemptSummary]:
        """Every attempt taken in ``mode``, newest first."""
        return self.summaries("WHERE a.mode = ?", (mode,))

    def open_attempt(self, exam_id: str, mode: Mode) -> AttemptSummary | None:
        """The newest unfinished attempt of ``exam_id`` in ``mode``, if any."""
        found = self.summaries(
            "WHERE a.status = 'in_progress' AND a.exam_id = ? AND a.mode = ?", (exam_id, mode)
        )
        return found[0] if found else None

    @decoded
    def summaries(self, where: str = "", params: Sequence[Any] = ()) -> list[AttemptSummary]:
        """Attempts with their totals and per-domain tallies, newest first."""
        rows = _dicts(
            self.conn.execute(
                f"SELECT a.*, {tallies.LISTED} FROM attempts a {where} ORDER BY a.id DESC",
                tuple(params),
            )
        )
        out = []
        for a in rows:
            order = {name: i for i, name in enumerate(json.loads(a["domains"]))}
            # The attempt's own domain order, then any other domain where it first appears.
            found = sorted(
                json.loads(a["domain_tallies"]),
                key=lambda d: (order.get(d[0], len(order)), d[3]),
            )
            domains = tuple((name, total, correct) for name, total, correct, _ in found)
            out.append(
                AttemptSummary(
                    id=a["id"],
                    exam_id=a["exam_id"],
                    title=a["title"],
                    mode=a["mode"],
                    status=a["status"],
                    started_at=cast(datetime, _dt(a["started_at"])),
                    ended_at=_dt(a["ended_at"]),
                    total=a["total"],
                    answered=a["answered"],
                    correct=a["correct"],
                    elapsed=a["elapsed"],
                    minutes=a["minutes"],
                    passing_score=a["passing_score"],
                    score_range=(a["score_low"], a["score_high"]),
                    domains=domains,
                    seed=a["seed"],
                    options=StartOptions.from_json(a["options"]),
                    parent_id=a["parent_id"],
                )
            )
        return out


def _dicts(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
