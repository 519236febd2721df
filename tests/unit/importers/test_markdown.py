"""The Markdown importer on the three dialects of public AWS practice-question files."""

from __future__ import annotations

from quizapp.core.importers.markdown import parse_markdown
from tests.unit.importers.helpers import bank, by_prompt, correct_texts

# Dialect (a): one heading per question, checkbox choices, a long intro and a contents list.
CHECKBOXES = """\
# AWS Certified Cloud Practitioner practice questions

These are practice questions written while studying. They are not exam questions.
Each question has a heading and a list of choices; the right ones are checked.

- [Compute](#compute)
- [Storage](#storage)

1. Read the question.
2. Pick the answers.

## Compute

### Which service runs code without provisioning servers?

![Lambda diagram](images/lambda.png)

- [ ] Amazon EC2
- [x] AWS Lambda
- [ ] Amazon Lightsail, a service that gives you virtual private servers
  with a fixed monthly price
- [ ] AWS Batch

<details>
<summary>Explanation</summary>

Lambda runs code on demand. See [Lambda overview](https://docs.aws.amazon.com/lambda/latest/dg/welcome.html).
</details>

### What does `aws s3 ls` list?

```sh
aws s3 ls
- [x] not a choice: inside a code block
```

- [x] Your buckets
- [ ] Your EC2 instances

## Storage

### Which two services store objects or blocks?

- [x] Amazon S3
- [ ] Amazon SQS
- [X] Amazon EBS
- [ ] Amazon SNS

### A question nobody answered

- [ ] One
- [ ] Two
"""


def test_checkbox_questions_convert_and_the_intro_is_not_a_question() -> None:
    parsed = parse_markdown(CHECKBOXES)
    assert parsed.title == "AWS Certified Cloud Practitioner practice questions"
    assert [s.line for s in parsed.skipped] == [49]
    assert parsed.skipped[0].why == "no checked choice"
    file = bank(parsed)
    assert len(file.questions) == 3
    q = by_prompt(file, "Which service runs code")
    assert correct_texts(q) == ["AWS Lambda"]
    assert q.topic == "Compute"
    assert "*(image: images/lambda.png)*" in q.prompt
    assert q.choices is not None
    assert q.choices[2].text.endswith("virtual private servers with a fixed monthly price")
    assert q.explanation is not None and "Lambda runs code on demand" in q.explanation
    assert "<summary>" not in q.explanation
    assert [(r.title, r.url) for r in q.references] == [
        ("Lambda overview", "https://docs.aws.amazon.com/lambda/latest/dg/welcome.html")
    ]


def test_code_blocks_stay_in_the_prompt_and_their_lines_are_not_choices() -> None:
    q = by_prompt(bank(parse_markdown(CHECKBOXES)), "What does `aws s3 ls` list?")
    assert "```sh\naws s3 ls\n- [x] not a choice: inside a code block\n```" in q.prompt
    assert correct_texts(q) == ["Your buckets"]


def test_two_checked_boxes_make_a_multiple_response_question() -> None:
    q = by_prompt(bank(parse_markdown(CHECKBOXES)), "Which two services")
    assert q.multiple
    assert correct_texts(q) == ["Amazon S3", "Amazon EBS"]
    assert q.topic == "Storage"


def test_without_a_section_the_topic_is_the_option_then_the_title() -> None:
    text = "# My bank\n\n### Which is a region?\n\n- [x] us-east-1\n- [ ] us-east-1a\n"
    assert bank(parse_markdown(text), topic="Global infrastructure").questions[0].topic == (
        "Global infrastructure"
    )
    assert bank(parse_markdown(text), title="My bank").questions[0].topic == "My bank"


def test_lettered_checkbox_choices_lose_their_letters() -> None:
    text = "### Pick S3\n- [x] A. Amazon S3\n- [ ] B. Amazon EC2\n"
    q = bank(parse_markdown(text)).questions[0]
    assert q.choices is not None
    assert [c.text for c in q.choices] == ["Amazon S3", "Amazon EC2"]


# Dialect (b): numbered items (every one numbered "1."), indented lettered choices, details.
NUMBERED = """\
# Data engineering practice

## Streaming

1. A team must ingest clickstream events with the least operational effort. What should it use?
    - A. Amazon Kinesis Data Firehose
    - B. Kafka on Amazon EC2
    - C. A cron job on an instance
    - D. AWS Glue crawlers

    <details markdown=1><summary markdown='span'>Answer</summary>

    Correct answer: A

    - Firehose is fully managed and delivers to S3.
    - https://docs.aws.amazon.com/firehose/latest/dev/what-is-firehose.html
    </details>

1. Which two services store data durably?
    - A. Amazon S3
    - B. AWS IAM
    - C. Amazon DynamoDB

    <details markdown=1><summary markdown='span'>Answer</summary>

    Correct answer: AC
    </details>

1. Which three are AWS Regions' properties?
    - A. Isolated from other Regions
    - B. Made of Availability Zones
    - C. Shared power with other Regions
    - D. Chosen by the customer

    <details><summary>Answer</summary>

    Correct answer: a,B, d
    </details>

1. Which is serverless?
    - A. AWS Fargate
    - B. Amazon EC2

    <details><summary>Answer</summary>

    Correct answer: E
    </details>

1. Which three help with cost?
    - A. Savings Plans
    - B. Reserved Instances
    - C. Spot Instances
    - D. Dedicated Hosts

    <details><summary>Answer</summary>

    Correct answer: bcA
    </details>
"""


def test_numbered_items_with_details_answers() -> None:
    parsed = parse_markdown(NUMBERED)
    assert [(s.line, s.why) for s in parsed.skipped] == [
        (40, "answer E names no choice (choices A-B)")
    ]
    file = bank(parsed)
    first = by_prompt(file, "A team must ingest")
    assert correct_texts(first) == ["Amazon Kinesis Data Firehose"]
    assert first.topic == "Streaming"
    assert first.explanation is not None
    assert first.explanation.startswith("- Firehose is fully managed")
    assert first.references[0].url.startswith("https://docs.aws.amazon.com/firehose/")
    assert correct_texts(by_prompt(file, "Which two")) == ["Amazon S3", "Amazon DynamoDB"]
    assert len(by_prompt(file, "Which three are").correct) == 3
    assert correct_texts(by_prompt(file, "Which three help")) == [
        "Savings Plans",
        "Reserved Instances",
        "Spot Instances",
    ]


def test_a_numbered_item_without_an_answer_line_is_skipped() -> None:
    text = "1. Which is a CDN?\n    - A. Amazon CloudFront\n    - B. Amazon RDS\n"
    parsed = parse_markdown(text)
    assert [(s.line, s.why) for s in parsed.skipped] == [(1, "no 'Correct answer:' line")]


# Dialect (c): "## Question N" headings, A) choices, the answer key at the end.
ANSWER_KEY = """\
# Mock exam 1

## Question 1
Which storage class suits data read once a year?

A) S3 Standard
B) S3 Glacier Deep Archive
C) S3 One Zone-IA

## Question 2
Which two are managed databases?

A) Amazon RDS
B) Amazon EC2
C) Amazon DynamoDB
D) Amazon EBS

## Question 3
Which is a compute service?

A) AWS Lambda
B) Amazon S3

## Answer key

1. B - Deep Archive is the cheapest class for rarely read data.
2. A, C
"""


def test_an_answer_key_at_the_end_marks_the_choices() -> None:
    parsed = parse_markdown(ANSWER_KEY)
    assert [(s.line, s.why) for s in parsed.skipped] == [(18, "no answer for question 3")]
    file = bank(parsed, title="Mock exam 1")
    first = by_prompt(file, "Which storage class")
    assert correct_texts(first) == ["S3 Glacier Deep Archive"]
    assert first.explanation == "Deep Archive is the cheapest class for rarely read data."
    assert first.topic == "Mock exam 1"
    assert correct_texts(by_prompt(file, "Which two")) == ["Amazon RDS", "Amazon DynamoDB"]


def test_text_with_no_questions_gives_nothing_and_skips_nothing() -> None:
    parsed = parse_markdown("# Notes\n\nJust prose.\n\n## More\n\n- a list\n- [link](#x)\n")
    assert parsed.questions == []
    assert parsed.skipped == []


def test_crlf_line_ends_read_the_same() -> None:
    parsed = parse_markdown(CHECKBOXES.replace("\n", "\r\n"))
    assert len(parsed.questions) == 3


def test_explanation_lines_and_bare_links_become_the_explanation_and_references() -> None:
    text = (
        "### Which service encrypts keys?\n\n- [x] AWS KMS\n- [ ] Amazon S3\n\n"
        "**Explanation:** KMS manages keys.\n"
        "Reference: https://docs.aws.amazon.com/kms/latest/developerguide/overview.html\n"
    )
    (q,) = bank(parse_markdown(text)).questions
    assert q.explanation is not None
    assert q.explanation.startswith("KMS manages keys.")
    assert [r.url for r in q.references] == [
        "https://docs.aws.amazon.com/kms/latest/developerguide/overview.html"
    ]


def test_code_blocks_hide_headings_and_only_their_own_fence_closes_them() -> None:
    text = (
        "### Which command lists buckets?\n\n"
        "~~~markdown\n```sh\n# list them\naws s3 ls\n```\n- [x] not a choice\n~~~\n\n"
        "- [x] aws s3 ls\n- [ ] aws ec2 describe-instances\n"
    )
    parsed = parse_markdown(text)
    assert parsed.title is None
    (q,) = bank(parsed).questions
    assert q.prompt.startswith("Which command lists buckets?\n\n~~~markdown\n```sh\n# list them")
    assert correct_texts(q) == ["aws s3 ls"]


def test_a_code_block_left_open_runs_to_the_end() -> None:
    text = (
        "### Which is serverless?\n\n- [x] AWS Lambda\n- [ ] Amazon EC2\n\n"
        "### Unfinished\n\n```\n- [x] in code\n- [ ] in code\n### Not a heading\n"
    )
    parsed = parse_markdown(text)
    assert [q.prompt for q in parsed.questions] == ["Which is serverless?"]
    assert parsed.skipped == []


def test_choice_lines_in_code_blocks_do_not_decide_the_dialect() -> None:
    text = (
        "### Which runs containers without servers?\n\n"
        "```yaml\nchoices:\n    - A. one\n    - B. two\n    - C. three\n```\n\n"
        "- [x] AWS Fargate\n- [ ] Amazon EC2\n"
    )
    (q,) = bank(parse_markdown(text)).questions
    assert correct_texts(q) == ["AWS Fargate"]


def test_text_without_headings_gives_nothing() -> None:
    for text in ("", "Just prose.\n", "- [x] a choice\n- [ ] with no question\n"):
        parsed = parse_markdown(text)
        assert (parsed.questions, parsed.skipped, parsed.title) == ([], [], None)


def test_a_full_width_colon_ends_an_answer_line() -> None:
    text = (
        "1. Which is a CDN?\n    - A. Amazon CloudFront\n    - B. Amazon RDS\n\n"
        "    Correct answer\uff1aA\n"
    )
    (q,) = bank(parse_markdown(text)).questions
    assert correct_texts(q) == ["Amazon CloudFront"]


def test_plain_http_links_become_references() -> None:
    text = "### Which?\n\n- [x] Yes\n- [ ] No\n\nSee http://example.com/docs for details.\n"
    (q,) = bank(parse_markdown(text)).questions
    assert [r.url for r in q.references] == ["http://example.com/docs"]
