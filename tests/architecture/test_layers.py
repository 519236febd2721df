"""The layer rules: core needs neither Textual nor sqlite3, and importing touches no disk."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import quizapp

SRC = Path(quizapp.__file__).parent


def _imported_modules(code: str, env: dict[str, str] | None = None) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return set(out.stdout.split())


def _all(package: str) -> list[str]:
    root = SRC / package.removeprefix("quizapp.").replace(".", "/")
    return sorted(
        package + "." + str(p.relative_to(root).with_suffix("")).replace("/", ".")
        for p in root.rglob("*.py")
        if p.name != "__init__.py"
    )


def test_core_imports_neither_textual_nor_sqlite3() -> None:
    core = _all("quizapp.core")
    assert "quizapp.core.exam.session" in core
    modules = _imported_modules("import " + ", ".join(core))
    assert set(core) <= modules
    assert not {m for m in modules if m.split(".")[0] in {"textual", "sqlite3", "_sqlite3"}}


def test_storage_imports_no_textual() -> None:
    modules = _imported_modules("import " + ", ".join(_all("quizapp.storage")))
    assert "quizapp.storage.attempts" in modules
    assert not {m for m in modules if m.split(".")[0] in {"textual", "rich"}}


def test_the_cli_imports_textual_only_to_run_the_tui() -> None:
    modules = _imported_modules("import quizapp.cli")
    assert "textual" not in modules


def test_core_source_names_no_ui_or_database_module() -> None:
    banned = {"textual", "rich", "sqlite3", "quizapp.tui", "quizapp.storage", "quizapp.cli"}
    for path in (SRC / "core").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not any(name == b or name.startswith(b + ".") for b in banned), (path, name)


def test_importing_everything_creates_no_files(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {
        **os.environ,
        "HOME": str(home),
        "QUIZAPP_HOME": str(tmp_path / "data"),
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
    }
    _imported_modules("import quizapp.cli, quizapp.tui.app, quizapp.context, quizapp.paths", env)
    assert list(tmp_path.iterdir()) == []


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
    return names


def _owners(banned: set[str]) -> set[str]:
    """The packages (first level below quizapp) whose source imports one of ``banned``."""
    out = set()
    for path in SRC.rglob("*.py"):
        for name in _imports(path):
            if name.split(".")[0] in banned:
                out.add(path.relative_to(SRC).parts[0].removesuffix(".py"))
    return out


def test_only_storage_imports_sqlite3() -> None:
    assert _owners({"sqlite3", "_sqlite3"}) == {"storage"}


def test_only_the_tui_imports_textual_or_rich() -> None:
    assert _owners({"textual", "rich"}) == {"tui"}


def test_the_service_runs_no_sql_and_front_ends_reach_storage_through_it() -> None:
    for path in (SRC / "service").rglob("*.py"):
        text = path.read_text()
        assert ".execute(" not in text, path
        assert "SELECT " not in text, path
    front_ends = [*(SRC / "tui").rglob("*.py"), SRC / "plain.py"]
    for path in front_ends:
        text = path.read_text()
        assert "AttemptStore" not in text, path
        assert ".attempts." not in text, path  # the context's attempt store
