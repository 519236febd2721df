"""Plain mode (SPEC §6): a line-based front end over the engine, for screen readers and scripts.

Questions are printed as text; each answer is one line read from input. No terminal escapes
are ever written.
"""

from __future__ import annotations

import threading
from typing import TextIO

from quizapp.core.bank.models import Question
from quizapp.core.bank.rules import choose_hint, says_how_many
from quizapp.core.exam.answers import LETTERS
from quizapp.core.exam.clock import clock
from quizapp.core.exam.scale import has_verdict, pass_label, ready_label, tally
from quizapp.core.exam.scoring import Result
from quizapp.core.exam.session import (
    Response,
    SessionError,
    arrangement,
    complete,
    order_by,
)
from quizapp.core.inline import plain_code
from quizapp.core.text import visible
from quizapp.core.words import plural, sentence
from quizapp.service.attempt import Attempt
from quizapp.storage.faults import fault


class PlainExam:
    """Runs one attempt on text streams."""

    def __init__(
        self, attempt: Attempt, stdin: TextIO, stdout: TextIO, *, resume_with: str = ""
    ) -> None:
        self.attempt = attempt
        self.stdin = stdin
        self.out = stdout
        self.resume_with = resume_with
        self._stop = threading.Event()

    def _heartbeat(self) -> None:
        # While input blocks, keep the clock saved (SPEC §7.1: at least every 5 seconds).
        lock = self.attempt.lock
        while not self._stop.wait(1.0):
            if not lock.acquire(timeout=0.2):
                continue  # the main thread is busy: it keeps time itself
            try:
                if self.attempt.session.finished:
                    return
                self.attempt.heartbeat()
            except Exception as exc:
                # A busy or failing disk: the clock is saved again on the next beat or answer.
                if fault(exc) is None:
                    raise
            finally:
                lock.release()

    def say(self, text: str = "") -> None:
        """Print one line (or several)."""
        self.out.write(visible(text) + "\n")  # bank and database text: no escapes (SPEC §6)
        self.out.flush()

    def ask(self, prompt: str = "> ") -> str | None:
        """Read one line; None at end of input."""
        self.out.write(visible(prompt))
        self.out.flush()
        self.attempt.lock.release()  # the clock keeps being saved while the user thinks
        try:
            line = self.stdin.readline()
        finally:
            self.attempt.lock.acquire()
        if not line:
            self.say()
            return None
        return line.strip()

    def run(self) -> int:
        """Ask every question in turn, then a second pass over skipped and flagged ones."""
        beat = threading.Thread(target=self._heartbeat, name="quizapp-heartbeat", daemon=True)
        beat.start()
        try:
            return self._run()
        finally:
            self._stop.set()
            beat.join()

    def _run(self) -> int:
        r = self.attempt
        s = r.session
        total = len(s.items)
        answered = s.answered_count
        if answered or s.elapsed:
            self.say(
                f"Resuming {s.terms.title}: {answered} of {total} answered" + self._time_left()
            )
        else:
            minutes = s.terms.minutes
            timing = plural(minutes, "minute") if minutes else "untimed"
            self.say(f"{s.terms.title} · {s.mode} · {plural(total, 'question')} · {timing}")
            self.say(
                "Type the letters of your answer: b, a,c or ac. Empty line: skip. "
                "?: flag. Ctrl-D: save and quit."
            )
        # Resuming asks only what is still open; answered questions wait for the second pass.
        if not self._pass([i for i in range(total) if not s.answered(i)]):
            return self._saved()
        if not r.session.finished:
            now = r.session
            pending = [i for i in range(total) if not now.answered(i) or now.responses[i].flagged]
            if pending:
                reply = self.ask(
                    f"{plural(len(pending), 'question')} skipped or flagged. "
                    "Go through them again? [y/N] > "
                )
                if reply is None:
                    return self._saved()
                if reply.lower().startswith("y") and not self._pass(pending):
                    return self._saved()
        if not r.session.finished:
            r.submit()
        self.results(r.result())
        return 0

    def _saved(self) -> int:
        self.attempt.leave()
        s = self.attempt.session
        self.say(
            f"Saved: {s.answered_count} of {len(s.items)} answered. Resume with: {self.resume_with}"
        )
        return 0

    def _time_left(self) -> str:
        left = self.attempt.session.remaining()
        return "" if left is None else f", {clock(left, self.attempt.session.terms.minutes)} left"

    def _pass(self, positions: range | list[int]) -> bool:
        """Ask the questions at ``positions``; False when input ended."""
        for i in positions:
            self.attempt.go(i)
            if self.attempt.session.finished:
                self.say("Time is up: the exam was submitted.")
                return True
            if not self._ask_one():
                return False
            if self.attempt.session.finished:
                self.say("Time is up: the exam was submitted.")
                return True
        return True

    def _ask_one(self) -> bool:
        r = self.attempt
        q = r.question()
        self.show(q)
        if q is None:
            return True
        while True:
            line = self.ask()
            if line is None:
                return False
            r.tick()
            if r.session.finished:
                return True
            if line == "?":
                r.flag()
                self.say("Flagged." if r.session.response.flagged else "Flag removed.")
                continue
            if line == "":
                return True
            picked, error = self.parse(q, line)
            if error:
                self.say(error)
                continue
            try:
                r.answer(picked)
            except SessionError as exc:
                self.say(sentence(str(exc)))
                continue
            if r.session.feedback and not r.session.finished:
                r.check()
                self.feedback()
            return True

    def show(self, q: Question | None) -> None:
        """Print the current question."""
        r = self.attempt
        s = r.session
        item = s.item
        head = [f"Question {s.current + 1} of {len(s.items)}", item.topic]
        if (
            item.kind == "choice"
            and item.multiple
            and q is not None
            and not says_how_many(q.prompt)
        ):
            head.append(choose_hint(len(q.correct)))
        if s.response.flagged:
            head.append("flagged")
        left = s.remaining()
        if left is not None:
            head.append(f"{clock(left, s.terms.minutes)} left")
        self.say()
        self.say(" · ".join(head))
        if q is None:
            self.say("This question is no longer in its bank; it counts as wrong. Press Enter.")
            return
        scenario = r.scenario()
        if scenario:
            self.say(scenario.rstrip())
            self.say("---")
        self.say(q.prompt.rstrip())
        if item.kind == "choice":
            assert q.choices is not None
            for pos, original in enumerate(item.order):
                mark = "~" if original in s.response.struck else " "
                self.say(f"{mark}{LETTERS[pos]}. {plain_code(q.choices[original].text)}")
        elif item.kind == "ordering":
            assert q.steps is not None
            self.say("Type the letters in the right order:")
            for pos, original in enumerate(arrangement(s)):
                self.say(f" {LETTERS[pos]}. {plain_code(q.steps[original])}")
        else:
            assert q.pairs is not None
            self.say("Type the letter of each prompt's match, in prompt order:")
            for n, pair in enumerate(q.pairs, 1):
                self.say(f" {n}. {plain_code(pair.prompt)}")
            self.say("Matches:")
            for pos, original in enumerate(item.order):
                self.say(f" {LETTERS[pos]}. {plain_code(q.pairs[original].match)}")

    def parse(self, q: Question, line: str) -> tuple[tuple[int, ...], str | None]:
        """Letters typed by the user as original indices, or an error message."""
        item = self.attempt.session.item
        letters = [c for c in line.upper() if c not in " ,;"]
        size = item.size
        valid = LETTERS[:size]
        bad = [c for c in letters if c not in valid]
        if bad:
            return (), f"There is no {bad[0]!r} here: answer with letters {valid[0]}-{valid[-1]}."
        positions = [LETTERS.index(c) for c in letters]
        if item.kind == "choice":
            picked = tuple(sorted({item.order[p] for p in positions}))
            if not complete(item, Response(picked=picked)):
                want = item.needs or 1
                need = "one letter" if want == 1 else f"{want} letters"
                return (), f"This question takes {need}."
            return picked, None
        if len(positions) != size or len(set(positions)) != size:
            return (), f"Type all {size} letters, each once."
        if item.kind == "ordering":  # the engine's rule, as the TUI's typed letters use it
            ordered = order_by(self.attempt.session, tuple(positions), self.attempt.now())
            return ordered.response.picked, None
        return tuple(item.order[p] for p in positions), None

    def feedback(self) -> None:
        """With feedback: right or not, every choice's verdict and why, explanation, references."""
        r = self.attempt
        q, view = r.question(), r.comparison()
        if q is None or view is None:
            return
        self.say("✓ Correct." if view.correct else "✗ Incorrect.")
        if view.kind == "choice":
            for line in view.lines:
                right = "right" if line.right else "wrong"
                mine = " (your answer)" if line.picked else ""
                why = f": {line.note}" if line.note else ""
                self.say(f"  {line.label}. {right}{mine}{why}")
        elif view.kind == "ordering":
            self.say("  Right order: " + " → ".join(plain_code(step) for step in view.right_order))
        else:
            for line in view.lines:
                given = plain_code(line.given) if line.given else "nothing"
                mine = "right" if line.right else f"you matched: {given}"
                self.say(f"  {plain_code(line.text)} → {plain_code(line.answer or '')} ({mine})")
        if q.explanation:
            self.say(q.explanation.rstrip())
        for ref in q.references:
            self.say(f"  See: {ref.title + ' ' if ref.title else ''}{ref.url}")

    def results(self, result: Result) -> None:
        """Print the results summary."""
        s = self.attempt.session
        self.say()
        if self.attempt.cram:
            self.say(
                f"Cram done: {result.correct} of {result.total} right. Topic mastery counts "
                "these answers; every notebook schedule is as it was."
            )
            return
        if s.mode == "review":
            self.say(
                f"Review done: {result.correct} of {result.total} right. Missed ones come "
                "back sooner; the ones you know move further out."
            )
            return
        used = clock(s.elapsed, s.terms.minutes)
        ended = "time ran out" if s.status == "expired" else "submitted"
        if has_verdict(s.mode, s.status, s.terms.exam_id):
            verdict = "PASS" if result.passed else "FAIL"
            label = pass_label(s.terms.passing_score, s.terms.score_range)
            readiness = self._readiness()
            ready = f" · {ready_label(readiness, result.percent)}" if readiness is not None else ""
            self.say(
                f"Result: {verdict} · score {result.scaled_score} ({label}) · "
                f"{result.correct}/{result.total} correct ({result.percent:.1f}%){ready} · "
                f"{used} used · {ended}"
            )
        else:
            wrong = result.answered - result.correct
            self.say(
                f"Done: {tally(result.answered, result.total)} · {result.correct} right · "
                f"{wrong} wrong · {used} used · no score (only exams get one)"
            )
        for d in result.domains:
            word = (
                ""
                if not has_verdict(s.mode, s.status, s.terms.exam_id)
                else (" · Meets competencies" if d.meets else " · Needs improvement")
            )
            self.say(f"  {d.name}: {d.correct}/{d.total} ({d.percent:.0f}%){word}")
        self.say(f"{plural(self.attempt.noted(), 'answer')} went into the notebook.")

    def _readiness(self) -> float | None:
        loaded = self.attempt.library.exams.get(self.attempt.session.terms.exam_id)
        return loaded.exam.readiness_percent if loaded is not None else None


def run_plain(attempt: Attempt, stdin: TextIO, stdout: TextIO, *, resume_with: str) -> int:
    """Run ``attempt`` in plain mode; ``resume_with`` is said when input ends early."""
    try:
        with attempt.lock:
            return PlainExam(attempt, stdin, stdout, resume_with=resume_with).run()
    finally:
        attempt.release()
