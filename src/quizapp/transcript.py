"""Attempts as ``quizapp stats`` reports them: the listing's fields, one attempt in full."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from quizapp.core.exam.clock import clock
from quizapp.core.exam.scale import has_verdict, pass_label, passing_fraction, ready_label
from quizapp.core.text import visible
from quizapp.core.words import plural
from quizapp.storage.attempts import AttemptSummary

if TYPE_CHECKING:
    from quizapp.context import AppContext


class AttemptUnavailableError(Exception):
    """The attempt asked for cannot be shown; the message says why in one line."""


def scores_note(attempts: Iterable[AttemptSummary]) -> str | None:
    """One line naming the pass line behind the scores listed (None when none has a score)."""
    labels: dict[str, set[str]] = {}
    for a in attempts:
        if a.has_verdict:
            labels.setdefault(pass_label(a.passing_score, a.score_range), set()).add(a.exam_id)
    if not labels:
        return None
    if len(labels) == 1:
        return f"Scores: {next(iter(labels))}"
    parts = (f"{', '.join(sorted(ids))} {label}" for label, ids in sorted(labels.items()))
    return "Scores: " + "; ".join(parts)


def summary_dict(a: AttemptSummary) -> dict[str, Any]:
    """An attempt as ``stats --json`` lists it (SPEC §7.2): a verdict only where one is due."""
    verdict = a.has_verdict
    return {
        "id": a.id,
        "exam": a.exam_id,
        "mode": a.mode,
        "status": a.status,
        "started_at": a.started_at.isoformat(),
        "ended_at": a.ended_at.isoformat() if a.ended_at else None,
        "total": a.total,
        "answered": a.answered,
        "correct": a.correct,
        "percent": a.percent,
        "scaled_score": a.scaled_score if verdict else None,
        "passed": a.passed if verdict else None,
        "pass_percent": (
            round(100 * passing_fraction(a.passing_score, a.score_range), 1) if verdict else None
        ),
        "domains": [{"name": n, "total": t, "correct": c} for n, t, c in a.domains],
    }


def attempt_report(ctx: AppContext, attempt_id: int) -> dict[str, Any]:
    """The attempt's listing plus each question: pick, right answer, explanation, references.

    Raises AttemptUnavailableError for an unknown or unfinished attempt.
    """
    found = [a for a in ctx.exams.history_list() if a.id == attempt_id]
    if not found:
        raise AttemptUnavailableError(
            f"there is no attempt {attempt_id} (quizapp stats lists them)"
        )
    attempt = ctx.exams.finished(attempt_id)
    if attempt is None:
        session = ctx.attempts.load(attempt_id)
        command = ctx.exams.resume_command(session, plain=False) if session else "quizapp"
        raise AttemptUnavailableError(
            f"attempt {attempt_id} is unfinished: resume it with {command}"
        )
    s, result = attempt.session, attempt.result()
    report = summary_dict(found[0])
    verdict = has_verdict(s.mode, s.status, s.terms.exam_id)
    loaded = ctx.library.exams.get(s.terms.exam_id)
    readiness = loaded.exam.readiness_percent if loaded is not None else None
    line = pass_label(s.terms.passing_score, s.terms.score_range) if verdict else None
    if line is not None and readiness is not None:
        line += f" · {ready_label(readiness, result.percent)}"
    report["pass_line"] = line
    report["domains"] = [
        {
            "name": d.name,
            "total": d.total,
            "correct": d.correct,
            "meets": d.meets if verdict else None,
        }
        for d in result.domains
    ]
    report["title"] = s.terms.title
    report["elapsed"] = round(s.elapsed, 1)
    report["noted"] = attempt.noted() if s.mode != "review" else None
    questions = []
    for i, item in enumerate(s.items):
        r, view, q = s.responses[i], attempt.comparison(i), attempt.question(i)
        status = (
            "right"
            if result.marks[i]
            else "wrong"
            if s.answered(i)
            else "incomplete"
            if s.incomplete(i)
            else "unanswered"
        )
        questions.append(
            {
                "number": i + 1,
                "question": item.key,
                "topic": item.topic,
                "domain": item.domain,
                "result": status,
                "picked": view.mine if view is not None and view.answered else None,
                "right_answer": view.right_answer if view is not None else None,
                "flagged": r.flagged,
                "unsure": r.unsure,
                "seconds": round(r.seconds, 1),
                "changed": attempt.changed(i),
                "prompt": q.prompt if q is not None else None,
                "explanation": q.explanation if q is not None else None,
                "references": [ref.url for ref in q.references] if q is not None else [],
            }
        )
    report["questions"] = questions
    return report


def attempt_text(report: dict[str, Any]) -> str:
    """The report as lines of text for a person (every text from a bank made visible)."""

    def line(text: str) -> str:
        return visible(text, one_line=True)

    status, mode = line(report["status"].replace("_", " ")), line(report["mode"])
    out = [f"Attempt #{report['id']} · {line(report['title'])} · {mode} · {status}"]
    tally = f"{report['correct']} of {report['total']} right ({report['percent']:.1f}%)"
    if report["passed"] is not None:
        verdict = "✓ PASS" if report["passed"] else "✗ FAIL"
        out.append(
            f"{verdict} · estimated score {report['scaled_score']} · {tally} · "
            f"{report['pass_line']}"
        )
    else:
        wrong = report["answered"] - report["correct"]
        out.append(
            f"{report['answered']} of {report['total']} answered · {report['correct']} right · "
            f"{wrong} wrong · no score (only exams get one)"
        )
    when = (
        f"started {report['started_at'][:16].replace('T', ' ')} · {clock(report['elapsed'])} used"
    )
    if report["noted"] is not None:
        when += f" · {plural(report['noted'], 'answer')} went into the notebook"
    out.append(when)
    if report["domains"]:
        out.append("Domains")
        width = max(len(line(d["name"])) for d in report["domains"])
        for d in report["domains"]:
            pct = 100 * d["correct"] / d["total"] if d["total"] else 0.0
            meets = ""
            if d["meets"] is not None:
                meets = " · Meets competencies" if d["meets"] else " · Needs improvement"
            name = line(d["name"])
            out.append(f"  {name:<{width}}  {d['correct']:>3}/{d['total']:<3} {pct:3.0f}%{meets}")
    out.append("Questions")
    marks = {
        "right": "✓ right",
        "wrong": "✗ wrong",
        "incomplete": "✗ incomplete",
        "unanswered": "✗ unanswered",
    }
    for q in report["questions"]:
        flags = ("  ⚑ flagged" if q["flagged"] else "") + ("  ? unsure" if q["unsure"] else "")
        out.append(
            f"  {q['number']:>3}. {marks[q['result']]} · {line(q['topic'])} · "
            f"yours {q['picked'] or '—'} · right {q['right_answer'] or '—'} · "
            f"{clock(q['seconds'])}{flags}"
        )
        if q["prompt"] is None:
            out.append("       (this question is no longer in its bank)")
            continue
        out.append(_block(q["prompt"]))
        if q["changed"]:
            out.append("       The bank has changed this question since.")
        if q["explanation"]:
            out.append(_block("Why: " + q["explanation"]))
        out.extend(f"       See: {line(url)}" for url in q["references"])
    return "\n".join(out) + "\n"


def _block(text: str) -> str:
    """Bank text (Markdown) indented under its question line, its own lines kept."""
    return "\n".join("       " + row for row in visible(text.strip()).splitlines())
