"""Forward-only schema migrations, numbered by ``PRAGMA user_version``."""

from __future__ import annotations

import sqlite3

# Each entry moves the schema from version i to i + 1. Never edit one that has shipped.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE attempts (
        id            INTEGER PRIMARY KEY,
        exam_id       TEXT NOT NULL,
        title         TEXT NOT NULL,
        mode          TEXT NOT NULL CHECK (mode IN ('exam', 'practice', 'review')),
        status        TEXT NOT NULL CHECK (status IN ('in_progress', 'submitted', 'expired')),
        seed          INTEGER NOT NULL,
        minutes       INTEGER,
        passing_score INTEGER NOT NULL,
        score_low     INTEGER NOT NULL,
        score_high    INTEGER NOT NULL,
        domains       TEXT NOT NULL,
        current       INTEGER NOT NULL DEFAULT 0,
        elapsed       REAL NOT NULL DEFAULT 0,
        started_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        ended_at      TEXT
    );
    CREATE INDEX attempts_exam ON attempts (exam_id, status);

    CREATE TABLE attempt_items (
        attempt_id    INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        question_key  TEXT NOT NULL,
        topic         TEXT NOT NULL,
        domain        TEXT,
        kind          TEXT NOT NULL,
        multiple      INTEGER NOT NULL,
        display_order TEXT NOT NULL,
        fingerprint   TEXT NOT NULL,
        PRIMARY KEY (attempt_id, position)
    ) WITHOUT ROWID;

    CREATE TABLE responses (
        attempt_id    INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        question_key  TEXT NOT NULL,
        topic         TEXT NOT NULL,
        picked        TEXT NOT NULL,
        correct       INTEGER,
        flagged       INTEGER NOT NULL DEFAULT 0,
        unsure        INTEGER NOT NULL DEFAULT 0,
        struck        TEXT NOT NULL DEFAULT '[]',
        checked       INTEGER NOT NULL DEFAULT 0,
        seconds       REAL NOT NULL DEFAULT 0,
        answered_at   TEXT,
        PRIMARY KEY (attempt_id, position)
    ) WITHOUT ROWID;
    -- Mastery reads every answer of a topic in time order; this index covers that query.
    CREATE INDEX responses_topic ON responses (topic, answered_at, correct)
        WHERE answered_at IS NOT NULL;
    CREATE INDEX responses_question ON responses (question_key, answered_at);
    """,
)
LATEST = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations the database lacks, each in its own transaction; return the version."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    for number in range(version, LATEST):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return max(version, LATEST)


def _statements(script: str) -> list[str]:
    """Split a migration into statements (they hold no semicolons inside literals)."""
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
