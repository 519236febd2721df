"""The Textual app: holds the injected context and opens the home screen."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from quizapp.context import AppContext
from quizapp.tui import collector, warmup
from quizapp.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from quizapp.service.attempt import Attempt

# Python's default for these kills the process on the spot, leaving the terminal in the
# alternate screen with mouse reporting on; ending through Textual's exit restores it.
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class QuizApp(App[None]):
    """quizapp's terminal UI."""

    TITLE = "quizapp"
    SUB_TITLE = "AWS practice exams"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(
        self,
        context: AppContext,
        *,
        attempt: Attempt | None = None,
        notes: Sequence[str] = (),
        handle_signals: bool = False,
    ) -> None:
        super().__init__()
        self.context = context
        self.service = context.exams
        self._start = attempt
        self._notes = list(notes)
        self._handle_signals = handle_signals

    def on_mount(self) -> None:
        """Open the home screen, and the exam straight away when one was asked for."""
        if self._handle_signals:
            loop = asyncio.get_running_loop()
            for signum in ENDING_SIGNALS:
                loop.add_signal_handler(signum, self._ended_by, signum)
        self.push_screen(HomeScreen(self.context, self.service))
        collector.freeze_long_lived()  # the library is loaded now and lives as long as the app
        warmup.schedule(self)
        if self._start is not None:
            from quizapp.tui.screens.exam import ExamScreen  # Markdown is costly to import

            self.push_screen(ExamScreen(self._start, self.service, self._notes))

    def on_unmount(self) -> None:
        """Let the collector see everything again (tests run many apps in one process)."""
        collector.thaw()

    def _ended_by(self, signum: int) -> None:
        """SIGTERM or SIGHUP: leave as on quit (an open exam saves its clock), exit 128+N."""
        self.exit(return_code=128 + signum)

    def action_help(self) -> None:
        """The keys of the screen on top, or close the help when it is on top."""
        from quizapp.tui.screens.help import open_help

        open_help(self.screen)

    def action_open_banks(self) -> None:
        """Show every bank and every load problem."""
        from quizapp.tui.screens.banks import BanksScreen

        self.push_screen(BanksScreen(self.context.library))


def run_app(
    context: AppContext, *, attempt: Attempt | None = None, notes: Sequence[str] = ()
) -> int:
    """Run the TUI until the user quits (straight into ``attempt`` when given)."""
    context.library  # noqa: B018 - load before the first frame, so errors show at once
    context.db  # noqa: B018 - a database problem is reported before the screen takes over
    app = QuizApp(context, attempt=attempt, notes=notes, handle_signals=True)
    app.run()
    return app.return_code or 0
