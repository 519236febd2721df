"""Bank loading: our cold and warm loads against floors measured in the same run.

Cold load (read + parse + validate + index) is compared with (a) ``yaml.load`` with
``CSafeLoader`` (how most programs load YAML) and (b) ``yaml.compose`` with ``CSafeLoader``
and the garbage collector off (the bare cost of parsing with positions). Warm load (from the
validated-bank cache) is compared with ``json.loads`` of the cache file. Each measurement runs
in a fresh process so its peak memory is its own. Run: ``python benchmarks/bank_load.py``.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import write_library


def _best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def measure(kind: str, folder: Path, cache_file: Path, repeat: int) -> dict[str, float]:
    """Time one kind of load (in this process) and report seconds and peak memory."""
    import yaml

    from quizapp.core.bank.cache import BankCache
    from quizapp.core.bank.library import load_library

    files = sorted(folder.glob("*.yaml"))
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    def yaml_load() -> None:
        for f in files:
            with f.open("rb") as stream:
                yaml.load(stream, Loader=yaml.CSafeLoader)

    def yaml_compose() -> None:
        gc.disable()
        try:
            for f in files:
                with f.open("rb") as stream:
                    yaml.compose(stream, Loader=yaml.CSafeLoader)
        finally:
            gc.enable()

    def cold() -> None:
        library = load_library([folder])
        assert not library.problems, library.problems[:3]

    def warm() -> None:
        cache = BankCache(cache_file, "bench")
        load_library([folder], cache)
        assert cache.misses == 0

    def warm_full() -> None:
        cache = BankCache(cache_file, "bench")
        library = load_library([folder], cache)
        for bank in library.banks.values():
            bank.file  # noqa: B018 - validate every bank's models now

    def json_loads() -> None:
        json.loads(cache_file.read_bytes())

    fn = {
        "yaml_load": yaml_load,
        "yaml_compose": yaml_compose,
        "cold": cold,
        "warm": warm,
        "warm_full": warm_full,
        "json_loads": json_loads,
    }[kind]
    seconds = _best(fn, repeat)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "peak_mb": peak / 1024, "extra_mb": (peak - base_rss) / 1024}


def run_in_subprocess(kind: str, folder: Path, cache_file: Path, repeat: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", kind, str(folder), str(cache_file), str(repeat)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--measure", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        kind, folder, cache_file, repeat = args.measure
        print(json.dumps(measure(kind, Path(folder), Path(cache_file), int(repeat))))
        return

    from quizapp.core.bank.cache import BankCache
    from quizapp.core.bank.library import load_library

    print(
        f"{'questions':>9} {'MB':>6} | {'cold s':>7} {'/load':>6} {'/compose':>8} | "
        f"{'warm s':>7} {'/json':>6} {'+models':>7} | {'cold peak MB':>12} {'warm peak MB':>12}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            folder = Path(tmp) / f"lib-{size}"
            files = write_library(folder, size)
            megabytes = sum(f.stat().st_size for f in files) / 1e6
            cache_file = Path(tmp) / f"cache-{size}.json"
            load_library([folder], BankCache(cache_file, "bench"))  # fill the cache
            r = {
                k: run_in_subprocess(k, folder, cache_file, args.repeat)
                for k in ("yaml_load", "yaml_compose", "cold", "warm", "warm_full", "json_loads")
            }
            cold, warm = r["cold"]["seconds"], r["warm"]["seconds"]
            vs_load = cold / r["yaml_load"]["seconds"]
            print(
                f"{size:>9} {megabytes:>6.1f} | {cold:>7.3f} {vs_load:>6.2f} "
                f"{cold / r['yaml_compose']['seconds']:>8.2f} | {warm:>7.3f} "
                f"{warm / r['json_loads']['seconds']:>6.2f} "
                f"{r['warm_full']['seconds'] / r['json_loads']['seconds']:>7.2f} | "
                f"{r['cold']['peak_mb']:>12.0f} "
                f"{r['warm']['peak_mb']:>12.0f}",
                flush=True,
            )
    print(
        "\n/load: cold ÷ yaml.load(CSafeLoader);"
        " /compose: cold ÷ yaml.compose(CSafeLoader, gc off);"
        "\n/json: warm (index ready, models validated on first use) ÷ json.loads of the cache file;"
        "\n+models: warm plus validating every bank's models now, ÷ json.loads."
        "\nPeak = max RSS of the measuring process (interpreter and imports included)."
    )


if __name__ == "__main__":
    main()
