"""The Textual app: holds the injected context and opens the home screen."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from quizapp.context import AppContext
from quizapp.core.words import plural
from quizapp.paths import prepare_banks
from quizapp.tui import collector, warmup
from quizapp.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from textual.theme import Theme

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
        #: What could not be saved as the app closed (a failing disk), said once it has.
        self.unsaved: list[str] = []

    def on_mount(self) -> None:
        """Open the home screen, and the exam straight away when one was asked for."""
        if self._handle_signals:
            loop = asyncio.get_running_loop()
            for signum in ENDING_SIGNALS:
                loop.add_signal_handler(signum, self._ended_by, signum)
        # The library is loaded now and lives as long as the app: frozen before the home
        # screen is built, so no full collection falls due while it is.
        collector.freeze_long_lived()
        prepare_banks(self.context.data_dir)  # the README says to put banks there: make it exist
        self._apply_settings()
        self.push_screen(HomeScreen(self.context, self.service))
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

    def _apply_settings(self) -> None:
        """Take the theme chosen last time (if it is still a theme), then keep each new one."""
        from quizapp.settings import SETTINGS_NAME, read_settings

        self._settings_path = self.context.data_dir / SETTINGS_NAME
        settings, warning = read_settings(self._settings_path, self.available_themes)
        if settings.theme is not None:
            self.theme = settings.theme
        if warning is not None:
            self.notify(warning, severity="warning", markup=False)
        self._saved_theme = self.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        """A theme picked (say from the command palette) is kept for the next start."""
        from quizapp.settings import Settings, write_settings

        for screen in self.screen_stack:  # home draws its warning in the theme's colour
            if isinstance(screen, HomeScreen) and screen.is_mounted:
                screen.fill()
        if theme.name == self._saved_theme:
            return
        self._saved_theme = theme.name
        try:
            write_settings(self._settings_path, Settings(theme=theme.name))
        except OSError as exc:
            self.notify(
                f"The theme could not be saved for next time: {exc.strerror}",
                severity="warning",
                markup=False,
            )

    def reload_banks(self) -> None:
        """Load the banks again and show them on home; say what loaded."""
        library = self.context.reload_library()
        self.service.library = library
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.use_library(library)
        errors = sum(p.severity == "error" for p in library.problems)
        problems = f"; {plural(errors, 'problem')} (see the banks screen)" if errors else ""
        counts = (
            f"{plural(len(library.banks), 'bank')}, {plural(len(library.questions), 'question')}"
        )
        self.notify(f"Banks reloaded: {counts}{problems}.", markup=False)

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
    # Loaded before the first frame, so errors show at once (the loader pauses the collector
    # itself; the app freezes what it loaded as it mounts).
    context.library  # noqa: B018
    context.db  # noqa: B018 - a database problem is reported before the screen takes over
    app = QuizApp(context, attempt=attempt, notes=notes, handle_signals=True)
    app.run()
    for line in app.unsaved:  # after the screen is restored, so the line stays in view
        print(f"quizapp: error: {line}", file=sys.stderr)
    return app.return_code or (1 if app.unsaved else 0)
