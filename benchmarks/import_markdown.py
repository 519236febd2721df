"""Importing Markdown: a 1,000-question checklist file imported, then the bank loaded cold.

The import (parse + check + write YAML + prove it loads) is compared with ``yaml.dump`` of
the same bank data through ``CSafeDumper``, the bare cost of writing that YAML; the cold load
of the written bank with ``yaml.compose(CSafeLoader)``, as in ``bank_load.py``. Both steps
together are set against the foundation's cold-load target per question: 1.5x the compose
floor of the synthetic 1.4 KB-per-question library, measured in the same run. The kinds run
interleaved in one fresh process, best of each. Run: ``python benchmarks/import_markdown.py``.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import WORDS, write_library


def markdown(n: int, seed: int = 1) -> str:
    """A public-repository-style checklist file: intro, contents, sections, ``###`` questions."""
    rnd = random.Random(seed)

    def words(k: int) -> str:
        return " ".join(rnd.choice(WORDS) for _ in range(k))

    out = ["# Synthetic practice questions\n", f"{words(60)}.\n", "## Contents\n"]
    out += [f"- [Section {s}](#section-{s})" for s in range(20)]
    for i in range(n):
        if i % 50 == 0:
            out.append(f"\n## Section {i // 50}\n")
        correct = {rnd.randrange(4)} if i % 5 else set(rnd.sample(range(4), 2))
        out.append(f"### {i}. {words(22)} {words(8)}?\n")
        if i % 10 == 0:
            out.append(f"![diagram](images/q{i}.png)\n\n```sh\naws {words(3)}\n```\n")
        for c in range(4):
            out.append(f"- [{'x' if c in correct else ' '}] {words(5)} {c}")
        out.append(
            f"\n<details><summary>Explanation</summary>\n\n{words(22)}. "
            f"[{words(3)}](https://docs.aws.amazon.com/guide/page-{i}.html)\n</details>\n"
        )
    return "\n".join(out) + "\n"


def measure(folder: Path, repeat: int) -> dict[str, list[float]]:
    """Seconds of each kind of work per round, the kinds interleaved round by round so that a
    slow spell of a shared machine falls on a round's kinds alike."""
    import yaml

    from quizapp.core.bank.library import load_library
    from quizapp.core.importers.markdown import parse_markdown
    from quizapp.core.importers.writer import Options, Source, build_bank

    source = (folder / "questions.md").read_text(encoding="utf-8")
    written = folder / "bank" / "imported.yaml"
    synthetic = sorted((folder / "synthetic").glob("*.yaml"))
    data = yaml.load(written.read_bytes(), Loader=yaml.CSafeLoader)

    def do_import() -> None:
        built = build_bank(
            [Source("questions.md", parse_markdown(source))],
            Options("imported", "Imported", "markdown"),
        )
        assert built.converted == built.total, built.report[:3]

    def dump() -> None:
        yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)

    def cold() -> None:
        library = load_library([written.parent])
        assert not [p for p in library.problems if p.severity == "error"]

    def compose(files: list[Path]) -> None:
        gc.disable()
        try:
            for f in files:
                with f.open("rb") as stream:
                    yaml.compose(stream, Loader=yaml.CSafeLoader)
        finally:
            gc.enable()

    kinds = {
        "import": do_import,
        "dump": dump,
        "cold": cold,
        "compose": lambda: compose([written]),
        "compose_synthetic": lambda: compose(synthetic),
    }
    times: dict[str, list[float]] = {k: [] for k in kinds}
    for _ in range(repeat):
        for kind, fn in kinds.items():
            gc.collect()
            start = time.perf_counter()
            fn()
            times[kind].append(time.perf_counter() - start)
    return times


def _in_subprocess(folder: Path, repeat: int) -> dict[str, list[float]]:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", str(folder), str(repeat)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        folder, repeat = args.measure
        print(json.dumps(measure(Path(folder), int(repeat))))
        return
    n = args.questions
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "questions.md"
        source.write_text(markdown(n), encoding="utf-8")
        (folder / "bank").mkdir()
        write_library(folder / "synthetic", n)
        cli = [sys.executable, "-m", "quizapp", "import", str(source), "--bank-id", "imported"]
        start = time.perf_counter()
        done = subprocess.run(
            [*cli, "-o", str(folder / "bank" / "imported.yaml")], check=False, capture_output=True
        )
        command = time.perf_counter() - start
        assert done.returncode == 0, done
        source_kb = source.stat().st_size / 1024
        bank_kb = (folder / "bank" / "imported.yaml").stat().st_size / 1024
        r = _in_subprocess(folder, args.repeat)
    rounds = range(args.repeat)

    def ratio(top: list[str], bottom: str, factor: float = 1.0) -> float:
        # The median of per-round ratios: each round's kinds ran back to back.
        return statistics.median(
            sum(r[k][i] for k in top) / (factor * r[bottom][i]) for i in rounds
        )

    best = {k: min(v) for k, v in r.items()}
    both = [r["import"][i] + r["cold"][i] for i in rounds]
    print(f"{n} questions: {source_kb:.0f} KB of Markdown, {bank_kb:.0f} KB of bank YAML")
    print(
        f"  import          {best['import']:.3f} s   ÷ yaml.dump floor "
        f"{ratio(['import'], 'dump'):.2f}"
    )
    print(
        f"  cold load       {best['cold']:.3f} s   ÷ yaml.compose floor "
        f"{ratio(['cold'], 'compose'):.2f}"
    )
    print(
        f"  both            {min(both):.3f} s   = {min(both) / n * 1e6:.0f} µs per question; "
        f"÷ cold-load target per question {ratio(['import', 'cold'], 'compose_synthetic', 1.5):.2f}"
    )
    print(
        f"  target          {1.5 * best['compose_synthetic']:.3f} s   "
        f"(1.5 x yaml.compose of the synthetic library, {best['compose_synthetic']:.3f} s)"
    )
    print(f"  quizapp import  {command:.3f} s   (the whole command, interpreter start included)")
    print(
        "\nimport: parse + check + write YAML + load it to prove it; target ≤ 0.5 s."
        "\ncold-load target: 1.5 x yaml.compose of the synthetic library of the same size."
        "\nSeconds: best round; ratios: median of the rounds' ratios."
    )


if __name__ == "__main__":
    main()
