"""The Aiken importer: one answer per question, each malformed question named by its line."""

from __future__ import annotations

from quizapp.core.importers.aiken import parse_aiken
from tests.unit.importers.helpers import bank, correct_texts

AIKEN = """\
Which AWS service delivers content from edge locations?
A. Amazon CloudFront
B. Amazon Route 53
C. AWS Direct Connect
D. Amazon VPC
ANSWER: A

Which pillar of the Well-Architected Framework covers recovering from failure?
A) Reliability
B) Cost optimization
C) Sustainability
ANSWER: A

A question that never names its answer
A. Yes
B. No

Which two are global services?
A. IAM
B. Route 53
C. EC2
ANSWER: A, B

Which is an object store?
A. Amazon S3
B. Amazon EBS
ANSWER: D

ANSWER: B

A question with no choices
ANSWER: A
"""


def test_aiken_questions_convert() -> None:
    parsed = parse_aiken(AIKEN)
    file = bank(parsed, fmt="aiken")
    assert [correct_texts(q) for q in file.questions] == [["Amazon CloudFront"], ["Reliability"]]
    assert not any(q.multiple for q in file.questions)


def test_each_malformed_question_is_named_with_its_line() -> None:
    parsed = parse_aiken(AIKEN)
    assert [(s.line, s.why) for s in parsed.skipped] == [
        (14, "question has no ANSWER line"),
        (18, "ANSWER 'A, B' names more than one choice; Aiken has one answer"),
        (24, "ANSWER D names no choice"),
        (29, "ANSWER line without a question"),
        (31, "question has no choices before its ANSWER line"),
    ]


def test_crlf_and_a_bom_read_the_same() -> None:
    parsed = parse_aiken("\ufeff" + AIKEN.replace("\n", "\r\n"))
    assert len(parsed.questions) == 2
