"""The GIFT importer: names, comments, categories, escapes, weights, matching, feedback."""

from __future__ import annotations

from quizapp.core.importers.gift import parse_gift
from tests.unit.importers.helpers import bank, correct_texts

GIFT = r"""// Practice questions for the storage domain.
$CATEGORY: $course$/top/AWS/Storage

::s3-durability::[markdown]Which durability does **S3 Standard** offer\: how many nines?{
  =11 nines#Right: 99.999999999%.
  ~4 nines#That is closer to availability.
  ~2 nines
  ####S3 Standard stores objects across at least three Availability Zones.
}

// a comment between questions
::multi compute::Which two run containers? {
  ~%50%Amazon ECS
  ~%50%Amazon EKS
  ~%-100%Amazon S3
}

::all weights::Which two are serverless? {~%100%AWS Lambda ~%100%AWS Fargate ~%-50%Amazon EC2}

::ebs-tf::An EBS volume can be attached to instances in any Region.{FALSE
#No: an EBS volume lives in one AZ.
#Right, it stays in its Availability Zone.}

::escaped::Which character starts a GIFT answer block \{ or \~?
{=The brace \{ ~The tilde \~ ~The equals sign \=}

$CATEGORY: $course$/top/AWS/Compute

::match::Match each service to what it stores. {
  =Amazon S3 -> Objects
  =Amazon EBS -> Blocks
  =Amazon EFS -> Files
}

::short match::Match. {=A -> 1 =B -> 2}

::num::How many Availability Zones does us-east-1 have?{#6}

::short::Which service is AWS's DNS?{=Route 53 =Route53}

::essay::Describe the shared responsibility model.{}

A text with no answers at all, which Moodle calls a description.

::cloze::Lambda runs for at most {1:NUMERICAL:=15} minutes.

::html::[html]<p>Which is <b>block</b> storage?</p>{=<i>Amazon EBS</i> ~Amazon S3}

Amazon S3 is a {=object ~block} storage service.
"""


def test_choice_questions_with_titles_categories_feedback_and_escapes() -> None:
    parsed = parse_gift(GIFT)
    file = bank(parsed, fmt="gift")
    by_id = {q.id: q for q in file.questions}
    q = by_id["s3-durability"]
    assert q.topic == "Storage"
    assert q.prompt == "Which durability does **S3 Standard** offer: how many nines?"
    assert correct_texts(q) == ["11 nines"]
    assert q.choices is not None
    assert q.choices[0].why == "Right: 99.999999999%."
    assert q.choices[1].why == "That is closer to availability."
    assert q.explanation == "S3 Standard stores objects across at least three Availability Zones."
    escaped = by_id["escaped"]
    assert escaped.prompt == "Which character starts a GIFT answer block { or ~?"
    assert escaped.choices is not None
    assert [c.text for c in escaped.choices] == ["The brace {", "The tilde ~", "The equals sign ="]


def test_positive_weights_are_the_correct_set_and_partial_weights_are_reported() -> None:
    parsed = parse_gift(GIFT)
    by_id = {q.id: q for q in bank(parsed, fmt="gift").questions}
    assert correct_texts(by_id["multi-compute"]) == ["Amazon ECS", "Amazon EKS"]
    assert correct_texts(by_id["all-weights"]) == ["AWS Lambda", "AWS Fargate"]
    assert [n.message for n in parsed.notes] == [
        "partial-credit weights (50%, 50%) scored all-or-nothing"
    ]
    assert parsed.notes[0].line == 12


def test_true_false_matching_html_and_missing_word() -> None:
    by_id = {q.id: q for q in bank(parse_gift(GIFT), fmt="gift").questions}
    tf = by_id["ebs-tf"]
    assert correct_texts(tf) == ["False"]
    assert tf.choices is not None
    assert tf.choices[0].why == "No: an EBS volume lives in one AZ."
    assert tf.choices[1].why == "Right, it stays in its Availability Zone."
    match = by_id["match"]
    assert match.type == "matching"
    assert match.topic == "Compute"
    assert match.pairs is not None
    assert [(p.prompt, p.match) for p in match.pairs] == [
        ("Amazon S3", "Objects"),
        ("Amazon EBS", "Blocks"),
        ("Amazon EFS", "Files"),
    ]
    html = by_id["html"]
    assert html.prompt == "Which is block storage?"
    assert correct_texts(html) == ["Amazon EBS"]
    blank = next(q for q in by_id.values() if q.prompt.startswith("Amazon S3 is a"))
    assert blank.prompt == "Amazon S3 is a _____ storage service."


def test_kinds_without_a_quizapp_form_are_skipped_with_line_and_kind() -> None:
    skipped = [(s.line, s.why) for s in parse_gift(GIFT).skipped]
    assert skipped == [
        (35, "matching question with 2 pairs (3 to 7 fit)"),
        (37, "numerical question"),
        (39, "short-answer question"),
        (41, "essay question"),
        (43, "description (no answers)"),
        (45, "embedded-answer (Cloze) question"),
    ]
