"""Loading and importing banks run with the cyclic collector paused, and always restore it."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest

from quizapp.core.bank.library import load_library
from quizapp.core.bank.loader import load_text
from quizapp.core.collector import paused
from quizapp.core.importers.formats import IMPORTERS
from quizapp.core.importers.writer import Options, Source, build_bank
from tests.helpers import GOOD_BANK

MARKDOWN = "# Bank\n\n## Storage\n\n### Which service stores objects?\n\n- [x] S3\n- [ ] EBS\n"


def _collections(work: Callable[[], object]) -> int:
    """Automatic collections while ``work`` runs, with a threshold so low that any real work
    would trigger many."""
    seen: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    old = gc.get_threshold()
    gc.collect()
    gc.set_threshold(1, 1, 1)
    gc.callbacks.append(note)
    try:
        work()
    finally:
        gc.callbacks.remove(note)
        gc.set_threshold(*old)
    return len(seen)


def _import() -> None:
    parsed = IMPORTERS["markdown"](MARKDOWN)
    built = build_bank([Source("q.md", parsed)], Options("b", "B", "markdown"))
    assert built.converted == 1


@pytest.mark.parametrize(
    "work",
    [
        pytest.param(lambda _: load_text(GOOD_BANK, "demo.yaml"), id="load_text"),
        pytest.param(lambda folder: load_library([folder]), id="load_library"),
        pytest.param(lambda _: _import(), id="import"),
    ],
)
def test_no_collection_runs_while_banks_load_or_import(
    work: Callable[[Path], object], tmp_path: Path
) -> None:
    (tmp_path / "demo.yaml").write_text(GOOD_BANK, encoding="utf-8")
    work(tmp_path)  # first use builds schemas and imports modules: not what is measured
    # Only on the way in and out of each paused call (the pause itself allocates a little);
    # the same load unpaused collects over a hundred times at this threshold (test below).
    assert _collections(lambda: work(tmp_path)) <= 12
    assert gc.isenabled()


def test_the_same_load_collects_many_times_without_the_pause() -> None:
    unpaused = getattr(load_text, "__wrapped__")  # noqa: B009 - the function the pause wraps
    assert _collections(lambda: unpaused(GOOD_BANK, "demo.yaml")) > 50


def test_a_pause_restores_the_collector_after_an_error_and_keeps_it_off_when_it_was() -> None:
    with pytest.raises(ValueError), paused():
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
