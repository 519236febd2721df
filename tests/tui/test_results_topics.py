"""Pilot test: after a mock exam answered mostly wrong, the topics missed and their mastery
wrap at 80 columns, each topic whole, and the question list keeps its room."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

from rich.cells import cell_len
from rich.console import Console
from textual.widgets import DataTable, Static

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.results import ResultsScreen
from tests.tui.conftest import FakeTicker, make_context_for
from tests.tui.test_results import EXAM65, take_exam


def _lines(widget: Static, width: int) -> list[str]:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text().splitlines()


def _listed(lines: list[str], head: str) -> tuple[list[str], int]:
    """The names a packed list shows, and the number it says are left out."""
    start = next(i for i, line in enumerate(lines) if line.startswith(head))
    text = lines[start][len(head) :]
    for line in lines[start + 1 :]:
        if not line.startswith("  ") or line.startswith("  Domain"):
            break
        text += line
    more = re.search(r" and (\d+) more$", text)
    names = text[: more.start()] if more else text
    return [n.strip() for n in names.split(",")], int(more.group(1)) if more else 0


async def test_topics_missed_and_mastery_wrap_whole_and_leave_the_list_its_room(
    tmp_path: Path,
) -> None:
    banks = tmp_path / "banks"
    shutil.copytree(EXAM65, banks)
    big = banks / "big.yaml"
    count = iter(range(1000))
    big.write_text(
        re.sub(
            r"topic: .*",
            lambda _: f"topic: A long topic name for the wrapping test {next(count) % 25:02}",
            big.read_text(),
        )
    )
    ticker = FakeTicker()
    app = QuizApp(make_context_for(banks, ticker))
    async with app.run_test(size=(80, 24)) as pilot:
        await take_exam(app, pilot, ticker, wrong=set(range(60)))
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        topics = {item.topic for item in screen.attempt.session.items}
        missed = {screen.attempt.session.items[i].topic for i in screen.result.missed}
        summary = screen.query_one("#results-summary", Static)
        lines = _lines(summary, 78)
        assert all(cell_len(line) <= 78 for line in lines)
        assert "…" not in "\n".join(lines)  # nothing is cut
        at = next(i for i, line in enumerate(lines) if line.startswith("Topics missed:"))
        assert lines[at + 1].startswith("  A long topic") and lines[at + 2].startswith("Mastery")
        names, more = _listed(lines, "Topics missed:")
        assert len(names) >= 2 and more > 0
        assert len(names) + more == len(missed)
        assert all(
            re.fullmatch(r"A long topic name for the wrapping test \d\d \(\d+\)", n) for n in names
        )
        names, more = _listed(lines, "Mastery now:")
        assert len(names) + more == len(topics) and len(names) >= 1
        questions = screen.query_one("#results-questions", DataTable)
        assert questions.region.bottom <= 23 and questions.region.height >= 9  # 8 rows + header

        await pilot.resize_terminal(120, 45)  # more room: more topics shown
        await pilot.pause()
        lines = _lines(summary, 118)
        wider, more = _listed(lines, "Topics missed:")
        assert len(wider) > 2 and len(wider) + more == len(missed)
