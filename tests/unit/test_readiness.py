"""The readiness estimate on synthetic histories: none, few and many mocks, rising and falling."""

from __future__ import annotations

import pytest

from quizapp.core.study.readiness import (
    MIN_ANSWERS,
    DomainMastery,
    MockScore,
    Readiness,
    describe,
    domain_mastery,
    estimate,
)

DOMAINS = [DomainMastery(50, ((0.8, 10),)), DomainMastery(50, ((0.6, 10),))]


def mocks(*percents: int, total: int = 65) -> list[MockScore]:
    """Mocks newest first, each ``percent`` right of ``total`` questions."""
    return [MockScore(round(total * p / 100), total, total) for p in percents]


def ready(history: list[MockScore], domains: list[DomainMastery] = DOMAINS) -> Readiness | None:
    return estimate(
        "clf-c02",
        history,
        domains,
        answers=sum(m.answered for m in history),
        questions=65,
        passing_score=700,
        score_range=(100, 1000),
    )


def test_no_mock_or_too_few_answers_is_not_enough_data() -> None:
    assert ready([]) is None
    assert ready(mocks(80, total=MIN_ANSWERS - 1)) is None
    assert ready(mocks(80, 80, total=MIN_ANSWERS // 2)) is not None  # two short ones suffice
    assert "not enough data" in describe(None)


def test_one_mock_leans_on_mastery_and_has_a_wide_interval() -> None:
    one = ready(mocks(80, total=100))
    assert one is not None
    # Two thirds the mock (80%), a third the domain-weighted mastery (70%): 76.7% → 790.
    assert one.expected_score == 790
    assert one.low < 700 < one.high  # one mock cannot tell whether 790 is really a pass
    assert one.high - one.low > 200
    assert one.based_on == "1 mock exam, 100 answers"  # SPEC §7.2's form, for the JSON
    assert one.basis == "1 mock exam and 100 answers on its topics"


def test_many_steady_mocks_narrow_the_interval_around_their_score() -> None:
    many = ready(mocks(*[75] * 10, total=100), [DomainMastery(100, ((0.75, 5),))])
    few = ready(mocks(75, 75, total=100), [DomainMastery(100, ((0.75, 5),))])
    assert many is not None and few is not None
    assert many.expected_score == few.expected_score == 775
    assert many.high - many.low < few.high - few.low
    assert many.low < 775 < many.high
    assert 0.7 < many.p_pass < 0.95
    assert many.based_on == "10 mock exams, 1,000 answers"
    assert many.basis == "10 mock exams and 1,000 answers on its topics"


def test_recent_mocks_count_more_rising_and_falling() -> None:
    flat = [DomainMastery(100, ((0.7, 5),))]
    rising = ready(mocks(85, 75, 65, 55), flat)  # newest first
    falling = ready(mocks(55, 65, 75, 85), flat)
    assert rising is not None and falling is not None
    mean = 100 + 9 * 70
    assert rising.expected_score > mean > falling.expected_score
    assert rising.p_pass > 0.5 > falling.p_pass


def test_the_pass_chance_grows_with_the_expected_score() -> None:
    chances = [
        r.p_pass
        for p in (40, 60, 70, 80, 95)
        if (r := ready(mocks(p, p, p), [DomainMastery(100, ((p / 100, 5),))]))
    ]
    assert chances == sorted(chances)
    assert chances[0] < 0.05 and chances[-1] > 0.95


def test_domain_mastery_weights_topics_by_their_questions_and_domains_by_weight() -> None:
    domains = domain_mastery([(75, ["a", "a", "a", "b"]), (25, ["c"])], {"a": 0.9, "b": 0.5})
    assert domains[0].mastery == pytest.approx((3 * 0.9 + 0.5) / 4)
    assert domains[1].mastery == 0.5  # no answers yet
    low = ready(mocks(70), domains)
    high = ready(mocks(70), domain_mastery([(75, ["c"]), (25, ["a"])], {"a": 0.9}))
    assert low is not None and high is not None
    assert low.expected_score > high.expected_score  # the heavy domain is the strong one


def test_scores_stay_on_the_scale_and_the_json_has_the_spec_fields() -> None:
    top = ready(mocks(100, 100, 100), [DomainMastery(100, ((1.0, 5),))])
    assert top is not None
    assert top.high == 1000 and top.expected_score <= 1000
    assert set(top.as_json()) == {"exam", "p_pass", "expected_score", "low", "high", "based_on"}
    assert describe(top).startswith("Readiness (an estimate): ")
