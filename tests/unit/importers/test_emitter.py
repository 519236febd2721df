"""The bank YAML writer: any text without control characters comes back exactly as written."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.core.bank.loader import load_text
from quizapp.core.importers.emitter import dump

LETTERS = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff")
SPECIAL = st.sampled_from(["\n", "\n\n", "\t", " ", ": ", " #", "- ", "|", "'", '"', "\u2028"])
TEXT = st.lists(LETTERS | SPECIAL, min_size=1, max_size=40).map("".join).filter(lambda s: s.strip())


def _bank(prompt: str, choice: str, why: str) -> dict[str, object]:
    return {
        "bank": {"id": "b", "title": "T", "tags": ["imported"]},
        "questions": [
            {
                "id": "q",
                "topic": "T",
                "prompt": prompt,
                "choices": [{"text": choice, "correct": True, "why": why}, "Other choice"],
                "explanation": "E",
                "references": [],
            }
        ],
    }


@settings(max_examples=300, deadline=None)  # busy machines are slow, not wrong
@given(prompt=TEXT, choice=TEXT, why=TEXT)
def test_text_round_trips_through_the_loader_and_plain_yaml(
    prompt: str, choice: str, why: str
) -> None:
    if choice.strip().casefold() == "other choice":
        return
    text = dump(_bank(prompt, choice, why))
    loaded = load_text(text, "x.yaml")
    assert [p.format() for p in loaded.problems if p.severity == "error"] == []
    assert loaded.bank is not None
    q = loaded.bank.questions[0]
    assert q.choices is not None
    assert (q.prompt, q.choices[0].text, q.choices[0].why) == (prompt, choice, why)
    # What other YAML tools (editors, scripts) read, and what lets the importer check the data
    # it built instead of reading its own output back.
    assert yaml.safe_load(text) == _bank(prompt, choice, why)


def test_the_shape_reads_like_a_hand_written_bank() -> None:
    text = dump(_bank("Line one\n\nLine two", "Amazon S3", "Objects, not blocks."))
    assert text.splitlines()[:8] == [
        "bank:",
        "  id: b",
        "  title: T",
        "  tags:",
        "  - imported",
        "questions:",
        "- id: q",
        "  topic: T",
    ]
    assert "  prompt: |-\n    Line one\n\n    Line two\n" in text
    assert "  - text: Amazon S3\n    correct: true\n    why: Objects, not blocks.\n" in text
    assert "  references: []\n" in text
    assert 'title: "No"' in dump({"title": "No"})
