"""Forward-only schema migrations, numbered by ``PRAGMA user_version``."""

from __future__ import annotations

import sqlite3
from functools import cache

from quizapp.storage import tallies

# Written into the file header by migration 4 ("QUIZ"): how a quizapp database is told from any
# other SQLite file before anything is migrated.
APPLICATION_ID = 0x5155495A
FIRST_WITH_ID = 4

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
    """
    CREATE TABLE notebook (
        question_key      TEXT PRIMARY KEY,
        bank              TEXT NOT NULL,
        topic             TEXT NOT NULL,
        fingerprint       TEXT NOT NULL,
        status            TEXT NOT NULL CHECK (status IN ('active', 'mastered')),
        times_right_since INTEGER NOT NULL DEFAULT 0,
        note              TEXT NOT NULL DEFAULT '',
        card              TEXT,
        due               TEXT,
        created_at        TEXT NOT NULL,
        unsure_only       INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE INDEX notebook_due ON notebook (status, due);

    CREATE TABLE notebook_misses (
        id           INTEGER PRIMARY KEY,
        question_key TEXT NOT NULL REFERENCES notebook (question_key) ON DELETE CASCADE,
        picked       TEXT NOT NULL,
        missed_at    TEXT NOT NULL
    );
    CREATE INDEX notebook_misses_key ON notebook_misses (question_key, id);

    CREATE TABLE review_logs (
        id           INTEGER PRIMARY KEY,
        question_key TEXT NOT NULL,
        reviewed_at  TEXT NOT NULL,
        log          TEXT NOT NULL
    );

    -- Running, recency-weighted sums per topic (see quizapp.core.study.mastery): reading
    -- mastery for every topic is one small table scan however many answers there are.
    CREATE TABLE topic_stats (
        topic        TEXT PRIMARY KEY,
        answered     INTEGER NOT NULL,
        correct      INTEGER NOT NULL,
        right_weight REAL NOT NULL,
        total_weight REAL NOT NULL
    ) WITHOUT ROWID;

    -- When each question was last answered, for "least recently seen" on later passes.
    CREATE TABLE question_seen (
        question_key TEXT PRIMARY KEY,
        last_seen    TEXT NOT NULL,
        times_seen   INTEGER NOT NULL,
        last_order   TEXT NOT NULL DEFAULT '[]'
    ) WITHOUT ROWID;
    """,
    # 3: retries and abandoned attempts, the options an attempt was asked with, and per answer
    # whether it is complete ("Choose two" needs two) and has been applied to study (once).
    """
    CREATE TABLE attempts_v3 (
        id            INTEGER PRIMARY KEY,
        exam_id       TEXT NOT NULL,
        title         TEXT NOT NULL,
        mode          TEXT NOT NULL CHECK (mode IN ('exam', 'practice', 'review', 'retry')),
        status        TEXT NOT NULL
                      CHECK (status IN ('in_progress', 'submitted', 'expired', 'abandoned')),
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
        ended_at      TEXT,
        options       TEXT NOT NULL DEFAULT '{}',
        parent_id     INTEGER
    );
    INSERT INTO attempts_v3 (id, exam_id, title, mode, status, seed, minutes, passing_score,
        score_low, score_high, domains, current, elapsed, started_at, updated_at, ended_at)
        SELECT id, exam_id, title, mode, status, seed, minutes, passing_score, score_low,
        score_high, domains, current, elapsed, started_at, updated_at, ended_at FROM attempts;
    DROP TABLE attempts;
    ALTER TABLE attempts_v3 RENAME TO attempts;
    CREATE INDEX attempts_exam ON attempts (exam_id, status);

    ALTER TABLE attempt_items ADD COLUMN needs INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE responses ADD COLUMN complete INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE responses ADD COLUMN studied INTEGER NOT NULL DEFAULT 0;
    UPDATE responses SET complete = (picked != '[]' AND answered_at IS NOT NULL);
    -- Until now exam answers counted at the end and practice answers when checked.
    UPDATE responses SET studied = complete AND (checked OR (SELECT a.status != 'in_progress'
        FROM attempts a WHERE a.id = responses.attempt_id));
    """,
    # 4: mark the file as quizapp's own (see APPLICATION_ID).
    f"PRAGMA application_id = {APPLICATION_ID}",
    # 5: the date the user takes each exam (YYYY-MM-DD), and when it was set.
    """
    CREATE TABLE exam_dates (
        exam_id   TEXT PRIMARY KEY,
        exam_date TEXT NOT NULL,
        set_at    TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 6: the last days' answers (a later pass's weak topics) without reading every answer.
    """
    CREATE INDEX responses_recent ON responses (answered_at)
        WHERE studied = 1 AND correct IS NOT NULL;
    """,
    # 7: each finished attempt's tallies, stored as it ends (see quizapp.storage.tallies), so
    # listings no longer count every attempt's answers; the finished ones are counted here once.
    """
    ALTER TABLE attempts ADD COLUMN tally_total INTEGER;
    ALTER TABLE attempts ADD COLUMN tally_answered INTEGER;
    ALTER TABLE attempts ADD COLUMN tally_correct INTEGER;
    ALTER TABLE attempts ADD COLUMN tally_domains TEXT;
    """
    f"{tallies.STORE} WHERE a.status != 'in_progress'",
)
LATEST = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations the database lacks, each in its own transaction; return the version.

    The version is read only once the write lock is held, so processes starting together on a
    fresh data dir apply each migration once (the others then find it done).
    """
    # A migration may rebuild a table; with foreign keys on, dropping the old one would cascade.
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        while True:
            conn.execute("BEGIN IMMEDIATE")
            try:
                version = int(conn.execute("PRAGMA user_version").fetchone()[0])
                if version < LATEST:
                    _apply(conn, version)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            if version >= LATEST:
                return version
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _apply(conn: sqlite3.Connection, number: int) -> None:
    for statement in _statements(MIGRATIONS[number]):
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {number + 1}")
    if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise sqlite3.IntegrityError(f"migration {number + 1} broke a foreign key")


@cache
def columns_at(version: int) -> dict[str, tuple[str, ...]]:
    """The tables and columns migrations 1 to ``version`` create, to recognise older files."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for number in range(version):
            _apply(conn, number)
        return table_columns(conn)
    finally:
        conn.close()


def table_columns(conn: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    """Each table's column names, in order."""
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {
        name: tuple(r[1] for r in conn.execute("SELECT * FROM pragma_table_info(?)", (name,)))
        for name in names
    }


def _statements(script: str) -> list[str]:
    """Split a migration into statements (they hold no semicolons inside literals)."""
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
