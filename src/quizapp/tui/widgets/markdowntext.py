"""Markdown drawn by Rich in a single widget, rendered once per width."""

from __future__ import annotations

from rich.markdown import Markdown as RichMarkdown
from textual.widgets import Static

from quizapp.core.text import visible
from quizapp.tui.rendered import RenderedOnce


class MarkdownText(Static):
    """Bank text as Markdown (code blocks included), never as Textual markup.

    Textual's Markdown widget builds a widget per block and mounts them on every update;
    one Static with Rich's Markdown draws a question in a fraction of that time.
    """

    DEFAULT_CSS = """
    MarkdownText {
        height: auto;
        padding: 0 1;
        margin-bottom: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = ""

    def show(self, text: str) -> None:
        """Replace the Markdown shown."""
        self.source = text
        # Bank and database text: a raw ESC would reach the terminal through Rich.
        self.update(RenderedOnce(RichMarkdown(visible(text), hyperlinks=False)))
