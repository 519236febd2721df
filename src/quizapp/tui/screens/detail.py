"""One question after the fact: the user's pick, the right answer, why, explanation, references."""

from __future__ import annotations

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
    if not view.answered:
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


class QuestionDetailScreen(Screen[None]):
    """Shows :func:`detail_markdown` for one question."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "back", "Back")]

    def __init__(self, attempt: Attempt, position: int) -> None:
        super().__init__()
        self.attempt = attempt
        self.position = position

    def compose(self) -> ComposeResult:
        """The question as Markdown."""
        with VerticalScroll():
            text = MarkdownText(id="detail-markdown")
            q = self.attempt.question(self.position)
            text.show(detail_markdown(self.attempt, self.position), q.references if q else ())
            yield text
        yield KeyBar()

    def action_back(self) -> None:
        """Back to the results."""
        self.dismiss()
