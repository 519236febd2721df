"""A Rich renderable that renders its content once per width and replays the lines."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment


class RenderedOnce:
    """Wraps costly content (Rich Markdown) so redraws do not render it again.

    Textual renders a Static's content to measure its height and again for every frame
    that touches it; for Markdown each of those is a full render.
    """

    def __init__(self, content: RenderableType) -> None:
        self.content = content
        self._lines: dict[int, list[list[Segment]]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The lines rendered at ``options.max_width``, from the cache after the first time."""
        lines = self._lines.get(options.max_width)
        if lines is None:
            lines = console.render_lines(self.content, options, pad=False, new_lines=False)
            self._lines[options.max_width] = lines
        newline = Segment.line()
        for line in lines:
            yield from line
            yield newline
