"""One question after the fact: the user's pick, the right answer, why, explanation, references."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen

from quizapp.service.attempt import Attempt
from quizapp.tui.widgets.keybar import KeyBar
from quizapp.tui.widgets.markdowntext import MarkdownText


def detail_markdown(attempt: Attempt, position: int) -> str:
    """The question and its lesson as Markdown (bank text is Markdown already)."""
    s = attempt.session
    item = s.items[position]
    q, view = attempt.question(position), attempt.comparison(position)
    if q is None or view is None:
        return "*This question is no longer in its bank.*"
    parts = [
        f"## Question {position + 1} · {item.topic}",
        "**✓ You got this right.**" if view.correct else "**✗ You got this wrong.**",
    ]
    if s.incomplete(position):
        parts.append(f"*Your answer was incomplete: you picked {view.mine}.*")
    elif not view.answered:
        parts.append("*You did not answer this one.*")
    if attempt.changed(position):
        parts.append("*The bank has changed this question since you answered it.*")
    scenario = attempt.scenario(position)
    if scenario:
        parts.append("> **Case study**\n>\n> " + scenario.strip().replace("\n", "\n> "))
    parts.append(q.prompt)
    lines = []
    if view.kind == "choice":
        for line in view.lines:
            tags = []
            if line.right:
                tags.append("✓ right answer")
            if line.picked:
                tags.append("your pick")
            head = f"- **{line.label}.** {line.text}" + (f" — *{', '.join(tags)}*" if tags else "")
            lines.append(head + (f"\n  \n  {line.note}" if line.note else ""))
    elif view.kind == "ordering":
        lines.append("**Right order:**\n")
        lines += [f"{i + 1}. {step}" for i, step in enumerate(view.right_order)]
        if view.answered:
            lines.append("\n**Your order:**\n")
            lines += [f"{line.label}. {line.text}" for line in view.lines]
    else:
        for line in view.lines:
            mark = "✓" if line.right else f"✗ you matched: {line.given or 'nothing'}"
            lines.append(f"- {line.text} → **{line.answer}** ({mark})")
    parts.append("\n".join(lines))
    if q.explanation:
        parts.append("### Explanation\n\n" + q.explanation)
    return "\n\n".join(parts)


class QuestionDetailScreen(Screen[int]):
    """Shows :func:`detail_markdown` for one question; n/p step through the ones listed.

    Dismissed with the index (in ``positions``) it ended on, for the list to follow.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,right", "step(1)", "Next"),
        Binding("p,left", "step(-1)", "Previous"),
        Binding("escape,q", "back", "Back"),
    ]

    def __init__(self, attempt: Attempt, positions: Sequence[int], index: int = 0) -> None:
        super().__init__()
        self.attempt = attempt
        self.positions = tuple(positions)
        self.index = index

    @property
    def position(self) -> int:
        """The question shown, as its place in the attempt."""
        return self.positions[self.index]

    def compose(self) -> ComposeResult:
        """The question as Markdown."""
        with VerticalScroll():
            yield MarkdownText(id="detail-markdown")
        yield KeyBar()

    def on_mount(self) -> None:
        """Show the first question."""
        self._show()

    def _show(self) -> None:
        text = detail_markdown(self.attempt, self.position)
        if len(self.positions) > 1:
            text = f"*{self.index + 1} of {len(self.positions)} in this list*\n\n" + text
        q = self.attempt.question(self.position)
        self.query_one("#detail-markdown", MarkdownText).show(text, q.references if q else ())
        self.query_one(VerticalScroll).scroll_home(animate=False)

    def action_step(self, delta: int) -> None:
        """The next or previous question of the list (it stops at either end)."""
        index = self.index + delta
        if not 0 <= index < len(self.positions):
            self.notify("That was the last one." if delta > 0 else "This is the first one.")
            return
        self.index = index
        self._show()

    def action_back(self) -> None:
        """Back to the results, on the question shown last."""
        self.dismiss(self.index)
