"""The exam screen: one question at a time, the SPEC §5.2 keys, countdown and navigator."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quizapp.core.bank.models import Question
from quizapp.core.bank.rules import choose_hint, says_how_many
from quizapp.core.exam.clock import clock
from quizapp.core.exam.pacing import pacing
from quizapp.core.exam.session import SessionError
from quizapp.core.text import visible
from quizapp.core.words import MODE_NAMES, sentence
from quizapp.service.attempt import Attempt
from quizapp.service.exams import ExamService
from quizapp.service.owners import AttemptInUseError
from quizapp.storage.faults import fault
from quizapp.tui.fitline import Part, fit_line
from quizapp.tui.screens.confirm import ConfirmScreen, submit_message
from quizapp.tui.stack import show_in_place_of
from quizapp.tui.widgets.choices import AnswerArea, AnswerView, Row, Verdict
from quizapp.tui.widgets.keybar import KeyBar
from quizapp.tui.widgets.markdowntext import MarkdownText
from quizapp.tui.widgets.navigator import Navigator

_CHOICE_KEYS = [(k, i) for i, k in enumerate("abcdefghij")] + [
    (k, i) for i, k in enumerate("1234567890")
]
_CHOOSE = Binding.Group("Choose that choice (toggle it on Choose-two questions)")


def open_drill(screen: Screen[None], service: ExamService) -> None:
    """Go on with the open review drill, or start one over what is due, or say nothing is."""
    try:
        attempt = service.drill()
    except AttemptInUseError as exc:
        screen.notify(f"{str(exc).capitalize()}.", severity="warning", markup=False)
        return
    except Exception as exc:  # a failing disk: the notebook stays as it is
        from quizapp.tui.faults import failed

        screen.notify(failed(exc, "The drill could not start"), severity="error", markup=False)
        return
    if attempt is None:
        screen.notify("Nothing in the notebook is due right now.")
        return
    screen.app.push_screen(ExamScreen(attempt, service))


class ExamScreen(Screen[None]):
    """Takes an attempt through its transitions; every key is one of them."""

    CSS_PATH = "exam.tcss"
    HELP_EXTRA: ClassVar[tuple[str, ...]] = (
        "Matching: press the letter of the highlighted prompt's match.",
        "Ordering: type the letters in order (cabd) to set the whole order.",
        "Leaving (escape or q) stops the clock too; it goes on when you resume.",
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        *[
            Binding(k, f"choose({i})", f"Choose {chr(65 + i)}", show=False, group=_CHOOSE)
            for k, i in _CHOICE_KEYS
        ],
        Binding("up", "highlight(-1)", "Highlight up", show=False),
        Binding("down", "highlight(1)", "Highlight down", show=False),
        Binding("shift+up,ctrl+up", "move_step(-1)", "Move step up", show=False),
        Binding("shift+down,ctrl+down", "move_step(1)", "Move step down", show=False),
        Binding("space", "toggle_highlighted", "Toggle the highlighted choice", show=False),
        Binding("n,right", "next", "Next"),
        Binding("p,left", "previous", "Prev"),
        Binding("m", "flag", "Flag"),
        Binding("u", "unsure", "Unsure"),
        Binding("x", "strike", "Strike out the highlighted choice", show=False),
        Binding("enter", "enter", "Check the answer (practice) or go on", show=False),
        Binding("r", "review", "Review"),
        Binding("s", "submit", "Submit"),
        Binding("v", "navigator", "Navigator"),
        Binding("o", "scenario", "Case study", show=False),
        Binding("escape,q", "leave", "Leave"),
        # Last: the key bar shows it where there is room; help gives the whole sentence.
        Binding("z", "pause", "Pause", tooltip="Pause: hide the question, stop the clock"),
    ]

    def __init__(
        self, attempt: Attempt, service: ExamService, notes: list[str] | None = None
    ) -> None:
        super().__init__()
        self.attempt = attempt
        self.service = service
        self.notes = list(notes or [])
        self._ended = False
        self._left = False
        self.highlight = 0
        self._shown_prompt: tuple[int, str] | None = None
        self._typed: list[int] = []  # ordering: the letters typed so far, in order
        self._message = ""

    def compose(self) -> ComposeResult:
        """Status line, question, answers, practice feedback, navigator, keys."""
        yield Static(id="exam-status")
        with VerticalScroll(id="exam-body"):
            yield Static(id="exam-notice")
            # A long case study scrolls in its own box, so the question stays in view.
            with VerticalScroll(id="exam-scenario-box", can_focus=False):
                yield MarkdownText(id="exam-scenario")
            yield Static(id="exam-scenario-hint")
            yield MarkdownText(id="exam-prompt")
            yield AnswerArea(id="exam-answers")
            yield MarkdownText(id="exam-feedback")
        yield Navigator(id="exam-navigator")
        yield KeyBar()

    async def on_mount(self) -> None:
        """Show the first question and start the clock."""
        self.query_one("#exam-navigator", Navigator).display = False
        if self.notes:
            self._message = " · ".join(self.notes)
        self.set_interval(1.0, self.heartbeat)
        await self.refresh_question()

    def on_unmount(self) -> None:
        """Closed by the app's exit (quit, SIGTERM, SIGHUP): leave as the user would."""
        if not self._left:
            try:
                self.attempt.leave()
            except Exception as exc:  # quitting always works; the app says what is unsaved
                from quizapp.tui.app import QuizApp
                from quizapp.tui.faults import failed

                self.attempt.release()
                s = self.attempt.session
                mode = MODE_NAMES.get(s.mode, s.mode).lower()
                line = failed(exc, f"the {mode} could not be saved as you left it")
                resume = self.service.resume_command(s, plain=False)
                if isinstance(self.app, QuizApp):
                    self.app.unsaved.append(
                        f"{line} Your earlier answers are saved; {resume} resumes it."
                    )

    # -- drawing -----------------------------------------------------------------------------
    async def refresh_question(self) -> None:
        """Redraw everything; the Markdown parts only when the question changed."""
        r = self.attempt
        s = r.session
        q = r.question()
        key = (s.current, s.item.key)
        if key != self._shown_prompt:
            self._shown_prompt = key
            self.highlight = 0
            self._typed = []
            scenario = r.scenario()
            box = self.query_one("#exam-scenario-box", VerticalScroll)
            box.display = bool(scenario)
            if scenario:
                self.query_one("#exam-scenario", MarkdownText).show(f"**Case study**\n\n{scenario}")
                box.scroll_home(animate=False)
            prompt = q.prompt if q is not None else "*This question is no longer in its bank.*"
            self.query_one("#exam-prompt", MarkdownText).show(prompt)
            self.query_one("#exam-body", VerticalScroll).scroll_home(animate=False)
        self.query_one("#exam-answers", AnswerArea).show(self.answer_view(q))
        await self._show_feedback(q)
        self.refresh_status()
        self.query_one("#exam-navigator", Navigator).show(s)
        if self.query_one("#exam-scenario-box").display:  # fitted once laid out
            self.call_after_refresh(self._scenario_hint)
        else:
            self.query_one("#exam-scenario-hint").display = False

    def _scenario_hint(self) -> None:
        """Cut a case study to the room the question leaves, then say which key opens it."""
        box = self.query_one("#exam-scenario-box", VerticalScroll)
        if box.display and not box.has_class("open"):
            body = self.query_one("#exam-body", VerticalScroll)
            others = sum(
                w.outer_size.height + w.styles.margin.top + w.styles.margin.bottom
                for w in body.children
                if w.display and w.id not in ("exam-scenario-box", "exam-scenario-hint")
            )
            room = body.size.height - others - 2  # the hint and its margin
            box.styles.max_height = max(self.app.size.height * 3 // 10, room)
        else:
            box.styles.max_height = None  # open: as tall as the text (the body scrolls)
        self.call_after_refresh(self._show_scenario_hint)

    def _show_scenario_hint(self) -> None:
        box = self.query_one("#exam-scenario-box", VerticalScroll)
        hint = self.query_one("#exam-scenario-hint", Static)
        opened = box.has_class("open")
        cut = box.display and not opened and box.max_scroll_y > 0
        hint.display = cut or (box.display and opened)
        if hint.display:
            hint.update("▼ o shows the whole case study" if cut else "▲ o shortens the case study")

    def on_resize(self) -> None:
        """Fit the status line to the new width."""
        self.refresh_status()
        self.call_after_refresh(self._scenario_hint)

    def refresh_status(self) -> None:
        """The status line: where you are, what is done, how much time is left.

        One line at any width: the title is cut first, then the counts give way (the
        navigator and the review screen have them too); the countdown never does.
        """
        s = self.attempt.session
        status = self.query_one("#exam-status", Static)
        where = f"Question {s.current + 1} of {len(s.items)}"
        item, q = s.item, self.attempt.question()
        if (
            item.kind == "choice"
            and item.multiple
            and q is not None
            and not says_how_many(q.prompt)
        ):
            where += f" {choose_hint(len(q.correct))}"
        parts = [
            Part(visible(s.terms.title, one_line=True), "bold", elastic=True),
            Part(where),
            Part(f"{s.answered_count} answered", rank=2),
            Part(f"{s.flagged_count} flagged", rank=3),
        ]
        if s.response.flagged:
            parts.append(Part("⚑ flagged", "bold", rank=4, short="⚑"))
        if s.response.unsure:
            parts.append(Part("? unsure", "bold", rank=4, short="?"))
        left = s.remaining()
        status.remove_class("low", "critical")
        if left is not None:
            warn = ""
            if left < 300:
                warn, cls = " — under 5 minutes!", "critical"
                status.add_class(cls)
            elif left < 600:
                warn, cls = " — under 10 minutes", "low"
                status.add_class(cls)
            parts.append(
                Part(f"⏱ {clock(left, s.terms.minutes)} left{warn}", "bold" if warn else "")
            )
            pace = pacing(s.elapsed, s.answered_count, len(s.items), s.terms.minutes)
            if pace:
                parts.append(Part(pace, rank=1))
        elif s.feedback:
            parts.append(Part(f"{MODE_NAMES.get(s.mode, s.mode).lower()}, untimed", rank=1))
        status.update(fit_line(parts, (status.content_region.width or self.app.size.width - 2)))
        notice = self.query_one("#exam-notice", Static)
        notice.display = bool(self._message)
        notice.update(Text(visible(self._message)))

    def answer_view(self, q: Question | None) -> AnswerView:
        """The answer area for the current question; once checked, with each line's verdict."""
        r = self.attempt
        s = r.session
        item, resp = s.item, s.response
        if q is None:
            return AnswerView("choice", (), 0)
        view = r.comparison()
        assert view is not None
        checked = resp.checked and s.feedback
        rows: list[Row] = []
        for line in view.lines:
            verdict: Verdict = None
            if checked and item.kind == "choice":
                verdict = (
                    "right"
                    if line.right and line.picked
                    else ("missed" if line.right else ("wrong" if line.picked else None))
                )
            elif checked:
                verdict = "right" if line.right else "wrong"
            note = line.note if checked and (item.kind == "choice" or not line.right) else None
            rows.append(
                Row(
                    line.label if item.kind == "choice" else str(len(rows) + 1),
                    line.text,
                    selected=line.picked,
                    struck=line.struck,
                    verdict=verdict,
                    note=note,
                    assigned=line.given_label,
                )
            )
        self.highlight = min(self.highlight, max(len(rows) - 1, 0))
        if item.kind == "matching":
            return AnswerView("matching", tuple(rows), self.highlight, matches=view.matches)
        if item.kind == "ordering":
            return AnswerView("ordering", tuple(rows), self.highlight)
        return AnswerView("choice", tuple(rows), self.highlight, multiple=item.multiple)

    async def _show_feedback(self, q: Question | None) -> None:
        s = self.attempt.session
        feedback = self.query_one("#exam-feedback", MarkdownText)
        show = s.feedback and s.response.checked and q is not None
        feedback.display = show
        if not show or q is None:
            return
        view = self.attempt.comparison()
        ok = view is not None and view.correct
        parts = ["**✓ Correct.**" if ok else "**✗ Incorrect.**"]
        if q.explanation:
            parts.append(q.explanation)
        feedback.show("\n\n".join(parts), q.references, "*Press enter for the next question.*")

    # -- time ------------------------------------------------------------------------------
    async def heartbeat(self) -> None:
        """Once a second: keep time, save it, and end the exam when time is up."""
        try:
            self.attempt.heartbeat()
        except Exception as exc:  # the database failed under us: say so and keep the exam open
            self._storage_failed(exc, "the exam clock could not be saved")
        if self.attempt.session.finished:
            await self._to_results()
        else:
            self.refresh_status()

    async def _to_results(self) -> None:
        """Results where the session was started from (home, the notebook, stats): whatever
        overlays were open (review, submit) close first."""
        from quizapp.tui.screens.results import ResultsScreen

        if self._ended:
            return
        self._ended = True
        show_in_place_of(self.app, self, ResultsScreen(self.attempt, self.service))

    def _storage_failed(self, exc: Exception, what: str) -> None:
        """A database fault is one line on the screen, never a crash; anything else is a bug."""
        found = fault(exc)
        if found is None:
            raise exc
        said = str(found)
        detail = said if "unsaved" in said else f"{what}: the database {said}"
        message = f"⚠ {detail}. Your earlier answers are saved."
        left = self.attempt.session.remaining()
        if left is not None and left <= 0:  # the end is tried again at every tick
            resume = self.service.resume_command(self.attempt.session, plain=False)
            message = (
                f"⚠ Time is up, but the database {said}. Your earlier answers are saved; it"
                f" ends once the database can be written, or when you resume it ({resume})."
            )
        if message != self._message:  # once, not at every tick that fails again
            self.app.bell()
        self._message = message
        self.refresh_status()

    # -- actions -----------------------------------------------------------------------------
    async def _do(self, change: Callable[[], None]) -> None:
        try:
            change()
        except SessionError as exc:
            self._message = sentence(str(exc))
            self.app.bell()
        except Exception as exc:
            self._storage_failed(exc, "that change could not be saved")
        else:
            self._message = ""
        if self.attempt.session.finished:
            await self._to_results()
            return
        await self.refresh_question()

    async def action_choose(self, index: int) -> None:
        """A letter or digit: choose (toggle) that choice, or assign that match."""
        item = self.attempt.session.item
        if item.kind == "matching":
            prompt = self.highlight
            await self._do(lambda: self.attempt.match(prompt, index))
            if prompt + 1 < item.size and self.attempt.session.item is item:
                self.highlight = prompt + 1  # on to the next prompt
                await self.refresh_question()
        elif item.kind == "choice":
            await self._do(lambda: self.attempt.choose(index))
        else:
            await self._type_step(index)

    async def _type_step(self, index: int) -> None:
        """Ordering: letters typed in order (``cabd``) set the order once all but one are in."""
        size = self.attempt.session.item.size
        if index >= size or index in self._typed:
            self._message = (
                f"{chr(65 + index)} is placed already."
                if index in self._typed
                else f"Type the letters A to {chr(64 + size)}, each once."
            )
            self.app.bell()
            self.refresh_status()
            return
        self._typed.append(index)
        if len(self._typed) >= size - 1:
            typed, self._typed = tuple(self._typed), []
            await self._do(lambda: self.attempt.order_by(typed))
            return
        so_far = ", ".join(chr(65 + i) for i in self._typed)
        self._message = f"Order so far: {so_far}; type the next letter."
        self.refresh_status()

    async def action_highlight(self, delta: int) -> None:
        """Move the highlight."""
        size = self.attempt.session.item.size
        self.highlight = (self.highlight + delta) % max(size, 1)
        await self.refresh_question()

    async def action_move_step(self, delta: int) -> None:
        """Ordering: move the highlighted step up or down."""
        if self.attempt.session.item.kind != "ordering":
            return
        size = self.attempt.session.item.size
        target = self.highlight + delta
        await self._do(lambda: self.attempt.move_step(self.highlight, delta))
        if 0 <= target < size:
            self.highlight = target
            await self.refresh_question()

    async def action_toggle_highlighted(self) -> None:
        """Space: toggle the highlighted choice (ordering: accept the order shown)."""
        kind = self.attempt.session.item.kind
        if kind == "choice":
            await self._do(lambda: self.attempt.choose(self.highlight))
        elif kind == "ordering":
            await self._do(self.attempt.accept_order)

    async def action_strike(self) -> None:
        """Strike out the highlighted choice, or restore it."""
        if self.attempt.session.item.kind == "choice":
            await self._do(lambda: self.attempt.strike(self.highlight))

    async def action_flag(self) -> None:
        """Flag the question for review."""
        await self._do(self.attempt.flag)

    async def action_unsure(self) -> None:
        """Mark the answer as unsure."""
        await self._do(self.attempt.unsure)

    async def action_next(self) -> None:
        """Go to the next question."""
        s = self.attempt.session
        if s.current + 1 >= len(s.items):
            self._message = "That was the last question: press r to review or s to submit."
            self.refresh_status()
            return
        await self._do(lambda: self.attempt.go(s.current + 1))

    async def action_previous(self) -> None:
        """Go to the previous question."""
        await self._do(lambda: self.attempt.go(max(0, self.attempt.session.current - 1)))

    async def action_enter(self) -> None:
        """Practice: check the answer, then go on. Exam: next question."""
        s = self.attempt.session
        if s.feedback and s.response.picked and not s.response.checked:
            await self._do(self.attempt.check)  # the engine says when the answer is incomplete
            return
        if s.feedback and s.current + 1 >= len(s.items) and s.response.checked:
            await self._do(self.attempt.submit)
            return
        await self.action_next()

    def action_scenario(self) -> None:
        """Show the case study in full, or cut it short again (it scrolls either way)."""
        box = self.query_one("#exam-scenario-box", VerticalScroll)
        if box.display:
            box.toggle_class("open")
            self.call_after_refresh(self._scenario_hint)

    async def on_answer_area_clicked(self, event: AnswerArea.Clicked) -> None:
        """A click on a choice chooses it; on a step or prompt highlights it; on a match
        gives it to the highlighted prompt."""
        kind = self.attempt.session.item.kind
        if event.match is not None:
            await self.action_choose(event.match)
        elif event.row is not None:
            self.highlight = event.row
            if kind == "choice":
                await self.action_choose(event.row)
            else:
                await self.refresh_question()

    async def on_navigator_chosen(self, event: Navigator.Chosen) -> None:
        """A click on a navigator cell goes to that question."""
        await self._do(lambda: self.attempt.go(event.index))

    def action_navigator(self) -> None:
        """Show or hide the question navigator."""
        nav = self.query_one("#exam-navigator", Navigator)
        nav.display = not nav.display

    def action_pause(self) -> None:
        """Hide the question and stop the clock until the user goes on."""
        from quizapp.tui.screens.pause import Choice, PauseScreen

        try:
            self.attempt.pause()
        except Exception as exc:
            self._storage_failed(exc, "the exam clock could not be saved")
            return
        s = self.attempt.session
        left = s.remaining()

        async def done(choice: Choice | None) -> None:
            self.attempt.go_on()
            if choice == "leave":
                self.action_leave()
            else:
                await self.refresh_question()

        title = visible(s.terms.title, one_line=True)
        self.app.push_screen(PauseScreen(title, clock(left) if left is not None else None), done)

    def action_review(self) -> None:
        """Open the review screen; it may send us to a question or to submit."""
        from quizapp.tui.screens.review import ReviewScreen

        try:
            self.attempt.save_progress()
        except Exception as exc:  # a time-out not stored, say: the exam stays as it is
            self._storage_failed(exc, "the exam clock could not be saved")
            return
        firsts = []
        for i in range(len(self.attempt.session.items)):
            q = self.attempt.question(i)
            firsts.append((q.prompt.strip().splitlines() or [""])[0][:70] if q else "(missing)")
        self.app.push_screen(ReviewScreen(self.attempt.session, firsts), self._reviewed)

    async def _reviewed(self, target: int | str | None) -> None:
        if target == "submit":
            await self._submit_confirmed(True)
        elif isinstance(target, int):
            await self._do(lambda: self.attempt.go(target))
        else:
            await self.refresh_question()

    def action_submit(self) -> None:
        """Ask, then end the exam and show the results."""
        message = submit_message(self.attempt.session)
        self.app.push_screen(ConfirmScreen(message), self._submit_confirmed)

    async def _submit_confirmed(self, yes: bool | None) -> None:
        if yes:
            await self._do(self.attempt.submit)

    def action_leave(self) -> None:
        """Leave the exam; everything is saved and it can be resumed from the home screen."""
        self._left = True
        try:
            self.attempt.leave()
        except Exception as exc:
            found = fault(exc)
            if found is None:
                raise
            self.attempt.release()  # the answers given so far are saved; let the attempt go
            self.notify(
                f"The exam clock could not be saved: the database {found}.",
                severity="error",
                markup=False,
            )
        self.dismiss()
