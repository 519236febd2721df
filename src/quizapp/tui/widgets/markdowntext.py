"""Markdown drawn by Rich in a single widget, rendered once per width."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.markdown import Markdown as RichMarkdown
from rich.text import Text
from textual.widgets import Static

from quizapp.core.text import visible
from quizapp.tui.rendered import RenderedOnce
from quizapp.tui.widgets.references import references_plain, references_text

if TYPE_CHECKING:
    from quizapp.core.bank.models import Reference


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

    def show(self, text: str, references: Sequence[Reference] = (), footer: str = "") -> None:
        """Replace the Markdown shown; ``references`` follow it as links, then ``footer``.

        Rich's Markdown prints a link's text and then its address, so a reference whose title
        is its address showed twice: references are drawn as text of their own instead.
        """
        # Bank and database text: a raw ESC would reach the terminal through Rich.
        blocks: list[RenderableType] = [RichMarkdown(visible(text), hyperlinks=False)]
        sources = [text]
        if references:
            blocks += [Text(), references_text(references)]
            sources.append(references_plain(references))
        if footer:
            blocks += [Text(), RichMarkdown(visible(footer), hyperlinks=False)]
            sources.append(footer)
        self.source = "\n\n".join(sources)
        self.update(RenderedOnce(blocks[0] if len(blocks) == 1 else Group(*blocks)))
