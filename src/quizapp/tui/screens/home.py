"""The home screen: unfinished exams first, then the exams with scores, banks and warnings."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quizapp.context import AppContext
from quizapp.core.exam.clock import clock
from quizapp.core.exam.scale import pass_label
from quizapp.core.exam.slots import DomainSlots, SlotPlan, plan_slots
from quizapp.core.study.readiness import describe
from quizapp.core.text import visible
from quizapp.core.words import MODE_NAMES, plural
from quizapp.service.readiness import readiness
from quizapp.tui.widgets.keybar import KeyBar
from quizapp.tui.widgets.planlines import PlanLines
from quizapp.tui.widgets.rowlist import RowList
from quizapp.tui.widgets.scrollhint import ScrollHint

if TYPE_CHECKING:  # the exam machinery is imported when an exam starts, not at start-up
    from quizapp.core.bank.examspec import ExamSpec
    from quizapp.core.bank.library import Library
    from quizapp.core.exam.options import StartOptions
    from quizapp.core.exam.session import Mode
    from quizapp.service.attempt import Attempt
    from quizapp.service.exams import ExamService, Preview
    from quizapp.storage.attempts import AttemptSummary


_SETS = Binding.Group("Start that practice set of the highlighted exam")
_PAGE = Binding.Group("Scroll the page")
_PAGE_KEYS = [
    ("pagedown", "page_down", "Scroll the page down"),
    ("pageup", "page_up", "Scroll the page up"),
    ("end", "scroll_end", "End of the page"),
    ("home", "scroll_home", "Top of the page"),
]


class HomeScreen(Screen[None]):
    """Lists the exams (questions per domain, minutes, last and best score) and the banks."""

    CSS_PATH = "home.tcss"
    AUTO_FOCUS = "#exams"  # focused before the first frame: the key bar is drawn once
    BINDINGS: ClassVar[list[BindingType]] = [
        # First on the key bar, and only there while something can be resumed.
        Binding("r", "resume", "Resume"),
        Binding("r", "nothing_to_resume", "Resume (nothing to resume now)", show=False),
        Binding("enter,e", "start('exam')", "Exam"),
        Binding("p", "start('practice')", "Practice"),
        Binding("c", "custom", "Custom"),
        Binding("d", "drill", "Drill"),
        Binding("n", "notebook", "Notebook"),
        Binding("a", "toggle_adaptive", "Adaptive passes on or off", show=False),
        *[
            Binding(str(n), f"start_set({n})", f"Set {n}", show=False, group=_SETS)
            for n in range(1, 10)
        ],
        Binding("b", "app.open_banks", "Banks"),
        Binding("ctrl+r", "reload_banks", "Reload banks", show=False),
        Binding("t", "stats", "Stats"),
        Binding("q", "app.quit", "Quit"),
        # After Quit: the key bar shows it where there is room (it is named on the plan line).
        Binding("l", "plan", "Plan"),
        # The page scrolls, not the short exams list (up and down move its highlight).
        *[
            Binding(key, f"scroll_body('{how}')", what, show=False, priority=True, group=_PAGE)
            for key, how, what in _PAGE_KEYS
        ],
    ]

    def __init__(self, context: AppContext, service: ExamService) -> None:
        super().__init__()
        self.context = context
        self.service = service
        self.adaptive = True  # later passes repeat misses and weak topics; a toggles it
        self.library = context.library
        self.plans: list[SlotPlan] = [
            plan_slots(e.exam, self.library) for e in self.library.exams.values()
        ]
        self.unfinished: list[AttemptSummary] = []
        self.set_lines: dict[str, str] = {}  # per exam id: its practice sets' scores
        self.ready_lines: dict[str, str] = {}  # per exam id: its readiness estimate in words

    def use_library(self, library: Library) -> None:
        """Show ``library`` (reloaded banks) from now on."""
        self.library = library
        self.plans = [plan_slots(e.exam, library) for e in library.exams.values()]
        if self.is_mounted:
            self.on_mount()
            self.fill()

    def action_reload_banks(self) -> None:
        """ctrl+r: read the bank folders again, without restarting."""
        from quizapp.tui.app import QuizApp

        if isinstance(self.app, QuizApp):
            self.app.reload_banks()

    def compose(self) -> ComposeResult:
        """Resume line, exams table, the highlighted exam's domains, notebook, banks, warnings."""
        yield Static(Text(f"{self.app.title} — {self.app.sub_title}"), classes="title-bar")
        # The lines that matter most stay above the part that scrolls.
        yield Static(id="resume-line")
        yield Static(id="home-warning")
        yield PlanLines()
        with VerticalScroll(id="home-body") as body:
            yield RowList(EXAM_COLUMNS, lambda row: row, id="exams")
            yield Static(id="exam-detail")
            # One widget for the lines below: each Static more cost about 5 ms at start-up.
            yield Static(id="home-info")
        yield ScrollHint(body, id="home-more")
        yield KeyBar()

    def on_mount(self) -> None:
        """Say so when there are no exams (the table fills when the screen shows)."""
        if not self.plans:
            self.query_one("#exam-detail", Static).update(
                Text("No exams loaded. Add an exam blueprint file (see README).")
            )

    def on_screen_resume(self) -> None:
        """Shown, first or again after an exam: scores and the resume line may have changed."""
        self.fill()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``r`` resumes (and is on the key bar) only while there is something to resume."""
        if action == "resume":
            return bool(self.unfinished)
        return True

    def in_help(self, action: str) -> bool:
        """The help lists the set keys the highlighted exam has sets for (its blueprint's sets:)."""
        if not action.startswith("start_set("):
            return True
        cursor = self.query_one("#exams", RowList).cursor
        sets = (self.plans[cursor].exam.sets or 0) if 0 <= cursor < len(self.plans) else 0
        return action in {f"start_set({n})" for n in range(1, sets + 1)}

    def fill(self) -> None:
        """(Re)build the exam rows and the resume line from the database."""
        summaries = self.service.history_list("exam")
        self.unfinished = self.service.unfinished()
        table = self.query_one("#exams", RowList)
        row = table.cursor
        rows = []
        self.set_lines = {}
        topics, now = self.context.study.topics(), self.context.clock()
        for p in self.plans:
            exam = p.exam
            done = [a for a in summaries if a.exam_id == exam.id and a.has_verdict]
            if exam.sets:
                self.set_lines[exam.id] = _sets_line(exam.sets, done)
            last = _score(done[0]) if done else "—"
            best = _score(max(done, key=lambda a: a.scaled_score)) if done else "—"
            supply = "" if not p.shortfall else " (short)"
            minutes = str(exam.minutes) if exam.minutes else "—"
            ready = readiness(p, self.library, done, topics, now)
            self.ready_lines[exam.id] = describe(ready)
            chance = f"{ready.p_pass:.0%}" if ready is not None else "—"
            rows.append((exam.title + supply, str(exam.questions), minutes, last, best, chance))
        table.set_rows(rows)
        table.move_cursor(row)
        self._show_detail(table.cursor)
        self._info_lines()
        self.query_one(PlanLines).show(self.context.planner.headlines(summaries))
        self.refresh_bindings()
        warning = self.query_one("#home-warning", Static)
        warning.display = bool(self.library.problems)
        if self.library.problems:
            warning.update(Text(self._warning_line()))  # coloured by the theme (home.tcss)
        line = self.query_one("#resume-line", Static)
        line.display = bool(self.unfinished)
        if self.unfinished:
            a = self.unfinished[0]
            left = f", {clock(a.minutes * 60 - a.elapsed, a.minutes)} left" if a.minutes else ""
            more = f" (+{len(self.unfinished) - 1} more)" if len(self.unfinished) > 1 else ""
            title = visible(a.title, one_line=True)  # from the database
            mode = MODE_NAMES.get(a.mode, a.mode).lower()
            line.update(
                Text(
                    f"▶ Unfinished {mode}: {title} — {a.answered} of {a.total} answered{left}."
                    f" Press r to resume{more}.",
                    style="bold",
                )
            )

    def _info_lines(self) -> None:
        """The notebook's counts, the weakest topics, the banks and any load problems."""
        study, now = self.context.study, self.context.clock()
        counts = study.counts(now)
        text = Text()
        text.append("Notebook: ", style="bold")
        text.append(f"{counts.due} due now · {counts.active} active · {counts.mastered} mastered")
        text.append("  (d: drill, n: open)", style="dim")
        weakest = sorted((t.mastery(now), t.topic) for t in study.topics())[:3]
        if weakest:
            text.append("\nWeakest topics: ", style="bold")
            text.append(visible(", ".join(f"{topic} {m:.0%}" for m, topic in weakest)))
        n_banks, n_q = len(self.library.banks), len(self.library.questions)
        text.append(
            f"\n{plural(n_banks, 'bank')} · {plural(n_q, 'question')} · press b for the list"
        )
        text.append("\nAdaptive passes " + ("on" if self.adaptive else "off"), style="bold")
        text.append(
            ": repeat your misses and weak topics (a: off)"
            if self.adaptive
            else ": plain random exams (a: on)"
        )
        self.query_one("#home-info", Static).update(text)

    def action_stats(self) -> None:
        """Open the statistics screen."""
        from quizapp.tui.screens.stats import StatsScreen

        self.app.push_screen(StatsScreen(self.context, self.service))

    def action_plan(self) -> None:
        """The highlighted exam's plan towards its date (asked for first when it has none)."""
        from quizapp.tui.screens.plan import open_plan

        cursor = self.query_one("#exams", RowList).cursor
        if 0 <= cursor < len(self.plans):
            open_plan(self, self.context, self.plans[cursor].exam.id)

    def action_notebook(self) -> None:
        """Open the wrong-answer notebook."""
        from quizapp.tui.screens.notebook import NotebookScreen

        self.app.push_screen(NotebookScreen(self.context, self.service))

    def action_drill(self) -> None:
        """Drill the notebook entries that are due now."""
        from quizapp.tui.screens.exam import open_drill

        open_drill(self, self.service)

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        """Show the domains of the highlighted exam."""
        self._show_detail(event.index)

    def on_resize(self) -> None:
        """Re-wrap the domain names to the new width."""
        self._show_detail(self.query_one("#exams", RowList).cursor)
        self.query_one(ScrollHint).sync()

    def action_scroll_body(self, how: str) -> None:
        """PgDn, PgUp, End, Home: scroll the page under the fixed lines."""
        body = self.query_one("#home-body", VerticalScroll)
        moves = {
            "page_down": body.scroll_page_down,
            "page_up": body.scroll_page_up,
            "scroll_end": body.scroll_end,
            "scroll_home": body.scroll_home,
        }
        moves[how](animate=False)

    def _show_detail(self, row: int) -> None:
        if 0 <= row < len(self.plans):
            width = self.query_one("#home-body").scrollable_content_region.width
            p = self.plans[row]
            detail = _detail(p, width or self.app.size.width - 2, self.set_lines.get(p.exam.id))
            if p.exam.id in self.ready_lines:
                detail.append("\n" + self.ready_lines[p.exam.id])
            self.query_one("#exam-detail", Static).update(detail)

    def on_row_list_selected(self, _event: RowList.Selected) -> None:
        """Enter on an exam starts it."""
        self.action_start("exam")

    def _warning_line(self) -> str:
        loaded = {b.path for b in self.library.banks.values()}
        errors = [p for p in self.library.problems if p.severity == "error"]
        files = {p.file for p in errors if p.file not in loaded}
        # A loaded bank with errors left out only its broken questions.
        skipped = {(p.file, p.question or p.line) for p in errors if p.file in loaded}
        warnings = sum(p.severity == "warning" for p in self.library.problems)
        parts = []
        lost = [plural(n, w) for n, w in ((len(files), "file"), (len(skipped), "question")) if n]
        if lost:
            parts.append(f"⚠ {' and '.join(lost)} could not be loaded")
        if warnings:
            parts.append(plural(warnings, "warning"))
        return " · ".join(parts) + " · press b to see them"

    # -- actions -----------------------------------------------------------------------------
    def _open(self, attempt: Attempt, notes: list[str] | None = None) -> None:
        from quizapp.tui.screens.exam import ExamScreen  # Markdown is costly to import

        self.app.push_screen(ExamScreen(attempt, self.service, notes))

    def action_toggle_adaptive(self) -> None:
        """Turn adaptive passes off (plain random exams) or on again."""
        self.adaptive = not self.adaptive
        self._info_lines()
        self.notify(f"Adaptive passes {'on' if self.adaptive else 'off'}.")

    def action_start_set(self, number: int) -> None:
        """Start (or resume) practice set ``number`` of the highlighted exam, as an exam."""
        from quizapp.core.exam.options import StartOptions

        table = self.query_one("#exams", RowList)
        if not self.plans or not 0 <= table.cursor < len(self.plans):
            return
        exam = self.plans[table.cursor].exam
        if not exam.sets or number > exam.sets:
            have = f"practice sets 1 to {exam.sets}" if exam.sets else "no practice sets"
            self.notify(f"{exam.title} has {have}.", markup=False)
            return
        options = StartOptions(practice_set=number)
        if not self._ask_to_start(self.plans[table.cursor], options):
            self._open_exam(exam, "exam", options)

    def action_resume(self) -> None:
        """Resume the newest unfinished attempt."""
        if not self.unfinished:
            self.action_nothing_to_resume()
            return
        self._resume(self.unfinished[0].id)

    def action_nothing_to_resume(self) -> None:
        """``r`` with nothing unfinished."""
        self.notify("Nothing to resume.")

    def _resume(self, attempt_id: int) -> None:
        from quizapp.service.owners import AttemptInUseError

        try:
            attempt = self.service.resume(attempt_id)
        except AttemptInUseError as exc:
            self.notify(f"{str(exc).capitalize()}.", severity="warning", markup=False)
            return
        if attempt is not None:
            self._open(attempt)

    def action_start(self, mode: Mode) -> None:
        """Start (or resume) the highlighted exam in ``mode``."""
        from quizapp.core.exam.options import StartOptions

        table = self.query_one("#exams", RowList)
        if not self.plans or not 0 <= table.cursor < len(self.plans):
            return
        plan = self.plans[table.cursor]
        exam = plan.exam
        # Only "off" is an option given: with it on, an unfinished plain pass resumes as it was.
        options = StartOptions(adaptive=None if self.adaptive else False)
        if mode == "exam" and self._ask_to_start(plan, options):
            return
        self._open_exam(exam, mode, options)

    def _ask_to_start(self, plan: SlotPlan, options: StartOptions) -> bool:
        """A new mock exam shows its start screen first; False when it would resume instead."""
        from dataclasses import replace

        from quizapp.core.exam.session import SessionError
        from quizapp.tui.screens.start import StartChoice, StartScreen

        def preview(adaptive: bool) -> Preview:
            ask = replace(options, adaptive=None if adaptive else False)
            found = self.service.preview(plan.exam, "exam", ask)
            assert found is not None  # checked just before
            return found

        try:
            if self.service.preview(plan.exam, "exam", options) is None:
                return False
            screen = StartScreen(
                plan, preview, self.adaptive, can_adapt=options.practice_set is None
            )
        except SessionError:
            return False  # starting says why

        def chosen(choice: StartChoice | None) -> None:
            if choice is None:
                return
            if options.practice_set is None and choice.adaptive != self.adaptive:
                self.action_toggle_adaptive()  # the home screen says what was chosen
            started = replace(options, seed=choice.seed)
            if options.practice_set is None:
                started = replace(started, adaptive=None if choice.adaptive else False)
            self._open_exam(plan.exam, "exam", started)

        self.app.push_screen(screen, chosen)
        return True

    def _open_exam(
        self, exam: ExamSpec, mode: Mode, options: StartOptions, *, restart: bool = False
    ) -> None:
        from quizapp.core.exam.session import SessionError
        from quizapp.service.owners import AttemptInUseError

        try:
            opened = self.service.open(exam, mode, options, restart=restart)
        except SessionError as exc:
            self.notify(f"Cannot start {exam.title}: {exc}.", severity="error", markup=False)
            return
        except AttemptInUseError as exc:  # the user may start another exam meanwhile
            self.notify(f"{str(exc).capitalize()}.", severity="warning", markup=False)
            return
        except Exception as exc:  # a failing disk: nothing is stored, home stays as it is
            from quizapp.tui.faults import failed

            self.notify(
                failed(exc, f"{exam.title} could not start"), severity="error", markup=False
            )
            return
        if opened.conflict is not None:
            self._ask_conflict(exam, mode, options, opened.conflict, opened.differences)
            return
        assert opened.attempt is not None
        self._open(opened.attempt, opened.notes)

    def _ask_conflict(
        self,
        exam: ExamSpec,
        mode: Mode,
        options: StartOptions,
        found: AttemptSummary,
        differences: list[str],
    ) -> None:
        from quizapp.tui.screens.conflict import Choice, ConflictScreen

        left = (
            f", {clock(found.minutes * 60 - found.elapsed, found.minutes)} left"
            if found.minutes
            else ""
        )
        why = "; ".join(_DIFFERENCES.get(d, d) for d in differences)
        message = (
            f"You have an unfinished {found.mode} of {found.title} ({found.answered} of "
            f"{found.total} answered{left}). It differs from the one you are starting: {why}."
        )

        def chosen(choice: Choice | None) -> None:
            if choice == "resume":
                self._resume(found.id)
            elif choice == "restart":
                self._open_exam(exam, mode, options, restart=True)

        self.app.push_screen(ConflictScreen(message), chosen)

    def action_custom(self) -> None:
        """Choose banks, topics, length and time for a custom exam."""
        from quizapp.tui.screens.custom import CustomExamScreen

        self.app.push_screen(CustomExamScreen(self.library), self._custom_chosen)

    def _custom_chosen(self, choice: object) -> None:
        from quizapp.tui.screens.custom import CustomChoice

        if isinstance(choice, CustomChoice):
            self._open_exam(choice.exam, choice.mode, choice.options)


# What each option that differs means on this screen (the service names them as CLI flags).
_DIFFERENCES = {
    "--no-adapt": "it is an adaptive pass and adaptive passes are off now",
    "adaptive": "it is a plain random pass and adaptive passes are on now",
    "--questions": "another number of questions",
    "--minutes": "another time limit",
    "--seed": "another seed",
    "--set": "another practice set (or none)",
    "banks and topics": "other banks or topics",
}

EXAM_COLUMNS: list[tuple[str, int | None]] = [
    ("Exam", 43),
    ("Qs", 3),
    ("Min", 3),
    ("Last", 6),
    ("Best", 6),
    ("Ready", 5),
]


def _score(a: AttemptSummary) -> str:
    return f"{a.scaled_score} {'✓' if a.passed else '✗'}"


def _sets_line(count: int, done: list[AttemptSummary]) -> str:
    """Each practice set's last and best score, or a dash for one not taken yet."""
    parts = []
    for n in range(1, count + 1):
        taken = [a for a in done if a.options.practice_set == n]
        if not taken:
            parts.append(f"{n} —")
            continue
        best = max(taken, key=lambda a: a.scaled_score)
        parts.append(
            f"{n} {_score(taken[0])}" + (f" (best {_score(best)})" if best is not taken[0] else "")
        )
    return f"Practice sets, keys 1-{count} (last score): " + " · ".join(parts)


def _detail(p: SlotPlan, width: int, sets: str | None = None) -> Text:
    """The blueprint's domains as aligned columns, names wrapped to fit ``width``.

    Laid out by hand: a Rich Table here cost more than the rest of the screen to draw.
    """
    minutes = plural(p.exam.minutes, "minute") if p.exam.minutes else "untimed"
    # Last and Best above are estimates: say so where the pass mark is named.
    estimate = pass_label(p.exam.passing_score, p.exam.score_range)
    head_line = f"{p.exam.title} · {minutes} · pass at {p.exam.passing_score}"
    # The label goes whole on a line of its own rather than wrap mid-phrase.
    fits = len(head_line) + len(estimate) + 3 <= width
    out = Text(f"{head_line} ({estimate})\n\n" if fits else f"{head_line}\n({estimate})\n\n")
    rows = [
        (d.name, f"{d.weight:g}%", str(d.slots), f"{d.available} {_supply(d)}") for d in p.domains
    ]
    head = ("Domain", "Weight", "Slots", "Available")
    nums = [max(len(r[i]) for r in [*rows, head]) for i in (1, 2, 3)]
    longest = max(len(r[0]) for r in [*rows, head])
    # Columns one space apart rather than wrap a name that two-space gaps leave no room for.
    gap = 2 if longest + sum(nums) + 2 * len(nums) <= width else 1
    room = width - sum(nums) - gap * len(nums)
    name_width = max(12, min(room, longest))
    out.append(_row(head, name_width, nums, gap), style="bold")
    out.append("─" * (name_width + sum(nums) + gap * len(nums)) + "\n", style="dim")
    for name, *numbers in rows:
        lines = textwrap.wrap(name, name_width) or [""]
        out.append(_row((lines[0], *numbers), name_width, nums, gap))
        for more in lines[1:]:
            out.append(more + "\n")
    if sets:
        out.append("\n" + "\n".join(textwrap.wrap(sets, width)) + "\n")
    out.rstrip()
    return out


def _row(cells: tuple[str, ...], name_width: int, nums: list[int], gap: int = 2) -> str:
    numbers = "".join(f"{' ' * gap}{c:>{w}}" for c, w in zip(cells[1:], nums, strict=True))
    return f"{cells[0]:<{name_width}}{numbers}\n"


def _supply(d: DomainSlots) -> str:
    return "✓" if d.available >= d.slots else "✗ short"
