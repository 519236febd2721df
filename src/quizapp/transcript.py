"""Attempts as ``quizapp stats`` reports them: the listing's fields, one attempt in full."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from quizapp.core.exam.clock import clock
from quizapp.core.exam.scale import has_verdict, pass_label, passing_fraction, ready_label
from quizapp.core.inline import plain_inline
from quizapp.core.text import visible
from quizapp.core.words import MODE_NAMES, plural, status_name
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

    status = line(status_name(report["status"]))
    mode = line(MODE_NAMES.get(report["mode"], report["mode"]).lower())
    out = [f"Attempt #{report['id']} · {line(report['title'])} · {mode} · {status}"]
    tally = f"{report['correct']} of {report['total']} right ({report['percent']:.1f}%)"
    if report["passed"] is not None:
        verdict = "✓ PASS" if report["passed"] else "✗ FAIL"
        # As the results screen puts it: the pass line (the one "estimated") after the score.
        score = f"{report['scaled_score']} ({report['pass_line']})"
        out.extend(_fit([verdict, score, tally], "  "))
    else:
        wrong = report["answered"] - report["correct"]
        parts = [f"{report['answered']} of {report['total']} answered"]
        parts += [f"{report['correct']} right", f"{wrong} wrong", "no score (only exams get one)"]
        out.extend(_fit(parts, "  "))
    when = [f"started {report['started_at'][:16].replace('T', ' ')}"]
    when.append(f"{clock(report['elapsed'])} used")
    if report["noted"] is not None:
        when.append(f"{plural(report['noted'], 'answer')} went into the notebook")
    out.extend(_fit(when, "  "))
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
        head = [f"  {q['number']:>3}. {marks[q['result']]}", line(q["topic"])]
        head += [f"yours {q['picked'] or '—'}", f"right {q['right_answer'] or '—'}"]
        out.extend(_fit([*head, f"{clock(q['seconds'])}{flags}"], _INDENT))
        if q["prompt"] is None:
            out.append("       (this question is no longer in its bank)")
            continue
        out.append(_block(q["prompt"]))
        if q["changed"]:
            out.append("       The bank has changed this question since.")
        if q["explanation"]:
            out.append(_block("Why: " + q["explanation"]))
        for url in q["references"]:
            see = f"{_INDENT}See: {line(url)}"
            # A URL is never cut: one too long for the line gets a line of its own.
            out.extend([see] if len(see) <= WIDTH else [f"{_INDENT}See:", _INDENT + line(url)])
    return "\n".join(out) + "\n"


WIDTH = 80  # the columns a transcript is written for
_INDENT = " " * 7  # bank text sits under its question line's number
_FENCE = re.compile(r"^\s*(```|~~~)")
# A list item's marker ("- ", "1. "): its continuation lines hang under the item's text.
_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])\s+")


def _fit(parts: list[str], indent: str) -> list[str]:
    """``parts`` joined by " · " on lines of at most WIDTH columns, later lines indented."""
    rows = [parts[0]]
    for n, part in enumerate(parts[1:], 2):
        tail = 0 if n == len(parts) else 2  # room for the " ·" a cut line ends with
        if len(rows[-1]) + 3 + len(part) + tail <= WIDTH:
            rows[-1] += " · " + part
        else:
            rows[-1] += " ·"
            rows.append(indent + part)
    return rows


def _block(text: str) -> str:
    """Bank text (Markdown) as plain text under its question line, wrapped to WIDTH.

    A paragraph's lines are joined and wrapped again; emphasis and code marks go as in one-line
    texts; list items keep their indentation; a code block keeps its lines as written.
    """
    rows: list[str] = []
    # Each piece of prose: its first line's indent, its later lines' indent, its words.
    prose: list[tuple[str, str, str]] = []

    def flush() -> None:
        for first, hang, words in prose:
            rows.extend(
                textwrap.wrap(
                    plain_inline(words),
                    WIDTH,
                    initial_indent=_INDENT + first,
                    subsequent_indent=_INDENT + hang,
                    break_long_words=False,  # a URL stays whole, on a line of its own
                    break_on_hyphens=False,
                )
            )
        prose.clear()

    code = False
    for row in visible(text.strip()).splitlines():
        lead = row[: len(row) - len(row.lstrip())]
        if _FENCE.match(row):
            flush()
            code = not code
        elif code:
            rows.append(_INDENT + "    " + row)
        elif not row.strip():
            flush()
            rows.append("")
        elif (item := _ITEM.match(row)) is not None:
            prose.append((lead, " " * item.end(), row.strip()))
        elif prose:  # a soft line break: the same paragraph or list item goes on
            first, hang, words = prose[-1]
            prose[-1] = (first, hang, f"{words} {row.strip()}")
        else:
            prose.append((lead, lead, row.strip()))
    flush()
    return "\n".join(rows)
