"""The status and count lines: parts give way, least important first, never split."""

from __future__ import annotations

from quizapp.tui.fitline import Part, fit_line

TIMER = Part("⏱ 1:29:56 left")
PARTS = [
    Part("AWS Certified Cloud Practitioner (CLF-C02)", elastic=True),
    Part("Question 12 of 65"),
    Part("40 answered", rank=2),
    Part("3 flagged", rank=3),
    Part("⚑ flagged", rank=4, short="⚑"),
    TIMER,
]


def test_everything_fits_with_wide_dots_when_there_is_room() -> None:
    line = str(fit_line(PARTS, 200))
    assert line == (
        "AWS Certified Cloud Practitioner (CLF-C02)  ·  Question 12 of 65  ·  40 answered"
        "  ·  3 flagged  ·  ⚑ flagged  ·  ⏱ 1:29:56 left"
    )


def test_narrow_dots_then_the_title_is_cut_with_an_ellipsis() -> None:
    line = str(fit_line(PARTS, 100))
    assert len(line) == 100
    assert line == (
        "AWS Certified Cloud Prac… · Question 12 of 65 · 40 answered · 3 flagged"
        " · ⚑ flagged · ⏱ 1:29:56 left"
    )


def test_a_title_too_short_to_say_anything_goes_and_then_ranks_give_way() -> None:
    assert str(fit_line(PARTS, 78)) == (
        "Question 12 of 65 · 40 answered · 3 flagged · ⚑ flagged · ⏱ 1:29:56 left"
    )
    assert str(fit_line(PARTS, 60)) == "Question 12 of 65 · 40 answered · ⚑ · ⏱ 1:29:56 left"
    assert str(fit_line(PARTS, 40)) == "Question 12 of 65 · ⚑ · ⏱ 1:29:56 left"


def test_rank_zero_never_gives_way() -> None:
    assert str(fit_line(PARTS, 34)) == "Question 12 of 65 · ⏱ 1:29:56 left"
    line = fit_line(PARTS, 20)  # too narrow even so: cut at the end, never split onto two lines
    assert str(line) == "Question 12 of 65 · ⏱ 1:29:56 left" and line.no_wrap
