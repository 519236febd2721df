"""Choosing a custom exam: banks, topics, number of questions, minutes or untimed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, SelectionList, Static

from quizapp.core.bank.examspec import ExamSpec
from quizapp.core.bank.library import Library
from quizapp.core.exam.options import StartOptions
from quizapp.core.exam.selection import custom_exam
from quizapp.core.exam.session import Mode
from quizapp.core.text import visible
from quizapp.core.words import plural
from quizapp.tui.screens.help import HELP_BINDING
from quizapp.tui.widgets.picklist import PickList, TickBox


@dataclass(frozen=True, slots=True)
class CustomChoice:
    """What the user chose."""

    exam: ExamSpec
    mode: Mode
    options: StartOptions


class CustomExamScreen(ModalScreen[CustomChoice | None]):
    """A form; ctrl+s or the Start button starts, escape cancels."""

    DEFAULT_CSS = """
    CustomExamScreen { align: center middle; }
    CustomExamScreen > Vertical {
        width: 90%; height: 90%; border: thick $accent; background: $panel; padding: 0 1;
    }
    CustomExamScreen SelectionList { height: 1fr; width: 1fr; }
    CustomExamScreen #custom-lists { height: 1fr; }
    CustomExamScreen #custom-numbers, CustomExamScreen #custom-actions { height: auto; }
    CustomExamScreen #custom-numbers Label { padding: 1 1 0 0; }
    CustomExamScreen Input { width: 10; margin-right: 2; }
    CustomExamScreen #custom-start { margin-left: 2; }
    CustomExamScreen #custom-error { color: $text-error; height: auto; }
    CustomExamScreen #custom-highlighted { height: auto; max-height: 2; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", "Start"),
        Binding("escape", "cancel", "Cancel"),
        HELP_BINDING,
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def compose(self) -> ComposeResult:
        """Bank and topic lists, numbers, mode, start."""
        with Vertical():
            yield Static(
                Text(
                    "Custom exam: banks and/or topics (space toggles, a all, n none).",
                    style="bold",
                )
            )
            # The lists cut long names at 80 columns: the highlighted one is shown whole here.
            yield Static(id="custom-highlighted")
            with Horizontal(id="custom-lists"):
                yield PickList(
                    *[
                        (Text(f"{visible(b.id)} ({len(self.library.by_bank[b.id])})"), b.id)
                        # By id, as shown: your own banks among the bundled, not after them.
                        for b in sorted(self.library.banks.values(), key=lambda b: b.id.casefold())
                    ],
                    id="custom-banks",
                )
                yield PickList(
                    *[
                        (Text(f"{visible(t, one_line=True)} ({len(keys)})"), t)
                        for t, keys in sorted(self.library.by_topic.items())
                    ],
                    id="custom-topics",
                )
            with Horizontal(id="custom-numbers"):
                yield Label("Questions")
                yield Input("20", id="custom-questions", type="integer")
                yield Label("Minutes (empty: untimed)")
                yield Input("", id="custom-minutes", type="integer")
            # A row of its own: beside the numbers it was off screen at 80 columns.
            with Horizontal(id="custom-actions"):
                yield TickBox("Practice (feedback after each answer)", id="custom-practice")
                yield Button("Start (ctrl+s)", id="custom-start", variant="primary")
            yield Static(id="custom-error")

    def on_selection_list_selection_highlighted(
        self, event: SelectionList.SelectionHighlighted[str]
    ) -> None:
        """Moving in a list names its highlighted bank or topic in full."""
        if event.selection_list.has_focus:
            self._show_highlighted(event.selection_list)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Going to the other list names its highlighted entry instead."""
        if isinstance(event.widget, SelectionList):
            self._show_highlighted(event.widget)

    def _show_highlighted(self, listed: SelectionList[str]) -> None:
        if listed.highlighted is None:
            return
        value = listed.get_option_at_index(listed.highlighted).value
        if listed.id == "custom-banks":
            bank = self.library.banks[value]
            count = len(self.library.by_bank[value])
            name = f"Bank {visible(bank.id, one_line=True)}: {visible(bank.title, one_line=True)}"
        else:
            count = len(self.library.by_topic[value])
            name = f"Topic: {visible(value, one_line=True)}"
        line = Text(f"{name} · {plural(count, 'question')}")
        self.query_one("#custom-highlighted", Static).update(line)

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        """The Start button."""
        self.action_start()

    def action_start(self) -> None:
        """Validate the form and close with the choice."""
        banks = tuple(self.query_one("#custom-banks", PickList).selected)
        topics = tuple(self.query_one("#custom-topics", PickList).selected)
        error = self.query_one("#custom-error", Static)
        try:
            count = int(self.query_one("#custom-questions", Input).value or "0")
            raw_minutes = self.query_one("#custom-minutes", Input).value.strip()
            minutes = int(raw_minutes) if raw_minutes else None
        except ValueError:
            error.update("Questions and minutes are whole numbers.")
            return
        if count < 1 or (minutes is not None and minutes < 1):
            error.update("Ask for at least 1 question and at least 1 minute (or leave it empty).")
            return
        if not banks and not topics:
            error.update("Pick at least one bank or one topic.")
            return
        exam = custom_exam(banks=banks or ("*",), topics=topics, questions=count, minutes=minutes)
        practice = self.query_one("#custom-practice", Checkbox).value
        options = StartOptions(questions=count, minutes=minutes, banks=banks, topics=topics)
        self.dismiss(CustomChoice(exam, "practice" if practice else "exam", options))

    def action_cancel(self) -> None:
        """Close without starting."""
        self.dismiss(None)
