"""The attempt service with a fixed clock and seed: each rule where an attempt meets it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.core.bank.library import load_library
from quizapp.core.exam.options import StartOptions
from quizapp.core.exam.session import SessionError
from quizapp.core.study import notebook, scheduler
from quizapp.service.attempt import Attempt
from quizapp.service.exams import ExamService
from quizapp.service.owners import AttemptInUseError
from quizapp.storage.attempts import AttemptStore
from quizapp.storage.database import connect
from quizapp.storage.study import StudyStore

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@dataclass
class Clock:
    """Wall clock and monotonic ticker, moved by hand."""

    now: datetime = START
    mono: float = 100.0

    def wall(self) -> datetime:
        return self.now

    def tick(self) -> float:
        return self.mono

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
        self.mono += seconds


def _bank(n: int = 6) -> str:
    rows = "".join(
        f"  - {{id: q{i}, topic: Topic {i % 2}, domain: D, prompt: Question {i},"
        f" choices: [w{i}, r{i}, x{i}, y{i}], answer: B, shuffle: false, explanation: x}}\n"
        for i in range(n)
    )
    multi = (
        "  - {id: two, topic: Topic 0, domain: D, prompt: Pick two, choices: [a, b, c, d, e],"
        " answer: [A, C], shuffle: false, explanation: x}\n"
    )
    return f"bank:\n  id: b\n  title: B\nquestions:\n{rows}{multi}"


EXAM = (
    "exam:\n  id: ex\n  title: Ex\n  questions: 4\n  minutes: 10\n"
    "  domains:\n    - {name: D, weight: 100}\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "b.yaml").write_text(_bank())
    (tmp_path / "e.yaml").write_text(EXAM)
    return tmp_path


@pytest.fixture
def clock() -> Clock:
    return Clock()


def make_service(folder: Path, clock: Clock, conn: object | None = None) -> ExamService:
    db = conn if conn is not None else connect(":memory:")
    library = load_library([folder])
    seeds = iter(range(1, 1000))
    return ExamService(
        AttemptStore(db, clock.wall),  # type: ignore[arg-type]
        StudyStore(db),  # type: ignore[arg-type]
        library,
        now=clock.wall,
        new_seed=lambda: next(seeds),
        ticker=clock.tick,
    )


@pytest.fixture
def service(folder: Path, clock: Clock) -> ExamService:
    return make_service(folder, clock)


def spec(service: ExamService, exam_id: str = "ex"):  # type: ignore[no-untyped-def]
    return service.library.exams[exam_id].exam


def _pick(attempt: Attempt, right: bool) -> None:
    """Answer the current question right or wrong (display order is the file order)."""
    item = attempt.session.item
    if item.needs > 1:
        attempt.answer((0, 2) if right else (0, 1))
    else:
        attempt.answer((1,) if right else (0,))


def _start(service: ExamService, mode: str = "practice", **options: object) -> Attempt:
    opened = service.open(spec(service), mode, StartOptions(**options))  # type: ignore[arg-type]
    assert opened.attempt is not None
    return opened.attempt


def test_unsure_pressed_after_checking_enters_the_notebook_rated_hard(
    service: ExamService,
) -> None:
    a = _start(service)
    _pick(a, right=True)
    a.check()
    a.unsure()  # after reading the feedback
    key = a.session.item.key
    assert service.study.entry(key) is None  # counted when the user moves on, not before
    a.go(1)
    entry = service.study.entry(key)
    assert entry is not None
    assert entry.unsure_only
    logs = service.attempts.conn.execute(
        "SELECT log FROM review_logs WHERE question_key = ?", (key,)
    ).fetchall()
    assert [json.loads(row[0])["rating"] for row in logs] == [2]  # fsrs Rating.Hard
    a.go(0)
    with pytest.raises(SessionError, match="counted already"):
        a.unsure()


def test_each_answer_counts_for_study_exactly_once(service: ExamService) -> None:
    a = _start(service)
    _pick(a, right=False)
    a.check()
    key = a.session.item.key
    for _ in range(3):
        a.go(1)
        a.go(0)
    a.leave()
    resumed = service.resume(a.session.attempt_id or 0)
    assert resumed is not None
    resumed.submit()
    entry = service.study.entry(key)
    assert entry is not None
    assert entry.times_missed == 1
    count = service.attempts.conn.execute(
        "SELECT COUNT(*) FROM review_logs WHERE question_key = ?", (key,)
    ).fetchone()[0]
    assert count == 1


def test_an_exam_counts_its_answers_at_the_end_and_enter_does_not_lock_them(
    service: ExamService,
) -> None:
    a = _start(service, "exam")
    _pick(a, right=False)
    with pytest.raises(SessionError):
        a.check()  # exam mode has no check: the answer stays open
    _pick(a, right=True)
    key = a.session.item.key
    a.go(1)
    assert service.study.topics() == []
    a.submit()
    assert a.session.status == "submitted"
    assert service.study.entry(key) is None  # right in the end
    assert sum(t.answered for t in service.study.topics()) == 1


def test_choose_two_needs_exactly_two(service: ExamService) -> None:
    a = _start(service, questions=7)
    keys = [it.key for it in a.session.items]
    assert len(keys) == 7  # --questions reached the selection: the whole bank
    a.go(keys.index("b/two"))
    a.choose(0)
    assert not a.session.answered()
    assert a.session.answered_count == 0
    with pytest.raises(SessionError, match="pick 2 choices"):
        a.check()
    a.choose(2)
    assert a.session.answered()
    a.check()
    assert a.correct(a.session.current)


@pytest.mark.parametrize("mode", ["exam", "practice"])
def test_an_incomplete_answer_at_the_end_is_a_miss_with_its_pick(
    service: ExamService, mode: str
) -> None:
    a = _start(service, mode, questions=7)
    keys = [it.key for it in a.session.items]
    a.go(keys.index("b/two"))
    a.choose(0)  # one of "Choose two"
    assert a.session.incomplete(a.session.current)
    assert a.session.incomplete_count == 1 and a.session.answered_count == 0
    a.leave()
    assert service.study.entry("b/two") is None  # not while the attempt is open
    resumed = service.resume(a.id)
    assert resumed is not None
    resumed.submit()
    entry = service.study.entry("b/two")
    assert entry is not None
    assert [m.picked for m in entry.misses] == [(0,)]
    assert entry.due is not None  # scheduled like any miss
    assert sum(t.answered for t in service.study.topics()) == 1  # only it: the rest are blank
    assert resumed.noted() == 1
    assert resumed.session.answered_count == 0  # still not an answer for the tallies


def test_an_abandoned_incomplete_answer_teaches_nothing(service: ExamService) -> None:
    a = _start(service, "exam", questions=7)
    a.go([it.key for it in a.session.items].index("b/two"))
    a.choose(0)
    a.abandon()
    assert service.study.entry("b/two") is None
    assert service.study.topics() == []


def test_time_running_out_ends_the_exam_and_applies_study(
    service: ExamService, clock: Clock
) -> None:
    a = _start(service, "exam")
    _pick(a, right=False)
    clock.advance(9 * 60)
    a.heartbeat()
    assert a.session.status == "in_progress"
    clock.advance(61)
    a.heartbeat()
    assert a.session.status == "expired"
    assert a.session.elapsed == 600
    assert service.study.entry(a.session.items[0].key) is not None


def test_a_retry_holds_only_the_misses_and_never_takes_the_practice_slot(
    service: ExamService,
) -> None:
    a = _start(service, "exam")
    _pick(a, right=True)
    a.go(1)
    _pick(a, right=False)  # 2 and 3 unanswered: missed as well
    a.submit()
    missed = {a.session.items[i].key for i in (1, 2, 3)}
    retry = service.retry(a)
    assert retry is not None
    assert retry.session.mode == "retry"
    assert {it.key for it in retry.session.items} == missed
    assert retry.session.terms.minutes is None
    summary = service.unfinished()[0]
    assert (summary.mode, summary.parent_id) == ("retry", a.session.attempt_id)
    practice = _start(service, "practice")
    assert practice.session.attempt_id != retry.session.attempt_id
    assert practice.session.mode == "practice"


def test_unfinished_attempts_resume_with_their_options_unless_others_are_given(
    service: ExamService, clock: Clock
) -> None:
    first = _start(service, "exam", minutes=5, questions=3, seed=11)
    _pick(first, right=True)
    clock.advance(30)
    first.leave()
    same = service.open(spec(service), "exam", StartOptions())
    assert same.resumed
    assert same.attempt is not None
    assert same.attempt.session.attempt_id == first.session.attempt_id
    assert same.attempt.session.remaining() == 270
    same.attempt.leave()  # one window at a time: the next open resumes it again
    given = service.open(spec(service), "exam", StartOptions(minutes=5, seed=11))
    assert given.resumed
    assert given.attempt is not None
    given.attempt.leave()
    clash = service.open(spec(service), "exam", StartOptions(minutes=7, adaptive=False))
    assert clash.attempt is None
    assert clash.differences == ["--minutes", "--no-adapt"]
    assert service.open(spec(service), "exam", StartOptions(seed=12)).differences == ["--seed"]
    assert service.open(spec(service), "exam", StartOptions(questions=4)).differences == [
        "--questions"
    ]
    again = service.open(spec(service), "exam", StartOptions(minutes=7), restart=True)
    assert again.attempt is not None
    assert again.attempt.session.terms.minutes == 7
    old = next(s for s in service.history_list() if s.id == first.session.attempt_id)
    assert (old.status, old.answered) == ("abandoned", 1)


def test_no_adapt_gives_a_plain_random_pass(folder: Path, clock: Clock) -> None:
    (folder / "b.yaml").write_text(_bank(40))
    service = make_service(folder, clock)
    first = _start(service, "exam", seed=5)
    for i in range(4):
        first.go(i)
        _pick(first, right=False)
    first.submit()
    missed = {it.key for it in first.session.items}
    clock.advance(3 * 86400)  # the misses are due again
    adaptive = service.start(spec(service), "exam", StartOptions(seed=9))
    plain = service.start(spec(service), "exam", StartOptions(seed=9, adaptive=False))
    assert {it.key for it in adaptive[0].session.items} == missed
    assert adaptive[1][0].startswith("Repeats 4 questions you missed")
    assert {it.key for it in plain[0].session.items} != missed
    assert plain[1] == []


def test_a_question_changed_mid_attempt_scores_wrong_and_teaches_nothing(
    folder: Path, clock: Clock
) -> None:
    service = make_service(folder, clock)
    a = _start(service, "exam")
    a.answer((2,))  # C: wrong as the question read when it was shown...
    key = a.session.item.key
    assert not a.correct(0)
    # ...and the author then makes C the answer: the pick was still not right.
    text = (folder / "b.yaml").read_text().replace("answer: B, shuffle", "answer: C, shuffle")
    (folder / "b.yaml").write_text(text)
    a.library = load_library([folder])  # the bank was edited while the exam was open
    assert a.changed(0)
    a.submit()
    assert a.result().marks[0] is False
    assert service.study.entry(key) is None
    assert service.study.topics() == []


def test_an_entry_answered_right_in_its_new_version_is_no_longer_changed() -> None:
    key = "b/q0"
    entry, _ = notebook.record(
        None, key=key, topic="T", fingerprint="old", correct=False, unsure=False,
        picked=(0,), now=START,
    ) or (None, None)  # fmt: skip
    assert entry is not None
    assert entry.changed("new")
    later, _ = notebook.record(
        entry, key=key, topic="T", fingerprint="new", correct=True, unsure=False,
        picked=(1,), now=START + timedelta(days=1),
    ) or (None, None)  # fmt: skip
    assert later is not None
    assert not later.changed("new")


@pytest.mark.parametrize(("days", "mastered"), [(21, True), (20, False)])
def test_an_interval_of_21_days_masters_an_entry(
    monkeypatch: pytest.MonkeyPatch, days: int, mastered: bool
) -> None:
    def review(
        card: str | None, correct: bool, unsure: bool, now: datetime, **_: object
    ) -> scheduler.Review:
        return scheduler.Review("{}", now + timedelta(days=days), timedelta(days=days), "{}")

    monkeypatch.setattr(notebook, "review", review)
    entry = notebook.Entry("b/q0", "b", "T", "f", card="{}")
    step = notebook.record(
        entry, key="b/q0", topic="T", fingerprint="f", correct=True, unsure=False,
        picked=(1,), now=START,
    )  # fmt: skip
    assert step is not None
    assert (step[0].status == "mastered") is mastered


def _miss(service: ExamService, clock: Clock, keys: list[str]) -> None:
    """Miss each of ``keys`` once, a minute apart (the first is the longest overdue)."""
    for key in keys:
        entry, log = notebook.record(
            None, key=key, topic="Topic 0", fingerprint="f", correct=False, unsure=False,
            picked=(0,), now=clock.now,
        ) or (None, None)  # fmt: skip
        assert entry is not None
        service.study.save(entry, new_miss=True, log=log, at=clock.now)
        clock.advance(60)


def test_a_drill_takes_the_longest_overdue_first_and_resumes(
    service: ExamService, clock: Clock
) -> None:
    _miss(service, clock, ["b/q3", "b/q1", "b/q2"])
    clock.advance(2 * 86400)
    drill = service.drill(limit=2)
    assert drill is not None
    assert [it.key for it in drill.session.items] == ["b/q3", "b/q1"]
    drill.leave()
    again = service.drill()
    assert again is not None
    assert again.session.attempt_id == drill.session.attempt_id
    assert len(service.unfinished()) == 1


def test_the_drill_limit_counts_only_questions_it_can_show(
    service: ExamService, clock: Clock
) -> None:
    _miss(service, clock, ["gone/x1", "gone/x2", "b/q4"])
    clock.advance(2 * 86400)
    drill = service.drill(limit=1)
    assert drill is not None
    assert [it.key for it in drill.session.items] == ["b/q4"]


def test_the_resume_command_names_the_mode(service: ExamService, clock: Clock) -> None:
    practice = _start(service, "practice")
    assert service.resume_command(practice.session, plain=True) == (
        "quizapp exam ex --practice --plain"
    )
    exam = _start(service, "exam")
    assert service.resume_command(exam.session, plain=False) == "quizapp exam ex"
    _miss(service, clock, ["b/q1"])
    clock.advance(2 * 86400)
    drill = service.drill()
    assert drill is not None
    assert service.resume_command(drill.session, plain=True) == "quizapp review --plain"


def test_an_attempt_has_one_owner_until_it_is_left(service: ExamService) -> None:
    first = _start(service, "exam")
    with pytest.raises(AttemptInUseError, match=r"open in another quizapp window \(pid \d+\)"):
        service.open(spec(service), "exam", StartOptions())
    with pytest.raises(AttemptInUseError):
        service.open(spec(service), "exam", StartOptions(), restart=True)  # nor taken from it
    first.leave()
    again = service.open(spec(service), "exam", StartOptions())
    assert again.resumed


def _copy(service: ExamService, attempt: Attempt) -> Attempt:
    """A second copy of a stored attempt, as a stale window would hold it (no owner asked)."""
    stored = service.attempts.load(attempt.id)
    assert stored is not None
    return Attempt(
        stored,
        service.attempts,
        service.study,
        service.library,
        now=service.now,
        ticker=service.ticker,
    )


def test_a_double_submit_keeps_the_first_and_counts_for_study_once(service: ExamService) -> None:
    a = _start(service, "exam")
    stale = _copy(service, a)
    _pick(stale, right=True)  # saved while both copies were open; the first overwrites it
    for pos in range(len(a.session.items)):
        a.go(pos)
        _pick(a, right=False)
    a.submit()
    stale.submit()
    assert stale.session.status == "submitted"
    assert stale.result().correct == 0  # the stored result, not the stale copy's
    (summary,) = service.history_list()
    assert (summary.answered, summary.correct) == (len(a.session.items), 0)
    assert sum(t.answered for t in service.study.topics()) == len(a.session.items)
    logs = service.attempts.conn.execute("SELECT COUNT(*) FROM review_logs").fetchone()[0]
    assert logs == len(a.session.items)


def test_a_stale_copy_cannot_change_a_finished_attempt(service: ExamService) -> None:
    a = _start(service, "exam")
    stale = _copy(service, a)
    _pick(a, right=False)
    a.submit()
    stale.go(1)  # a progress write
    (summary,) = service.history_list()
    assert summary.status == "submitted"
    _pick(stale, right=True)  # an answer write: the copy takes up the stored end instead
    assert stale.session.status == "submitted"
    (summary,) = service.history_list()
    assert (summary.status, summary.answered, summary.correct) == ("submitted", 1, 0)


def test_a_checked_answer_left_in_two_copies_counts_once(service: ExamService) -> None:
    a = _start(service)
    stale = _copy(service, a)
    _pick(a, right=False)
    a.check()
    key = a.session.item.key
    a.go(1)  # counted now
    _pick(stale, right=False)
    stale.check()
    stale.go(1)  # the stored flag says it counted already
    entry = service.study.entry(key)
    assert entry is not None
    assert entry.times_missed == 1
    assert sum(t.answered for t in service.study.topics()) == 1


def test_paused_time_never_counts_even_when_the_app_closes_while_paused(
    service: ExamService, clock: Clock
) -> None:
    a = _start(service, "exam")
    clock.advance(60)
    a.pause()
    assert service.attempts.load(a.id).elapsed == 60  # type: ignore[union-attr]
    clock.advance(9 * 60)  # longer than the time left: a pause never runs out the clock
    a.heartbeat()
    assert a.session.status == "in_progress" and a.session.elapsed == 60
    a.go_on()
    clock.advance(30)
    a.heartbeat()
    assert a.session.elapsed == 90
    a.pause()
    clock.advance(3600)
    a.leave()  # closed while paused
    resumed = service.resume(a.id)
    assert resumed is not None and resumed.session.elapsed == 90
    assert not resumed.paused
    clock.advance(10)
    resumed.heartbeat()
    assert resumed.session.elapsed == 100  # a resumed attempt's clock runs again
    resumed.pause()
    clock.advance(500)
    resumed.go_on()  # straight after the pause, with no heartbeat in between
    clock.advance(5)
    resumed.heartbeat()
    assert resumed.session.elapsed == 105
