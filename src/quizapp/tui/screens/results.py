"""The results screen: estimated score, pass/fail, domains, and every question to learn from."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quizapp.runner import ExamRunner, retry_missed
from quizapp.tui.timefmt import clock
from quizapp.tui.widgets.choices import LETTERS
from quizapp.tui.widgets.keybar import KeyBar


def answer_letters(runner: ExamRunner, position: int, *, right: bool) -> str:
    """The user's answer (or the right one) as the letters that were shown."""
    s = runner.session
    item, resp = s.items[position], s.responses[position]
    q = runner.question(position)
    if q is None:
        return "—"
    if item.kind == "choice":
        chosen = q.correct if right else resp.picked
        shown = sorted(item.order.index(c) for c in chosen)
        return ", ".join(LETTERS[i] for i in shown) or "—"
    if not resp.answered and not right:
        return "—"
    if item.kind == "ordering":
        order = tuple(range(item.size)) if right else resp.picked
        return " → ".join(str(o + 1) for o in order)
    picked = tuple(range(item.size)) if right else resp.picked
    return " ".join(
        f"{i + 1}{LETTERS[item.order.index(p)] if p >= 0 else '?'}" for i, p in enumerate(picked)
    )


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

    def __init__(self, runner: ExamRunner) -> None:
        super().__init__()
        self.runner = runner
        self.result = runner.result()

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
        s, res = self.runner.session, self.result
        out = Text()
        verdict = "PASS" if res.passed else "FAIL"
        out.append(f"{s.blueprint.title}\n", style="bold")
        out.append(
            f"{'✓' if res.passed else '✗'} {verdict}",
            style="bold green" if res.passed else "bold red",
        )
        out.append(f"  ·  estimated score {res.scaled_score} (pass at {s.blueprint.passing_score})")
        out.append(f"  ·  {res.correct}/{res.total} correct ({res.percent:.1f}%)")
        out.append(f"  ·  {clock(s.elapsed)} used")
        if s.status == "expired":
            out.append("  ·  time ran out: the exam was submitted for you", style="bold")
        out.append(
            "\nThe scaled score is an estimate: AWS does not publish how it scales scores.",
            style="dim",
        )
        weak = sorted((t for t in res.topics if t.correct < t.total), key=lambda t: t.percent)
        if weak:
            out.append("\nTopics missed: ")
            out.append(", ".join(f"{t.name} ({t.correct}/{t.total})" for t in weak[:6]))
        now = self.runner.now()
        here = {item.topic for item in s.items}
        mastery = sorted(
            (t.mastery(now), t.topic) for t in self.runner.study.topics() if t.topic in here
        )
        if mastery:
            out.append("\nTopic mastery now (weakest first): ")
            out.append(", ".join(f"{topic} {m:.0%}" for m, topic in mastery[:6]))
        missed = sum(1 for i in res.missed if s.responses[i].answered)
        if missed and s.mode != "review":
            out.append(f"\n{missed} wrong answer(s) went into the notebook.", style="bold")
        return out

    def on_mount(self) -> None:
        """Fill both tables."""
        domains = self.query_one("#results-domains", DataTable)
        domains.add_columns("Domain", "Correct", "Percent", "Assessment")
        for d in self.result.domains:
            word = "✓ Meets competencies" if d.meets else "✗ Needs improvement"
            domains.add_row(Text(d.name), f"{d.correct}/{d.total}", f"{d.percent:.0f}%", word)
        table = self.query_one("#results-questions", DataTable)
        table.add_columns("#", "Result", "Topic", "Your answer", "Right answer")
        s = self.runner.session
        for i, item in enumerate(s.items):
            ok = self.result.marks[i]
            table.add_row(
                str(i + 1),
                "✓ right" if ok else ("✗ wrong" if s.responses[i].answered else "✗ unanswered"),
                Text(item.topic),
                answer_letters(self.runner, i, right=False),
                answer_letters(self.runner, i, right=True),
            )
        table.focus(scroll_visible=False)

    def action_open(self) -> None:
        """Open the highlighted question with everything there is to learn from it."""
        from quizapp.tui.screens.detail import QuestionDetailScreen

        table = self.query_one("#results-questions", DataTable)
        if 0 <= table.cursor_row < len(self.runner.session.items):
            self.app.push_screen(QuestionDetailScreen(self.runner, table.cursor_row))

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        """Enter on a row opens it."""
        self.action_open()

    def action_retry(self) -> None:
        """Practise the questions this attempt got wrong."""
        from quizapp.tui.screens.exam import ExamScreen

        if not self.result.missed:
            self.notify("Nothing to retry: every question was right.")
            return
        seed = self.app.context.new_seed()  # type: ignore[attr-defined]
        self.app.switch_screen(ExamScreen(retry_missed(self.runner, seed)))

    def action_home(self) -> None:
        """Back to the home screen."""
        self.dismiss()
