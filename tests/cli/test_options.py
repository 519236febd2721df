"""Every SPEC §2 exam and review option, observed in what a subprocess prints."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.cli.conftest import Run

LATER = "2026-12-10T09:00:00Z"  # misses made "now" are due again by then


def _bank(n: int = 30) -> str:
    rows = "".join(
        f"  - {{id: q{i:02d}, topic: Topic {i % 3}, domain: {'AB'[i % 2]}, shuffle: false,"
        f" prompt: 'Prompt number {i:02d}', choices: [wrong, right, other, more], answer: B,"
        " explanation: x}\n"
        for i in range(n)
    )
    return f"bank:\n  id: opt\n  title: Opt\nquestions:\n{rows}"


EXAM = (
    "exam:\n  id: opt-exam\n  title: Options exam\n  questions: 6\n  minutes: 30\n  sets: 3\n"
    "  domains:\n    - {name: A, weight: 50}\n    - {name: B, weight: 50}\n"
)


def _args(tmp_path: Path) -> list[str]:
    folder = tmp_path / "banks"
    folder.mkdir(exist_ok=True)
    (folder / "opt.yaml").write_text(_bank())
    (folder / "exam.yaml").write_text(EXAM)
    return ["--no-bundled", "--banks", str(folder)]


def _prompts(out: str) -> list[str]:
    return re.findall(r"^Prompt number (\d\d)$", out, flags=re.M)


def test_the_same_seed_gives_the_same_questions(run: Run, tmp_path: Path) -> None:
    args = _args(tmp_path)
    homes = [tmp_path / "h1", tmp_path / "h2", tmp_path / "h3"]
    outs = [
        run(*args, "exam", "opt-exam", "--plain", "--seed", seed, env={"QUIZAPP_HOME": str(h)})
        for h, seed in zip(homes, ["3", "3", "4"], strict=True)
    ]
    # End of input at once: only the first question is shown, so compare whole exams by JSON.
    firsts = [_prompts(o.stdout) for o in outs]
    assert firsts[0] == firsts[1]
    stats = [
        run(*args, "exam", "opt-exam", "--plain", stdin="\n" * 12, env={"QUIZAPP_HOME": str(h)})
        for h in homes
    ]
    orders = [_prompts(s.stdout) for s in stats]
    assert len(orders[0]) == 6
    assert orders[0] == orders[1]
    assert orders[0] != orders[2]


def test_questions_and_minutes_shape_the_exam_and_survive_a_resume(
    run: Run, tmp_path: Path
) -> None:
    args = _args(tmp_path)
    out = run(*args, "exam", "opt-exam", "--plain", "--questions", "3", "--minutes", "5")
    assert "Options exam · exam · 3 questions · 5 minutes" in out.stdout
    assert re.search(r"^Question 1 of 3 · Topic \d · [45]:\d\d left$", out.stdout, re.M)
    assert "Saved: 0 of 3 answered. Resume with: quizapp exam opt-exam --plain" in out.stdout
    again = run(*args, "exam", "opt-exam", "--plain")
    assert re.search(
        r"^Resuming Options exam: 0 of 3 answered, [45]:\d\d left$", again.stdout, re.M
    )
    assert "Question 1 of 3 " in again.stdout


def test_other_options_on_an_unfinished_exam_need_restart(run: Run, tmp_path: Path) -> None:
    args = _args(tmp_path)
    run(*args, "exam", "opt-exam", "--plain", "--minutes", "5", stdin="b\n")
    clash = run(*args, "exam", "opt-exam", "--plain", "--minutes", "7")
    assert clash.returncode == 2
    assert clash.stdout == ""
    assert len(clash.stderr.splitlines()) == 1
    assert "(1 of 6 answered)" in clash.stderr
    assert "(--minutes)" in clash.stderr
    assert "--restart" in clash.stderr
    fresh = run(*args, "exam", "opt-exam", "--plain", "--minutes", "7", "--restart")
    assert fresh.returncode == 0
    assert "Options exam · exam · 6 questions · 7 minutes" in fresh.stdout
    stats = run(*args, "stats")
    assert re.search(r"#1 +opt-exam +exam +abandoned +1/6 ", stats.stdout)
    assert re.search(r"#2 +opt-exam +exam +in progress +0/6 ", stats.stdout)


def test_a_second_pass_adapts_unless_no_adapt(run: Run, tmp_path: Path) -> None:
    args = _args(tmp_path)
    first = run(*args, "exam", "opt-exam", "--plain", "--seed", "1", stdin="a\n" * 6)
    assert "0/6 correct" in first.stdout
    missed = set(_prompts(first.stdout))
    env = {"QUIZAPP_NOW": LATER}
    adaptive = run(*args, "exam", "opt-exam", "--plain", "--seed", "2", stdin="\n" * 12, env=env)
    assert "Repeats 6 questions you missed" in adaptive.stdout
    assert set(_prompts(adaptive.stdout)) == missed
    plain = run(
        *args, "exam", "opt-exam", "--plain", "--seed", "2", "--no-adapt", stdin="\n" * 12, env=env
    )
    assert plain.returncode == 0
    assert "Repeats" not in plain.stdout
    assert set(_prompts(plain.stdout)) != missed


def test_practice_gives_feedback_and_resumes_as_practice(run: Run, tmp_path: Path) -> None:
    args = _args(tmp_path)
    out = run(*args, "exam", "opt-exam", "--plain", "--practice", stdin="a\n")
    assert "Options exam · practice · 6 questions · untimed" in out.stdout
    assert "✗ Incorrect." in out.stdout
    assert "  B. right: This" not in out.stdout  # the choices carry no why in this bank
    assert "Resume with: quizapp exam opt-exam --practice --plain" in out.stdout
    exam = run(*args, "exam", "opt-exam", "--plain")  # the exam slot is free
    assert "Options exam · exam · 6 questions · 30 minutes" in exam.stdout


def test_review_limit_and_its_resume_line(run: Run, tmp_path: Path) -> None:
    args = _args(tmp_path)
    run(*args, "exam", "opt-exam", "--plain", "--seed", "1", stdin="a\n" * 6)
    env = {"QUIZAPP_NOW": LATER}
    out = run(*args, "review", "--plain", "--limit", "2", env=env)
    assert "Review drill · review · 2 questions · untimed" in out.stdout
    assert "Question 1 of 2 " in out.stdout
    assert "Resume with: quizapp review --plain" in out.stdout
    again = run(*args, "review", "--plain", env=env)  # the open drill, not a new one
    assert again.stdout.startswith("Resuming Review drill: 0 of 2 answered")


def test_plain_flags_with_a_question_mark_and_goes_over_skipped_ones_again(
    run: Run, tmp_path: Path
) -> None:
    args = _args(tmp_path)
    # Question 1: flag, then skip. The rest: right. Then yes to the second pass: b for the first.
    stdin = "?\n\n" + "b\n" * 5 + "y\nb\n"
    out = run(*args, "exam", "opt-exam", "--plain", "--seed", "1", stdin=stdin)
    assert "Flagged." in out.stdout
    assert "1 question skipped or flagged. Go through them again? [y/N] > " in out.stdout
    assert re.search(r"^Question 1 of 6 · Topic \d · flagged · ", out.stdout, re.M)
    assert "6/6 correct (100.0%)" in out.stdout
    declined = run(
        *args, "exam", "opt-exam", "--plain", "--seed", "1", stdin="\n" + "b\n" * 5 + "n\n"
    )
    assert "5/6 correct" in declined.stdout


def test_only_finished_exams_have_a_score_and_a_verdict_in_stats(run: Run, tmp_path: Path) -> None:
    args = _args(tmp_path)
    run(*args, "exam", "opt-exam", "--plain", "--seed", "1", stdin="b\n" * 6)  # finished
    run(*args, "exam", "opt-exam", "--plain", "--practice", stdin="b\n")  # practice, open
    run(*args, "exam", "opt-exam", "--plain", stdin="b\n")  # exam, open
    report = json.loads(run(*args, "stats", "--json").stdout)
    verdicts = {
        (a["mode"], a["status"]): (a["scaled_score"], a["passed"]) for a in report["attempts"]
    }
    assert verdicts == {
        ("exam", "submitted"): (1000, True),
        ("practice", "in_progress"): (None, None),
        ("exam", "in_progress"): (None, None),
    }
    text = run(*args, "stats").stdout
    assert re.search(r"#1 +opt-exam +exam +submitted +6/6 +100.0% +1000 pass", text)
    assert re.search(r"#3 +opt-exam +exam +in progress +1/6 +16.7%$", text, re.M)


def test_a_custom_exam_has_no_score_in_stats(run: Run, tmp_path: Path) -> None:
    from quizapp.context import make_context
    from quizapp.core.exam.options import StartOptions
    from quizapp.core.exam.selection import custom_exam

    args = _args(tmp_path)
    ctx = make_context(extra_banks=[str(tmp_path / "banks")], bundled=False, use_cache=False)
    attempt, _ = ctx.exams.start(custom_exam(questions=3, minutes=5), "exam", StartOptions())
    for i in range(3):
        attempt.go(i)
        attempt.answer((1,))  # every one right: it would "pass" with a score of 1000
    attempt.submit()
    attempt.release()
    ctx.db.close()
    report = json.loads(run(*args, "stats", "--json").stdout)
    (custom,) = report["attempts"]
    assert (custom["exam"], custom["mode"], custom["status"]) == ("custom", "exam", "submitted")
    assert (custom["scaled_score"], custom["passed"]) == (None, None)
    text = run(*args, "stats").stdout
    assert re.search(r"#1 +custom +exam +submitted +3/3 +100.0%$", text, re.M)
    progress = text.split("Progress per exam", 1)[-1]
    assert "Custom exam" not in progress and "    score " not in progress
    shown = run(*args, "stats", "--attempt", "1").stdout
    assert "PASS" not in shown and "Meets competencies" not in shown


def test_a_practice_set_is_the_same_questions_each_time(run: Run, tmp_path: Path) -> None:
    args = _args(tmp_path)
    first = run(*args, "exam", "opt-exam", "--plain", "--set", "2", stdin="\n" * 12)
    assert "Options exam · Practice set 2 · exam · 6 questions · 30 minutes" in first.stdout
    again = run(*args, "exam", "opt-exam", "--plain", "--set", "2", "--seed", "9", stdin="\n" * 12)
    assert sorted(_prompts(again.stdout)) == sorted(_prompts(first.stdout))
    other = run(*args, "exam", "opt-exam", "--plain", "--set", "3", stdin="\n" * 12)
    assert not set(_prompts(other.stdout)) & set(_prompts(first.stdout))
    report = json.loads(run(*args, "banks", "--json").stdout)
    (exam,) = report["exams"]
    assert [(s["set"], s["questions"], s["domains"]) for s in exam["sets"]] == [
        (n, 6, {"A": 3, "B": 3}) for n in (1, 2, 3)
    ]
    for bad, said in [
        (["--set", "4"], "has practice sets 1 to 3, not 4"),
        (["--set", "1", "--questions", "3"], "leave out --questions"),
    ]:
        out = run(*args, "exam", "opt-exam", "--plain", *bad)
        assert out.returncode == 2
        assert said in out.stderr
