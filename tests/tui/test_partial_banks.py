"""Pilot tests: a bank with one broken question is usable, and the broken one is named."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.banks import BanksScreen
from tests.helpers import GOOD_BANK
from tests.tui.conftest import make_context_for


async def test_home_and_banks_name_the_question_left_out(tmp_path: Path) -> None:
    (tmp_path / "demo.yaml").write_text(GOOD_BANK.replace("answer: [A, D]", "answer: [A, G]"))
    (tmp_path / "broken.yaml").write_text("bank:\n  id: broken\n  title: [\n")
    app = QuizApp(make_context_for(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        info = str(app.screen.query_one("#home-info", Static).content)
        assert "1 bank · 1 question ·" in info
        warning = str(app.screen.query_one("#home-warning", Static).content)
        assert "⚠ 1 file and 1 question could not be loaded · press b to see them" in warning
        await pilot.press("b")
        assert isinstance(app.screen, BanksScreen)
        heads, messages = app.screen.query(".problem"), app.screen.query(".problem-message")
        shown = [f"{h.content} {m.content}" for h, m in zip(heads, messages, strict=True)]
        left_out = [line for line in shown if "question left out" in line]
        assert len(left_out) == 1 and "demo.yaml:21:" in left_out[0]
        assert "question 'q2'" in left_out[0]
