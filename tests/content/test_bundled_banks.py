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
    "clf-c02-*": 390,
    "aif-c01-*": 390,
    "dea-c01-*": 390,
}
CERTIFICATIONS = ["clf-c02", "aif-c01", "dea-c01"]  # six full mock exams of each
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


@pytest.mark.parametrize(
    ("exam_id", "times"), [*((e, 6) for e in CERTIFICATIONS), ("serverless-genai", 2)]
)
def test_every_domain_holds_several_exams_worth(exam_id: str, times: int) -> None:
    p = plan_slots(library().exams[exam_id].exam, library())
    short = [
        (d.name, d.available, times * d.slots) for d in p.domains if d.available < times * d.slots
    ]
    assert short == []


TASK_MINIMUM = {"clf-c02": 10, "dea-c01": 8, "aif-c01": 8}


@pytest.mark.parametrize("family", CERTIFICATIONS)
def test_every_question_names_one_task_statement_of_its_domain(family: str) -> None:
    exam = library().exams[family].exam
    number = {d.name: i + 1 for i, d in enumerate(exam.domains)}
    bad = []
    for bank_id, q in questions():
        if not bank_id.startswith(family):
            continue
        tasks = [t for t in q.tags if re.fullmatch(r"task-\d+\.\d+", t)]
        if len(tasks) != 1 or q.domain not in number:
            bad.append((q.id, tasks, q.domain))
        elif not tasks[0].startswith(f"task-{number[q.domain]}."):
            bad.append((q.id, tasks[0], q.domain))
    assert bad == []


# The task statements of each exam guide (../shared/EXAM_GUIDES.md, DEA_C01_GUIDE.md).
TASKS = {
    "clf-c02": ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4"]
    + [f"3.{i}" for i in range(1, 9)]
    + ["4.1", "4.2", "4.3"],
    "aif-c01": [
        *("1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4"),
        *("4.1", "4.2", "5.1", "5.2"),
    ],
    "dea-c01": [f"1.{i}" for i in range(1, 5)]
    + [f"2.{i}" for i in range(1, 5)]
    + [f"3.{i}" for i in range(1, 5)]
    + [f"4.{i}" for i in range(1, 6)],
}


@pytest.mark.parametrize("family", CERTIFICATIONS)
def test_every_task_statement_is_covered(family: str) -> None:
    counts = Counter(
        t.removeprefix("task-")
        for bank_id, q in questions()
        if bank_id.startswith(family)
        for t in q.tags
        if t.startswith("task-")
    )
    thin = {t: counts[t] for t in TASKS[family] if counts[t] < TASK_MINIMUM[family]}
    assert thin == {}
    assert set(counts) <= set(TASKS[family])


def test_dea_questions_are_multiple_choice_or_multiple_response() -> None:
    odd = [
        q.id
        for b, q in questions()
        if b.startswith("dea-c01") and (q.type != "choice" or q.scenario)
    ]
    assert odd == []


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


def test_case_study_and_ordering_and_matching_are_a_tenth_of_aif() -> None:
    aif = [q for b, q in questions() if b.startswith("aif-c01")]
    kinds = Counter(q.type for q in aif)
    assert kinds["ordering"] >= 10
    assert kinds["matching"] >= 10
    assert sum(q.scenario is not None for q in aif) >= 10
    shaped = sum(q.type != "choice" or q.scenario is not None for q in aif)
    assert shaped / len(aif) >= 0.10


# Services and plans AWS has closed to new customers, or that are ending (checked against the
# AWS pages in December 2026). A right answer naming one must say so where it is explained.
RETIRED = {
    "Amazon Kendra": "closed to new customers from 2026-07-30",
    "Amazon Q Business": "closed to new customers from 2026-07-31",
    "Q Developer": "IDE plugins: end of support 2027-04-30",
    "CloudTrail Lake": "closed to new customers from 2026-05-31",
    "AWS Data Pipeline": "closed to new customers",
    "CodeCommit": "closed to new customers",
    "Cloud9": "closed to new customers",
    "Migration Hub": "closed to new customers",
    "Titan Image Generator": "legacy, end of life 2026-06-30",
    "Snowball Edge": "closed to new customers",
    "Audit Manager": "availability change",
    "Augmented AI": "availability change",
    "A2I": "availability change",
    "SageMaker Clarify": "availability change",
    "Model Monitor": "availability change",
    "Agents Classic": "closed to new customers from 2026-07-30",
    "Developer Support": "plan ends 2027-01-01",
    "Enterprise On-Ramp": "plan ends 2027-01-01",
}
NOTE = re.compile(
    r"closed to new customers|no longer (open|available) to new customers|availability change"
    r"|end of (support|life)|discontinue|successor|ends? on (january 1, 2027|2027-01-01)|2027-01-01"
    r"|existing customers|legacy",
    re.I,
)


def test_a_right_answer_that_names_a_retired_service_says_so() -> None:
    bad = []
    for bank_id, q in questions():
        for i in q.correct:
            assert q.choices is not None
            choice = q.choices[i]
            said = " ".join((q.prompt, q.explanation or "", choice.why or ""))
            for name in RETIRED:
                if name.lower() in choice.text.lower() and not NOTE.search(said):
                    bad.append((f"{bank_id}/{q.id}", name))
    assert bad == []


FIVE_TB_OBJECT = re.compile(r"\b5 ?TB\b[^.]*\bobject|\bobject[^.]*\b5 ?TB\b", re.I)


def test_no_outdated_s3_object_limit() -> None:
    # S3 objects can be 48.8 TiB now; 5 TB may appear only as the old figure it replaced.
    bad = []
    for bank_id, q in questions():
        right = [q.choices[i].text for i in q.correct] if q.choices else []
        told = [q.prompt, *right]
        if any(FIVE_TB_OBJECT.search(t) for t in told) or (
            FIVE_TB_OBJECT.search(q.explanation or "") and "48.8" not in (q.explanation or "")
        ):
            bad.append(f"{bank_id}/{q.id}")
    assert bad == []
