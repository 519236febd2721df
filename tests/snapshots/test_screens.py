"""SVG snapshots of the screens (fixed library, seed, clock; review an SVG before updating it)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.exam import ExamScreen
from tests.tui.conftest import EXAM_BANKS, make_app, make_context_for


def exam_app() -> QuizApp:
    return QuizApp(make_context_for(EXAM_BANKS))


def at(qid: str, *keys: str) -> Any:
    """Start the exam, go to question ``qid`` and press ``keys``."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "enter")
        screen = pilot.app.screen
        assert isinstance(screen, ExamScreen)
        index = next(
            i for i, it in enumerate(screen.attempt.session.items) if it.key == f"tui/{qid}"
        )
        await screen._do(lambda: screen.attempt.go(index))
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_home(snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(100, 30))


def test_banks(snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(100, 30), press=["b"])


def test_exam_single_answer_with_markup_lookalikes(snap_compare: Any) -> None:
    assert snap_compare(exam_app(), terminal_size=(80, 24), run_before=at("markup", "b", "m"))


def test_exam_multiple_response(snap_compare: Any) -> None:
    assert snap_compare(
        exam_app(), terminal_size=(80, 24), run_before=at("multi", "a", "down", "down", "x")
    )


def test_exam_ordering(snap_compare: Any) -> None:
    assert snap_compare(exam_app(), terminal_size=(80, 24), run_before=at("order", "shift+down"))


def test_exam_matching(snap_compare: Any) -> None:
    assert snap_compare(exam_app(), terminal_size=(80, 24), run_before=at("match", "b"))


def test_exam_case_study_with_code_and_navigator(snap_compare: Any) -> None:
    assert snap_compare(exam_app(), terminal_size=(100, 40), run_before=at("case", "a", "v"))


def test_review(snap_compare: Any) -> None:
    assert snap_compare(exam_app(), terminal_size=(80, 24), run_before=at("plain", "a", "m", "r"))


def test_results(snap_compare: Any) -> None:
    assert snap_compare(exam_app(), terminal_size=(100, 40), run_before=at("plain", "a", "s", "y"))


def test_notebook(snap_compare: Any) -> None:
    from tests.tui.test_notebook import seeded_app

    assert snap_compare(seeded_app(), terminal_size=(120, 32), press=["n"])


def test_home_with_notebook_due(snap_compare: Any) -> None:
    from tests.tui.test_notebook import seeded_app

    assert snap_compare(seeded_app(), terminal_size=(100, 36))


def test_conflict_question_at_80x24(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "enter", "a", "escape")  # an adaptive exam, left unfinished
        await pilot.press("a", "enter")  # adaptive off: the unfinished one differs
        await pilot.pause()

    assert snap_compare(exam_app(), terminal_size=(80, 24), run_before=run_before)


def test_stats_charts_at_80x24(snap_compare: Any) -> None:
    from tests.tui.test_progress_charts import charts_app

    assert snap_compare(charts_app(), terminal_size=(80, 24), press=["t", "c"])


def test_notebook_export_question_at_80x24(snap_compare: Any) -> None:
    from textual.widgets import Input

    from tests.tui.test_notebook import seeded_app

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("n", "e")
        # The data dir is a fresh temporary folder per run: show the usual Linux one instead.
        path = pilot.app.screen.query_one("#export-path", Input)
        path.value = "/home/me/.local/share/quizapp/exports/notebook-20261126-0930.md"
        await pilot.pause()

    assert snap_compare(seeded_app(), terminal_size=(80, 24), run_before=run_before)


def _after(*keys: str, practice: bool = False, second: bool = False) -> Any:
    """Take the 65-question exam (some wrong, flagged, unsure, timed), then press ``keys``."""
    from tests.tui.test_results import take_exam

    async def run_before(pilot: Pilot[None]) -> None:
        ticker = pilot.app.context.ticker  # type: ignore[attr-defined]
        plan = {"wrong": {1, 4, 9}, "skip": {12}, "flagged": {4, 20}, "unsure": {9}}
        seconds = {0: 42.0, 1: 95.0, 4: 61.0}
        await take_exam(pilot.app, pilot, ticker, practice=practice, seconds=seconds, **plan)  # type: ignore[arg-type]
        if second:
            await pilot.press("escape")
            await take_exam(pilot.app, pilot, ticker, practice=True, wrong={0}, until=5)  # type: ignore[arg-type]
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_results_of_a_65_question_exam_at_80x24(snap_compare: Any) -> None:
    from tests.tui.test_results import big_app

    assert snap_compare(big_app(), terminal_size=(80, 24), run_before=_after())


def test_results_of_a_practice_run_at_80x24(snap_compare: Any) -> None:
    from tests.tui.test_results import big_app

    assert snap_compare(big_app(), terminal_size=(80, 24), run_before=_after(practice=True))


def test_stats_at_80x24(snap_compare: Any) -> None:
    from tests.tui.test_results import big_app

    run_before = _after("escape", "t", second=True)
    assert snap_compare(big_app(), terminal_size=(80, 24), run_before=run_before)


def test_a_reopened_attempt_filtered_to_wrong_at_80x24(snap_compare: Any) -> None:
    from tests.tui.test_results import big_app

    run_before = _after("escape", "t", "down", "enter", "w", second=True)
    assert snap_compare(big_app(), terminal_size=(80, 24), run_before=run_before)


# -- every screen at 80x24 -------------------------------------------------------------------
def test_home_with_resume_and_broken_bank_at_80x24(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "enter", "a", "escape")  # past the start screen: left unfinished
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_exam_case_study_collapsed_at_80x24(snap_compare: Any) -> None:
    assert snap_compare(exam_app(), terminal_size=(80, 24), run_before=at("case"))


def test_notebook_at_80x24(snap_compare: Any) -> None:
    from tests.tui.test_notebook import seeded_app

    assert snap_compare(seeded_app(), terminal_size=(80, 24), press=["n"])


def test_custom_exam_at_80x24(snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), press=["c"])


def test_banks_at_80x24(snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), press=["b"])


def test_question_detail_at_80x24(snap_compare: Any) -> None:
    assert snap_compare(
        exam_app(), terminal_size=(80, 24), run_before=at("plain", "a", "s", "y", "enter")
    )


def test_start_screen_at_80x24(snap_compare: Any) -> None:
    assert snap_compare(exam_app(), terminal_size=(80, 24), press=["enter"])


def test_help_on_the_exam_at_80x24(snap_compare: Any) -> None:
    assert snap_compare(exam_app(), terminal_size=(80, 24), run_before=at("plain", "question_mark"))


def test_pause_at_80x24(snap_compare: Any) -> None:
    assert snap_compare(exam_app(), terminal_size=(80, 24), run_before=at("plain", "z"))
