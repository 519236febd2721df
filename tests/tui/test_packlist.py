"""Names packed into a few lines: whole names, the rest counted, two lists sharing the room."""

from __future__ import annotations

from rich.cells import cell_len

from quizapp.tui.packlist import pack, pack_two

NAMES = [f"Topic number {i} ({i % 5 + 1})" for i in range(30)]


def test_names_fill_the_lines_whole_and_the_rest_are_counted() -> None:
    lines = pack("Topics missed:", NAMES, 78, 2)
    assert lines == [
        "Topics missed: Topic number 0 (1), Topic number 1 (2), Topic number 2 (3),",
        "  Topic number 3 (4), Topic number 4 (5), Topic number 5 (1) and 24 more",
    ]
    assert pack("Topics missed:", NAMES[:2], 78, 2) == [
        "Topics missed: Topic number 0 (1), Topic number 1 (2)"
    ]


def test_only_a_name_wider_than_a_line_is_cut_and_the_count_stays() -> None:
    wide = ["A" * 200, "B"]
    assert pack("Topics missed:", wide, 40, 1) == ["Topics missed: " + "A" * 13 + "… and 1 more"]
    two = pack("Topics missed:", wide, 40, 2)
    assert two == ["Topics missed: " + "A" * 23 + "…,", "  B"]
    korean = pack("Mastery now:", ["한국어 주제 " * 6, "y 2%"], 30, 2)
    assert all(cell_len(line) <= 30 for line in korean) and korean[-1] == "  y 2%"


def test_two_lists_share_the_room_and_the_second_takes_a_third() -> None:
    both = pack_two(("Missed:", NAMES), ("Mastery:", NAMES), 78, 3)
    assert len(both) == 3 and both[1].startswith("  ") and both[2].startswith("Mastery:")
    short = pack_two(("Missed:", NAMES[:1]), ("Mastery:", NAMES), 78, 3)
    assert short[0] == "Missed: Topic number 0 (1)" and len(short) == 2
    alone = pack_two(("Missed:", []), ("Mastery:", NAMES), 78, 3)
    assert len(alone) == 1 and alone[0].startswith("Mastery: ")  # the list below keeps its room
    taller = pack_two(("Missed:", NAMES), ("Mastery:", NAMES), 78, 9)
    assert [line[0] for line in taller].count("M") == 2 and len(taller) == 9
    assert taller[6].startswith("Mastery:")  # six lines and three
