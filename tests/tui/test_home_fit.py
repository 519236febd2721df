"""Pilot tests that everything on home can be reached at 80x24, and says how."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Static

from quizapp.core.bank.examspec import Domain, ExamSpec
from quizapp.core.exam.slots import DomainSlots, SlotPlan
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.home import HomeScreen, _detail
from quizapp.tui.widgets.rowlist import RowList
from quizapp.tui.widgets.scrollhint import ABOVE, BELOW, ScrollHint
from tests.tui.conftest import BANKS, FakeTicker, make_app, make_context_for


def _two_exams(folder: Path) -> QuizApp:
    """The home test banks with a second exam, so the exam highlight has somewhere to go."""
    for name in ("demo.yaml", "exam.yaml", "broken.yaml"):
        shutil.copy(BANKS / name, folder / name)
    (folder / "second.yaml").write_text(
        "exam:\n  id: second\n  title: Second\n  questions: 2\n  minutes: 10\n"
        "  domains:\n    - {name: Security, weight: 100}\n",
        encoding="utf-8",
    )
    return QuizApp(make_context_for(folder))


async def test_page_keys_scroll_home_and_the_hint_says_which_way(tmp_path: Path) -> None:
    app = _two_exams(tmp_path)
    async with app.run_test(size=(80, 16)) as pilot:  # short enough that home scrolls
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        body = screen.query_one("#home-body", VerticalScroll)
        hint = screen.query_one(ScrollHint)
        exams = screen.query_one("#exams", RowList)
        info = screen.query_one("#home-info", Static)
        assert body.max_scroll_y > 0 and hint.display
        assert str(hint.content) == BELOW
        assert hint.region.bottom == app.size.height - 1  # just above the key bar
        assert info.region.y >= hint.region.y  # the notebook line starts out of view
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        assert exams.cursor == 0  # the page moved, not the exam highlight
        assert str(hint.content) == ABOVE
        body.scroll_y = body.max_scroll_y - 0.4  # where an animated scroll to the end can stop
        await pilot.pause()
        assert str(hint.content) == ABOVE
        assert info.region.bottom <= hint.region.y  # now all in view
        await pilot.press("home")
        await pilot.pause()
        assert body.scroll_y == 0 and str(hint.content) == BELOW
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 0 and exams.cursor == 0
        await pilot.press("pageup")
        await pilot.pause()
        assert body.scroll_y == 0
        await pilot.press("down")  # up and down still move the highlight
        assert exams.cursor == 1


async def test_no_hint_when_home_fits() -> None:
    app = make_app()
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one(ScrollHint).display


async def test_notebook_line_fits_80_columns() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        info = app.screen.query_one("#home-info", Static)
        lines = str(info.content).splitlines()
        width = app.screen.query_one("#home-body").scrollable_content_region.width
        assert lines[0].endswith("(d: drill, n: open)")
        assert all(len(line) <= width for line in lines)


def _plan(name: str) -> SlotPlan:
    domains = (Domain("Fundamentals", 86), Domain(name, 14))
    exam = ExamSpec("aif", "AWS Certified AI Practitioner (AIF-C01)", 65, domains, minutes=90)
    keys = tuple(f"q{n}" for n in range(161))
    return SlotPlan(
        exam, (DomainSlots("Fundamentals", 86, 56, keys), DomainSlots(name, 14, 9, keys[:69]))
    )


def test_a_long_domain_name_stays_on_its_row_at_80_columns() -> None:
    name = "Security, Compliance, and Governance for AI Solutions"
    lines = _detail(_plan(name), 77).plain.splitlines()
    row = next(line for line in lines if line.startswith("Security"))
    assert row.startswith(name) and row.endswith("69 ✓")
    assert all(len(line) <= 77 for line in lines)
    assert "Solutions" not in [line.strip() for line in lines]


async def test_the_scroll_hint_settles_instead_of_laying_home_out_every_frame(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Read inside the size watcher, the hint saw a new page height beside an old one: shown,
    # hidden, shown... a layout on every frame for as long as home was open (182 reads over
    # one exam, 15 more in a quarter second of idling; now 5 and none).
    from quizapp.tui.widgets import scrollhint
    from tests.tui.test_results import big_app, take_exam

    reads = [0]
    sync = scrollhint.ScrollHint.sync

    def counted(self: ScrollHint) -> None:
        reads[0] += 1
        sync(self)

    monkeypatch.setattr(scrollhint.ScrollHint, "sync", counted)
    ticker = FakeTicker()
    app = big_app(ticker)
    async with app.run_test(size=(80, 24)) as pilot:
        await take_exam(app, pilot, ticker)
        assert reads[0] < 30
        before = reads[0]
        for _ in range(5):
            await pilot.pause(0.05)
        assert reads[0] == before
