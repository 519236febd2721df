"""The cyclic garbage collector paused while many objects that hold no cycles are built."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside; reference counting still frees everything it can.

    Loading or importing a bank builds tens of thousands of dicts, lists and models with no
    cycles; each collection falling due meanwhile walked all of them (and whatever else the
    process holds) for nothing: about a tenth of an import.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def without_collection(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """``fn`` run with the collector :func:`paused`."""

    @wraps(fn)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with paused():
            return fn(*args, **kwargs)

    return run
