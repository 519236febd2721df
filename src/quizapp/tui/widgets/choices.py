"""The answer area: choices, ordering steps or matching pairs, drawn from an immutable view."""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Literal

from rich.console import Group
from rich.default_styles import DEFAULT_STYLES
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static

from quizapp.core.inline import code_spans
from quizapp.core.text import visible

LETTERS = string.ascii_uppercase
#: The look of inline code in the prompt's Markdown, so a choice's code matches it.
CODE_STYLE = str(DEFAULT_STYLES["markdown.code"])
Verdict = Literal["right", "wrong", "missed"] | None


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the answer area."""

    label: str
    text: str
    selected: bool = False
    struck: bool = False
    verdict: Verdict = None
    note: str | None = None
    assigned: str | None = None  # matching: the letter given to this prompt


@dataclass(frozen=True, slots=True)
class AnswerView:
    """Everything the answer area shows; the exam screen builds a new one per change."""

    kind: Literal["choice", "ordering", "matching"]
    rows: tuple[Row, ...]
    highlight: int
    multiple: bool = False
    matches: tuple[str, ...] = ()  # matching: the matches, lettered


class AnswerArea(Static):
    """Renders an :class:`AnswerView`; bank text goes in as plain text, never as markup."""

    DEFAULT_CSS = """
    AnswerArea {
        height: auto;
        padding: 0 1;
    }
    """

    class Clicked(Message):
        """A row (a choice, step or prompt) or, on matching questions, a match was clicked."""

        def __init__(self, row: int | None, match: int | None) -> None:
            super().__init__()
            self.row = row
            self.match = match

    def show(self, view: AnswerView) -> None:
        """Draw ``view``."""
        self.update(render_view(view))

    def on_click(self, event: events.Click) -> None:
        """Say which row or match is under the pointer (each carries its number)."""
        meta = event.style.meta
        if "row" in meta or "match" in meta:
            event.stop()
            self.post_message(self.Clicked(meta.get("row"), meta.get("match")))


def append_inline(out: Text, text: str, style: str = "") -> Text:
    """Append bank ``text`` to ``out`` with its `code` spans drawn as code, as the prompt's
    Markdown draws them; nothing in it is read as markup."""
    for piece, code in code_spans(visible(text)):
        out.append(piece, style=f"{style} {CODE_STYLE}".strip() if code else style)
    return out


def render_view(view: AnswerView) -> Group:
    """The answer area as a grid with hanging indents (no markup is parsed from any of it)."""
    parts: list[Text | Table] = []
    if view.kind == "matching":
        parts.append(Text("Prompts (highlight one, press the letter of its match):", style="dim"))
    elif view.kind == "ordering":
        parts.append(
            Text(
                "Put in order: type the letters in order, or shift+↑/↓ moves the highlighted"
                " step; space accepts as shown",
                style="dim",
            )
        )
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for i, row in enumerate(view.rows):
        here = i == view.highlight
        pointer = "▶" if here else " "
        if view.kind == "choice":
            if view.multiple:
                box = "[x]" if row.selected else "[ ]"
            else:
                box = "(•)" if row.selected else "( )"
            head = f"{pointer} {box} {row.label}."
        elif view.kind == "ordering":
            head = f"{pointer} {LETTERS[i]}."
        else:
            head = f"{pointer} {i + 1}. → {row.assigned or '?'}"
        style = "reverse" if here else ""
        body = Text()
        body_style = "strike dim" if row.struck else ("bold" if row.selected else "")
        append_inline(body, row.text, body_style)
        if row.struck:
            body.append("  (struck out)", style="dim")
        if row.verdict == "right":
            body.append("  ✓ correct", style="bold green")
        elif row.verdict == "wrong":
            body.append("  ✗ your pick, wrong", style="bold red")
        elif row.verdict == "missed":
            body.append("  ✓ correct, not picked", style="bold yellow")
        if row.note:
            body.append("\n")
            body.append(visible(row.note), style="italic")
        clickable = Style(meta={"row": i})
        body.stylize(clickable)
        grid.add_row(Text(head, style=Style.parse(style or "none") + clickable), body)
    parts.append(grid)
    if view.matches:
        matches = Table.grid(padding=(0, 1))
        matches.add_column(no_wrap=True)
        matches.add_column(ratio=1)
        for i, match in enumerate(view.matches):
            clickable = Style(meta={"match": i})
            matched = append_inline(Text(), match)
            matched.stylize(clickable)
            matches.add_row(Text(f"   {LETTERS[i]}.", style=clickable), matched)
        parts += [Text("Matches:", style="dim"), matches]
    return Group(*parts)
