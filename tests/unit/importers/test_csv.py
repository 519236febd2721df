"""The CSV importer: columns by name, three separators, BOM and CRLF, three answer forms."""

from __future__ import annotations

import pytest

from quizapp.core.importers.draft import ImportFormatError
from quizapp.core.importers.spreadsheet import parse_csv
from tests.unit.importers.helpers import bank, correct_texts

ROWS = [
    ["Which service is a managed relational database?", "Amazon RDS", "Amazon S3", "AWS IAM", ""],
    ["Which two are compute services?", "AWS Lambda", "Amazon S3", "Amazon EC2", ""],
    ["Which is AWS's DNS service?", "Amazon Route 53", "Amazon VPC", "", ""],
]


def _csv(sep: str, header: list[str], answers: list[str], end: str = "\n") -> str:
    lines = [sep.join(header)]
    for row, answer in zip(ROWS, answers, strict=True):
        lines.append(sep.join([*row[:4], answer, "Storage" if "S3" in row[2] else "Compute"]))
    return end.join(lines) + end


@pytest.mark.parametrize(
    ("sep", "header", "answers"),
    [
        (",", ["Question", "A", "B", "C", "Answer", "Topic"], ["A", '"A,C"', "a"]),
        (
            ";",
            ["prompt", "Option A", "Option B", "Option C", "Correct", "topic"],
            ["1", "1;3", "1"],
        ),
        (
            "\t",
            ["QUESTION", "Choice 1", "Choice 2", "Choice 3", "Correct Answer", "Topic"],
            ["Amazon RDS", "AWS Lambda|Amazon EC2", "amazon route 53"],
        ),
        (
            ",",
            ["question", "option_a", "option_b", "option_c", "answer", "topic"],
            ["A", "AC", "A"],
        ),
    ],
)
def test_separators_header_names_and_answer_forms(
    sep: str, header: list[str], answers: list[str]
) -> None:
    if sep == ";":
        answers = ["1", '"1;3"', "1"]
    file = bank(parse_csv(_csv(sep, header, answers)), fmt="csv")
    assert [correct_texts(q) for q in file.questions] == [
        ["Amazon RDS"],
        ["AWS Lambda", "Amazon EC2"],
        ["Amazon Route 53"],
    ]
    assert file.questions[1].multiple
    assert file.questions[0].topic == "Storage"


def test_a_bom_and_crlf_line_ends_are_handled() -> None:
    text = "\ufeff" + _csv(
        ",", ["Question", "A", "B", "C", "Answer", "Topic"], ["A", "A,C", "A"], "\r\n"
    )
    parsed = parse_csv(text)
    assert len(parsed.questions) == 3
    assert parsed.skipped == []


def test_optional_columns_and_quoted_cells_with_newlines() -> None:
    text = (
        "id,question,a,b,answer,explanation,domain,difficulty,reference,tags\n"
        'az-count,"Which is true of an Availability Zone?\nPick one.",One or more data centers,'
        "A Region,A,AZs are isolated locations.,Cloud Technology and Services,Medium,"
        "https://docs.aws.amazon.com/whitepapers/latest/aws-overview/global-infrastructure.html,"
        "infra global\n"
    )
    (q,) = bank(parse_csv(text), fmt="csv").questions
    assert q.id == "az-count"
    assert q.prompt == "Which is true of an Availability Zone?\nPick one."
    assert q.explanation == "AZs are isolated locations."
    assert q.domain == "Cloud Technology and Services"
    assert q.difficulty == "medium"
    assert q.references[0].url.endswith("global-infrastructure.html")
    assert q.tags == ("infra", "global")


def test_an_answer_pointing_at_an_empty_choice_is_skipped_with_its_line() -> None:
    text = (
        "question,a,b,c,answer\n"
        "Which is serverless?,AWS Lambda,Amazon EC2,,C\n"
        "Which is storage?,Amazon S3,AWS IAM,,3\n"
        "Which is a queue?,Amazon SQS,Amazon SNS,,Amazon MQ\n"
        ",empty,question,,A\n"
        "Which is DNS?,Route 53,VPC,,\n"
        "Which is a CDN?,Amazon CloudFront,Amazon RDS,,A\n"
    )
    parsed = parse_csv(text)
    assert [(s.line, s.why) for s in parsed.skipped] == [
        (2, "answer C points at an empty choice column"),
        (3, "answer 3 points at an empty choice column"),
        (4, "answer 'Amazon MQ' is not a choice letter, number or text"),
        (5, "empty question cell"),
        (6, "empty answer cell"),
    ]
    assert len(parsed.questions) == 1


def test_a_header_without_the_needed_columns_is_the_importers_error() -> None:
    with pytest.raises(ImportFormatError, match="header row"):
        parse_csv("name,price\nLambda,cheap\n")
    with pytest.raises(ImportFormatError):
        parse_csv("")
