"""The pacing hint: time used against questions answered, with a fixed clock."""

from __future__ import annotations

import pytest

from quizapp.core.exam.pacing import pacing


@pytest.mark.parametrize(
    ("elapsed", "answered", "said"),
    [
        (0.0, 0, "on pace"),
        (59.0, 0, "on pace"),  # under a minute of slack
        (60.0, 0, "1 min behind"),
        (10 * 60.0, 5, "on pace"),  # 90 minutes for 45 questions: 2 minutes each
        (13 * 60.0 + 5, 5, "3 min behind"),
        (8 * 60.0 - 1, 5, "2 min ahead"),
        (30 * 60.0, 45, "60 min ahead"),
    ],
)
def test_pacing_compares_time_used_with_an_even_pace(
    elapsed: float, answered: int, said: str
) -> None:
    assert pacing(elapsed, answered, 45, 90) == said


def test_an_untimed_session_has_no_pace() -> None:
    assert pacing(600.0, 3, 10, None) is None
