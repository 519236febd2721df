"""Pilot tests: results you can reopen from stats, filter and step through; honest verdicts."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.confirm import ConfirmScreen
from quizapp.tui.screens.detail import QuestionDetailScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.screens.review import ReviewScreen
from quizapp.tui.screens.stats import StatsScreen
from quizapp.tui.widgets.keybar import KeyBar
from quizapp.tui.widgets.markdowntext import MarkdownText
from tests.tui.conftest import EXAM_BANKS, FakeTicker, exam_screen, go_to, make_context_for

EXAM65 = Path(__file__).parent / "exam65"


def _text(widget: Static) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


def big_app(ticker: FakeTicker | None = None) -> QuizApp:
    """The app over one 65-question exam (readiness at 72%)."""
    return QuizApp(make_context_for(EXAM65, ticker))


async def take_exam(
    app: QuizApp,
    pilot: Pilot[None],
    ticker: FakeTicker,
    *,
    practice: bool = False,
    wrong: set[int] = frozenset(),  # type: ignore[assignment]
    skip: set[int] = frozenset(),  # type: ignore[assignment]
    flagged: set[int] = frozenset(),  # type: ignore[assignment]
    unsure: set[int] = frozenset(),  # type: ignore[assignment]
    seconds: dict[int, float] | None = None,
    until: int | None = None,
) -> None:
    """Start the highlighted exam, answer by position through the attempt, submit with keys.

    The first choice is right in the fixture banks that use this (``shuffle: false``).
    """
    await pilot.press(
        *(["p"] if practice else ["enter", "enter"])
    )  # an exam: its start screen first
    attempt = exam_screen(app).attempt
    count = len(attempt.session.items) if until is None else until
    for i in range(count):
        attempt.go(i)
        if i not in skip:
            attempt.choose(1 if i in wrong else 0)
        if i in flagged:
            attempt.flag()
        if i in unsure:
            attempt.unsure()
        ticker.now += (seconds or {}).get(i, 0.0)
    attempt.go(0)
    await pilot.press("s", "y")
    await pilot.pause()
    assert isinstance(app.screen, ResultsScreen)


def _rows(table: DataTable[object]) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(r)] for r in range(table.row_count)]


async def test_a_finished_exam_reopens_from_stats_and_escape_goes_back_to_stats() -> None:
    ticker = FakeTicker()
    app = big_app(ticker)
    async with app.run_test(size=(80, 24)) as pilot:
        await take_exam(app, pilot, ticker, wrong={0, 1}, seconds={0: 30, 1: 95})
        first = app.screen
        assert isinstance(first, ResultsScreen)
        await pilot.press("escape")  # leaving the results does not lose them
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("t")
        assert isinstance(app.screen, StatsScreen)
        table = app.screen.query_one("#stats-attempts", DataTable)
        assert table.get_row_at(0)[0] == str(first.attempt.id)  # the id a person can use
        # Every column, the score among them, fits 80 columns: nothing scrolls sideways.
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert "Open attempt" in str(app.screen.query_one(KeyBar).render())  # not shadowed
        await pilot.press("enter")
        reopened = app.screen
        assert isinstance(reopened, ResultsScreen)
        assert "Open question" in str(reopened.query_one(KeyBar).render())
        assert reopened.attempt.id == first.attempt.id
        assert reopened.result.marks == first.result.marks
        rows = _rows(reopened.query_one("#results-questions", DataTable))
        # Time per question comes back from storage with the attempt.
        assert [r[6] for r in rows[:3]] == ["0:30", "1:35", "0:00"]
        assert rows[0][1] == "✗ wrong" and rows[2][1] == "✓ right"
        await pilot.press("escape")
        assert isinstance(app.screen, StatsScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_click_on_an_attempt_row_opens_it() -> None:
    ticker = FakeTicker()
    app = big_app(ticker)
    async with app.run_test(size=(80, 24)) as pilot:
        await take_exam(app, pilot, ticker)
        questions = app.screen.query_one("#results-questions", DataTable)
        await pilot.click(questions, offset=(10, 3))  # the third row: one click opens it
        await pilot.pause()
        assert isinstance(app.screen, QuestionDetailScreen)
        assert app.screen.position == 2
        await pilot.press("escape", "escape", "t")
        assert isinstance(app.screen, StatsScreen)
        table = app.screen.query_one("#stats-attempts", DataTable)
        await pilot.click(table, offset=(10, 1))  # the first row under the header
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)


async def test_an_unfinished_attempt_is_not_opened_but_named() -> None:
    ticker = FakeTicker()
    app = QuizApp(make_context_for(EXAM_BANKS, ticker))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "a", "escape")  # one answer, left for later
        await pilot.press("t", "enter")
        assert isinstance(app.screen, StatsScreen)
        table = app.screen.query_one("#stats-attempts", DataTable)
        assert str(table.get_row_at(0)[3]) == "unfinished"  # no score, no verdict
        notes = [str(n.message) for n in app._notifications]
        assert any("unfinished: resume it from the home screen" in n for n in notes)


async def test_the_cursor_stays_in_view_and_many_rows_show_at_80x24() -> None:
    ticker = FakeTicker()
    app = big_app(ticker)
    async with app.run_test(size=(80, 24)) as pilot:
        await take_exam(app, pilot, ticker)
        table = app.screen.query_one("#results-questions", DataTable)
        assert table.has_focus
        assert table.scrollable_content_region.height - 1 >= 10  # rows below the header
        assert table.virtual_size.width <= table.scrollable_content_region.width
        await pilot.press(*["down"] * 16)
        top = table.scroll_offset.y
        assert table.cursor_row == 16
        assert 0 < top <= 16 < top + table.scrollable_content_region.height - 1
        narrow = table.ordered_columns[3].width
        await pilot.resize_terminal(140, 45)  # wider: the topic column takes the room
        await pilot.pause()
        assert table.cursor_row == 16
        assert table.ordered_columns[3].width == narrow + 60
        await pilot.press("enter")
        assert isinstance(app.screen, QuestionDetailScreen)
        assert app.screen.position == 16  # the row on screen is the one that opens


async def test_filters_count_and_n_p_step_within_the_filter() -> None:
    ticker = FakeTicker()
    app = big_app(ticker)
    async with app.run_test(size=(80, 24)) as pilot:
        await take_exam(
            app, pilot, ticker, wrong={3, 9}, skip={20}, flagged={3, 40}, unsure={9, 41}
        )
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        line = _text(screen.query_one("#results-filter", Static))
        assert "▸ all 65 (a)" in line
        assert "✗ wrong 3 (w)" in line and "⚑ flagged 2 (f)" in line and "? unsure 2 (u)" in line
        table = screen.query_one("#results-questions", DataTable)
        await pilot.press("w")
        assert [r[0] for r in _rows(table)] == ["4", "10", "21"]
        assert "▸ ✗ wrong 3 (w)" in _text(screen.query_one("#results-filter", Static))
        assert _rows(table)[2][1] == "✗ unanswered"  # in an exam a blank one is wrong
        await pilot.press("f")
        assert [(r[0], r[2]) for r in _rows(table)] == [("4", "⚑"), ("41", "⚑")]
        await pilot.press("u")
        assert [(r[0], r[2]) for r in _rows(table)] == [("10", "?"), ("42", "?")]
        await pilot.press("w", "down", "enter")
        detail = app.screen
        assert isinstance(detail, QuestionDetailScreen)
        assert detail.position == 9
        await pilot.press("n")
        assert detail.position == 20
        assert "## Question 21" in detail.query_one("#detail-markdown").source  # type: ignore[attr-defined]
        await pilot.press("n")  # the last of the filter: it stays
        assert detail.position == 20
        await pilot.press("p", "p")
        assert detail.position == 3
        await pilot.press("escape")
        assert app.screen is screen
        assert table.cursor_row == 0  # opened on the second row: the list follows the last read
        await pilot.press("a")
        assert table.row_count == 65


async def test_an_exam_gets_a_labelled_verdict_and_the_readiness_line() -> None:
    ticker = FakeTicker()
    app = big_app(ticker)
    async with app.run_test(size=(80, 24)) as pilot:
        await take_exam(app, pilot, ticker, wrong=set(range(15)))  # 50 of 65: 76.9%
        summary = _text(app.screen.query_one("#results-summary", Static))
        assert "✓ PASS · 792 (estimated · pass ≈ 67%) · 50 of 65 right (76.9%)" in summary
        assert "ready at 72%: reached" in summary
        assert "15 answers went into the notebook" in summary
        domains = app.screen.query_one("#results-domains", DataTable)
        assert [str(c.label) for c in domains.columns.values()][-1] == "Assessment"


async def test_a_practice_run_gets_a_tally_and_no_verdict() -> None:
    ticker = FakeTicker()
    app = big_app(ticker)
    async with app.run_test(size=(80, 24)) as pilot:
        await take_exam(app, pilot, ticker, practice=True, wrong={1}, unsure={2}, until=6)
        screen = app.screen
        summary = _text(screen.query_one("#results-summary", Static))
        assert "6 of 65 answered · ✓ 5 right · ✗ 1 wrong · no score" in summary
        assert "PASS" not in summary and "FAIL" not in summary and "ready at" not in summary
        # The wrong one and the unsure right one went in; no topic never seen is "missed".
        assert "2 answers went into the notebook" in summary
        topic = screen.attempt.session.items[1].topic
        assert f"Topics missed: {topic} (1)" in summary
        domains = screen.query_one("#results-domains", DataTable)
        assert "Assessment" not in [str(c.label) for c in domains.columns.values()]
        await pilot.press("w")
        table = screen.query_one("#results-questions", DataTable)
        assert [r[0] for r in _rows(table)] == ["2"]  # questions not reached are not wrong
        await pilot.press("a")
        assert _rows(table)[10][1] == "· unanswered"


async def test_a_reopened_exam_keeps_its_score_after_its_bank_changes(tmp_path: Path) -> None:
    import shutil

    banks = tmp_path / "banks"
    shutil.copytree(EXAM65, banks)
    ticker = FakeTicker()
    app = QuizApp(make_context_for(banks, ticker))
    async with app.run_test(size=(80, 24)) as pilot:
        await take_exam(app, pilot, ticker, wrong={0})
        assert isinstance(app.screen, ResultsScreen)
        before = app.screen.result
    # The author moves every right answer: a new look at the bank would mark them all wrong.
    bank = banks / "big.yaml"
    right = "        correct: true\n        why: It is right.\n      - text: A wrong one\n"
    moved = "        why: It is right.\n      - text: A wrong one\n        correct: true\n"
    bank.write_text(bank.read_text().replace(right, moved))
    later = QuizApp(make_context_for(banks, FakeTicker()))
    async with later.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "enter")
        reopened = later.screen
        assert isinstance(reopened, ResultsScreen)
        assert reopened.result.marks == before.marks  # as the stats list counts them
        summary = _text(reopened.query_one("#results-summary", Static))
        assert "✓ PASS · 986" in summary
        await pilot.press("enter")
        source = later.screen.query_one("#detail-markdown").source  # type: ignore[attr-defined]
        assert "The bank has changed this question since you answered it." in source


async def test_a_long_history_keeps_every_column_of_the_attempts_in_view() -> None:
    """Over 15 attempts the table scrolls: its scrollbar must not cut the Started column."""
    from quizapp.core.exam.options import StartOptions

    ctx = make_context_for(EXAM_BANKS, FakeTicker())
    spec = next(iter(ctx.library.exams.values())).exam
    for _ in range(20):
        attempt, _ = ctx.exams.start(spec, "practice", StartOptions())
        attempt.abandon()
        attempt.release()
    for size in ((80, 24), (140, 45)):
        app = QuizApp(ctx)
        async with app.run_test(size=size) as pilot:
            await pilot.press("t")
            table = app.screen.query_one("#stats-attempts", DataTable)
            await pilot.pause()
            assert table.row_count == 20 and table.show_vertical_scrollbar
            assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_a_half_answered_choose_two_is_incomplete_not_unanswered(
    exam_app: QuizApp,
) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        await go_to(exam_app, pilot, "multi")
        await pilot.press("a", "r")  # one of the two, then the review screen
        assert isinstance(exam_app.screen, ReviewScreen)
        review = exam_app.screen.query_one(DataTable)
        states = [str(review.get_row_at(i)[1]) for i in range(review.row_count)]
        assert states.count("◐ incomplete") == 1 and states.count("○ unanswered") == 5
        title = _text(exam_app.screen.query_one("#review-title", Static))
        assert "0 answered, 5 unanswered, 1 incomplete, 0 flagged" in title
        await pilot.press("s")
        assert isinstance(exam_app.screen, ConfirmScreen)
        asked = str(exam_app.screen.query_one("#confirm-message", Static).content)
        assert asked == (
            "Submit the exam now? 5 questions unanswered, 1 incomplete. "
            "Unanswered and incomplete questions count as wrong."
        )
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(exam_app.screen, ResultsScreen)
        table = exam_app.screen.query_one("#results-questions", DataTable)
        begun = [r for r in _rows(table) if r[4].strip() == "A"]
        assert [r[1] for r in begun] == ["✗ incomplete"]
        assert [r[1] for r in _rows(table)].count("✗ unanswered") == 5
        assert "1 answer went into the notebook" in _text(
            exam_app.screen.query_one("#results-summary", Static)
        )
        table.move_cursor(row=[r[4].strip() for r in _rows(table)].index("A"))
        await pilot.press("enter")
        assert isinstance(exam_app.screen, QuestionDetailScreen)
        lesson = exam_app.screen.query_one("#detail-markdown", MarkdownText).source
        assert "Your answer was incomplete: you picked A." in lesson
        assert "You did not answer this one." not in lesson
        assert "your pick" in lesson


async def test_stats_tally_a_practice_run_as_its_results_do() -> None:
    ticker = FakeTicker()
    app = QuizApp(make_context_for(EXAM_BANKS, ticker))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "enter")  # practice: one answer of six, then the end
        await go_to(app, pilot, "plain")
        await pilot.press("a", "enter", "s", "y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        summary = _text(app.screen.query_one("#results-summary", Static))
        assert "1 of 6 answered" in summary
        await pilot.press("escape", "t")
        assert isinstance(app.screen, StatsScreen)
        table = app.screen.query_one("#stats-attempts", DataTable)
        assert str(table.get_row_at(0)[4]) == "1 of 6 answered"  # not a share of all six


async def test_a_custom_exam_gets_a_tally_not_a_verdict() -> None:
    from textual.widgets import Input, SelectionList

    app = QuizApp(make_context_for(EXAM_BANKS, FakeTicker()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one("#custom-banks", SelectionList).focus()
        await pilot.press("space")  # the first bank
        app.screen.query_one("#custom-questions", Input).value = "3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = exam_screen(app)
        assert (screen.attempt.session.mode, len(screen.attempt.session.items)) == ("exam", 3)
        await pilot.press("s", "y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        summary = _text(app.screen.query_one("#results-summary", Static))
        assert "PASS" not in summary and "FAIL" not in summary
        assert "0 of 3 answered" in summary and "no score" in summary
        domains = app.screen.query_one("#results-domains", DataTable)
        assert [str(c.label) for c in domains.columns.values()] == ["Domain", "Right", "%"]
        await pilot.press("escape", "t")
        assert isinstance(app.screen, StatsScreen)
        table = app.screen.query_one("#stats-attempts", DataTable)
        assert [str(c) for c in table.get_row_at(0)][3:5] == ["finished", "0 of 3 answered"]
