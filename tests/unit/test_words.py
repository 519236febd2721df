"""Counts, sentences and times as a person reads them."""

from __future__ import annotations

import pytest

from quizapp.core.exam.clock import clock
from quizapp.core.words import plural, sentence


@pytest.mark.parametrize(("n", "said"), [(0, "0 questions"), (1, "1 question"), (2, "2 questions")])
def test_a_count_takes_the_word_in_its_number(n: int, said: str) -> None:
    assert plural(n, "question") == said


def test_an_irregular_plural_is_given() -> None:
    assert plural(3, "entry", "entries") == "3 entries"
    assert plural(1, "entry", "entries") == "1 entry"


def test_an_engine_message_becomes_a_sentence() -> None:
    assert sentence("answer the question first") == "Answer the question first."
    assert sentence("Done.") == "Done."


def test_an_exam_of_an_hour_or_more_shows_every_time_as_hours() -> None:
    assert clock(91, 90) == "0:01:31"
    assert clock(5309, 90) == "1:28:29"
    assert clock(91, 30) == "1:31"
    assert clock(91) == "1:31"
    assert clock(7800) == "2:10:00"


def test_code_spans_are_found_and_a_lone_backtick_stays() -> None:
    from quizapp.core.inline import code_spans

    assert code_spans("Run `aws s3 ls` or ``a`b`` and ` alone") == [
        ("Run ", False),
        ("aws s3 ls", True),
        (" or ", False),
        ("a`b", True),
        (" and ` alone", False),
    ]


def test_list_rows_lose_their_emphasis_and_code_marks() -> None:
    from quizapp.core.inline import plain_inline

    text = "**Bold** and *it* and `co*de*` 2*3*4 __u__ snake_case_x"
    assert plain_inline(text) == "Bold and it and co*de* 2*3*4 u snake_case_x"


def test_plain_text_drops_only_the_backticks_of_code_spans() -> None:
    from quizapp.core.inline import plain_code

    text = "Run `aws s3 ls` or ``a`b`` with **bold** and ` alone"
    assert plain_code(text) == "Run aws s3 ls or a`b with **bold** and ` alone"


def test_due_dates_read_as_words() -> None:
    from datetime import UTC, datetime, timedelta

    from quizapp.core.words import due_in

    now = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
    day = timedelta(days=1)
    assert due_in(None, now) == "—"
    assert due_in(now, now) == "due now"
    assert due_in(now - day, now) == "due now"
    assert due_in(now + timedelta(hours=2), now) == "today"
    assert due_in(now + day, now) == "tomorrow"
    assert due_in(now + 3 * day, now) == "in 3 days"
    assert due_in(now + 20 * day, now) == "in 2 weeks"
    assert due_in(now + 30 * day * 1.0135, now) == "in 4 weeks"
    assert due_in(now + 200 * day, now) == "in 7 months"
    assert due_in(now + 400 * day, now) == "in 13 months"
