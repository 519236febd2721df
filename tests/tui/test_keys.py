"""Pilot tests: help on every screen, the key bar, the mouse, pause, pacing and marks."""

from __future__ import annotations

import io

from rich.console import Console
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static

from quizapp.tui.app import QuizApp
from quizapp.tui.screens.confirm import ConfirmScreen
from quizapp.tui.screens.conflict import ConflictScreen
from quizapp.tui.screens.exam import ExamScreen
from quizapp.tui.screens.examdate import ExamDateScreen
from quizapp.tui.screens.help import HelpScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.pause import PauseScreen
from quizapp.tui.widgets.keybar import KeyBar
from tests.tui.conftest import FakeTicker, exam_screen, go_to


def _text(widget: Static) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


def _help_text(app: QuizApp) -> str:
    screen = app.screen
    assert isinstance(screen, HelpScreen)
    return _text(screen.query_one("#help-keys", Static))


def _bar(app: QuizApp) -> str:
    return str(app.screen.query_one(KeyBar).render())


async def test_question_mark_shows_the_keys_of_each_screen_and_closes(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        text = _help_text(exam_app)
        assert "Practice" in text and "Notebook" in text and "Stats" in text
        assert "1 2 " in text and "Start that practice set" in text  # its exam has two sets
        assert "Up a row" in text  # the focused list's keys, under the screen's
        await pilot.press("question_mark")
        assert not isinstance(exam_app.screen, HelpScreen)
        await pilot.press("enter", "enter")
        exam_screen(exam_app)
        await pilot.press("question_mark")
        text = _help_text(exam_app)
        # Every action bound on the exam screen is listed with what it does.
        for line in ("Next", "Flag", "Unsure", "Strike out", "Review", "Submit", "Leave"):
            assert line in text
        assert "a…j 1…9 0" in text
        assert "Choose that choice" in text
        assert "cabd" in text  # the extra lines for keys the bindings do not describe
        await pilot.press("a")  # a key of the exam does nothing while help is open
        assert not exam_screen_behind(exam_app).attempt.session.response.picked
        await pilot.press("escape")
        assert isinstance(exam_app.screen, ExamScreen)
        await pilot.press("r", "question_mark")
        assert "Unanswered" in _help_text(exam_app) and "Go to" in _help_text(exam_app)


def exam_screen_behind(app: QuizApp) -> ExamScreen:
    return next(s for s in app.screen_stack if isinstance(s, ExamScreen))


def test_every_binding_says_what_it_does() -> None:
    """The command palette's Keys list and the help show each binding's description."""
    from quizapp.tui.app import QuizApp as App
    from quizapp.tui.screens import (
        banks,
        confirm,
        conflict,
        custom,
        detail,
        exam,
        help,
        home,
        notebook,
        picker,
        results,
        review,
        stats,
    )
    from quizapp.tui.widgets import rowlist

    owners = [App, rowlist.RowList]
    for module in (banks, confirm, conflict, custom, detail, exam, help, home, notebook):
        owners += [
            v for v in vars(module).values() if isinstance(v, type) and "BINDINGS" in vars(v)
        ]
    for module in (picker, results, review, stats):
        owners += [
            v for v in vars(module).values() if isinstance(v, type) and "BINDINGS" in vars(v)
        ]
    for owner in owners:
        for b in owner.BINDINGS:
            assert isinstance(b, Binding)
            assert b.description, f"{owner.__name__}: {b.key} has no description"


async def test_the_key_bar_names_what_enter_does_under_a_focused_list(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(100, 24)) as pilot:
        await pilot.press("enter", "enter")
        await go_to(exam_app, pilot, "plain")
        await pilot.press("a", "r")
        assert "⏎ Go to" in _bar(exam_app)
        await pilot.press("escape", "s", "y")
        await pilot.pause()
        assert "⏎ Open question" in _bar(exam_app)


async def test_the_header_says_whether_you_are_on_pace(
    exam_app: QuizApp, ticker: FakeTicker
) -> None:
    async with exam_app.run_test(size=(120, 24)) as pilot:
        await pilot.press("enter", "enter")
        screen = exam_screen(exam_app)
        status = screen.query_one("#exam-status", Static)
        assert "on pace" in _text(status)
        ticker.now += 4 * 60 + 10  # 10 minutes for 6 questions: 1:40 each, none answered
        await screen.heartbeat()
        assert "4 min behind" in _text(status)
        await go_to(exam_app, pilot, "plain")
        await pilot.press("a")
        await go_to(exam_app, pilot, "multi")
        await pilot.press("a", "b")
        await go_to(exam_app, pilot, "markup")
        await pilot.press("a")  # 3 answered: 5:00 of the even pace against 4:10 used
        assert "on pace" in _text(status)


async def test_unsure_marks_show_in_the_navigator_and_the_review(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "enter")
        screen = exam_screen(exam_app)
        await go_to(exam_app, pilot, "plain")
        await pilot.press("a", "u", "v")
        position = screen.attempt.session.current
        nav = _text(screen.query_one("#exam-navigator", Static))
        assert f"▶{position + 1}● ?" in nav  # current, answered, not flagged, unsure
        assert nav.count("?") == 2  # that cell and the legend
        assert "? unsure" in nav
        await pilot.press("r")
        table = exam_app.screen.query_one(DataTable)
        marks = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        assert marks.count("? unsure") == 1
        assert marks[position] == "? unsure"


async def test_z_pauses_hiding_the_question_and_stopping_the_clock(
    exam_app: QuizApp, ticker: FakeTicker
) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        screen = exam_screen(exam_app)
        ticker.now += 30
        await pilot.press("z")
        assert isinstance(exam_app.screen, PauseScreen)
        shown = _text(exam_app.screen.query_one("#pause-text", Static))
        assert "Paused: the clock is stopped" in shown and "9:30 left" in shown
        assert not exam_app.screen.query("#exam-prompt")  # the question is not on screen
        ticker.now += 20 * 60  # twice the time limit
        await screen.heartbeat()
        await pilot.press("a")  # no answer is given while paused
        assert screen.attempt.session.status == "in_progress"
        assert not screen.attempt.session.responses[0].picked
        await pilot.press("z")
        assert exam_app.screen is screen
        ticker.now += 10
        await screen.heartbeat()
        assert screen.attempt.session.elapsed == 40
        await pilot.press("z", "q")  # leave from the pause: saved without the paused time
        await pilot.pause()
        assert isinstance(exam_app.screen, HomeScreen)
        stored = screen.service.attempts.load(screen.attempt.id)
        assert stored is not None and stored.elapsed == 40


async def test_z_in_untimed_practice_names_no_clock(exam_app: QuizApp, ticker: FakeTicker) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "enter")
        screen = exam_screen(exam_app)
        assert screen.attempt.session.remaining() is None  # practice is untimed
        ticker.now += 30
        await pilot.press("z")
        assert isinstance(exam_app.screen, PauseScreen)
        shown = _text(exam_app.screen.query_one("#pause-text", Static))
        assert "Paused: time away is not counted" in shown
        assert "clock" not in shown and "left" not in shown.split("q: leave")[0]
        ticker.now += 600
        await pilot.press("z")
        await screen.heartbeat()
        assert screen.attempt.session.elapsed == 30  # true: the time away did not count


async def test_matching_moves_to_the_next_prompt_and_counts_only_when_complete(
    exam_app: QuizApp,
) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        screen = exam_screen(exam_app)
        await go_to(exam_app, pilot, "match")
        order = screen.attempt.session.item.order
        letter = {pair: "abc"[pos] for pos, pair in enumerate(order)}
        answered = screen.attempt.session.answered_count
        await pilot.press(letter[0])
        assert screen.highlight == 1
        await pilot.press(letter[1])
        assert screen.highlight == 2
        assert not screen.attempt.session.answered()  # two of three prompts matched
        assert screen.attempt.session.answered_count == answered
        await pilot.press(letter[2])
        assert screen.attempt.session.response.picked == (0, 1, 2)
        assert screen.attempt.session.answered()
        assert screen.attempt.session.answered_count == answered + 1


async def test_typing_the_letters_in_order_sets_an_ordering(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        screen = exam_screen(exam_app)
        await go_to(exam_app, pilot, "order")
        shown = screen.attempt.session.item.order  # steps as shown, lettered A, B, C
        letters = ["abc"[shown.index(step)] for step in range(3)]  # the right order
        await pilot.press(letters[0])
        assert not screen.attempt.session.answered()
        assert "Order so far" in _text(screen.query_one("#exam-notice", Static))
        await pilot.press(letters[0])  # a letter placed already is refused
        assert "placed already" in _text(screen.query_one("#exam-notice", Static))
        await pilot.press(letters[1])  # the last step follows by itself
        assert screen.attempt.session.response.picked == (0, 1, 2)
        assert screen.attempt.correct(screen.attempt.session.current)


async def test_a_click_chooses_a_choice_and_a_navigator_cell_goes_to_its_question(
    exam_app: QuizApp,
) -> None:
    async with exam_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "enter")
        screen = exam_screen(exam_app)
        await go_to(exam_app, pilot, "plain")
        item = screen.attempt.session.item
        await pilot.click("#exam-answers", offset=(12, 1))  # the second line: choice B
        assert screen.attempt.session.response.picked == (item.order[1],)
        await pilot.press("v")
        await pilot.pause()
        target = (screen.attempt.session.current + 2) % len(screen.attempt.session.items)
        await pilot.click("#exam-navigator", offset=(2 + 6 * target, 1))
        assert screen.attempt.session.current == target


async def test_a_click_on_a_match_gives_it_to_the_highlighted_prompt(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "enter")
        screen = exam_screen(exam_app)
        await go_to(exam_app, pilot, "match")
        await pilot.click("#exam-answers", offset=(10, 3))  # prompt 3 (under the hint line)
        assert screen.highlight == 2
        await pilot.click("#exam-answers", offset=(10, 5))  # the first match, A (under "Matches:")
        assert screen.attempt.session.response.picked[2] == screen.attempt.session.item.order[0]


async def test_a_row_list_can_open_a_row_on_one_click() -> None:
    from textual.app import App, ComposeResult

    from quizapp.tui.widgets.rowlist import RowList

    chosen: list[int] = []

    class Rows(App[None]):
        def compose(self) -> ComposeResult:
            yield RowList([("Name", None)], lambda r: [r], open_on_click=True)

        def on_mount(self) -> None:
            self.query_one(RowList).set_rows(["one", "two", "three"])

        def on_row_list_selected(self, event: RowList.Selected) -> None:
            chosen.append(event.index)

    async with Rows().run_test(size=(40, 10)) as pilot:
        await pilot.click(RowList, offset=(3, 2))  # under the header: the second row
        await pilot.pause()
        assert chosen == [1]


async def test_a_click_on_a_notebook_row_opens_it_in_the_detail_pane() -> None:
    from quizapp.tui.screens.notebook import NotebookScreen
    from quizapp.tui.widgets.rowlist import RowList
    from tests.tui.test_notebook import seeded_app

    app = seeded_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, NotebookScreen)
        table = screen.query_one("#nb-table", RowList)
        first = screen.detail_source
        await pilot.click("#nb-table", offset=(5, 3))  # the third row, under the header
        await pilot.pause(0.3)
        assert table.cursor == 2
        assert screen.detail_source != first
        sheet = screen._sheet(table.rows[2].key)
        assert sheet is not None and sheet.question is not None
        assert sheet.question.prompt.strip().splitlines()[0] in screen.detail_source


async def test_a_mock_exam_starts_from_its_start_screen_and_its_clock_only_then(
    exam_app: QuizApp, ticker: FakeTicker
) -> None:
    from quizapp.tui.screens.start import StartScreen

    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        start = exam_app.screen
        assert isinstance(start, StartScreen)
        title = _text(start.query_one("#start-title", Static))
        assert "6 questions · 10 minutes · pass at 700" in title
        blueprint = _text(start.query_one("#start-blueprint", Static)).split()
        assert blueprint[:3] == ["Domain", "Weight", "Questions"]
        assert blueprint[3:] == ["First", "50%", "3", "Second", "50%", "3"]
        assert not exam_app.service.unfinished()  # nothing is stored, nothing is timed
        ticker.now += 120  # reading the start screen costs no exam time
        await pilot.press("escape")
        assert isinstance(exam_app.screen, HomeScreen) and not exam_app.service.unfinished()
        await pilot.press("enter")
        ticker.now += 60
        await pilot.press("enter")
        screen = exam_screen(exam_app)
        await screen.heartbeat()
        assert screen.attempt.session.elapsed == 0
        assert screen.attempt.session.remaining() == 600
        await pilot.press("escape", "enter")  # an unfinished exam resumes: no start screen
        assert exam_screen(exam_app).attempt.id == screen.attempt.id


async def test_the_start_screen_says_what_an_adaptive_pass_repeats_and_turns_it_off(
    exam_app: QuizApp,
) -> None:
    from quizapp.tui.screens.start import StartScreen

    async with exam_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "enter")
        await go_to(exam_app, pilot, "plain")
        await pilot.press("b", "s", "y")  # a first pass with a miss
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        start = exam_app.screen
        assert isinstance(start, StartScreen)
        said = _text(start.query_one("#start-pass", Static))
        assert "Adaptive passes on" in said
        assert "Emphasises Multi (33%)." in said  # the topic missed is weak now
        await pilot.press("a")
        said = _text(start.query_one("#start-pass", Static))
        assert "Adaptive passes off" in said
        assert "Repeats" not in said and "mphasises" not in said
        assert "at random" in said
        seed = start.preview.seed
        exam_app.service.new_seed = iter(range(100, 200)).__next__  # a fresh seed differs
        await pilot.press("enter")
        attempt = exam_screen(exam_app).attempt
        assert attempt.session.seed == seed  # the questions described are the ones started
        stored = {a.id: a for a in exam_app.service.history_list()}
        assert stored[attempt.id].options.adaptive is False
        assert "Adaptive passes off" in _text(
            next(s for s in exam_app.screen_stack if isinstance(s, HomeScreen)).query_one(
                "#home-info", Static
            )
        )


async def test_a_practice_set_starts_from_the_start_screen_without_an_adaptive_switch(
    exam_app: QuizApp,
) -> None:
    from quizapp.tui.screens.start import StartScreen

    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        start = exam_app.screen
        assert isinstance(start, StartScreen)
        said = _text(start.query_one("#start-pass", Static))
        assert "fixed practice set" in said and "Adaptive" not in said
        assert "Adaptive" not in _bar(exam_app)
        await pilot.press("a")  # nothing to adapt: the set stays as it is
        assert start.adaptive and "fixed practice set" in _text(
            start.query_one("#start-pass", Static)
        )
        await pilot.press("enter")
        assert exam_screen(exam_app).attempt.session.terms.title == "TUI exam · Practice set 2"


async def test_question_mark_opens_help_over_the_modal_screens_too(exam_app: QuizApp) -> None:
    """A modal stops the app's keys: the submit question and the date prompt bind ? themselves."""
    async with exam_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "s")
        assert isinstance(exam_app.screen, ConfirmScreen)
        await pilot.press("question_mark")
        text = _help_text(exam_app)
        assert "Yes" in text and "No" in text
        await pilot.press("escape")
        assert isinstance(exam_app.screen, ConfirmScreen)  # closing the help keeps the question
        await pilot.press("n", "escape")
        assert isinstance(exam_app.screen, HomeScreen)
        await pilot.press("l")
        assert isinstance(exam_app.screen, ExamDateScreen)
        await pilot.press("question_mark")  # typed into the date box, not taken for help
        assert exam_app.screen.query_one(Input).value == "?"
        await pilot.press("escape", "enter", "enter", "a", "escape", "a", "enter")
        assert isinstance(exam_app.screen, ConflictScreen)  # adaptive changed since it began
        await pilot.press("question_mark")
        assert "Resume it" in _help_text(exam_app) and "Discard it" in _help_text(exam_app)


async def test_plan_and_pause_are_on_the_key_bar_where_there_is_room(exam_app: QuizApp) -> None:
    async with exam_app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        assert " l Plan " in _bar(exam_app)
        await pilot.press("enter", "enter")
        exam_screen(exam_app)
        assert " z Pause " in _bar(exam_app)
        await pilot.press("question_mark")  # the help keeps the whole sentence
        assert "Pause: hide the question, stop the clock" in _help_text(exam_app)
