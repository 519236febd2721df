"""Pick lists and check boxes that read "[x]" when picked and "[ ]" when not, in any colours."""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList

PICKED, UNPICKED = "x", " "


class PickList(SelectionList[str]):
    """Textual's list draws every row as "▐X▌", picked or not, told apart by colour alone."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "pick_all", "Pick all"),
        Binding("n", "pick_none", "Pick none"),
    ]

    def render_line(self, y: int) -> Strip:
        """The row as Textual draws it, its button redrawn as characters."""
        strip = super().render_line(y)
        segments = list(strip)
        index = round(self.scroll_offset.y) + y
        if len(segments) < 3 or not 0 <= index < self.option_count:
            return strip
        picked = self.get_option_at_index(index).value in self._selected
        left, inner, right = segments[:3]
        button = [
            Segment("[", left.style),
            Segment(PICKED if picked else UNPICKED, inner.style),
            Segment("]", right.style),
        ]
        return Strip([*button, *segments[3:]], strip.cell_length)

    def action_pick_all(self) -> None:
        """Pick every row."""
        self.select_all()

    def action_pick_none(self) -> None:
        """Pick no row."""
        self.deselect_all()


class TickBox(Checkbox):
    """A check box drawn like the pick lists' rows: Textual's "▐X▌" looks the same on and off."""

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.assemble(
            ("[", style), (PICKED if self.value else UNPICKED, style), ("]", style)
        )
