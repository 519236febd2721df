"""Pilot test: inline code in answer choices is drawn as code, never as markup."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from textual.widgets import Static

from quizapp.tui.app import QuizApp
from tests.tui.conftest import exam_screen, make_context_for

BANK = """\
bank: {id: code, title: Code}
questions:
  - id: cli
    topic: CLI
    domain: Only
    shuffle: false
    prompt: Which command lists your buckets?
    choices:
      - text: "`aws s3 ls`"
        correct: true
      - "`[bold]aws[/] s3api` with a ` lone backtick"
    explanation: x
"""
EXAM = """\
exam:
  id: code-exam
  title: Code exam
  questions: 1
  domains: [{name: Only, weight: 100}]
"""


async def test_backticks_in_a_choice_show_as_code(tmp_path: Path) -> None:
    (tmp_path / "bank.yaml").write_text(BANK)
    (tmp_path / "exam.yaml").write_text(EXAM)
    app = QuizApp(make_context_for(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        area = exam_screen(app).query_one("#exam-answers", Static)
        console = Console(width=76, color_system="truecolor", record=True)
        segments = list(console.render(area.content))
        text = "".join(s.text for s in segments)
        assert "A. aws s3 ls" in text and "`" not in text.replace("` lone", "")
        assert "B. [bold]aws[/] s3api with a ` lone backtick" in text
        code = {s.text: s.style for s in segments if s.text in ("aws s3 ls", "[bold]aws[/] s3api")}
        assert len(code) == 2
        assert all(style is not None and style.bgcolor is not None for style in code.values())
