"""SVG snapshots of home with an exam date and of the plan screen, at 80x24."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.tui.test_plan import planned_app


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Days are counted in the local time zone: make it UTC, as the fixed clock is."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_home_with_an_exam_date(snap_compare: Any) -> None:
    assert snap_compare(planned_app(), terminal_size=(80, 24))


def test_plan_screen(snap_compare: Any) -> None:
    assert snap_compare(planned_app(), terminal_size=(80, 24), press=["l"])
