"""Progress charts: each exam's scaled scores over time and its domains' mastery, as bars."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from quizapp.core.study.progress import ExamProgress
from quizapp.core.text import visible

SCORE_BAR = 30  # cells per bar: with the numbers beside them, lines fit in 80 columns
MASTERY_BAR = 20  # shorter: a domain's name follows it
PASS_MARK = "│"


def bar(fraction: float, pass_fraction: float, width: int, *, ok: bool) -> Text:
    """``fraction`` of ``width`` cells filled, with the pass line drawn across it."""
    filled = round(max(0.0, min(1.0, fraction)) * width)
    at = min(width - 1, round(pass_fraction * width))
    out = Text()
    for cell in range(width):
        if cell == at:
            out.append(PASS_MARK, style="bold")
        elif cell < filled:
            out.append("█", style="green" if ok else "yellow")
        else:
            out.append("░", style="dim")
    return out


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def chart_text(progress: list[ExamProgress]) -> Text:
    """Every exam's charts, each bar with its numbers beside it."""
    out = Text()
    if not progress:
        out.append("No finished mock exam or answer yet: the charts start with your first.")
        return out
    for n, p in enumerate(progress):
        if n:
            out.append("\n\n")
        out.append(visible(p.title, one_line=True), style="bold")
        h = p.history
        if h is None:
            out.append("\nNo finished mock exam yet (only exam mode has a scaled score).")
        else:
            low, high = h.score_range
            passed = sum(pt.passed for pt in h.points)
            best, last = max(pt.score for pt in h.points), h.points[-1].score
            out.append(
                f"\nScaled score per finished mock exam ({PASS_MARK} = pass at {h.passing_score}, "
                f"scale {low}-{high})\n"
                f"{passed} of {len(h.points)} passed · best {best} · last {last}"
            )
            for pt in h.points:
                verdict = "✓ pass" if pt.passed else "✗ fail"
                out.append(f"\n {pt.at:%Y-%m-%d} ")
                out.append_text(
                    bar((pt.score - low) / (high - low), p.pass_fraction, SCORE_BAR, ok=pt.passed)
                )
                out.append(f" {pt.score:>4} {verdict}")
        if p.domains:
            out.append(f"\nMastery per domain ({PASS_MARK} = the pass mark, {p.pass_fraction:.0%})")
            for d in p.domains:
                out.append("\n ")
                if d.mastery is None:
                    out.append(" " * MASTERY_BAR + "    —", style="dim")
                    out.append(f" {'no answers':<11} ")
                else:
                    ok = d.mastery >= p.pass_fraction
                    out.append_text(bar(d.mastery, p.pass_fraction, MASTERY_BAR, ok=ok))
                    out.append(f" {d.mastery:>4.0%} {_plural(d.answered, 'answer'):<11} ")
                out.append(visible(d.name, one_line=True))
    return out


class ProgressCharts(Static):
    """The charts of every exam; the screen hands it the numbers to draw."""

    DEFAULT_CSS = """
    ProgressCharts { height: auto; padding: 0 1; }
    """

    def show(self, progress: list[ExamProgress]) -> None:
        """Draw ``progress``."""
        self.update(chart_text(progress))
