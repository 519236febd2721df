"""Pilot test: home's help names the practice-set keys the highlighted exam really has."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from rich.console import Console
from textual.widgets import Static

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.help import HelpScreen
from quizapp.tui.screens.home import HomeScreen
from tests.tui.conftest import EXAM_BANKS, make_context_for

NO_SETS = """\
exam:
  id: tui-free
  title: TUI exam without sets
  questions: 4
  domains: [{name: First, weight: 100}]
"""


def _help(app: QuizApp) -> str:
    screen = app.screen
    assert isinstance(screen, HelpScreen)
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(screen.query_one("#help-keys", Static).content)
    return console.export_text()


async def test_the_set_keys_in_the_help_follow_the_highlighted_exam(tmp_path: Path) -> None:
    shutil.copytree(EXAM_BANKS, tmp_path / "banks")
    (tmp_path / "banks" / "free.yaml").write_text(NO_SETS)
    app = QuizApp(make_context_for(tmp_path / "banks"))
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        order = [p.exam.id for p in home.plans]
        if order[0] != "tui-exam":  # start on the exam with two sets
            await pilot.press("down")
        await pilot.press("question_mark")
        text = _help(app)
        assert "1 2  " in text and "Start that practice set" in text, text
        assert "1…9" not in text and "1…2" not in text
        await pilot.press("escape", "down" if order[0] == "tui-exam" else "up", "question_mark")
        text = _help(app)
        assert "Start that practice set" not in text, text  # no sets: no keys for them
        assert "Practice" in text and "Stats" in text
        await pilot.press("escape")
        await pilot.press("3")  # the key still answers, saying what there is
        await pilot.pause()
        assert any("no practice sets" in str(n.message) for n in app._notifications)
