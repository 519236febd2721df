"""The exam screen: one question at a time, the SPEC §5.2 keys, countdown and navigator."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quizapp.context import AppContext
from quizapp.core.bank.models import Question
from quizapp.core.bank.rules import choose_hint, says_how_many
from quizapp.core.exam.session import SessionError, arrangement
from quizapp.runner import ExamRunner
from quizapp.tui.screens.confirm import ConfirmScreen
from quizapp.tui.timefmt import clock
from quizapp.tui.widgets.choices import LETTERS, AnswerArea, AnswerView, Row, Verdict
from quizapp.tui.widgets.keybar import KeyBar
from quizapp.tui.widgets.markdowntext import MarkdownText
from quizapp.tui.widgets.navigator import Navigator

_CHOICE_KEYS = [(k, i) for i, k in enumerate("abcdefghij")] + [
    (k, i) for i, k in enumerate("1234567890")
]


def open_drill(screen: Screen[None], context: AppContext) -> None:
    """Start a review drill of the notebook entries due now, or say that nothing is due."""
    from quizapp.runner import review_drill

    runner = review_drill(
        context.library,
        context.attempts,
        seed=context.new_seed(),
        now=context.clock,
        ticker=context.ticker,
    )
    if runner is None:
        screen.notify("Nothing in the notebook is due right now.")
        return
    screen.app.push_screen(ExamScreen(runner))


class ExamScreen(Screen[None]):
    """Takes a session through the runner; every key is one engine transition."""

    CSS_PATH = "exam.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *[Binding(k, f"choose({i})", show=False) for k, i in _CHOICE_KEYS],
        Binding("up", "highlight(-1)", show=False),
        Binding("down", "highlight(1)", show=False),
        Binding("shift+up,ctrl+up", "move_step(-1)", show=False),
        Binding("shift+down,ctrl+down", "move_step(1)", show=False),
        Binding("space", "toggle_highlighted", "Toggle", show=False),
        Binding("n,right", "next", "Next"),
        Binding("p,left", "previous", "Prev"),
        Binding("m", "flag", "Flag"),
        Binding("u", "unsure", "Unsure"),
        Binding("x", "strike", "Strike", show=False),
        Binding("enter", "enter", "Check/Next", show=False),
        Binding("r", "review", "Review"),
        Binding("s", "submit", "Submit"),
        Binding("v", "navigator", "Navigator"),
        Binding("escape,q", "leave", "Leave"),
    ]

    def __init__(self, runner: ExamRunner, notes: list[str] | None = None) -> None:
        super().__init__()
        self.runner = runner
        self.notes = list(notes or [])
        self.highlight = 0
        self._shown_prompt: tuple[int, str] | None = None
        self._message = ""

    def compose(self) -> ComposeResult:
        """Status line, question, answers, practice feedback, navigator, keys."""
        yield Static(id="exam-status")
        with VerticalScroll(id="exam-body"):
            yield Static(id="exam-notice")
            yield MarkdownText(id="exam-scenario")
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

    # -- drawing -----------------------------------------------------------------------------
    async def refresh_question(self) -> None:
        """Redraw everything; the Markdown parts only when the question changed."""
        r = self.runner
        s = r.session
        q = r.question()
        key = (s.current, s.item.key)
        if key != self._shown_prompt:
            self._shown_prompt = key
            self.highlight = 0
            scenario = r.scenario()
            scenario_md = self.query_one("#exam-scenario", MarkdownText)
            scenario_md.display = bool(scenario)
            if scenario:
                scenario_md.show(f"**Case study**\n\n{scenario}")
            prompt = q.prompt if q is not None else "*This question is no longer in its bank.*"
            self.query_one("#exam-prompt", MarkdownText).show(prompt)
            self.query_one("#exam-body", VerticalScroll).scroll_home(animate=False)
        self.query_one("#exam-answers", AnswerArea).show(self.answer_view(q))
        await self._show_feedback(q)
        self.refresh_status()
        self.query_one("#exam-navigator", Navigator).show(s)

    def refresh_status(self) -> None:
        """The status line: where you are, what is done, how much time is left."""
        s = self.runner.session
        status = self.query_one("#exam-status", Static)
        line = Text()
        line.append(s.blueprint.title, style="bold")
        line.append(f"  ·  Question {s.current + 1} of {len(s.items)}")
        item, q = s.item, self.runner.question()
        if (
            item.kind == "choice"
            and item.multiple
            and q is not None
            and not says_how_many(q.prompt)
        ):
            line.append(f" {choose_hint(len(q.correct))}", style="bold")
        line.append(f"  ·  {s.answered_count} answered  ·  {s.flagged_count} flagged")
        if s.response.flagged:
            line.append("  ·  ⚑ flagged", style="bold")
        if s.response.unsure:
            line.append("  ·  ? unsure", style="bold")
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
            line.append(f"  ·  ⏱ {clock(left)} left{warn}", style="bold" if warn else "")
        elif s.mode != "exam":
            line.append(f"  ·  {s.mode}, untimed")
        status.update(line)
        notice = self.query_one("#exam-notice", Static)
        notice.display = bool(self._message)
        notice.update(Text(self._message))

    def answer_view(self, q: Question | None) -> AnswerView:
        """The answer area for the current question."""
        s = self.runner.session
        item, resp = s.item, s.response
        checked = resp.checked and s.mode != "exam"
        if q is None:
            return AnswerView("choice", (), 0)
        if item.kind == "choice":
            assert q.choices is not None
            rows = []
            for pos, original in enumerate(item.order):
                choice = q.choices[original]
                picked = original in resp.picked
                verdict: Verdict = None
                if checked:
                    right = original in q.correct
                    verdict = (
                        "right"
                        if right and picked
                        else ("missed" if right else ("wrong" if picked else None))
                    )
                rows.append(
                    Row(
                        LETTERS[pos],
                        choice.text,
                        selected=picked,
                        struck=original in resp.struck,
                        verdict=verdict,
                        note=choice.why if checked and choice.why else None,
                    )
                )
            self.highlight = min(self.highlight, len(rows) - 1)
            return AnswerView("choice", tuple(rows), self.highlight, multiple=item.multiple)
        if item.kind == "ordering":
            assert q.steps is not None
            order = arrangement(s)
            rows = [Row(LETTERS[i], q.steps[o]) for i, o in enumerate(order)]
            if checked:
                rows = [
                    Row(
                        row.label,
                        row.text,
                        verdict="right" if o == i else "wrong",
                        note=None if o == i else f"belongs at position {o + 1}",
                    )
                    for i, (row, o) in enumerate(zip(rows, order, strict=True))
                ]
            self.highlight = min(self.highlight, len(rows) - 1)
            return AnswerView("ordering", tuple(rows), self.highlight)
        assert q.pairs is not None
        letter_of = {original: LETTERS[pos] for pos, original in enumerate(item.order)}
        assigned = resp.picked or (-1,) * item.size
        rows = []
        for i, pair in enumerate(q.pairs):
            given = assigned[i]
            verdict = None
            note = None
            if checked:
                verdict = "right" if given == i else "wrong"
                note = None if given == i else f"matches {letter_of[i]}: {pair.match}"
            rows.append(
                Row(
                    str(i + 1),
                    pair.prompt,
                    verdict=verdict,
                    note=note,
                    assigned=letter_of.get(given),
                )
            )
        self.highlight = min(self.highlight, len(rows) - 1)
        matches = tuple(q.pairs[o].match for o in item.order)
        return AnswerView("matching", tuple(rows), self.highlight, matches=matches)

    async def _show_feedback(self, q: Question | None) -> None:
        s = self.runner.session
        feedback = self.query_one("#exam-feedback", MarkdownText)
        show = s.mode != "exam" and s.response.checked and q is not None
        feedback.display = show
        if not show or q is None:
            return
        ok = self.runner.correct(s.current)
        parts = ["**✓ Correct.**" if ok else "**✗ Incorrect.**"]
        if q.explanation:
            parts.append(q.explanation)
        refs = [f"- [{ref.title or ref.url}]({ref.url})" for ref in q.references]
        if refs:
            parts.append("**References**\n\n" + "\n".join(refs))
        parts.append("*Press enter for the next question.*")
        feedback.show("\n\n".join(parts))

    # -- time ------------------------------------------------------------------------------
    async def heartbeat(self) -> None:
        """Once a second: keep time, save it, and end the exam when time is up."""
        self.runner.heartbeat()
        if self.runner.session.finished:
            await self._to_results()
        else:
            self.refresh_status()

    async def _to_results(self) -> None:
        from quizapp.tui.screens.results import ResultsScreen

        # Not awaited: this can run inside a modal's dismiss callback, and waiting there for
        # the switch to finish can stall the message loop that has to finish it.
        self.app.switch_screen(ResultsScreen(self.runner))

    # -- actions -----------------------------------------------------------------------------
    async def _do(self, change: str, *args: int) -> None:
        try:
            getattr(self.runner, change)(*args)
        except SessionError as exc:
            self._message = f"{exc}."
            self.app.bell()
        else:
            self._message = ""
        if self.runner.session.finished:
            await self._to_results()
            return
        await self.refresh_question()

    async def action_choose(self, index: int) -> None:
        """A letter or digit: choose (toggle) that choice, or assign that match."""
        kind = self.runner.session.item.kind
        if kind == "matching":
            await self._do("match", self.highlight, index)
        elif kind == "choice":
            await self._do("choose", index)
        else:
            self._message = "Ordering: use shift+↑/↓ to move the highlighted step."
            self.refresh_status()

    async def action_highlight(self, delta: int) -> None:
        """Move the highlight."""
        size = self.runner.session.item.size
        self.highlight = (self.highlight + delta) % max(size, 1)
        await self.refresh_question()

    async def action_move_step(self, delta: int) -> None:
        """Ordering: move the highlighted step up or down."""
        if self.runner.session.item.kind != "ordering":
            return
        size = self.runner.session.item.size
        target = self.highlight + delta
        await self._do("move_step", self.highlight, delta)
        if 0 <= target < size:
            self.highlight = target
            await self.refresh_question()

    async def action_toggle_highlighted(self) -> None:
        """Space: toggle the highlighted choice (ordering: accept the order shown)."""
        kind = self.runner.session.item.kind
        if kind == "choice":
            await self._do("choose", self.highlight)
        elif kind == "ordering":
            await self._do("accept_order")

    async def action_strike(self) -> None:
        """Strike out the highlighted choice, or restore it."""
        if self.runner.session.item.kind == "choice":
            await self._do("strike", self.highlight)

    async def action_flag(self) -> None:
        """Flag the question for review."""
        await self._do("flag")

    async def action_unsure(self) -> None:
        """Mark the answer as unsure."""
        await self._do("unsure")

    async def action_next(self) -> None:
        """Go to the next question."""
        s = self.runner.session
        if s.current + 1 >= len(s.items):
            self._message = "That was the last question: press r to review or s to submit."
            self.refresh_status()
            return
        await self._do("go", s.current + 1)

    async def action_previous(self) -> None:
        """Go to the previous question."""
        await self._do("go", max(0, self.runner.session.current - 1))

    async def action_enter(self) -> None:
        """Practice: check the answer, then go on. Exam: next question."""
        s = self.runner.session
        if s.mode != "exam" and s.response.answered and not s.response.checked:
            q = self.runner.question()
            if s.item.multiple and q is not None and len(s.response.picked) != len(q.correct):
                self._message = f"Pick {len(q.correct)} choices, then press enter to check."
                self.refresh_status()
                return
            await self._do("check")
            return
        if s.mode != "exam" and s.current + 1 >= len(s.items) and s.response.checked:
            self.runner.submit()
            await self._to_results()
            return
        await self.action_next()

    def action_navigator(self) -> None:
        """Show or hide the question navigator."""
        nav = self.query_one("#exam-navigator", Navigator)
        nav.display = not nav.display

    def action_review(self) -> None:
        """Open the review screen; it may send us to a question or to submit."""
        from quizapp.tui.screens.review import ReviewScreen

        self.runner.save_progress()
        self.app.push_screen(ReviewScreen(self.runner), self._reviewed)

    async def _reviewed(self, target: int | str | None) -> None:
        if target == "submit":
            await self._submit_confirmed(True)
        elif isinstance(target, int):
            await self._do("go", target)
        else:
            await self.refresh_question()

    def action_submit(self) -> None:
        """Ask, then end the exam and show the results."""
        s = self.runner.session
        open_ = len(s.items) - s.answered_count
        words = f"{open_} question{'s are' if open_ != 1 else ' is'} unanswered"
        flagged = f" and {s.flagged_count} flagged" if s.flagged_count else ""
        message = f"Submit the exam now? {words}{flagged}. Unanswered questions count as wrong."
        self.app.push_screen(ConfirmScreen(message), self._submit_confirmed)

    async def _submit_confirmed(self, yes: bool | None) -> None:
        if yes:
            self.runner.submit()
            await self._to_results()

    def action_leave(self) -> None:
        """Leave the exam; everything is saved and it can be resumed from the home screen."""
        self.runner.save_progress()
        self.dismiss()
