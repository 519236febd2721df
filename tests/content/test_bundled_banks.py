"""Quality rules of the bundled banks that a machine can check (accuracy is checked by people)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from urllib.parse import urlparse

import pytest

from quizapp.core.bank.library import Library, load_library
from quizapp.core.bank.models import BankFile, Question
from quizapp.core.exam.slots import plan_slots
from quizapp.paths import bundled_banks

MINIMUM = {
    "aws-lambda": 45,
    "amazon-bedrock": 45,
    "amazon-dynamodb": 45,
    "serverless-tradeoffs": 35,
    "vector-search-rag": 30,
    "clf-c02-*": 200,
    "aif-c01-*": 130,
}
REFERENCE_HOSTS = {"docs.aws.amazon.com", "aws.amazon.com", "www.postgresql.org"}
# Outside AWS, only the project's own documentation, and the site where the laws of
# The Frugal Architect are published (no AWS page states them).
REFERENCE_PREFIXES = ("https://github.com/pgvector/pgvector", "https://www.thefrugalarchitect.com/")
# Values that old study material gets wrong (../EXAM_GUIDES.md): never a correct answer.
OUTDATED = [
    r"3,?008 MB",
    r"\b25 (actions|items)\b",
    r"\bfive pillars\b",
    r"\b5 pillars\b",
    r"\bseven perspectives\b",
    r"\b256 KB\b.*async",
    r"\b100[- ]ms (billing|increments)\b",
]


@cache
def library() -> Library:
    """The bundled banks alone, loaded at the first test that needs them (no user folders,
    no environment, no cache)."""
    return load_library([bundled_banks()])


def banks() -> list[BankFile]:
    return [b.file for b in library().banks.values()]


def questions() -> list[tuple[str, Question]]:
    return [(b.bank.id, q) for b in banks() for q in b.questions]


# Bank ids are their file names: listing the files keeps collection free of loading.
BANK_IDS = sorted(p.stem for p in bundled_banks().glob("*.yaml"))


def test_every_bundled_bank_is_named_for_its_id() -> None:
    assert sorted(library().banks) == BANK_IDS


def test_the_bundled_library_loads_without_problems() -> None:
    assert [p.format() for p in library().problems] == []


@pytest.mark.parametrize(("pattern", "minimum"), MINIMUM.items())
def test_bank_sizes(pattern: str, minimum: int) -> None:
    prefix = pattern.rstrip("*")
    total = sum(
        len(b.questions)
        for b in banks()
        if (b.bank.id.startswith(prefix) if pattern.endswith("*") else b.bank.id == pattern)
    )
    assert total >= minimum


@pytest.mark.parametrize("exam_id", ["clf-c02", "aif-c01", "serverless-genai"])
def test_every_domain_has_twice_what_one_exam_needs(exam_id: str) -> None:
    p = plan_slots(library().exams[exam_id].exam, library())
    short = [(d.name, d.available, 2 * d.slots) for d in p.domains if d.available < 2 * d.slots]
    assert short == []


def test_every_question_is_explained_and_referenced() -> None:
    bad = []
    for bank_id, q in questions():
        key = f"{bank_id}/{q.id}"
        if not (q.explanation or "").strip():
            bad.append((key, "no explanation"))
        if not q.references:
            bad.append((key, "no references"))
        for ref in q.references:
            parsed = urlparse(ref.url)
            allowed = parsed.hostname in REFERENCE_HOSTS or ref.url.startswith(REFERENCE_PREFIXES)
            if parsed.scheme != "https" or not allowed:
                bad.append((key, f"reference outside the documentation: {ref.url}"))
        for c in q.choices or ():
            if not (c.why or "").strip():
                bad.append((key, f"no 'why' for choice {c.text!r}"))
    assert bad == []


def test_question_shapes_follow_the_exam() -> None:
    bad = []
    for bank_id, q in questions():
        key = f"{bank_id}/{q.id}"
        if q.type != "choice":
            continue
        assert q.choices is not None
        if q.multiple and not (len(q.choices) >= 5 and 2 <= len(q.correct) <= 3):
            bad.append((key, "multiple response needs 5+ choices and 2-3 correct"))
        if not q.multiple and len(q.choices) != 4:
            bad.append((key, f"single answer with {len(q.choices)} choices"))
        texts = " ".join(c.text.lower() for c in q.choices)
        if re.search(r"\b(all|none) of the above\b|\bboth [a-d] and [a-d]\b", texts):
            bad.append((key, "all/none of the above"))
    assert bad == []


@pytest.mark.parametrize("bank_id", BANK_IDS)
def test_multiple_response_share_is_exam_like(bank_id: str) -> None:
    qs = [q for q in library().banks[bank_id].file.questions if q.type == "choice"]
    share = sum(q.multiple for q in qs) / len(qs)
    assert 0.12 <= share <= 0.25


@pytest.mark.parametrize("bank_id", BANK_IDS)
def test_the_correct_choice_is_not_usually_the_longest(bank_id: str) -> None:
    single = [
        q for q in library().banks[bank_id].file.questions if q.type == "choice" and not q.multiple
    ]
    longest = 0
    for q in single:
        assert q.choices is not None
        lengths = [len(c.text) for c in q.choices]
        if lengths[q.correct[0]] == max(lengths) and lengths.count(max(lengths)) == 1:
            longest += 1
    # Chance is 25% for four choices; a bank where the answer is usually longest teaches guessing.
    assert longest / len(single) <= 0.32


@pytest.mark.parametrize("bank_id", BANK_IDS)
def test_difficulty_is_spread(bank_id: str) -> None:
    counts = Counter(q.difficulty for q in library().banks[bank_id].file.questions)
    assert set(counts) == {"easy", "medium", "hard"}
    assert max(counts.values()) / sum(counts.values()) <= 0.6


@pytest.mark.parametrize("bank_id", BANK_IDS)
def test_topics_are_units_worth_tracking(bank_id: str) -> None:
    counts = Counter(q.topic for q in library().banks[bank_id].file.questions)
    assert min(counts.values()) >= 3, counts


def test_topics_belong_to_one_bank_family() -> None:
    owners: dict[str, set[str]] = {}
    for bank_id, q in questions():
        owners.setdefault(q.topic, set()).add(bank_id.split("-")[0])
    assert {t: o for t, o in owners.items() if len(o) > 1} == {}


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + 3]) for i in range(max(1, len(words) - 2))}


def test_no_two_prompts_are_near_duplicates() -> None:
    items = [(f"{b}/{q.id}", _shingles(q.prompt)) for b, q in questions()]
    close = []
    for i, (key_a, a) in enumerate(items):
        for key_b, b in items[i + 1 :]:
            if a and b and len(a & b) / len(a | b) >= 0.5:
                close.append((key_a, key_b))
    assert close == []


def test_no_outdated_limit_is_a_correct_answer() -> None:
    bad = []
    for bank_id, q in questions():
        for i in q.correct:
            assert q.choices is not None
            text = q.choices[i].text
            bad += [(f"{bank_id}/{q.id}", text) for p in OUTDATED if re.search(p, text, re.I)]
    assert bad == []


def test_case_study_and_ordering_and_matching_exist_for_aif() -> None:
    aif = [q for b, q in questions() if b.startswith("aif-c01")]
    kinds = Counter(q.type for q in aif)
    assert kinds["ordering"] >= 3
    assert kinds["matching"] >= 3
    assert sum(q.scenario is not None for q in aif) >= 2
