"""The writer: checks, ids, topics, the header, and a bank that always loads cleanly."""

from __future__ import annotations

from quizapp.core.bank.loader import load_text
from quizapp.core.importers.draft import Draft, DraftChoice, Parsed
from quizapp.core.importers.markdown import parse_markdown
from quizapp.core.importers.provenance import imported_source
from quizapp.core.importers.writer import Options, Source, build_bank, slug
from tests.unit.importers.helpers import bank, build


def _draft(prompt: str, *choices: str, correct: tuple[int, ...] = (0,), line: int = 1) -> Draft:
    marked = [DraftChoice(c, i in correct) for i, c in enumerate(choices)]
    return Draft(line, prompt, marked)


def test_the_header_names_the_schema_and_the_source_and_the_app_can_read_it() -> None:
    built = build(Parsed([_draft("Which is a CDN?", "CloudFront", "RDS")]), name="dir/clf.md")
    assert built.text is not None
    first, second = built.text.split("\n")[:2]
    assert first == "# yaml-language-server: $schema=bank.schema.json"
    assert "clf.md" in second
    assert imported_source(built.text) == "clf.md (Markdown)"
    assert imported_source("# yaml-language-server: $schema=x\nbank:\n") is None
    loaded = load_text(built.text, "x.yaml")
    assert loaded.bank is not None
    assert loaded.bank.bank.description == "Imported from clf.md (Markdown)."


def test_ids_are_slugs_of_the_prompt_and_stay_the_same_on_a_second_import() -> None:
    text = (
        "### Which is a CDN?\n- [x] CloudFront\n- [ ] RDS\n### Which is a CDN?\n- [x] A\n- [ ] B\n"
    )
    first = [q.id for q in bank(parse_markdown(text)).questions]
    again = [q.id for q in bank(parse_markdown(text)).questions]
    assert first == again
    assert first[0].startswith("which-is-a-cdn-")
    assert first[1] == first[0] + "-2"
    assert slug("Ünïcode — and CAPS!") == "unicode-and-caps"


def test_source_ids_are_kept_and_topics_fall_back_to_the_option_then_the_title() -> None:
    with_id = _draft("Which is DNS?", "Route 53", "VPC")
    with_id.source_id = "dns-service"
    with_topic = _draft("Which is IAM for?", "Access", "Billing")
    with_topic.topic = "Security"
    parsed = Parsed([with_id, with_topic])
    file = bank(parsed, topic="Networking", domain="Cloud Technology and Services")
    assert [(q.id, q.topic, q.domain) for q in file.questions] == [
        ("dns-service", "Networking", "Cloud Technology and Services"),
        (file.questions[1].id, "Security", "Cloud Technology and Services"),
    ]
    assert bank(parsed, title="My bank").questions[0].topic == "My bank"


def test_drafts_that_cannot_be_valid_questions_are_skipped_with_their_line() -> None:
    drafts = [
        _draft("Ring the bell\x07 now?", "Yes", "No", line=3),
        _draft("Fine?", "Yes", "No", line=5),
        _draft("Huge?", "x" * 20_000, "No", line=7),
        _draft("Only one?", "Yes", line=9),
        _draft("Same twice?", "Amazon S3", "amazon s3 ", line=11),
        _draft("All right?", "Yes", "Also yes", correct=(0, 1), line=13),
        _draft("Which two? (Choose two.)", "A", "B", "C", correct=(0, 1, 2)[:1], line=15),
        _draft("Eleven?", *[f"c{i}" for i in range(11)], line=17),
        _draft("", "Yes", "No", line=19),
        _draft("Nothing right?", "Yes", "No", correct=(), line=21),
        _draft("Blank one?", "Yes", "  ", "No", line=23),
    ]
    built = build(Parsed(drafts), name="q.md")
    assert [r.format() for r in built.report] == [
        "q.md:3: skipped: control character U+0007 in the question",
        "q.md:7: skipped: a text of 20,000 characters (the limit is 10,000)",
        "q.md:9: skipped: 1 choice (a question has 2 to 10)",
        "q.md:11: skipped: choices A and B have the same text",
        "q.md:13: skipped: every choice is marked correct",
        "q.md:17: skipped: 11 choices (a question has 2 to 10)",
        "q.md:19: skipped: empty question text",
        "q.md:21: skipped: no correct choice",
        "q.md:23: skipped: choice B is empty",
        "q.md:15: skipped: question 'which-two-choose-two-"
        + built.report[-1].message.split("which-two-choose-two-")[1],
    ]
    assert "the prompt says '(Choose two.)' but 1 choice is correct" in built.report[-1].message
    assert (built.converted, built.total, built.skipped) == (1, 11, 10)
    assert built.text is not None
    assert load_text(built.text, "x.yaml").ok


def test_markup_lookalikes_and_yaml_lookalikes_stay_the_text_written() -> None:
    prompt = "Is [bold]this[/] or [@click=app.quit] :smile: a trick? key: value # not a comment"
    choices = ("No", "On", "3.10", "2024-05-17", "- dash", "'quoted'", "&anchor", "*alias", "!tag")
    (q,) = bank(Parsed([_draft(prompt, *choices)])).questions
    assert q.prompt == prompt
    assert q.choices is not None
    assert tuple(c.text for c in q.choices) == choices


def test_multi_line_text_is_written_as_a_literal_block() -> None:
    built = build(Parsed([_draft("Line one\n\n```\ncode: here\n```", "Yes", "No")]))
    assert built.text is not None
    assert "prompt: |" in built.text
    (q,) = bank(Parsed([_draft("Line one\n\n```\ncode: here\n```", "Yes", "No")])).questions
    assert q.prompt == "Line one\n\n```\ncode: here\n```"


def test_nothing_convertible_writes_nothing() -> None:
    built = build(Parsed([_draft("Only one?", "Yes")]))
    assert built.text is None
    assert built.converted == 0


def test_several_sources_make_one_bank_with_each_skip_named_by_its_file() -> None:
    one = Source("one.md", Parsed([_draft("First?", "Yes", "No")]))
    two = Source("two.md", Parsed([_draft("Second?", "Yes")], []))
    built = build_bank([one, two], Options("two-files", "Two files", "markdown"))
    assert [r.format() for r in built.report] == [
        "two.md:1: skipped: 1 choice (a question has 2 to 10)"
    ]
    assert built.text is not None
    assert "from: one.md, two.md (Markdown)" in built.text
