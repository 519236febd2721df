"""Pilot tests that every screen keeps what matters in view at 80x24."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Static

from quizapp.storage.study import NotebookCounts
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.custom import CustomExamScreen
from quizapp.tui.screens.exam import ExamScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.notebook import NotebookScreen
from quizapp.tui.widgets.keybar import KeyBar
from quizapp.tui.widgets.rowlist import RowList
from tests.tui.conftest import exam_screen, go_to, make_app, make_context_for

LONG_TOPIC = "Network and application protection services"


def wide_library(folder: Path) -> QuizApp:
    """Twenty banks with long ids, titles and topics, an exam over them, one broken file."""
    for n in range(20):
        (folder / f"b{n}.yaml").write_text(
            f"bank:\n  id: a-rather-long-bank-identifier-{n:02}\n"
            f"  title: A bank title long enough to be cut at eighty columns {n}\n"
            "questions:\n"
            f"  - {{id: q, topic: {LONG_TOPIC}, domain: D, prompt: P, choices: [a, b],"
            " answer: A, explanation: x}\n",
            encoding="utf-8",
        )
    (folder / "exam.yaml").write_text(
        "exam:\n  id: wide\n  title: Wide\n  questions: 3\n  minutes: 10\n"
        "  domains:\n    - {name: D, weight: 100}\n",
        encoding="utf-8",
    )
    (folder / "broken.yaml").write_text("bank:\n  id: broken\n", encoding="utf-8")
    return QuizApp(make_context_for(folder))


def _bar(app: QuizApp) -> str:
    return str(app.screen.query_one(KeyBar).render())


def _in_view(app: QuizApp, widget: Widget) -> bool:
    """The whole widget is on the screen (not scrolled away, not under the key bar)."""
    region = widget.region
    return region.height > 0 and region.y >= 0 and region.bottom <= app.size.height - 1


async def _leave_unfinished(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "a", "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_home_keeps_resume_and_broken_banks_on_top_and_offers_r() -> None:
    await _leave_unfinished(make_app())
    app = make_app()  # a fresh start, as the next day
    async with app.run_test(size=(80, 14)) as pilot:  # short enough that home scrolls
        await pilot.pause()
        body = app.screen.query_one("#home-body", VerticalScroll)
        assert body.max_scroll_y > 0
        assert body.scroll_y == 0  # starts at the top, though the exams table has focus
        resume = app.screen.query_one("#resume-line", Static)
        warning = app.screen.query_one("#home-warning", Static)
        assert resume.region.y == 1 and _in_view(app, resume)
        assert "Press r to resume" in str(resume.content)
        assert _in_view(app, warning) and "could not be loaded" in str(warning.content)
        body.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert _in_view(app, resume) and _in_view(app, warning)  # they never scroll away
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = _bar(app)
        assert bar.startswith(" r Resume ")
        assert "Qu" not in bar.split()[-1]  # a key without room goes whole, never cut mid-word
        assert bar.split()[-2:] == ["t", "Stats"]
        await pilot.press("r")
        assert isinstance(app.screen, ExamScreen)


async def test_r_is_off_the_key_bar_with_nothing_to_resume() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Resume" not in _bar(app)
        assert not app.screen.query_one("#resume-line").display
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert [n.message for n in app._notifications] == ["Nothing to resume."]


async def test_exam_status_is_one_line_at_80_columns(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        await go_to(exam_app, pilot, "multi")
        await pilot.press("m", "u")
        status = exam_app.screen.query_one("#exam-status", Static)
        text = str(status.content)
        assert status.region.height == 1
        assert cell_len(text) <= 78
        assert "⏱ 10:00 left" in text and "Question" in text and "⚑" in text and "?" in text
        await pilot.resize_terminal(140, 45)
        await pilot.pause()
        wide = str(status.content)
        assert wide.startswith("TUI exam  ·  Question") and "1 flagged  ·  ⚑ flagged" in wide


async def test_a_long_case_study_leaves_the_question_in_view_and_o_opens_it(
    exam_app: QuizApp,
) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        await go_to(exam_app, pilot, "case")
        await pilot.pause()
        screen = exam_screen(exam_app)
        box = screen.query_one("#exam-scenario-box", VerticalScroll)
        hint = screen.query_one("#exam-scenario-hint", Static)
        assert box.max_scroll_y > 0  # cut short: it scrolls in its own box
        cut = box.region.height
        assert "o shows the whole case study" in str(hint.content)
        assert _in_view(exam_app, screen.query_one("#exam-prompt"))
        assert _in_view(exam_app, screen.query_one("#exam-answers"))
        await pilot.press("o")
        await pilot.pause()
        assert box.max_scroll_y == 0 and box.region.height > cut
        assert "o shortens the case study" in str(hint.content)
        await pilot.press("o")
        await pilot.pause()
        assert box.region.height == cut and _in_view(exam_app, screen.query_one("#exam-answers"))
        await pilot.resize_terminal(100, 45)  # room for all of it: nothing is cut
        await pilot.pause()
        await pilot.pause()
        assert box.max_scroll_y == 0 and not hint.display
        await go_to(exam_app, pilot, "plain")
        await pilot.pause()
        assert not box.display and not hint.display


async def test_review_gives_the_question_room_at_80_columns(
    exam_app: QuizApp, tmp_path: Path
) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "r")
        table = exam_app.screen.query_one(DataTable)
        widths = [c.get_render_width(table) for c in table.ordered_columns]
        assert sum(widths) <= 78  # no sideways scrolling
        topic, question = table.ordered_columns[3], table.ordered_columns[4]
        assert question.width >= 25 and topic.width < question.width
        assert topic.width == len("Case study")  # every topic whole when there is room
    app = wide_library(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "r")
        topic, question = app.screen.query_one(DataTable).ordered_columns[3:5]
        assert 5 < topic.width < len(LONG_TOPIC) and question.width >= 25
        await pilot.resize_terminal(140, 45)
        await pilot.pause()
        wider = app.screen.query_one(DataTable).ordered_columns[3:5]
        assert wider[0].width > topic.width and wider[1].width > question.width


async def test_every_custom_exam_control_is_on_screen_when_focused() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, CustomExamScreen)
        seen = set()
        for _ in range(8):
            await pilot.press("tab")
            focused = app.focused
            assert focused is not None
            seen.add(focused.id)
            region = focused.region
            assert region.x >= 0 and region.right <= 80 and region.bottom <= 24, focused.id
            assert region.height > 0 and region.width > 0, focused.id
        assert {"custom-practice", "custom-start", "custom-minutes"} <= seen


async def test_notebook_filters_and_count_fit_80_columns() -> None:
    from tests.tui.test_notebook import seeded_app

    app = seeded_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, NotebookScreen)
        screen.filters["topic"] = "Cloud benefits and the economics of scale"
        screen._show_filters()
        await pilot.pause()
        for name in ("status", "bank", "topic"):
            box = screen.query_one(f"#nb-{name}", Static)
            assert box.region.right <= 80 and box.region.height == 3
            assert box.region.width >= len(f"{name} ({name[0]})") + 4  # its title shows whole
        assert screen.query_one("#nb-search").region.width >= 20
        screen._counts = NotebookCounts(active=10_000, due=10_000, mastered=0)
        screen.shown = screen.shown * 3334
        screen._show_count()
        await pilot.pause()
        count = screen.query_one("#nb-count", Static)
        assert count.region.height == 1 and cell_len(str(count.content)) <= 78
        assert str(count.content).startswith("10002 shown · 10000 due")
        screen._topic_width = len(LONG_TOPIC)
        screen._fit_topic()
        table = screen.query_one("#nb-table", RowList)
        topic = table.columns[1][1]
        assert topic is not None and 5 <= topic <= table.size.width // 4


async def test_banks_screen_shows_the_problems_first_and_fits_80_columns(tmp_path: Path) -> None:
    app = wide_library(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        first = app.screen.query(".problem").first(Static)
        assert _in_view(app, first)
        table = app.screen.query_one("#banks", DataTable)
        assert table.has_focus and table.max_scroll_x == 0
