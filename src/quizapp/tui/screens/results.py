"""The results screen: the verdict (exam mode) or the tally, domains, and every question."""

from __future__ import annotations

from typing import ClassVar, Literal

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quizapp.core.exam.clock import clock
from quizapp.core.exam.scale import has_verdict, pass_label, ready_label, tally
from quizapp.core.exam.scoring import Result
from quizapp.core.study.readiness import describe_lines
from quizapp.core.text import visible
from quizapp.core.words import MODE_NAMES, plural
from quizapp.service.attempt import Attempt
from quizapp.service.exams import ExamService
from quizapp.service.readiness import exam_readiness
from quizapp.tui.packlist import pack_two
from quizapp.tui.widgets.keybar import KeyBar
from quizapp.tui.widgets.opentable import OpenTable, fit

Filter = Literal["all", "wrong", "flagged", "unsure"]
FILTERS: tuple[tuple[Filter, str, str], ...] = (
    ("all", "a", "all"),
    ("wrong", "w", "✗ wrong"),
    ("flagged", "f", "⚑ flagged"),
    ("unsure", "u", "? unsure"),
)


def missed_positions(attempt: Attempt, result: Result) -> tuple[int, ...]:
    """The questions got wrong: in an exam an unanswered one counts, elsewhere it was not seen
    (an incomplete answer counts everywhere)."""
    s = attempt.session
    return tuple(i for i in result.missed if s.mode == "exam" or s.counts(i))


def summary(
    attempt: Attempt,
    result: Result,
    readiness: float | None,
    estimate: str | None = None,
    *,
    width: int = 78,
    room: int = 3,
) -> Text:
    """The lines above the tables: a verdict for a finished exam, a tally for anything else.

    The topics missed and their mastery share ``room`` lines of ``width`` cells.
    """
    s, res = attempt.session, result
    out = Text()  # one line each (the CSS cuts them): the question list needs the room
    title = visible(s.terms.title, one_line=True)
    out.append(f"{title} · {MODE_NAMES.get(s.mode, s.mode).lower()}\n", style="bold")
    answered = res.answered
    wrong = answered - res.correct
    if has_verdict(s.mode, s.status, s.terms.exam_id):
        mark = "✓ PASS" if res.passed else "✗ FAIL"
        out.append(mark, style="bold green" if res.passed else "bold red")
        out.append(f" · {res.scaled_score} ")
        out.append(f"({pass_label(s.terms.passing_score, s.terms.score_range)})", style="dim")
        out.append(f" · {res.correct} of {res.total} right ({res.percent:.1f}%)")
    else:
        status = "abandoned · " if s.status == "abandoned" else ""
        out.append(f"{status}{tally(answered, res.total)} · ")
        out.append(f"✓ {res.correct} right", style="green")
        out.append(" · ")
        out.append(f"✗ {wrong} wrong", style="red")
        if s.incomplete_count:
            out.append(f" · ✗ {s.incomplete_count} incomplete", style="red")
        out.append(" · no score (only exams get one)", style="dim")
    out.append("\n")
    if estimate is not None:  # the readiness estimate after a mock exam, a line of its own
        out.append(estimate + "\n")
    if readiness is not None and has_verdict(s.mode, s.status, s.terms.exam_id):
        out.append(f"{ready_label(readiness, res.percent)} · ")
    out.append(f"{clock(s.elapsed, s.terms.minutes)} used")
    if attempt.cram:
        out.append(" · a cram: every notebook schedule and due date is as it was")
    elif s.mode != "review":
        out.append(f" · {plural(attempt.noted(), 'answer')} went into the notebook")
    if s.status == "expired":
        out.append(" · time ran out: submitted for you", style="bold")
    missed: dict[str, int] = {}
    for i in missed_positions(attempt, res):
        missed[s.items[i].topic] = missed.get(s.items[i].topic, 0) + 1
    ranked = sorted(missed.items(), key=lambda kv: (-kv[1], kv[0]))
    now = attempt.now()
    here = {item.topic for item in s.items}
    mastery = sorted((t.mastery(now), t.topic) for t in attempt.study.topics() if t.topic in here)
    lines = pack_two(
        ("Topics missed:", [visible(f"{t} ({n})", one_line=True) for t, n in ranked]),
        ("Mastery now:", [visible(f"{topic} {m:.0%}", one_line=True) for m, topic in mastery]),
        width,
        room,
    )
    if lines:
        out.append("\n" + "\n".join(lines))
    return out


class ResultsScreen(Screen[None]):
    """Summary, domain table and the question list; enter opens a question."""

    DEFAULT_CSS = """
    ResultsScreen #results-summary {
        padding: 0 1; height: auto; text-wrap: nowrap; text-overflow: ellipsis;
    }
    ResultsScreen #results-domains { height: auto; max-height: 8; margin: 0 1; }
    ResultsScreen #results-filter { padding: 0 1; height: 1; }
    ResultsScreen #results-questions { height: 1fr; margin: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open question", priority=True),  # over the table's own
        Binding("a", "only('all')", "All", show=False),
        Binding("w", "only('wrong')", "Wrong"),
        Binding("f", "only('flagged')", "Flagged"),
        Binding("u", "only('unsure')", "Unsure"),
        Binding("r", "retry", "Retry missed"),
        Binding("escape,q", "back", "Back"),
    ]

    def __init__(self, attempt: Attempt, service: ExamService) -> None:
        super().__init__()
        self.attempt = attempt
        self.service = service
        self.result = attempt.result()
        self.filter: Filter = "all"
        self._width = 0  # the terminal width the columns were sized for
        self.shown: tuple[int, ...] = tuple(range(len(attempt.session.items)))
        loaded = attempt.library.exams.get(attempt.session.terms.exam_id)
        self.readiness = loaded.exam.readiness_percent if loaded is not None else None
        self.estimate: str | None = None  # after a mock exam: the readiness estimate

    def compose(self) -> ComposeResult:
        """Summary, domains, the filter line and the questions."""
        s = self.attempt.session
        if s.mode == "exam" and s.terms.exam_id in self.service.library.exams:
            # Two lines: as one it is cut at 80 columns, hiding what the estimate rests on.
            readiness = exam_readiness(self.service, s.terms.exam_id)
            self.estimate = "\n  ".join(describe_lines(readiness))
        yield Static(self._summary(), id="results-summary")
        yield DataTable(id="results-domains", cursor_type="none", show_cursor=False)
        yield Static(id="results-filter")
        yield OpenTable(id="results-questions", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def _summary(self) -> Text:
        # The topic lists wrap into 3 lines at 24 rows (the question list keeps its room),
        # a line more for every 3 rows more.
        width, height = self.app.size
        room = 3 + max(0, (height - 24) // 3)
        return summary(
            self.attempt, self.result, self.readiness, self.estimate, width=width - 2, room=room
        )

    def on_mount(self) -> None:
        """Fill both tables."""
        s = self.attempt.session
        verdict = has_verdict(s.mode, s.status, s.terms.exam_id)
        domains = self.query_one("#results-domains", DataTable)
        domains.display = bool(self.result.domains)  # a drill or cram has none: no empty table
        domains.add_columns("Domain", "Right", "%", *(["Assessment"] if verdict else []))
        name_width = max(10, self.app.size.width - (40 if verdict else 18))
        for d in self.result.domains:
            cells: list[str | Text] = [
                fit(visible(d.name, one_line=True), name_width),
                f"{d.correct}/{d.total}",
                f"{d.percent:.0f}%",
            ]
            if verdict:
                cells.append(
                    Text("✓ Meets competencies", style="green")
                    if d.meets
                    else Text("✗ Needs improvement", style="red")
                )
            domains.add_row(*cells)
        self._fill()
        self.query_one("#results-questions", DataTable).focus(scroll_visible=False)

    def _positions(self, which: Filter) -> tuple[int, ...]:
        s = self.attempt.session
        missed = set(missed_positions(self.attempt, self.result))

        def keep(i: int) -> bool:
            if which == "wrong":
                return i in missed
            if which == "flagged":
                return s.responses[i].flagged
            return which == "all" or s.responses[i].unsure

        return tuple(i for i in range(len(s.items)) if keep(i))

    def on_resize(self, event: events.Resize) -> None:
        """A wider or narrower terminal: the topic column takes the room there is."""
        self.query_one("#results-summary", Static).update(self._summary())
        if event.size.width != self._width:
            table = self.query_one("#results-questions", DataTable)
            row = table.cursor_row
            self._fill()
            table.move_cursor(row=row)

    def _fill(self) -> None:
        """The question rows the filter keeps, and the filter line with each filter's count."""
        self._width = self.app.size.width
        line = Text("Questions: ", style="bold")
        for name, key, label in FILTERS:
            count = len(self._positions(name))
            active = name == self.filter
            line.append(
                f"{'▸ ' if active else ''}{label} {count} ({key})",
                style="reverse" if active else "",
            )
            line.append("  ")
        self.query_one("#results-filter", Static).update(line)
        self.shown = self._positions(self.filter)
        table = self.query_one("#results-questions", DataTable)
        table.clear(columns=True)
        s = self.attempt.session
        fixed = {"#": 3, "Result": 12, "Mark": 4, "Time": 5}
        views = {i: self.attempt.comparison(i) for i in self.shown}
        answer_width = max(
            [
                5,
                *(len(v.mine) for v in views.values() if v),
                *(len(v.right_answer) for v in views.values() if v),
            ]
        )
        answer_width = min(answer_width, 13)
        # Every column fits the screen: the topic takes what the others leave.
        used = sum(fixed.values()) + 2 * answer_width + 2 * 7 + 4
        topic_width = max(8, self.app.size.width - used)
        table.add_column("#", width=fixed["#"])
        table.add_column("Result", width=fixed["Result"])
        table.add_column("Mark", width=fixed["Mark"])
        table.add_column("Topic", width=topic_width)
        table.add_column("Yours", width=answer_width)
        table.add_column("Right", width=answer_width)
        table.add_column("Time", width=fixed["Time"])
        for i in self.shown:
            ok, view, r = self.result.marks[i], views[i], s.responses[i]
            if ok:
                result = Text("✓ right", style="green")
            elif s.answered(i):
                result = Text("✗ wrong", style="red")
            else:
                # Begun but not whole (one of "Choose two", a match missing): the pick shows.
                word = "incomplete" if s.incomplete(i) else "unanswered"
                if s.mode == "exam" or s.counts(i):
                    result = Text(f"✗ {word}", style="red")  # scored as wrong
                else:
                    result = Text(f"· {word}", style="dim")
            marks = " ".join(m for m, on in (("⚑", r.flagged), ("?", r.unsure)) if on)
            table.add_row(
                str(i + 1),
                result,
                marks,
                fit(visible(s.items[i].topic, one_line=True), topic_width),
                fit(view.mine, answer_width) if view is not None else "—",
                fit(view.right_answer, answer_width) if view is not None else "—",
                clock(r.seconds),
                key=str(i),
            )
        if not self.shown:
            table.add_row("", Text("No question here: a shows them all."), "", "", "", "", "")

    def action_only(self, which: Filter) -> None:
        """Show only the wrong, flagged or unsure questions, or all of them."""
        self.filter = which
        self._fill()

    def action_open(self) -> None:
        """Open the highlighted question with everything there is to learn from it."""
        from quizapp.tui.screens.detail import QuestionDetailScreen

        table = self.query_one("#results-questions", DataTable)
        if 0 <= table.cursor_row < len(self.shown):
            detail = QuestionDetailScreen(self.attempt, self.shown, table.cursor_row)
            self.app.push_screen(detail, self._returned)

    def _returned(self, index: int | None) -> None:
        """Back from the detail view: the cursor is on the question it ended on."""
        if index is not None:
            self.query_one("#results-questions", DataTable).move_cursor(row=index)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter or a click on a row opens it."""
        if event.data_table.id == "results-questions":
            self.action_open()

    def action_retry(self) -> None:
        """Practise the questions this attempt got wrong."""
        from quizapp.tui.screens.exam import ExamScreen

        try:
            retry = self.service.retry(self.attempt) if self.result.missed else None
        except Exception as exc:  # a failing disk: the results stay, nothing is stored
            from quizapp.tui.faults import failed

            self.notify(failed(exc, "The retry could not start"), severity="error", markup=False)
            return
        if retry is None:
            self.notify("Nothing to retry: every question was right.")
            return
        self.app.switch_screen(ExamScreen(retry, self.service))

    def action_back(self) -> None:
        """Back where the results were opened from: where the session was started (home, the
        notebook) or the stats."""
        self.dismiss()
