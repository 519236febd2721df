"""The command line as a subprocess: validate, banks, schema, new-bank, version, usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from quizapp import __version__
from tests.cli.conftest import Run
from tests.helpers import GOOD_BANK


def test_version(run: Run) -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"quizapp {__version__}"


def test_validate_a_clean_file_exits_0(run: Run, tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(GOOD_BANK)
    result = run("validate", "good.yaml")
    assert (result.returncode, result.stdout) == (0, "")
    assert "1 bank (2 questions), 0 exams: 0 errors, 0 warnings" in result.stderr


def test_validate_prints_gcc_style_lines_and_exits_1(run: Run, tmp_path: Path) -> None:
    (tmp_path / "banks").mkdir()
    (tmp_path / "banks" / "lambda.yaml").write_text(
        GOOD_BANK.replace("answer: [A, D]", "answer: [A, H]").replace(
            "explanation: Fifteen", "explantion: Fifteen"
        )
    )
    result = run("validate", "banks")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "banks/lambda.yaml:15:5: error: question 'q1': unknown key 'explantion' "
        "(did you mean 'explanation'?)",
        "banks/lambda.yaml:21:17: error: question 'q2': answer 'H' but there are only 5 choices",
    ]


def test_validate_json_format(run: Run, tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text(GOOD_BANK.replace("    explanation: A and D.\n", ""))
    result = run("validate", "--format", "json", "b.yaml")
    assert result.returncode == 0
    assert json.loads(result.stdout) == [
        {
            "file": "b.yaml",
            "line": 16,
            "column": 5,
            "severity": "warning",
            "message": "question 'q2' has no explanation",
            "question": "q2",
        }
    ]
    strict = run("validate", "--strict", "b.yaml")
    assert strict.returncode == 1
    assert strict.stdout == "b.yaml:16:5: warning: question 'q2' has no explanation\n"


def test_validate_usage_errors_exit_2(run: Run) -> None:
    missing = run("validate", "nope.yaml")
    assert missing.returncode == 2
    assert missing.stderr == "quizapp: error: no such file or folder: nope.yaml\n"
    no_args = run("validate")
    assert no_args.returncode == 2
    assert no_args.stderr.count("\n") == 1
    assert "Traceback" not in no_args.stderr


def test_validate_the_bundled_banks_strictly(run: Run) -> None:
    root = Path(__file__).resolve().parents[2] / "question_banks"
    result = run("validate", "--strict", str(root))
    assert result.returncode == 0, result.stdout


def test_banks_json_lists_banks_exams_and_errors(run: Run, tmp_path: Path) -> None:
    extra = tmp_path / "mine"
    extra.mkdir()
    (extra / "demo.yaml").write_text(GOOD_BANK)
    (extra / "broken.yaml").write_text("bank:\n  id: broken\n  title: [\n")
    result = run("--banks", str(extra), "banks", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    demo = next(b for b in report["banks"] if b["id"] == "demo")
    assert demo == {
        "id": "demo",
        "title": "Demo bank",
        "path": str(extra.resolve() / "demo.yaml"),
        "questions": 2,
        "topics": {"Lambda limits": 1, "DynamoDB capacity": 1},
        "domains": {"Cloud Technology and Services": 1, "Cloud Concepts": 1},
    }
    assert {"aws-lambda", "amazon-bedrock", "amazon-dynamodb"} <= {b["id"] for b in report["banks"]}
    clf = next(e for e in report["exams"] if e["id"] == "clf-c02")
    assert (clf["questions"], clf["minutes"]) == (65, 90)
    assert [(d["name"], d["slots"]) for d in clf["domains"]] == [
        ("Cloud Concepts", 16),
        ("Security and Compliance", 19),
        ("Cloud Technology and Services", 22),
        ("Billing, Pricing, and Support", 8),
    ]
    (error,) = report["errors"]
    assert error["file"] == str(extra.resolve() / "broken.yaml")
    assert (error["line"], error["severity"]) == (4, "error")
    assert set(error) == {"file", "line", "column", "severity", "message"}


def test_banks_without_bundled_and_with_env_folders(run: Run, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / "a.yaml").write_text(GOOD_BANK)
    (two / "b.yaml").write_text(GOOD_BANK.replace("id: demo", "id: second"))
    result = run("--no-bundled", "banks", "--json", env={"QUIZAPP_BANKS": f"{one}:{two}"})
    assert [b["id"] for b in json.loads(result.stdout)["banks"]] == ["demo", "second"]
    text = run("--no-bundled", "banks", env={"QUIZAPP_BANKS": str(one)})
    assert "demo" in text.stdout


def test_banks_text_fits_80_columns_and_keeps_every_title_whole(run: Run) -> None:
    text = run("banks").stdout
    report = json.loads(run("banks", "--json").stdout)
    assert max(map(len, text.splitlines())) <= 80
    lines = [line.strip() for line in text.splitlines()]
    for bank in report["banks"]:
        assert bank["title"] in text, bank["title"]
    for exam in report["exams"]:
        assert any(line.startswith(exam["id"] + "  " + exam["title"]) for line in lines)
        for d in exam["domains"]:
            assert any(
                line.startswith(d["name"])
                and line.split()[-2:] == [str(d["slots"]), str(d["available"])]
                for line in lines
            )
    # Equal practice sets are said once, not listed one by one.
    assert "6 practice sets of 65 questions" in text


def test_banks_text_marks_a_domain_without_enough_questions(run: Run, tmp_path: Path) -> None:
    (tmp_path / "demo.yaml").write_text(GOOD_BANK)
    (tmp_path / "short.yaml").write_text(
        "exam:\n  id: short\n  title: Short\n  questions: 3\n  domains:\n"
        "    - name: Cloud Concepts\n      weight: 100\n  banks: [demo]\n"
    )
    lines = run("--no-bundled", "--banks", str(tmp_path), "banks").stdout.splitlines()
    assert [line.split() for line in lines if "Cloud Concepts" in line] == [
        ["Cloud", "Concepts", "3", "1", "short"]
    ]


def test_banks_with_a_data_dir_reads_its_banks_folder(run: Run, tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "banks").mkdir(parents=True)
    (data / "banks" / "mine.yaml").write_text(GOOD_BANK)
    result = run("--data-dir", str(data), "--no-bundled", "banks", "--json")
    assert [b["id"] for b in json.loads(result.stdout)["banks"]] == ["demo"]
    assert (data / "cache" / "banks.json").exists()


@pytest.mark.parametrize("kind", ["bank", "exam"])
def test_schema_prints_json_schema(run: Run, kind: str) -> None:
    result = run("schema", kind)
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["additionalProperties"] is False
    assert kind in schema["properties"]


def test_bundled_schema_files_are_current(run: Run) -> None:
    root = Path(__file__).resolve().parents[2] / "question_banks"
    for kind in ("bank", "exam"):
        shipped = json.loads((root / "schema" / f"{kind}.schema.json").read_text())
        assert shipped == json.loads(run("schema", kind).stdout), (
            f"run: quizapp schema {kind} > question_banks/schema/{kind}.schema.json"
        )


def test_bundled_files_name_their_schema() -> None:
    root = Path(__file__).resolve().parents[2] / "question_banks"
    for path in sorted(root.rglob("*.yaml")):
        first = path.read_text().splitlines()[0]
        kind = "exam" if path.parent.name == "exams" else "bank"
        prefix = "../" if kind == "exam" else "./"
        assert first == f"# yaml-language-server: $schema={prefix}schema/{kind}.schema.json", path


def test_new_bank_round_trip(run: Run, tmp_path: Path) -> None:
    result = run("new-bank", "My Bank.yaml")
    assert result.returncode == 0, result.stderr
    written = tmp_path / "My Bank.yaml"
    data = yaml.safe_load(written.read_text())
    assert data["bank"]["id"] == "my-bank"
    kinds = {q.get("type", "choice") for q in data["questions"]}
    assert kinds == {"choice", "ordering", "matching"}
    assert any("scenario" in q for q in data["questions"])
    assert any("answer" in q for q in data["questions"])
    check = run("validate", "--strict", "My Bank.yaml")
    assert (check.returncode, check.stdout) == (0, "")
    again = run("new-bank", "My Bank.yaml")
    assert again.returncode == 2
    assert again.stderr == (
        "quizapp: error: My Bank.yaml already exists; quizapp never overwrites a file\n"
    )


def test_new_bank_template_breaks_loudly_when_edited_wrongly(run: Run, tmp_path: Path) -> None:
    run("new-bank", "t.yaml")
    path = tmp_path / "t.yaml"
    path.write_text(
        path.read_text().replace(
            "    explanation: |\n      Lambda runs", "    explantion: |\n      Lambda runs"
        )
    )
    result = run("validate", "t.yaml")
    assert result.returncode == 1
    assert "unknown key 'explantion' (did you mean 'explanation'?)" in result.stdout


def test_unknown_command_is_a_one_line_usage_error(run: Run) -> None:
    result = run("frobnicate")
    assert result.returncode == 2
    assert result.stderr.startswith("quizapp: error: argument COMMAND: invalid choice")
    assert result.stderr.count("\n") == 1


def test_a_damaged_database_is_reported_and_left_alone(run: Run, isolated_home: Path) -> None:
    db = isolated_home / "quizapp.db"
    db.write_bytes(b"not a database at all" * 50)
    before = db.read_bytes()
    result = run("stats", "--json")
    assert result.returncode == 1
    first, second = result.stderr.splitlines()
    assert first.startswith(f"quizapp: error: {db}: not a readable quizapp database")
    assert first.endswith("the file was left untouched")
    assert second == "quizapp: run quizapp in a terminal to start a fresh database beside it"
    assert db.read_bytes() == before
    assert "Traceback" not in result.stderr


def test_unknown_exam_and_bad_numbers_are_usage_errors(run: Run) -> None:
    unknown = run("exam", "clf-c03", "--plain")
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("quizapp: error: unknown exam 'clf-c03' (known: aif-c01,")
    bad = run("exam", "clf-c02", "--questions", "0", "--plain")
    assert bad.returncode == 2
    assert "must be 1 or more, not 0" in bad.stderr
    pinned = run("stats", env={"QUIZAPP_NOW": "tomorrow"})
    assert pinned.returncode == 2
    assert pinned.stderr == "quizapp: error: QUIZAPP_NOW is not an ISO date and time: 'tomorrow'\n"


def test_a_broken_question_is_an_error_and_its_bank_keeps_the_rest(
    run: Run, tmp_path: Path
) -> None:
    (tmp_path / "demo.yaml").write_text(GOOD_BANK.replace("answer: [A, D]", "answer: [A, G]"))
    checked = run("validate", "demo.yaml")
    assert checked.returncode == 1
    assert "demo.yaml:21:" in checked.stdout and "error: question 'q2'" in checked.stdout
    listed = run("--no-bundled", "--banks", str(tmp_path), "banks", "--json")
    report = json.loads(listed.stdout)
    assert [(b["id"], b["questions"]) for b in report["banks"]] == [("demo", 1)]
    assert [(e["line"], e["severity"]) for e in report["errors"]] == [(21, "error")]
    text = run("--no-bundled", "--banks", str(tmp_path), "banks").stdout
    assert "  demo      1  Demo bank\nExams: none loaded\n" in text
