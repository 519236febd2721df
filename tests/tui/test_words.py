"""Pilot tests: what the exam says to a person when a key cannot do what it asks."""

from __future__ import annotations

from textual.widgets import Static

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.confirm import ConfirmScreen
from tests.tui.conftest import exam_screen, go_to


def _notice(app: QuizApp) -> str:
    return str(exam_screen(app).query_one("#exam-notice", Static).content)


async def test_a_letter_past_the_choices_and_a_checked_answer_are_said_in_words(
    exam_app: QuizApp,
) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")  # practice: feedback after each answer
        await go_to(exam_app, pilot, "plain")
        await pilot.press("j")
        assert _notice(exam_app) == "This question has no choice J: its choices are A to D."
        await pilot.press("b", "enter", "a")
        assert _notice(exam_app) == (
            "Your answer is checked and cannot change now: go on to the next question."
        )


async def test_submitting_with_every_question_answered_says_so(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        screen = exam_screen(exam_app)
        for _ in screen.attempt.session.items:  # answer each with its first choice or order
            item = screen.attempt.session.item
            if item.kind == "choice":
                await pilot.press("a", "b") if item.multiple else await pilot.press("a")
            elif item.kind == "ordering":
                await pilot.press("space")
            else:
                for prompt in range(item.size):
                    screen.highlight = prompt
                    await pilot.press("abcdefg"[prompt])
            await pilot.press("n")
        assert screen.attempt.session.answered_count == len(screen.attempt.session.items)
        await pilot.press("s")
        assert isinstance(exam_app.screen, ConfirmScreen)
        message = str(exam_app.screen.query_one("#confirm-message", Static).content)
        assert message == "All questions answered. Submit the exam now?"
