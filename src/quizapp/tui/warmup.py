"""Loading, while the user reads the home screen, the code the next screens need."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import App

# A start from the cache leaves out pydantic and the exam and notebook screens (a third of
# start-up). Loading them once the home screen is up makes the first exam or notebook open
# as quickly as later ones.

WARM_UP_AFTER = 1.0  # seconds after the home screen shows
STEP_GAP = 0.05  # between steps, so a key pressed meanwhile waits for one step at most


def _validation() -> None:
    from quizapp.core.bank.models import Question  # imports pydantic

    Question.model_rebuild(force=True)  # the schema its import deferred


def _exam_screen() -> None:
    import quizapp.tui.screens.exam  # noqa: F401 - loaded for later


def _notebook_screen() -> None:
    import quizapp.tui.screens.notebook  # noqa: F401 - loaded for later


STEPS: tuple[Callable[[], None], ...] = (_validation, _exam_screen, _notebook_screen)


def schedule(app: App[None]) -> None:
    """Start the steps once the home screen has had time to show."""
    steps = STEPS
    if steps:
        app.set_timer(WARM_UP_AFTER, lambda: _run(app, steps))


def _run(app: App[None], steps: Sequence[Callable[[], None]]) -> None:
    """Run the first step now and the rest one per timer tick."""
    steps[0]()
    rest = steps[1:]
    if rest:
        app.set_timer(STEP_GAP, lambda: _run(app, rest))
