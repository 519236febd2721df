"""The results screen: estimated score, pass/fail, domains, and every question to learn from."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quizapp.core.exam.clock import clock
from quizapp.core.study.readiness import describe
from quizapp.core.text import visible
from quizapp.service.attempt import Attempt
from quizapp.service.exams import ExamService
from quizapp.service.readiness import exam_readiness
from quizapp.tui.widgets.keybar import KeyBar


class ResultsScreen(Screen[None]):
    """Score summary, domain table and the question list; enter opens a question."""

    DEFAULT_CSS = """
    ResultsScreen #results-summary { padding: 0 1; height: auto; }
    ResultsScreen DataTable { height: auto; max-height: 20; margin: 0 1; }
    ResultsScreen .section { text-style: bold; padding: 0 1; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open question"),
        Binding("r", "retry", "Retry missed"),
        Binding("escape,q", "home", "Home"),
    ]

    def __init__(self, attempt: Attempt, service: ExamService) -> None:
        super().__init__()
        self.attempt = attempt
        self.service = service
        self.result = attempt.result()

    def compose(self) -> ComposeResult:
        """Summary, domains, questions."""
        with VerticalScroll():
            yield Static(self._summary(), id="results-summary")
            yield Static("Domains", classes="section")
            yield DataTable(id="results-domains", cursor_type="none")
            yield Static("Questions (enter opens one)", classes="section")
            yield DataTable(id="results-questions", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def _summary(self) -> Text:
        s, res = self.attempt.session, self.result
        out = Text()
        verdict = "PASS" if res.passed else "FAIL"
        out.append(f"{visible(s.terms.title, one_line=True)}\n", style="bold")
        out.append(
            f"{'✓' if res.passed else '✗'} {verdict}",
            style="bold green" if res.passed else "bold red",
        )
        out.append(f"  ·  estimated score {res.scaled_score} (pass at {s.terms.passing_score})")
        out.append(f"  ·  {res.correct}/{res.total} correct ({res.percent:.1f}%)")
        out.append(f"  ·  {clock(s.elapsed)} used")
        if s.status == "expired":
            out.append("  ·  time ran out: the exam was submitted for you", style="bold")
        out.append(
            "\nThe scaled score is an estimate: AWS does not publish how it scales scores.",
            style="dim",
        )
        if s.mode == "exam" and s.terms.exam_id in self.service.library.exams:
            out.append("\n" + describe(exam_readiness(self.service, s.terms.exam_id)))
        weak = sorted((t for t in res.topics if t.correct < t.total), key=lambda t: t.percent)
        if weak:
            out.append("\nTopics missed: ")
            out.append(visible(", ".join(f"{t.name} ({t.correct}/{t.total})" for t in weak[:6])))
        now = self.attempt.now()
        here = {item.topic for item in s.items}
        mastery = sorted(
            (t.mastery(now), t.topic) for t in self.attempt.study.topics() if t.topic in here
        )
        if mastery:
            out.append("\nTopic mastery now (weakest first): ")
            out.append(visible(", ".join(f"{topic} {m:.0%}" for m, topic in mastery[:6])))
        missed = sum(1 for i in res.missed if s.answered(i))
        if missed and s.mode != "review":
            out.append(f"\n{missed} wrong answer(s) went into the notebook.", style="bold")
        return out

    def on_mount(self) -> None:
        """Fill both tables."""
        domains = self.query_one("#results-domains", DataTable)
        domains.add_columns("Domain", "Correct", "Percent", "Assessment")
        for d in self.result.domains:
            word = "✓ Meets competencies" if d.meets else "✗ Needs improvement"
            domains.add_row(
                Text(visible(d.name, one_line=True)),
                f"{d.correct}/{d.total}",
                f"{d.percent:.0f}%",
                word,
            )
        table = self.query_one("#results-questions", DataTable)
        table.add_columns("#", "Result", "Topic", "Your answer", "Right answer")
        s = self.attempt.session
        for i, item in enumerate(s.items):
            ok = self.result.marks[i]
            view = self.attempt.comparison(i)
            table.add_row(
                str(i + 1),
                "✓ right" if ok else ("✗ wrong" if s.answered(i) else "✗ unanswered"),
                Text(visible(item.topic, one_line=True)),
                view.mine if view is not None else "—",
                view.right_answer if view is not None else "—",
            )
        table.focus(scroll_visible=False)

    def action_open(self) -> None:
        """Open the highlighted question with everything there is to learn from it."""
        from quizapp.tui.screens.detail import QuestionDetailScreen

        table = self.query_one("#results-questions", DataTable)
        if 0 <= table.cursor_row < len(self.attempt.session.items):
            self.app.push_screen(QuestionDetailScreen(self.attempt, table.cursor_row))

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        """Enter on a row opens it."""
        self.action_open()

    def action_retry(self) -> None:
        """Practise the questions this attempt got wrong."""
        from quizapp.tui.screens.exam import ExamScreen

        retry = self.service.retry(self.attempt) if self.result.missed else None
        if retry is None:
            self.notify("Nothing to retry: every question was right.")
            return
        self.app.switch_screen(ExamScreen(retry, self.service))

    def action_home(self) -> None:
        """Back to the home screen."""
        self.dismiss()
