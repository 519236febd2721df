"""The verdict rule and the pass line's label (SPEC §7.2, §8): one owner for every front end."""

from __future__ import annotations

import pytest

from quizapp.core.exam.scale import CUSTOM_ID, has_verdict, pass_label, ready_label
from quizapp.core.exam.selection import custom_exam


@pytest.mark.parametrize(
    ("mode", "status", "verdict"),
    [
        ("exam", "submitted", True),
        ("exam", "expired", True),
        ("exam", "in_progress", False),
        ("exam", "abandoned", False),
        ("practice", "submitted", False),
        ("retry", "submitted", False),
        ("review", "submitted", False),
    ],
)
def test_only_a_finished_exam_has_a_verdict(mode: str, status: str, verdict: bool) -> None:
    assert has_verdict(mode, status, "clf-c02") is verdict


def test_a_custom_exam_has_no_blueprint_and_no_verdict() -> None:
    spec = custom_exam(questions=3, minutes=5)
    assert spec.id == CUSTOM_ID
    assert not has_verdict("exam", "submitted", spec.id)


def test_the_pass_line_is_an_estimate_named_by_its_share_of_questions() -> None:
    assert pass_label(700, (100, 1000)) == "estimated · pass ≈ 67%"
    assert pass_label(720, (100, 1000)) == "estimated · pass ≈ 69%"
    assert pass_label(750, (0, 1000)) == "estimated · pass ≈ 75%"


def test_the_readiness_share_says_whether_it_is_reached() -> None:
    assert ready_label(72, 72.0) == "ready at 72%: reached"
    assert ready_label(72, 71.9) == "ready at 72%: not yet"
    assert ready_label(72.5, 80.0) == "ready at 72.5%: reached"
