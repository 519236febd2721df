"""The library: sources in order, broken files isolated, duplicate ids refused, indexes."""

from __future__ import annotations

import io
import os
from pathlib import Path

from quizapp.cli import cmd_validate
from quizapp.context import make_context
from quizapp.core.bank.library import load_library
from tests.helpers import GOOD_BANK


def test_broken_files_never_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD_BANK)
    (tmp_path / "b.yml").write_text("bank: [\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.yaml").write_text(GOOD_BANK.replace("id: demo", "id: other"))
    (tmp_path / "notes.txt").write_text("ignored")
    library = load_library([tmp_path])
    assert sorted(library.banks) == ["demo", "other"]
    assert [Path(p.file).name for p in library.problems] == ["b.yml"]


def test_a_duplicate_bank_id_is_refused_naming_both_files(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    (first / "a.yaml").write_text(GOOD_BANK)
    (second / "a.yaml").write_text(GOOD_BANK)
    library = load_library([first, second])
    assert library.banks["demo"].path == str(first / "a.yaml")
    (problem,) = library.problems
    assert problem.file == str(second / "a.yaml")
    assert (problem.line, problem.column) == (2, 7)
    assert problem.message == f"bank id 'demo' is already used by {first / 'a.yaml'}"


def test_questions_are_indexed_by_key_topic_and_domain(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD_BANK)
    library = load_library([tmp_path])
    assert list(library.questions) == ["demo/q1", "demo/q2"]
    assert library.by_topic == {"Lambda limits": ["demo/q1"], "DynamoDB capacity": ["demo/q2"]}
    assert library.by_domain["Cloud Concepts"] == ["demo/q2"]
    assert [q.key for q in library.bank_questions("demo")] == ["demo/q1", "demo/q2"]


def test_sources_come_in_spec_order(tmp_path: Path, monkeypatch, isolated_home: Path) -> None:  # type: ignore[no-untyped-def]
    user = isolated_home / "banks"
    env1, env2, cli = tmp_path / "env1", tmp_path / "env2", tmp_path / "cli"
    for folder in (user, env1, env2, cli):
        folder.mkdir()
    monkeypatch.setenv("QUIZAPP_BANKS", f"{env1}:{env2}")
    ctx = make_context(extra_banks=[str(cli)])
    assert ctx.bank_roots[1:] == [user.resolve(), env1, env2, cli]
    assert ctx.bank_roots[0].name == "question_banks"
    assert make_context(bundled=False, extra_banks=[str(cli)]).bank_roots[-1] == cli


def test_a_missing_bank_folder_is_reported_not_fatal(tmp_path: Path) -> None:
    library = load_library([tmp_path / "nope"])
    assert [p.message for p in library.problems] == ["bank folder does not exist"]


def test_the_bundled_library_loads_cleanly() -> None:
    ctx = make_context(use_cache=False)
    library = ctx.library
    assert {"clf-c02", "aif-c01", "serverless-genai"} <= set(library.exams)
    assert {"aws-lambda", "amazon-bedrock", "amazon-dynamodb", "serverless-tradeoffs"} <= set(
        library.banks
    )
    assert [p.format() for p in library.problems if p.severity == "error"] == []


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.yaml").write_text(GOOD_BANK)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.yaml").write_text(GOOD_BANK.replace("id: demo", "id: other"))
    scandir = os.scandir

    def refuse(path):  # type: ignore[no-untyped-def]
        if Path(path) == locked:  # what chmod 000 does for anyone but root
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    out = io.StringIO()
    assert cmd_validate([str(tmp_path)], fmt="text", strict=False, out=out) == 1
    assert out.getvalue() == f"{locked}:1:1: error: cannot read folder: Permission denied\n"
