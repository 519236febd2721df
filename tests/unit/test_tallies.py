"""Attempt tallies: stored as an attempt ends, backfilled on upgrade, counted live in progress."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quizapp.core.exam import session as engine
from quizapp.core.exam.session import ExamTerms, Item, Session, new_session
from quizapp.storage.attempts import AttemptStore
from quizapp.storage.database import connect
from quizapp.storage.migrations import LATEST, _apply, columns_at

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
TERMS = ExamTerms("ex", "Ex", 90, 700, (100, 1000), ("A", "B"))
ITEMS = (
    Item("b/one", "T1", "A", "choice", (1, 0, 2, 3), "f1"),
    Item("b/two", "T2", "B", "choice", (0, 1, 2, 3, 4), "f2", multiple=True),
    Item("b/three", "T2", "B", "ordering", (2, 0, 1), "f3"),
    Item("b/four", "T3", "Z", "choice", (0, 1, 2), "f4"),  # a domain the exam does not name
    Item("b/five", "T3", None, "choice", (0, 1, 2), "f5"),
    Item("b/six", "T1", "A", "choice", (0, 1, 2, 3), "f6"),
    Item("b/seven", "T3", "Y", "choice", (0, 1, 2), "f7"),  # another, after the first one
)
PREVIOUS = LATEST - 1  # the schema before tallies were stored

# How the listings counted before tallies were stored, as it was written then: what an upgraded
# history must still show.
OLD_COUNTS = (
    "SELECT a.id, a.domains,"
    " (SELECT COUNT(*) FROM attempt_items i WHERE i.attempt_id = a.id) AS total,"
    " (SELECT COUNT(*) FROM responses r WHERE r.attempt_id = a.id"
    "  AND r.complete = 1) AS answered,"
    " (SELECT COUNT(*) FROM responses r WHERE r.attempt_id = a.id AND r.correct = 1)"
    "  AS correct"
    " FROM attempts a ORDER BY a.id DESC"
)
OLD_DOMAINS = (
    "SELECT i.domain, COUNT(*), SUM(r.correct = 1) FROM attempt_items i"
    " LEFT JOIN responses r ON r.attempt_id = i.attempt_id"
    " AND r.position = i.position WHERE i.attempt_id = ? AND i.domain IS NOT NULL"
    " GROUP BY i.domain ORDER BY MIN(i.position)"
)

Listed = tuple[int, int, int, int, tuple[tuple[str, int, int], ...]]


def counted_the_old_way(conn: sqlite3.Connection) -> list[Listed]:
    out = []
    for attempt_id, declared, total, answered, correct in conn.execute(OLD_COUNTS).fetchall():
        domains = tuple(
            (name, n, right or 0) for name, n, right in conn.execute(OLD_DOMAINS, (attempt_id,))
        )
        order = {name: i for i, name in enumerate(json.loads(declared))}
        domains = tuple(sorted(domains, key=lambda d: order.get(d[0], len(order))))
        out.append((attempt_id, total, answered, correct, domains))
    return out


def listed(st: AttemptStore) -> list[Listed]:
    return [(a.id, a.total, a.answered, a.correct, a.domains) for a in st.summaries()]


def stored(conn: sqlite3.Connection) -> dict[int, Any]:
    return {
        row[0]: row[1:]
        for row in conn.execute(
            "SELECT id, tally_total, tally_answered, tally_correct, tally_domains FROM attempts"
        )
    }


def answer(st: AttemptStore, s: Session, picks: dict[int, int], right: set[int]) -> Session:
    for position, index in picks.items():
        s = engine.choose(engine.go(s, position), index, NOW)
        st.save(s, position, correct=position in right)
    return s


def history(st: AttemptStore) -> dict[str, int]:
    """Attempts of every status; two answers of a "choose two" question are needed."""
    ids = {}
    s = st.create(new_session(TERMS, ITEMS, mode="exam", started_at=NOW, seed=1))
    s = answer(st, s, {0: 0, 1: 0, 3: 1, 4: 0, 5: 2}, right={0, 3, 5})
    s = engine.submit(s, NOW)
    st.finish(s, [True, False, False, True, False, True, False])
    ids["submitted"] = s.attempt_id or 0
    s = st.create(new_session(TERMS, ITEMS, mode="exam", started_at=NOW, seed=2))
    s = answer(st, s, {3: 0, 0: 1}, right={3})
    s = engine.expire(s, NOW)
    st.finish(s, [False, False, False, True, False, False, False])
    ids["expired"] = s.attempt_id or 0
    s = st.create(new_session(TERMS, ITEMS, mode="practice", started_at=NOW, seed=3))
    s = answer(st, s, {5: 0, 1: 1}, right={5})
    st.save_progress(engine.abandon(s, NOW))
    ids["abandoned"] = s.attempt_id or 0
    s = st.create(new_session(TERMS, ITEMS, mode="exam", started_at=NOW, seed=4))
    answer(st, s, {0: 0, 4: 1}, right={0, 4})
    ids["in_progress"] = s.attempt_id or 0
    return ids


def at_previous_version(source: Path, target: Path) -> None:
    """Copy the attempts of ``source`` into a new database at the schema before tallies."""
    conn = sqlite3.connect(target, isolation_level=None)
    for number in range(PREVIOUS):
        _apply(conn, number)
    conn.execute("ATTACH DATABASE ? AS source", (str(source),))
    for table in ("attempts", "attempt_items", "responses"):
        names = ", ".join(columns_at(PREVIOUS)[table])
        conn.execute(f"INSERT INTO main.{table} ({names}) SELECT {names} FROM source.{table}")
    conn.execute("DETACH DATABASE source")
    conn.close()


def test_an_upgraded_history_lists_exactly_what_it_listed_before(tmp_path: Path) -> None:
    current = connect(tmp_path / "now.db")
    ids = history(AttemptStore(current, lambda: NOW))
    current.close()
    old = tmp_path / "old.db"
    at_previous_version(tmp_path / "now.db", old)
    raw = sqlite3.connect(old)
    before = counted_the_old_way(raw)
    raw.close()
    assert len(before) == 4 and any(domains for *_, domains in before)

    upgraded = connect(old)
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert listed(AttemptStore(upgraded, lambda: NOW)) == before
    # Every finished attempt, whatever its end, now reads the counts migration 7 stored.
    tallies = stored(upgraded)
    for attempt_id, total, answered, correct, _ in before:
        if attempt_id == ids["in_progress"]:
            assert tallies[attempt_id] == (None, None, None, None)
        else:
            assert tallies[attempt_id][:3] == (total, answered, correct)


def test_an_attempt_stores_its_tallies_in_the_transaction_that_ends_it() -> None:
    st = AttemptStore(connect(":memory:"), lambda: NOW)
    ids = history(st)
    old = {attempt_id: rest for attempt_id, *rest in counted_the_old_way(st.conn)}
    tallies = stored(st.conn)
    for status in ("submitted", "expired", "abandoned"):
        total, answered, correct, _ = old[ids[status]]
        assert tallies[ids[status]][:3] == (total, answered, correct), status
    assert tallies[ids["in_progress"]] == (None, None, None, None)
    assert listed(st) == counted_the_old_way(st.conn)


def test_an_attempt_in_progress_counts_each_answer_as_it_is_given() -> None:
    st = AttemptStore(connect(":memory:"), lambda: NOW)
    s = st.create(new_session(TERMS, ITEMS, mode="exam", started_at=NOW, seed=1))
    (fresh,) = st.unfinished()
    assert (fresh.total, fresh.answered, fresh.correct) == (7, 0, 0)
    answer(st, s, {0: 0, 3: 2}, right={0})
    (going,) = st.unfinished()
    assert (going.answered, going.correct) == (2, 1)
    assert going.domains == (("A", 2, 1), ("B", 2, 0), ("Z", 1, 0), ("Y", 1, 0))


def test_stored_domains_list_in_the_exams_order_whatever_order_they_were_stored_in() -> None:
    st = AttemptStore(connect(":memory:"), lambda: NOW)
    history(st)
    before = listed(st)
    for attempt_id, found in st.conn.execute(
        "SELECT id, tally_domains FROM attempts WHERE tally_domains IS NOT NULL"
    ).fetchall():
        reversed_order = json.dumps(json.loads(found)[::-1])
        st.conn.execute(
            "UPDATE attempts SET tally_domains = ? WHERE id = ?", (reversed_order, attempt_id)
        )
    assert listed(st) == before
    assert before[-1][4] == (("A", 2, 2), ("B", 2, 0), ("Z", 1, 1), ("Y", 1, 0))
