"""The transcript's " · " lines: cut before a part that would pass 80 columns."""

from __future__ import annotations

from quizapp.transcript import WIDTH, _fit


def test_a_cut_line_ends_with_its_separator_within_80_columns() -> None:
    first, second = "a" * 40, "b" * 36  # 40 + 3 + 36 = 79 fits, but not with " ·" after it
    rows = _fit([first, second, "c"], "  ")
    assert rows == [f"{first} ·", f"  {second} · c"]
    assert all(len(r) <= WIDTH for r in rows)
    assert _fit([first, second], "  ") == [f"{first} · {second}"]  # the last part needs no " ·"
