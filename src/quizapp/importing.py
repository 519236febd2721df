"""``quizapp import``: read quiz files in other formats, convert them, write a bank (SPEC §3.6)."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from quizapp.core.bank.source import SourceError, read_text
from quizapp.core.importers.draft import ImportFormatError, Parsed, Skipped, control_character
from quizapp.core.importers.formats import IMPORTERS, detect
from quizapp.core.importers.writer import Options, Source, build_bank, clean_name, slug
from quizapp.core.text import visible
from quizapp.core.words import plural
from quizapp.paths import DataDirError, data_dir, ensure_dir

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class _RefusedError(Exception):
    """A usage error: one line on stderr, exit status 2, nothing written."""


def cmd_import(args: argparse.Namespace, err: TextIO = sys.stderr, out: TextIO = sys.stdout) -> int:
    """Convert ``args.files``: exit 0 all converted, 1 some skipped, 2 usage error or none."""
    try:
        return _run(args, err, out)
    except _RefusedError as exc:
        print(f"quizapp: error: {visible(str(exc), one_line=True)}", file=err)
        return 2


def _run(args: argparse.Namespace, err: TextIO, out: TextIO) -> int:
    for name, value in (
        ("--topic", args.topic),
        ("--domain", args.domain),
        ("--title", args.title),
    ):
        if value is not None and (not value.strip() or control_character(value)):
            raise _RefusedError(f"{name} needs some text and no control characters")
    first = Path(args.files[0])
    bank_id = args.bank_id if args.bank_id is not None else (slug(first.stem, 60) or "imported")
    if not _ID.match(bank_id) or len(bank_id) > 80:
        raise _RefusedError(
            f"bank id '{bank_id}': use lowercase letters, digits and '-' (--bank-id)"
        )
    target = _target(args, bank_id)  # every refusal comes before any work or output
    texts = [(f, _read(Path(f))) for f in args.files]
    fmt = args.fmt
    if fmt == "auto":
        chosen = [(f, *detect(f, t)) for f, t in texts]
        kinds = {k for _, k, _ in chosen}
        if len(kinds) > 1:
            each = ", ".join(f"{f}: {k}" for f, k, _ in chosen)
            raise _RefusedError(f"the files are in different formats ({each}); give --from")
        fmt, why = chosen[0][1], chosen[0][2]
        names = visible(", ".join(args.files), one_line=True)
        print(f"reading {names} as {fmt}: {why} (--from overrides)", file=err)
    sources = [Source(f, _parse(fmt, t)) for f, t in texts]
    title = args.title or sources[0].parsed.title or first.stem
    options = Options(bank_id, clean_name(title)[:200] or bank_id, fmt, args.topic, args.domain)
    try:
        built = build_bank(sources, options)
    except ValueError as exc:
        raise _RefusedError(str(exc)) from None
    for line in built.report:
        print(visible(line.format(), one_line=True), file=err)
    if built.text is None:
        print(f"converted 0 of {plural(built.total, 'question')}: nothing written", file=err)
        return 2
    if target is None:
        out.write(built.text)
        shown = "standard output"
    else:
        _write_new(target, built.text)
        shown = visible(str(target), one_line=True)
    skipped = f" ({built.skipped} skipped)" if built.skipped else ""
    print(
        f"converted {built.converted} of {plural(built.total, 'question')}{skipped} into {shown}",
        file=err,
    )
    return 1 if built.skipped else 0


def _read(path: Path) -> str:
    if not path.is_file():
        raise _RefusedError(f"no such file: {path}")
    try:
        return read_text(path)
    except SourceError as exc:
        (mark, message), *_ = exc.problems
        raise _RefusedError(f"{path}:{mark.line}:{mark.column}: {message}") from None


def _parse(fmt: str, text: str) -> Parsed:
    try:
        return IMPORTERS[fmt](text)
    except ImportFormatError as exc:
        return Parsed(skipped=[Skipped(1, f"not {fmt}: {exc}")])


def _target(args: argparse.Namespace, bank_id: str) -> Path | None:
    """The file to write (None for stdout), refused early when it exists or cannot be."""
    if args.output == "-":
        return None
    if args.output is not None:
        target = Path(args.output)
        if target.suffix not in {".yaml", ".yml"}:
            raise _RefusedError(f"{target}: a bank file name ends in .yaml or .yml")
    else:
        home = data_dir(args.data_dir)
        target = home / "banks" / f"{bank_id}.yaml"
        _refuse_taken_id(args, bank_id, target)
        try:
            ensure_dir(home)
            ensure_dir(target.parent)
        except DataDirError as exc:
            raise _RefusedError(str(exc)) from None
    if target.exists():
        raise _RefusedError(f"{target} already exists; quizapp never overwrites a file")
    return target


def _refuse_taken_id(args: argparse.Namespace, bank_id: str, target: Path) -> None:
    """A bank in the data dir whose id is already loaded would be refused at every start."""
    from quizapp.context import make_context

    try:
        library = make_context(
            data_dir_override=args.data_dir, extra_banks=args.banks, bundled=not args.no_bundled
        ).library
    except ValueError:
        return
    taken = library.banks.get(bank_id)
    if taken is not None and Path(taken.path) != target:
        raise _RefusedError(
            f"bank id '{bank_id}' is already used by {taken.path}; choose --bank-id"
        )


def _write_new(target: Path, text: str) -> None:
    """Write whole or not at all, and never over an existing file (link fails if it exists)."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise _RefusedError(f"cannot write {target}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.link(tmp, target)
    except FileExistsError:
        raise _RefusedError(f"{target} already exists; quizapp never overwrites a file") from None
    except OSError as exc:
        raise _RefusedError(f"cannot write {target}: {exc.strerror}") from None
    finally:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
