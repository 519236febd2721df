"""Pilot tests: the chosen theme is kept across starts; a bad settings file is never trusted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizapp.tui.app import QuizApp
from tests.tui.conftest import EXAM_BANKS, make_context_for


def _app() -> QuizApp:
    return QuizApp(make_context_for(EXAM_BANKS))


def _warnings(app: QuizApp) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "warning"]


async def test_the_theme_chosen_is_there_at_the_next_start(isolated_home: Path) -> None:
    first = _app()
    async with first.run_test(size=(80, 24)) as pilot:
        assert first.theme == "textual-dark"
        first.theme = "textual-light"  # what the command palette's theme picker does
        await pilot.pause()
    saved = json.loads((isolated_home / "settings.json").read_text())
    assert saved == {"theme": "textual-light"}
    again = _app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"
        assert _warnings(again) == []


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("{not json", "settings.json is not valid JSON; using the default theme"),
        ('["textual-light"]', "settings.json does not hold settings; using the default theme"),
        (
            '{"theme": "[bold]no-such\\u001b"}',
            "unknown theme '[bold]no-such\\x1b' in {path}; using the default theme",
        ),
        ('{"theme": 7}', "unknown theme '7' in {path}; using the default theme"),
    ],
)
async def test_a_broken_settings_file_gives_the_default_and_one_warning(
    isolated_home: Path, content: str, said: str
) -> None:
    path = isolated_home / "settings.json"
    path.write_text(content)
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        (warning,) = _warnings(app)
        assert warning.endswith(said.format(path=path).removeprefix("settings.json"))
    assert path.read_text() == content  # left as it was until a theme is chosen


async def test_a_settings_folder_in_the_way_is_a_warning_not_a_crash(isolated_home: Path) -> None:
    (isolated_home / "settings.json").mkdir()
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert len(_warnings(app)) == 1
        app.theme = "textual-light"
        await pilot.pause()
        assert _warnings(app)[-1].startswith("The theme could not be saved for next time")


def _contrast(widget) -> float:  # type: ignore[no-untyped-def]
    """WCAG contrast of a widget's text on its background, as drawn."""
    style = widget.rich_style
    lum = []
    for color in (style.color, style.bgcolor):
        channels = [c / 255 for c in color.get_truecolor()]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        lum.append(0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2])
    high, low = max(lum), min(lum)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark"])
async def test_the_exam_header_and_messages_are_readable_in_light_and_dark(theme: str) -> None:
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await pilot.press("enter", "enter", "j")  # no choice J: a message under the header
        await pilot.pause()
        assert _contrast(app.screen.query_one("#exam-status")) >= 4.5
        assert _contrast(app.screen.query_one("#exam-notice")) >= 3


async def test_the_home_warning_line_takes_the_themes_warning_colour() -> None:
    from textual.widgets import Static

    from tests.tui.conftest import make_app

    app = make_app()  # its banks hold a broken file
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "textual-light"
        await pilot.pause()
        warning = app.screen.query_one("#home-warning", Static)
        assert "could not be loaded" in str(warning.content)
        colour = warning.styles.color
        assert colour.hex.lower() == app.theme_variables["text-warning"].lower()
