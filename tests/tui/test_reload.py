"""Pilot tests: the data dir's banks folder on first start, and reloading banks with ctrl+r."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from quizapp.context import make_context
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.banks import BanksScreen
from quizapp.tui.screens.exam import ExamScreen
from quizapp.tui.screens.home import HomeScreen
from tests.helpers import GOOD_BANK
from tests.tui.conftest import NOW

EXAM = """\
exam:
  id: demo-exam
  title: Demo exam
  questions: 2
  domains: [{name: Cloud Concepts, weight: 50}, {name: Cloud Technology and Services, weight: 50}]
"""


def _app() -> QuizApp:
    ctx = make_context(bundled=False, use_cache=False)
    ctx.clock = lambda: NOW
    return QuizApp(ctx)


def _info(app: QuizApp) -> str:
    return str(app.screen.query_one("#home-info", Static).content)


async def test_the_first_start_makes_a_banks_folder_with_a_readme(isolated_home: Path) -> None:
    assert not (isolated_home / "banks").exists()
    async with _app().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    readme = isolated_home / "banks" / "README.txt"
    assert "quizapp new-bank" in readme.read_text()
    readme.unlink()  # the user's choice: it is not made again
    async with _app().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert list((isolated_home / "banks").iterdir()) == []


async def test_ctrl_r_and_r_on_the_banks_screen_load_new_banks(isolated_home: Path) -> None:
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "0 banks · 0 questions" in _info(app)
        (isolated_home / "banks" / "demo.yaml").write_text(GOOD_BANK)
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, HomeScreen)
        assert "1 bank · 2 questions" in _info(app)
        said = [n.message for n in app._notifications]
        assert said[-1] == "Banks reloaded: 1 bank, 2 questions."
        (isolated_home / "banks" / "exam.yaml").write_text(EXAM)
        await pilot.press("ctrl+r", "enter", "enter")  # the new exam starts over the new bank
        screen = app.screen
        assert isinstance(screen, ExamScreen)
        assert {i.key for i in screen.attempt.session.items} == {"demo/q1", "demo/q2"}
        await pilot.press("escape")
        await pilot.press("b")
        (isolated_home / "banks" / "broken.yaml").write_text("bank:\n  id: broken\n  title: [\n")
        await pilot.press("r")
        assert isinstance(app.screen, BanksScreen)
        problems = [str(s.content) for s in app.screen.query(".problem")]
        assert len(problems) == 1 and "broken.yaml" in problems[0]
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        warning = str(app.screen.query_one("#home-warning", Static).content)
        assert "⚠ 1 file could not be loaded" in warning
