"""SVG snapshots of home with an exam date and of the plan screen, at 80x24."""

from __future__ import annotations

from typing import Any

import pytest

from tests.tui.test_plan import planned_app

pytestmark = pytest.mark.usefixtures("utc")  # days are counted in the local zone


def test_home_with_an_exam_date(snap_compare: Any) -> None:
    assert snap_compare(planned_app(), terminal_size=(80, 24))


def test_plan_screen(snap_compare: Any) -> None:
    assert snap_compare(planned_app(), terminal_size=(80, 24), press=["l"])
