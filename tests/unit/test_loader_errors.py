"""Every problem kind of SPEC §3.4, with its exact line, column and message."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.bank.loader import load_file, load_text
from tests.helpers import GOOD_BANK, bank, load_bytes


def problems(text: str) -> list[str]:
    """The problems of ``text`` as ``line:col: severity: message`` strings."""
    result = load_text(text, "b.yaml")
    return [p.format().removeprefix("b.yaml:") for p in result.problems]


def test_a_good_bank_loads_without_problems() -> None:
    result = load_text(GOOD_BANK, "b.yaml")
    assert result.problems == ()
    assert result.bank is not None
    q1, q2 = result.bank.questions
    assert q1.correct == (1,)
    assert not q1.multiple
    assert q2.correct == (0, 3)
    assert q2.multiple


def test_missing_required_key_points_at_the_question() -> None:
    text = bank(
        """\
        - id: q1
          prompt: Why?
          choices: [a, b]
          answer: A
          explanation: x
        """
    )
    assert problems(text) == ["5:5: error: question 'q1': missing required key 'topic'"]


def test_unknown_key_suggests_the_right_one() -> None:
    text = bank(
        """\
        - id: q1
          topic: T
          prompt: Why?
          choices: [a, b]
          answer: A
          explantion: x
        """
    )
    assert problems(text) == [
        "10:5: error: question 'q1': unknown key 'explantion' (did you mean 'explanation'?)"
    ]


def test_unknown_top_level_and_header_keys() -> None:
    text = "bank:\n  id: demo\n  titel: Demo\nquestions: []\n"
    assert problems(text) == [
        "2:3: error: missing required key 'title'",
        "3:3: error: unknown key 'titel' (did you mean 'title'?)",
        "4:12: error: 'questions' is empty",
    ]


def test_wrong_types_name_the_key_and_what_was_found() -> None:
    text = bank(
        """\
        - id: q1
          topic: [a, b]
          prompt: Why?
          choices: a, b
          answer: A
          shuffle: maybe
          explanation: x
        """
    )
    assert problems(text) == [
        "6:12: error: question 'q1': 'topic' must be text, not a list",
        "8:14: error: question 'q1': 'choices' must be a list, not 'a, b'",
        "10:14: error: question 'q1': 'shuffle' must be true or false, not 'maybe'",
    ]


def test_empty_prompt_and_empty_choices() -> None:
    text = bank(
        """\
        - id: q1
          topic: T
          prompt:
          choices: []
          explanation: x
        """
    )
    assert problems(text) == [
        "7:12: error: question 'q1': 'prompt' is empty",
        "8:14: error: question 'q1': 'choices' is empty",
    ]


def test_one_choice_is_too_few() -> None:
    text = bank(
        """\
        - id: q1
          topic: T
          prompt: Why?
          choices: [only]
          answer: A
          explanation: x
        """
    )
    assert problems(text) == ["8:14: error: question 'q1': 'choices' needs at least 2 entries"]


def test_duplicate_question_id_names_both_lines() -> None:
    one = "- id: same\n  topic: T\n  prompt: P\n  choices: [a, b]\n  answer: A\n  explanation: x\n"
    assert problems(bank(one + one)) == [
        "11:9: error: duplicate question id 'same' (first at line 5)"
    ]


def test_duplicate_yaml_key_names_both_lines() -> None:
    text = bank(
        """\
        - id: q1
          topic: T
          prompt: P
          prompt: Q
          choices: [a, b]
          answer: A
          explanation: x
        """
    )
    assert problems(text) == ["8:5: error: duplicate key 'prompt' (first at line 7)"]


def test_answer_letter_out_of_range() -> None:
    text = bank(
        """\
        - id: timeout-max
          topic: T
          prompt: P
          choices: [a, b, c, d]
          answer: E
          explanation: x
        """
    )
    assert problems(text) == [
        "9:13: error: question 'timeout-max': answer 'E' but there are only 4 choices"
    ]


def test_answer_that_is_not_a_letter() -> None:
    text = bank(
        """\
        - id: q1
          topic: T
          prompt: P
          choices: [a, b, c]
          answer: [A, 2]
          explanation: x
        """
    )
    assert problems(text) == [
        "9:17: error: question 'q1': answer '2' is not a choice letter (A, B, C ...)"
    ]


def test_both_answer_and_correct() -> None:
    text = bank(
        """\
        - id: q1
          topic: T
          prompt: P
          choices:
            - text: a
              correct: true
            - b
          answer: A
          explanation: x
        """
    )
    assert problems(text) == [
        "12:13: error: question 'q1': mark the correct choices with 'answer:' or "
        "'correct: true', not both"
    ]


def test_neither_answer_nor_correct() -> None:
    text = bank(
        """\
        - id: q1
          topic: T
          prompt: P
          choices: [a, b]
          explanation: x
        """
    )
    assert problems(text) == [
        "8:14: error: question 'q1': no correct choice (mark one with 'correct: true' or add "
        "'answer:')"
    ]


def test_every_choice_correct_is_an_error() -> None:
    text = bank(
        """\
        - id: q1
          topic: T
          prompt: P
          choices: [a, b]
          answer: [A, B]
          explanation: x
        """
    )
    assert problems(text) == ["8:14: error: question 'q1': every choice is marked correct"]


def test_ordering_shape_errors() -> None:
    text = bank(
        """\
        - id: o1
          topic: T
          type: ordering
          prompt: P
          steps: [one, two]
          explanation: x
        - id: o2
          topic: T
          type: ordering
          prompt: P
          choices: [a, b]
          explanation: x
        - id: o3
          topic: T
          prompt: P
          choices: [a, b]
          answer: A
          steps: [x, y, z]
          explanation: x
        """
    )
    assert problems(text) == [
        "9:12: error: question 'o1': an ordering question needs 3 to 7 steps, not 2",
        "13:11: error: question 'o2': an ordering question needs 'steps'",
        "15:14: error: question 'o2': a ordering question has no 'choices'",
        "22:12: error: question 'o3': 'steps' needs 'type: ordering'",
    ]


def test_matching_shape_errors() -> None:
    text = bank(
        """\
        - id: m1
          topic: T
          type: matching
          prompt: P
          pairs:
            - {prompt: a, match: x}
            - {prompt: b, match: x}
            - {prompt: c}
          explanation: x
        """
    )
    assert problems(text) == [
        "12:9: error: question 'm1': missing required key 'match'",
    ]
    text = text.replace("{prompt: c}", "{prompt: c, match: z}")
    assert problems(text) == [
        "11:28: error: question 'm1': pair 2 repeats the match of pair 1",
    ]


def test_unknown_scenario_suggests_a_known_one() -> None:
    header = "bank:\n  id: demo\n  title: Demo\nscenarios:\n  photo-app: A startup.\n"
    text = bank(
        """\
        - id: q1
          topic: T
          scenario: photo-ap
          prompt: P
          choices: [a, b]
          answer: A
          explanation: x
        """,
        header=header,
    )
    assert (
        problems(text)
        == [
            "9:15: error: question 'q1': unknown scenario 'photo-ap' (did you mean 'photo-app'?)",
            "5:14: warning: scenario 'photo-app' is not used",
        ][::-1]
    )


def test_unknown_difficulty() -> None:
    text = bank(
        """\
        - id: q1
          topic: T
          difficulty: extreme
          prompt: P
          choices: [a, b]
          answer: A
          explanation: x
        """
    )
    assert problems(text) == [
        "7:17: error: question 'q1': unknown difficulty 'extreme' (expected easy, medium or hard)"
    ]


def test_missing_explanation_is_a_warning_and_the_bank_still_loads() -> None:
    text = bank("- id: cold-start\n  topic: T\n  prompt: P\n  choices: [a, b]\n  answer: B\n")
    result = load_text(text, "b.yaml")
    assert [p.format() for p in result.problems] == [
        "b.yaml:5:5: warning: question 'cold-start' has no explanation"
    ]
    assert result.bank is not None


def test_problems_of_many_questions_are_all_reported_at_once() -> None:
    text = bank(
        """\
        - id: q1
          topic: T
          prompt: P
          choices: [a, b]
          answer: C
          explanation: x
        - id: q2
          topic: T
          prompt: P
          choices: [a, b]
          answer: A
          explantion: x
        - id: Bad_Id
          topic: T
          prompt: P
          choices: [a, b]
          answer: A
          explanation: x
        """
    )
    assert problems(text) == [
        "9:13: error: question 'q1': answer 'C' but there are only 2 choices",
        "16:5: error: question 'q2': unknown key 'explantion' (did you mean 'explanation'?)",
        "17:9: error: question 'Bad_Id': 'id' 'Bad_Id' may hold only lowercase letters, "
        "digits and '-'",
    ]


def test_a_file_that_is_not_yaml_at_all() -> None:
    assert problems("Just some notes about Lambda.\n") == [
        "1:1: error: the file is not a mapping: a quizapp file starts with 'bank:' or 'exam:'"
    ]
    assert problems("{{{{ nope")[0].startswith("2:1: error: YAML syntax error: did not find")


def test_an_empty_file() -> None:
    assert problems("") == [
        "1:1: error: the file is empty: a quizapp file starts with 'bank:' or 'exam:'"
    ]


def test_a_misspelt_top_level_key() -> None:
    assert problems("bnak:\n  id: x\n") == [
        "1:1: error: no 'bank:' or 'exam:' at the top of the file (did you mean 'bank'?)"
    ]


def test_a_file_that_is_not_utf8() -> None:
    result = load_bytes(b"bank:\n  id: x\n  title: \xff\n", "b.yaml")
    assert [p.format() for p in result.problems] == [
        "b.yaml:3:10: error: file is not UTF-8 text (byte 0xff); save it as UTF-8"
    ]


def test_an_alias_and_a_tag_in_a_bank() -> None:
    assert problems(GOOD_BANK.replace("title: Demo bank", "title: &t Demo bank")) == [
        "3:10: error: YAML anchors (&name) are not allowed in quizapp files"
    ]
    assert problems(GOOD_BANK.replace("title: Demo bank", "title: !!python/name:os.system x")) == [
        "3:10: error: explicit YAML tag 'tag:yaml.org,2002:python/name:os.system' is not allowed: "
        "every value is plain text"
    ]


def test_a_syntax_error_in_a_bank() -> None:
    (first,) = problems(GOOD_BANK.replace("  title: Demo bank", "  title: 'Demo bank"))
    assert first == (
        "23:1: error: YAML syntax error: found unexpected end of stream "
        "(while scanning a quoted scalar at line 3)"
    )


def test_a_file_over_20_mb(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:
        f.truncate(21 * 1024 * 1024)
    result = load_file(big, "big.yaml")
    assert [p.format() for p in result.problems] == [
        "big.yaml:1:1: error: file is 21.0 MB; the limit is 20 MB"
    ]


def test_exam_rules() -> None:
    text = (
        "exam:\n  id: e\n  title: E\n  questions: 10\n  minutes: 0\n"
        "  domains:\n    - {name: A, weight: 60}\n    - {name: A, weight: 30}\n"
    )
    assert problems(text) == [
        "5:12: error: 'minutes' must be at least 1, not '0'",
    ]
    assert problems(text.replace("minutes: 0", "minutes: 5")) == [
        "7:5: error: exam 'e': domain weights sum to 90, not 100",
        "8:14: error: exam 'e': domain 'A' is listed twice (first at line 7)",
    ]
    # Custom exams share one id and get no verdict: a blueprint may not take it.
    fine = text.replace("minutes: 0", "minutes: 5").replace("weight: 30", "weight: 40")
    assert problems(fine.replace("id: e", "id: custom")) == [
        "2:7: error: exam id 'custom' is kept for custom exams",
        "8:14: error: exam 'custom': domain 'A' is listed twice (first at line 7)",
    ]


@pytest.mark.parametrize("value", ["No", "On", "3.10", "0123", "2024-05-17", "1:30", "null"])
def test_yaml_11_lookalikes_load_as_choice_text(value: str) -> None:
    text = bank(
        f"- id: q\n  topic: T\n  prompt: P\n  choices: [{value}, x]\n  answer: A\n"
        "  explanation: e\n"
    )
    result = load_text(text, "b.yaml")
    assert result.bank is not None
    assert result.bank.questions[0].choices is not None
    assert result.bank.questions[0].choices[0].text == value


def test_a_prompt_that_asks_for_the_wrong_number_of_choices() -> None:
    text = bank(
        """\
        - id: q1
          topic: T
          prompt: Which are serverless? (Choose three.)
          choices: [Lambda, Fargate, EC2, RDS, S3]
          answer: [A, B]
          explanation: x
        """
    )
    assert problems(text) == [
        "7:13: error: question 'q1': the prompt says '(Choose three.)' but 2 choices are correct"
    ]
