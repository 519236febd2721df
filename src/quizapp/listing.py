"""The text of ``quizapp banks``: banks, exams and their domains within 80 columns."""

from __future__ import annotations

import textwrap
from typing import Any

from quizapp.core.text import visible
from quizapp.core.words import plural

WIDTH = 80
_DOMAIN_NAME = 53  # the longest domain name shown whole (the AIF-C01 guide's longest)


def _line(text: str) -> str:
    return visible(text, one_line=True)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _wrapped(text: str, indent: int, first: str = "") -> list[str]:
    """``first`` then ``text`` wrapped to the width, later lines indented by ``indent``."""
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=first,
        subsequent_indent=" " * indent,
        break_long_words=True,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def banks_text(report: dict[str, Any]) -> str:
    """The report of ``banks_report`` for people: one bank a line, each exam with its domains."""
    out = ["Banks (id, questions, title)"]
    banks = report["banks"]
    id_width = min(max((len(_line(b["id"])) for b in banks), default=0), 32)
    for b in banks:
        head = f"  {_cut(_line(b['id']), id_width):<{id_width}}  {b['questions']:>5}"
        title = _line(b["title"])
        if len(head) + 2 + len(title) <= WIDTH:
            out.append(f"{head}  {title}")
        else:  # a title that does not fit goes whole on the next line, not cut
            out += [head, *_wrapped(title, 6, "      ")]
    out.append("Exams" if report["exams"] else "Exams: none loaded")
    for e in report["exams"]:
        out += _wrapped(_line(e["title"]), 4, f"  {_line(e['id'])}  ")
        minutes = f"{e['minutes']} min" if e["minutes"] else "untimed"
        facts = [plural(e["questions"], "question"), minutes]
        sizes = sorted({ps["questions"] for ps in e["sets"]})
        if sizes:
            each = (
                f"{sizes[0]}"
                if len(sizes) == 1
                else ", ".join(str(ps["questions"]) for ps in e["sets"])
            )
            facts.append(f"{plural(len(e['sets']), 'practice set')} of {each} questions")
        out += _wrapped(" · ".join(facts), 4, "    ")
        names = [_line(d["name"]) for d in e["domains"]]
        name_width = min(max((len(n) for n in names), default=0), _DOMAIN_NAME)
        out.append(f"    {'domain':<{name_width}}  {'slots':>5}  {'in banks':>8}")
        for name, d in zip(names, e["domains"], strict=True):
            short = " short" if d["available"] < d["slots"] else ""
            slots, available = d["slots"], d["available"]
            out.append(
                f"    {_cut(name, name_width):<{name_width}}  {slots:>5}  {available:>8}{short}"
            )
    return "\n".join(out) + "\n"
