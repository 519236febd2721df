"""Text from the database and file names reaches the terminal with its controls escaped."""

from __future__ import annotations

import re
import shutil
from datetime import timedelta
from pathlib import Path

from textual.widgets import Static

from quizapp.core.exam.options import StartOptions
from quizapp.core.study import notebook
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.exam import ExamScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.results import ResultsScreen
from tests.tui.conftest import EXAM_BANKS, NOW, make_context_for

OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"  # writes "rm -rf ~" to the clipboard
# Textual writes CSI sequences of its own, never OSC, BEL or 8-bit controls.
LEAK = re.compile("\x1b\\]|[\x00-\x08\x0b-\x0c\x0e-\x1a\x7f-\x9f]")


def _terminal(app: QuizApp) -> str:
    """Everything the terminal would be sent to draw the current screen."""
    update = app.screen._compositor.render_update(full=True)
    assert update is not None
    return update.render_segments(app.console)


def _hostile_app(tmp_path: Path) -> QuizApp:
    """A broken bank whose file name holds OSC 52, and a database an older quizapp filled
    from a hostile bank: an unfinished exam, topics and a note, each with escapes."""
    folder = tmp_path / "banks"
    shutil.copytree(EXAM_BANKS, folder)
    (folder / f"bad{OSC52}.yaml").write_text("bank: [")
    ctx = make_context_for(folder)
    step = notebook.record(
        None,
        key="tui/multi",
        topic="Multi",
        fingerprint="x",
        correct=False,
        unsure=False,
        picked=(1,),
        now=NOW - timedelta(days=1),
    )
    assert step is not None
    ctx.study.save(step[0], new_miss=False)
    spec = ctx.library.exams["tui-exam"].exam
    opened = ctx.exams.open(spec, "exam", StartOptions()).attempt
    assert opened is not None
    opened.leave()  # unfinished, and no longer owned by this process
    db = ctx.db
    db.execute("UPDATE attempts SET title = ?", ("Exam" + OSC52,))
    db.execute("UPDATE attempt_items SET topic = ?", ("Topic\x9b2J",))
    db.execute("INSERT INTO topic_stats VALUES (?, 3, 0, 0.0, 3.0)", ("Weak\x9d0;title\x07",))
    db.execute("UPDATE notebook SET topic = ?, note = ?", ("N\x9d" + OSC52, "my" + OSC52))
    return QuizApp(ctx)


async def test_no_screen_sends_the_terminal_a_control_character_from_the_data(
    tmp_path: Path,
) -> None:
    app = _hostile_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        shown = {"home": _terminal(app)}
        for key, name in (("b", "banks"), ("t", "stats"), ("n", "notebook")):
            await pilot.press(key)
            await pilot.pause(0.3)
            shown[name] = _terminal(app)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("n", "t")  # the notebook's topic filter lists the stored topics
        await pilot.pause(0.3)
        shown["topic picker"] = _terminal(app)
        await pilot.press("down", "enter")
        await pilot.pause(0.3)
        shown["topic filter"] = _terminal(app)
        topic_filter = str(app.screen.query_one("#nb-topic", Static).content)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ExamScreen)
        shown["exam"] = _terminal(app)
        await pilot.press("r")  # the review screen lists each question's topic
        await pilot.pause()
        shown["review"] = _terminal(app)
        await pilot.press("escape", "s", "y")  # submit: the results list each topic
        await pilot.pause(0.3)
        assert isinstance(app.screen, ResultsScreen)
        shown["results"] = _terminal(app)
    for name, text in shown.items():
        assert not LEAK.search(text), (name, LEAK.findall(text))
    assert "Exam\\x1b]52;c;" in shown["home"]
    assert "Weak\\x9d0;title\\x07" in shown["home"]
    assert "bad\\x1b]52;c;" in shown["banks"]
    assert "Weak\\x9d0;title" in shown["stats"]
    assert "my\\x1b]52;c;" in shown["notebook"]
    assert "N\\x9d\\x1b]52;c;" in shown["notebook"]
    assert topic_filter.startswith("N\\x9d\\x1b]52;c;")
    assert "N\\x9d\\x1b]52;c;cm0gLXJmIH4=\\x07 (1)" in shown["topic picker"]
    assert "Exam\\x1b]52;c;" in shown["exam"]
    assert "Topic\\x9b2J" in shown["review"]
    assert "Topic\\x9b2J" in shown["results"]
