"""How an attempt's listing counts its questions, as SQL over the attempt aliased ``a``."""

from __future__ import annotations

# Questions, complete answers, right answers, and per domain [name, questions, right, first
# position]. A finished attempt stores them as it ends (the tally_* columns); the listings count
# them live only for an attempt still in progress. Migration 7 counted every finished attempt
# with these: a change to how they count needs a new migration that counts them all again.
COLUMNS = ("tally_total", "tally_answered", "tally_correct", "tally_domains")
COUNTS = (
    "(SELECT COUNT(*) FROM attempt_items i WHERE i.attempt_id = a.id)",
    "(SELECT COUNT(*) FROM responses r WHERE r.attempt_id = a.id AND r.complete = 1)",
    "(SELECT COUNT(*) FROM responses r WHERE r.attempt_id = a.id AND r.correct = 1)",
    "(SELECT json_group_array(json_array(d, n, c, f)) FROM (SELECT i.domain AS d,"
    " COUNT(*) AS n, COALESCE(SUM(r.correct = 1), 0) AS c, MIN(i.position) AS f"
    " FROM attempt_items i LEFT JOIN responses r ON r.attempt_id = i.attempt_id"
    " AND r.position = i.position WHERE i.attempt_id = a.id AND i.domain IS NOT NULL"
    " GROUP BY i.domain ORDER BY f))",
)
# Stores the counts of the attempts a WHERE clause appended to it selects.
STORE = f"UPDATE attempts AS a SET ({', '.join(COLUMNS)}) = (SELECT {', '.join(COUNTS)})"
# The counts to list, as total, answered, correct and domain_tallies: the stored ones, else (in
# progress) counted now.
LISTED = ", ".join(
    f"COALESCE(a.{column}, {count}) AS {name}"
    for column, count, name in zip(
        COLUMNS, COUNTS, ("total", "answered", "correct", "domain_tallies"), strict=True
    )
)
