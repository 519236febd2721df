"""Pilot test: on the custom exam screen every bank can be reached and read whole at 80 by 24."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from rich.console import Console
from textual.widgets import SelectionList, Static

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.custom import CustomExamScreen
from tests.tui.conftest import EXAM_BANKS, make_context_for

LONG = "my-own-practice-questions-about-networking-and-[bold]storage-{n}"
BANK = """\
bank: {{id: "{id}", title: "Mine [b]{n}[/b]"}}
questions:
  - id: q1
    topic: "A topic of my own whose name is much longer than its column {n}"
    domain: First
    prompt: Pick A
    choices: [{{text: A, correct: true}}, B]
    explanation: x
"""


def _text(widget: Static) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text().replace("\n", " ")


async def test_every_bank_is_reachable_and_named_in_full(tmp_path: Path) -> None:
    shutil.copytree(EXAM_BANKS, tmp_path / "banks")
    ids = [LONG.format(n=n).replace("[bold]", "").lower() for n in range(1, 9)]
    for n, bank_id in enumerate(ids, 1):
        (tmp_path / "banks" / f"mine-{n}.yaml").write_text(BANK.format(id=bank_id, n=n))
    app = QuizApp(make_context_for(tmp_path / "banks"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        screen = app.screen
        assert isinstance(screen, CustomExamScreen)
        banks = screen.query_one("#custom-banks", SelectionList)
        named = screen.query_one("#custom-highlighted", Static)
        assert banks.has_focus
        seen = []
        for _ in range(banks.option_count):
            await pilot.pause()
            line = _text(named)
            seen.append(line)
            assert named.region.bottom <= 24 and named.region.right <= 80
            assert banks.region.bottom <= 24 and banks.region.height >= 6
            await pilot.press("down")
        for n, bank_id in enumerate(ids, 1):  # each whole, with its title and count
            assert any(f"Bank {bank_id}: Mine [b]{n}[/b] · 1 question" in s for s in seen), n
        assert any("Bank tui: " in s for s in seen)
        await pilot.press("tab")
        await pilot.pause()
        line = _text(screen.query_one("#custom-highlighted", Static))
        assert line.startswith("Topic: ") and " · " in line and "question" in line
