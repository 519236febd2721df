"""``quizapp import`` as a subprocess: exit codes, the report, where the bank goes, and the app
picking the bank up."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from quizapp.core.bank.loader import load_text
from tests.cli.conftest import Run

MARKDOWN = """\
# Storage drill

Practice questions about AWS storage, written for this test.

## Object storage

### Which service stores objects in buckets?

- [ ] Amazon EBS
- [x] Amazon S3
- [ ] Amazon EFS

### Which two S3 storage classes suit rarely read data?

- [x] S3 Glacier Flexible Retrieval
- [ ] S3 Standard
- [x] S3 Glacier Deep Archive

### Nobody checked a box here

- [ ] One
- [ ] Two
"""
CLEAN = "### Which is block storage?\n\n- [x] Amazon EBS\n- [ ] Amazon S3\n"
AIKEN = "Which service is a CDN?\nA. Amazon CloudFront\nB. Amazon RDS\nANSWER: A\n"
GIFT = "::cdn::Which service is a CDN?{=Amazon CloudFront ~Amazon RDS}\n"
CSV = "question;a;b;answer;topic\r\nWhich service is a CDN?;Amazon CloudFront;Amazon RDS;A;Edge\r\n"


def _bank(path: Path) -> dict[str, object]:
    loaded = load_text(path.read_text(encoding="utf-8"), str(path))
    assert [p.format() for p in loaded.problems if p.severity == "error"] == []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_default_output_goes_to_the_data_dir_and_the_app_lists_the_bank(
    run: Run, tmp_path: Path, isolated_home: Path
) -> None:
    (tmp_path / "storage-drill.md").write_text(MARKDOWN)
    result = run("import", "storage-drill.md")
    target = isolated_home / "banks" / "storage-drill.yaml"
    assert result.returncode == 1  # one item skipped, the bank still written
    assert result.stderr.splitlines() == [
        "reading storage-drill.md as markdown: its extension .md (--from overrides)",
        "storage-drill.md:19: skipped: no checked choice",
        f"converted 2 of 3 questions (1 skipped) into {target}",
    ]
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=bank.schema.json\n")
    assert "storage-drill.md" in text.split("\n")[1]
    assert _bank(target)["bank"] == {
        "id": "storage-drill",
        "title": "Storage drill",
        "description": "Imported from storage-drill.md (Markdown).",
        "tags": ["imported"],
    }
    listed = json.loads(run("banks", "--json").stdout)
    (bank,) = [b for b in listed["banks"] if b["id"] == "storage-drill"]
    assert bank["questions"] == 2
    assert bank["topics"] == {"Object storage": 2}
    mine = [e for e in listed["errors"] if "storage-drill" in e["file"]]
    assert {e["severity"] for e in mine} == {"warning"}  # only "has no explanation"
    checked = run("validate", str(target))
    assert checked.returncode == 0
    assert "0 errors, 2 warnings" in checked.stderr  # no explanations: warnings only


def test_everything_converted_exits_0_and_the_multiple_response_question_is_kept(
    run: Run, tmp_path: Path
) -> None:
    (tmp_path / "clean.md").write_text(MARKDOWN.split("### Nobody")[0])
    result = run("import", "clean.md", "-o", "out.yaml")
    assert result.returncode == 0
    assert result.stderr.splitlines()[-1] == "converted 2 of 2 questions into out.yaml"
    loaded = load_text((tmp_path / "out.yaml").read_text(), "out.yaml")
    assert loaded.bank is not None
    assert [q.multiple for q in loaded.bank.questions] == [False, True]


def test_dash_o_dash_writes_the_bank_to_stdout_and_the_report_to_stderr(
    run: Run, tmp_path: Path, isolated_home: Path
) -> None:
    (tmp_path / "q.md").write_text(MARKDOWN)
    result = run("import", "q.md", "--from", "markdown", "-o", "-")
    assert result.returncode == 1
    loaded = load_text(result.stdout, "stdout")
    assert loaded.bank is not None
    assert len(loaded.bank.questions) == 2
    assert "q.md:19: skipped: no checked choice" in result.stderr
    assert "reading" not in result.stderr  # --from given: nothing to guess
    assert result.stderr.splitlines()[-1].endswith("into standard output")
    assert not (isolated_home / "banks").exists()


def test_an_existing_file_is_never_overwritten(
    run: Run, tmp_path: Path, isolated_home: Path
) -> None:
    (tmp_path / "q.md").write_text(CLEAN)
    (tmp_path / "out.yaml").write_text("mine\n")
    result = run("import", "q.md", "-o", "out.yaml")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "quizapp: error: out.yaml already exists; quizapp never overwrites a file"
    )
    assert (tmp_path / "out.yaml").read_text() == "mine\n"
    assert run("import", "q.md").returncode == 0
    again = run("import", "q.md")
    assert again.returncode == 2
    assert "already exists" in again.stderr
    assert [p.name for p in (isolated_home / "banks").iterdir()] == ["q.yaml"]


def test_nothing_convertible_exits_2_and_writes_nothing(run: Run, tmp_path: Path) -> None:
    (tmp_path / "none.md").write_text("# Notes\n\n### A question\n\n- [ ] One\n- [ ] Two\n")
    result = run("import", "none.md", "-o", "out.yaml")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-2:] == [
        "none.md:3: skipped: no checked choice",
        "converted 0 of 1 question: nothing written",
    ]
    assert not (tmp_path / "out.yaml").exists()


def test_usage_errors_exit_2_with_one_line(run: Run, tmp_path: Path) -> None:
    (tmp_path / "q.md").write_text(CLEAN)
    cases = {
        ("import", "missing.md"): "no such file: missing.md",
        ("import", "q.md", "--bank-id", "Not Valid"): "bank id 'Not Valid'",
        ("import", "q.md", "-o", "out.txt"): "out.txt: a bank file name ends in .yaml or .yml",
        ("import", "q.md", "--from", "docx"): "invalid choice: 'docx'",
        ("import", "q.md", "--topic", " "): "--topic needs some text",
        ("import", "q.md", "--bank-id", "aws-lambda"): "bank id 'aws-lambda' is already used",
    }
    for args, message in cases.items():
        result = run(*args)
        assert result.returncode == 2, args
        assert message in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_options_set_the_id_title_topic_and_domain(run: Run, tmp_path: Path) -> None:
    (tmp_path / "q.md").write_text(CLEAN)
    result = run(
        "import", "q.md", "-o", "out.yaml", "--bank-id", "my-storage", "--title", "My storage",
        "--topic", "Block storage", "--domain", "Cloud Technology and Services",
    )  # fmt: skip
    assert result.returncode == 0
    data = _bank(tmp_path / "out.yaml")
    assert data["bank"]["id"] == "my-storage"  # type: ignore[index]
    assert data["bank"]["title"] == "My storage"  # type: ignore[index]
    (q,) = data["questions"]  # type: ignore[misc]
    assert (q["topic"], q["domain"]) == ("Block storage", "Cloud Technology and Services")


def test_the_same_file_imported_twice_gives_the_same_ids(run: Run, tmp_path: Path) -> None:
    (tmp_path / "q.md").write_text(MARKDOWN)
    run("import", "q.md", "-o", "one.yaml")
    run("import", "q.md", "-o", "two.yaml")
    one, two = (_bank(tmp_path / n) for n in ("one.yaml", "two.yaml"))
    ids = [q["id"] for q in one["questions"]]  # type: ignore[attr-defined]
    assert ids == [q["id"] for q in two["questions"]]  # type: ignore[attr-defined]
    assert ids[0].startswith("which-service-stores-objects-in-buckets-")


def test_auto_says_which_format_it_chose_for_each_kind_of_file(run: Run, tmp_path: Path) -> None:
    files = {"cdn.gift": GIFT, "cdn.csv": CSV, "aiken.txt": AIKEN, "notes.txt": CLEAN}
    reasons = {
        "cdn.gift": "as gift: its extension .gift",
        "cdn.csv": "as csv: its extension .csv",
        "aiken.txt": "as aiken: its ANSWER: lines",
        "notes.txt": "as markdown: its Markdown headings and checkboxes",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, newline="")
        result = run("import", name, "-o", f"{name}.yaml")
        assert result.returncode == 0, result.stderr
        assert reasons[name] in result.stderr.splitlines()[0]
        data = _bank(tmp_path / f"{name}.yaml")
        assert len(data["questions"]) == 1  # type: ignore[arg-type]
    gift = _bank(tmp_path / "cdn.gift.yaml")
    assert gift["questions"][0]["id"] == "cdn"  # type: ignore[index]
    assert _bank(tmp_path / "cdn.csv.yaml")["questions"][0]["topic"] == "Edge"  # type: ignore[index]


def test_several_files_of_one_format_make_one_bank(run: Run, tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text(MARKDOWN)
    (tmp_path / "two.md").write_text(CLEAN)
    (tmp_path / "three.gift").write_text(GIFT)
    result = run("import", "one.md", "two.md", "-o", "both.yaml")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "converted 3 of 4 questions (1 skipped) into both.yaml"
    )
    data = _bank(tmp_path / "both.yaml")
    assert data["bank"]["id"] == "one"  # type: ignore[index]
    mixed = run("import", "one.md", "three.gift", "-o", "mixed.yaml")
    assert mixed.returncode == 2
    assert "different formats" in mixed.stderr


def test_a_csv_header_without_the_needed_columns_is_reported_and_nothing_written(
    run: Run, tmp_path: Path
) -> None:
    (tmp_path / "prices.csv").write_text("name,price\nLambda,cheap\n")
    result = run("import", "prices.csv", "-o", "out.yaml")
    assert result.returncode == 2
    assert result.stderr.splitlines()[1].startswith("prices.csv:1: skipped: not csv: header row")
    assert not (tmp_path / "out.yaml").exists()


def test_an_exam_blueprint_finds_the_imported_questions(
    run: Run, tmp_path: Path, isolated_home: Path
) -> None:
    (tmp_path / "drill.md").write_text(MARKDOWN)
    run("import", "drill.md", "--domain", "Storage")
    exams = tmp_path / "exams"
    exams.mkdir()
    (exams / "drill.yaml").write_text(
        "exam:\n  id: drill\n  title: Drill\n  questions: 2\n  domains:\n"
        "    - name: Storage\n      weight: 100\n  banks: [drill]\n"
    )
    listed = json.loads(run("--banks", str(exams), "banks", "--json").stdout)
    (exam,) = [e for e in listed["exams"] if e["id"] == "drill"]
    assert exam["domains"] == [{"name": "Storage", "weight": 100, "slots": 2, "available": 2}]


def test_new_bank_and_help_point_to_import(run: Run, tmp_path: Path) -> None:
    assert run("new-bank", "mine.yaml").returncode == 0
    assert "quizapp import FILE" in (tmp_path / "mine.yaml").read_text()
    helped = run("import", "--help")
    assert helped.returncode == 0
    assert "--from {auto,markdown,aiken,gift,csv}" in helped.stdout


def test_an_imported_bank_runs_as_an_exam_with_choose_two_shown(run: Run, tmp_path: Path) -> None:
    (tmp_path / "drill.md").write_text(MARKDOWN)
    run("import", "drill.md", "--domain", "Storage")
    exams = tmp_path / "exams"
    exams.mkdir()
    (exams / "drill.yaml").write_text(
        "exam:\n  id: drill\n  title: Drill\n  questions: 2\n  domains:\n"
        "    - name: Storage\n      weight: 100\n  banks: [drill]\n"
    )
    result = run(
        "--banks", str(exams), "exam", "drill", "--plain", "--practice", "--seed", "1",
        stdin="\n\n",
    )  # fmt: skip
    assert "Question 1 of 2 · Object storage" in result.stdout
    assert "· Object storage · (Choose two.)" in result.stdout
    assert "Which two S3 storage classes suit rarely read data?" in result.stdout


def test_partial_weights_are_a_note_and_a_non_utf8_file_is_refused(
    run: Run, tmp_path: Path
) -> None:
    (tmp_path / "w.gift").write_text("::w::Which two? {~%50%A ~%50%B ~%-100%C}\n")
    result = run("import", "w.gift", "-o", "w.yaml")
    assert result.returncode == 0  # converted: the note does not count as a skip
    assert "w.gift:1: note: partial-credit weights (50%, 50%) scored all-or-nothing" in (
        result.stderr
    )
    (tmp_path / "latin1.csv").write_bytes("question,a,b,answer\nCaf\xe9?,x,y,A\n".encode("latin-1"))
    refused = run("import", "latin1.csv", "-o", "l.yaml")
    assert refused.returncode == 2
    assert refused.stderr.startswith("quizapp: error: latin1.csv:2:")
    assert not (tmp_path / "l.yaml").exists()
