"""Simulated learners: do adaptive passes teach faster, and does the readiness estimate hold?

A synthetic learner answers a synthetic library through quizapp itself (the exam service,
selection, notebook, FSRS scheduler, topic mastery and readiness), one simulated day at a
time, in three arms run on the same learners with the same seeds:

- ``adaptive``: a mock exam a day; from the second on, quizapp's adaptive selection;
- ``random``: a mock exam a day with ``--no-adapt`` (blueprint-proportional random);
- ``drill``: the same number of questions a day, first the notebook entries FSRS says are due
  (``quizapp review``), the rest as a random pass;
- ``ceiling`` (not quizapp): each domain's slots to the topic the learner truly knows least,
  every question new: the bound for any selection that keeps to the blueprint.

The learner: each topic has a knowledge ``k`` (its own start, drawn per learner); a question
never studied is answered right with probability ``G + (1 - G) k`` (``G`` a guess among four
choices). Studying a question (answering it and reading the feedback) moves ``k`` a step
towards 1, a bigger one after a miss. Each studied question is also remembered: recall
``exp(-days / S)`` on top of the topic's chance, where the stability ``S`` starts at a day and
grows with each success, the more so the longer the gap (spacing); a miss shrinks it.

Assumptions: topics are independent and their knowledge is not forgotten (only questions are);
a repeated question teaches its topic as much as a new one (which favours due repeats); every
arm answers ``PER_DAY`` questions a day and is judged by the same check at each day's end.

The criterion is every topic at 80% or more on a fresh held-out mock: questions the learner
never studied, so their chance is the topic's alone. Each day the readiness estimate is set
against a freshly drawn held-out blueprint mock: its expected score (the mean chance of its
questions) and a score drawn from those chances.

Run: ``python benchmarks/learning.py [--learners N] [--days D]``.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizapp.context import AppContext, make_context
from quizapp.core.exam.options import StartOptions
from quizapp.core.exam.scale import scaled_score
from quizapp.core.exam.slots import allocate_slots
from quizapp.service.exams import ExamService
from quizapp.service.readiness import exam_readiness

START = datetime(2026, 1, 5, 8, tzinfo=UTC)
DOMAINS = {"Domain A": 30, "Domain B": 30, "Domain C": 20, "Domain D": 20}
TOPICS_PER_DOMAIN = 3
QUESTIONS_PER_TOPIC = 30
PER_DAY = 40  # one mock exam of the blueprint's length a day
CRITERION = 0.8
SCALE = (100, 1000)
PASS = 700

G = 0.25  # the chance of a guess among four choices
LEARN_MISS = 0.05  # the step towards 1 of a topic's knowledge after a miss, read up on
LEARN_RIGHT = 0.02  # ... and after a right answer
FIRST_STABILITY = 1.0  # days
GROWTH = 2.5  # a success multiplies the stability by 1 + GROWTH * (1 - recall then)
LAPSE = 0.5  # a miss multiplies it by this


def topics() -> dict[str, list[str]]:
    return {
        d: [f"{d[-1]}{t + 1}" for t in range(TOPICS_PER_DOMAIN)] for d in DOMAINS
    }  # "A1", "A2", ...


def write_library(folder: Path) -> None:
    """One bank (choice questions, the first choice right, shown in file order) and a blueprint."""
    rows = []
    for domain, names in topics().items():
        for topic in names:
            for i in range(QUESTIONS_PER_TOPIC):
                rows.append(
                    f"  - {{id: q{topic.lower()}-{i:02d}, topic: Topic {topic}, domain: {domain},"
                    f" shuffle: false, prompt: 'Question {i} of topic {topic}',"
                    " choices: [right, wrong one, wrong two, wrong three], answer: A,"
                    " explanation: x}\n"
                )
    (folder / "bank.yaml").write_text(
        "bank:\n  id: sim\n  title: Simulated\nquestions:\n" + "".join(rows)
    )
    domains = "".join(f"    - {{name: {d}, weight: {w}}}\n" for d, w in DOMAINS.items())
    (folder / "exam.yaml").write_text(
        f"exam:\n  id: sim-exam\n  title: Simulated exam\n  questions: {PER_DAY}\n"
        f"  minutes: 60\n  passing_score: {PASS}\n  score_range: [{SCALE[0]}, {SCALE[1]}]\n"
        f"  domains:\n{domains}"
    )


@dataclass
class Learner:
    """A learner's knowledge of each topic and memory of each question studied."""

    knowledge: dict[str, float]
    stability: dict[str, float] = field(default_factory=dict)
    last: dict[str, datetime] = field(default_factory=dict)

    def topic_chance(self, topic: str) -> float:
        return G + (1 - G) * self.knowledge[topic]

    def recall(self, key: str, now: datetime) -> float:
        if key not in self.last:
            return 0.0
        days = (now - self.last[key]) / timedelta(days=1)
        return math.exp(-days / self.stability[key])

    def chance(self, key: str, topic: str, now: datetime) -> float:
        return 1 - (1 - self.topic_chance(topic)) * (1 - self.recall(key, now))

    def study(self, key: str, topic: str, correct: bool, now: datetime) -> None:
        if key not in self.last:
            self.stability[key] = FIRST_STABILITY
        elif correct:
            self.stability[key] *= 1 + GROWTH * (1 - self.recall(key, now))
        else:
            self.stability[key] = max(0.5, self.stability[key] * LAPSE)
        self.last[key] = now
        step = LEARN_RIGHT if correct else LEARN_MISS
        self.knowledge[topic] += step * (1 - self.knowledge[topic])

    def ready(self) -> bool:
        return all(self.topic_chance(t) >= CRITERION for t in self.knowledge)


def new_learner(seed: int) -> Learner:
    rnd = random.Random(seed)
    names = [f"Topic {t}" for ts in topics().values() for t in ts]
    return Learner({t: rnd.uniform(0.05, 0.75) for t in names})


@dataclass
class Clock:
    now: datetime = START

    def __call__(self) -> datetime:
        return self.now


def answer_all(service: ExamService, attempt, learner: Learner, rnd: random.Random) -> int:  # type: ignore[no-untyped-def]
    """The learner answers every question, submits, and reads what each answer taught."""
    now = service.now()
    answers = []
    for i, item in enumerate(attempt.session.items):
        right = rnd.random() < learner.chance(item.key, item.topic, now)
        attempt.go(i)
        attempt.answer((0,) if right else (rnd.randrange(1, 4),))
        answers.append((item.key, item.topic, right))
    attempt.submit()
    attempt.release()
    for key, topic, right in answers:
        learner.study(key, topic, right, now)
    return len(answers)


def held_out_mock(learner: Learner, rnd: random.Random) -> tuple[float, int]:
    """A fresh blueprint mock of questions never studied: expected share right, and a draw."""
    chances = []
    for (_domain, names), slots in zip(
        topics().items(), allocate_slots(PER_DAY, list(DOMAINS.values())), strict=True
    ):
        chances += [learner.topic_chance(f"Topic {rnd.choice(names)}") for _ in range(slots)]
    drawn = sum(rnd.random() < c for c in chances)
    return sum(chances) / len(chances), drawn


@dataclass
class Run:
    questions: int | None = None  # answered until the criterion held; None: never
    days: int = 0
    checks: list[tuple[int, int, int, int, int]] = field(default_factory=list)
    # (low, expected, high, true drawn score, true expected score), all scaled


def simulate(arm: str, seed: int, library: Path, days: int) -> Run:
    learner = new_learner(seed)
    rnd = random.Random(seed * 7919 + 1)
    seeds = random.Random(seed)
    truth = random.Random(seed * 104729 + 3)
    clock = Clock()
    with tempfile.TemporaryDirectory() as data:
        ctx: AppContext = make_context(bundled=False, extra_banks=[str(library)], use_cache=False)
        ctx.data_dir = Path(data)
        ctx.clock = clock
        ctx.new_seed = lambda: seeds.randrange(2**31)
        ctx.ticker = lambda: 0.0
        service = ctx.exams
        spec = ctx.library.exams["sim-exam"].exam
        run, answered = Run(), 0
        for day in range(days):
            clock.now = START + timedelta(days=day)
            budget = PER_DAY
            if arm == "drill":
                drill = service.drill(limit=PER_DAY)
                if drill is not None:
                    budget -= answer_all(service, drill, learner, rnd)
                    answered += PER_DAY - budget
            if budget:
                options = StartOptions(
                    adaptive=arm == "adaptive", questions=budget if budget < PER_DAY else None
                )
                attempt, _ = service.start(spec, "exam", options)
                answered += answer_all(service, attempt, learner, rnd)
            run.days = day + 1
            estimate = exam_readiness(service, "sim-exam")
            if estimate is not None:
                expected, drawn = held_out_mock(learner, truth)
                run.checks.append(
                    (
                        estimate.low,
                        estimate.expected_score,
                        estimate.high,
                        scaled_score(drawn, PER_DAY, SCALE),
                        round(SCALE[0] + (SCALE[1] - SCALE[0]) * expected),
                    )
                )
            if learner.ready():
                run.questions = answered
                break
        ctx.db.close()
    return run


def ceiling(seed: int, days: int) -> Run:
    """The best any selection inside the blueprint could do, for the same learner: each
    domain's slots go, one at a time, to its topic the learner knows least (their true
    knowledge, which quizapp cannot see), and every question is new. Not quizapp: a bound."""
    learner = new_learner(seed)
    rnd = random.Random(seed * 7919 + 1)
    slots = allocate_slots(PER_DAY, list(DOMAINS.values()))
    run, answered = Run(), 0
    for day in range(days):
        now = START + timedelta(days=day)
        for names, n in zip(topics().values(), slots, strict=True):
            for _ in range(n):
                topic = min((f"Topic {t}" for t in names), key=learner.knowledge.__getitem__)
                right = rnd.random() < learner.topic_chance(topic)
                learner.study(f"new-{answered}", topic, right, now)
                answered += 1
        run.days = day + 1
        if learner.ready():
            run.questions = answered
            break
    return run


def main() -> None:
    held_ratio = off_ratio = float("nan")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=12)
    parser.add_argument("--days", type=int, default=90)
    args = parser.parse_args()
    began = time.perf_counter()
    arms = ("adaptive", "random", "drill")
    runs: dict[str, list[Run]] = {a: [] for a in (*arms, "ceiling")}
    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder)
        write_library(library)
        for seed in range(1, args.learners + 1):
            for arm in arms:
                runs[arm].append(simulate(arm, seed, library, args.days))
            runs["ceiling"].append(ceiling(seed, args.days))
    points = 9.0 * (SCALE[1] - SCALE[0]) / 900  # scaled points per percentage point
    print(
        f"{args.learners} learners, {len(DOMAINS) * TOPICS_PER_DOMAIN} topics in"
        f" {len(DOMAINS)} domains, {PER_DAY} questions a day, at most {args.days} days"
        f" ({time.perf_counter() - began:.0f} s)\n"
    )
    print(f"{'arm':<9} {'reached':>7} {'questions (mean)':>17} {'median':>7} {'days':>5}")
    means = {}
    for arm in (*arms, "ceiling"):
        done = [r.questions for r in runs[arm] if r.questions is not None]
        # A learner who never got there counts with everything answered: a floor on the cost.
        cost = [r.questions if r.questions is not None else r.days * PER_DAY for r in runs[arm]]
        means[arm] = statistics.mean(cost)
        print(
            f"{arm:<9} {len(done):>3}/{len(runs[arm]):<3} {means[arm]:>17.0f}"
            f" {statistics.median(cost):>7.0f} {statistics.mean(r.days for r in runs[arm]):>5.1f}"
        )
    paired = [
        a.questions / r.questions
        for a, r in zip(runs["adaptive"], runs["random"], strict=True)
        if a.questions and r.questions
    ]
    ratio = means["adaptive"] / means["random"]
    print(
        f"\nadaptive / random questions: {ratio:.2f} (mean of pairs"
        f" {statistics.mean(paired) if paired else float('nan'):.2f}); target <= 0.60:"
        f" {'met' if ratio <= 0.6 else 'NOT met'}"
    )
    print(f"drill / random questions: {means['drill'] / means['random']:.2f}")
    print(
        f"ceiling / random questions: {means['ceiling'] / means['random']:.2f} (the best a"
        " selection that keeps to the blueprint's domain slots could do)"
    )
    print("\nreadiness against a fresh held-out mock, every day an estimate existed:")
    print(
        f"{'arm':<9} {'checks':>6} {'held':>6} {'|centre - drawn|':>17}"
        f" {'|centre - expected|':>20} {'centre - expected':>18}"
    )
    for arm in arms:
        checks = [c for r in runs[arm] for c in r.checks]
        held = statistics.mean(lo <= drawn <= hi for lo, _, hi, drawn, _ in checks)
        off_drawn = statistics.mean(abs(mid - drawn) for _, mid, _, drawn, _ in checks) / points
        off_mean = statistics.mean(abs(mid - exp) for _, mid, _, _, exp in checks) / points
        bias = statistics.mean(mid - exp for _, mid, _, _, exp in checks) / points
        print(
            f"{arm:<9} {len(checks):>6} {held:>6.0%} {off_drawn:>14.1f} pp"
            f" {off_mean:>17.1f} pp {bias:>+15.1f} pp"
        )
        if arm == "adaptive":
            held_ratio, off_ratio = held / 0.8, off_mean / 5
    print(
        f"\nadaptive arm: interval held / 80% target: {held_ratio:.2f} (>= 1 meets it);"
        f" |centre - expected| / 5 points: {off_ratio:.2f} (<= 1 meets it)"
    )
    print(
        "A drawn score adds the held-out mock's own luck (about 6.8 points of spread for"
        f" {PER_DAY} questions at 75%): no estimate can get within 5 points of it on average."
    )


if __name__ == "__main__":
    main()
