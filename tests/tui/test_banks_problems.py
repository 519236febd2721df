"""Pilot test: a long problem message on the banks screen wraps under its own start."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.banks import BanksScreen
from tests.tui.conftest import make_context_for

BROKEN = (
    "bank:\n  id: demo\n  title: Demo\nquestions:\n  - id: q1\n    topic: t\n    domain: D\n"
    "    prompt: P\n    choices: [a, b]\n    answer: A\n    explanation: x\n    - broken\n"
)


async def test_a_long_problem_message_hangs_under_its_start_at_80_columns(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(BROKEN, encoding="utf-8")
    app = QuizApp(make_context_for(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BanksScreen)
        head = app.screen.query_one(".problem", Static)
        message = app.screen.query_one(".problem-message", Static)
        assert "bad.yaml:12:5" in str(head.content)
        assert str(message.content).startswith("YAML syntax error: did not find expected key")
        assert message.region.height >= 2  # long enough to wrap at 80 columns
        # Every line of the message, the wrapped ones too, starts 4 columns in.
        assert message.content_region.x == head.content_region.x + 4
        rows = [strip.text for strip in message.render_lines(message.region.reset_offset)]
        assert len(rows) >= 2 and all(r.startswith("    ") and r[4] != " " for r in rows)
        assert all(len(r.rstrip()) <= 78 for r in rows)
        assert "mapping at line 5)" in " ".join(r.strip() for r in rows)
