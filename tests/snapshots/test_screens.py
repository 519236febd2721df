"""SVG snapshots of the screens (fixed library; review an SVG before updating it)."""

from __future__ import annotations

from typing import Any

from tests.tui.conftest import make_app


def test_home(snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(100, 30))


def test_banks(snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(100, 30), press=["b"])
