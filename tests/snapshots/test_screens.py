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


def test_start_screen_at_80x24(snap_compare: Any) -> None:
    assert snap_compare(exam_app(), terminal_size=(80, 24), press=["enter"])


def test_help_on_the_exam_at_80x24(snap_compare: Any) -> None:
    assert snap_compare(exam_app(), terminal_size=(80, 24), run_before=at("plain", "question_mark"))


def test_pause_at_80x24(snap_compare: Any) -> None:
    assert snap_compare(exam_app(), terminal_size=(80, 24), run_before=at("plain", "z"))
