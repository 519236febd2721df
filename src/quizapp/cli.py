"""The command line (SPEC §2): parse arguments, build the context, run a command or the TUI."""

from __future__ import annotations

import argparse
import json
import re
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from quizapp import __version__
from quizapp.context import AppContext, make_context, utc_now
from quizapp.core.bank.library import Library, load_library
from quizapp.core.bank.problems import Problem
from quizapp.core.exam.sets import practice_sets
from quizapp.core.exam.slots import plan_slots
from quizapp.core.text import json_text, visible
from quizapp.core.words import MODE_NAMES, plural, status_name
from quizapp.listing import banks_text
from quizapp.paths import DataDirError, data_dir
from quizapp.planning import add_parser as add_plan_parser
from quizapp.planning import cmd_plan
from quizapp.storage.database import DB_NAME, DatabaseError, set_aside
from quizapp.storage.faults import fault

if TYPE_CHECKING:
    from quizapp.core.exam.session import Mode
    from quizapp.core.study.readiness import Readiness

LARGEST = 1_000_000  # for --set, --questions, --minutes and --limit
BUG_HINT = "this is a bug in quizapp; please report it with the traceback above"


class UsageError(Exception):
    """A mistake in how quizapp was called: one line to stderr, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


EXAM_ID_HELP = "the exam's id, such as clf-c02 (quizapp banks lists them)"
PLAIN_HELP = "questions as lines of text, for screen readers and scripts"
JSON_HELP = "print JSON, for scripts"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = _Parser(
        prog="quizapp",
        description="Practice exams for AWS certifications. With no command it opens the home"
        " screen.",
    )
    parser.add_argument("--version", action="version", version=f"quizapp {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="where the database and user banks live")
    parser.add_argument(
        "--banks",
        metavar="DIR",
        action="append",
        default=[],
        help="extra folder of banks (repeatable)",
    )
    parser.add_argument(
        "--no-bundled", action="store_true", help="skip the banks shipped with quizapp"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("exam", help="start (or resume) a mock exam")
    p.add_argument("exam_id", metavar="EXAM_ID", help=EXAM_ID_HELP)
    p.add_argument("--practice", action="store_true", help="feedback after each answer, untimed")
    p.add_argument("--set", type=_positive, metavar="K", help="fixed practice set K of the exam")
    p.add_argument("--questions", type=_positive, metavar="N", help="number of questions")
    p.add_argument("--minutes", type=_positive, metavar="M", help="time limit in minutes")
    p.add_argument("--seed", type=_seed, metavar="S", help="same seed, same questions")
    p.add_argument(
        "--no-adapt",
        action="store_true",
        help="a random exam by the blueprint's weights, not leaning on your misses and weak topics",
    )
    p.add_argument(
        "--restart",
        action="store_true",
        help="abandon an unfinished attempt of this exam and mode, and start anew",
    )
    p.add_argument("--plain", action="store_true", help=PLAIN_HELP)

    p = sub.add_parser("review", help="drill the notebook entries that are due")
    p.add_argument("--limit", type=_positive, metavar="N", help="at most N questions")
    p.add_argument(
        "--cram", action="store_true", help="the weakest entries, due or not; schedules unchanged"
    )
    p.add_argument("--exam", metavar="E", help="with --cram: only the questions of exam E")
    p.add_argument("--topic", metavar="T", help="with --cram: only topic T")
    p.add_argument("--plain", action="store_true", help=PLAIN_HELP)

    p = sub.add_parser("notebook", help="the wrong-answer notebook")
    nb = p.add_subparsers(dest="notebook_command", metavar="ACTION", parser_class=_Parser)
    nb.required = True
    e = nb.add_parser("export", help="write the notebook as Markdown, CSV or JSON")
    e.add_argument(
        "--format",
        choices=["md", "csv", "json"],
        default="md",
        help="md (a study sheet, the default), csv (for Anki) or json",
    )
    e.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")

    p = sub.add_parser("stats", help="history and mastery")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.add_argument("--attempt", type=_seed, metavar="ID", help="show one attempt, every question")

    p = sub.add_parser("validate", help="check bank and exam files")
    p.add_argument("paths", nargs="+", metavar="PATH", help="a bank or exam file, or a folder")
    p.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text (file:line:column: ..., the default) or json",
    )
    p.add_argument("--strict", action="store_true", help="warnings count as failures")

    p = sub.add_parser("banks", help="list loaded banks, exams and load errors")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("schema", help="print the JSON Schema of the file format")
    p.add_argument(
        "kind",
        nargs="?",
        choices=["bank", "exam"],
        default="bank",
        help="bank (the default) or exam",
    )

    p = sub.add_parser("new-bank", help="write a commented template bank")
    p.add_argument("file", metavar="FILE", help="where to write it (an existing file is kept)")

    p = sub.add_parser("import", help="convert Markdown, Aiken, GIFT or CSV questions to a bank")
    p.add_argument("files", nargs="+", metavar="FILE", help="a file of questions to convert")
    p.add_argument(
        "--from",
        dest="fmt",
        choices=["auto", "markdown", "aiken", "gift", "csv"],
        default="auto",
        help="the files' format (default: told from each file)",
    )
    p.add_argument("-o", "--output", metavar="OUT.yaml", help="bank to write ('-' for stdout)")
    p.add_argument("--bank-id", metavar="ID", help="default: from the first file's name")
    p.add_argument("--title", metavar="T", help="default: the first heading or the file name")
    p.add_argument("--topic", metavar="T", help="for questions whose source names no topic")
    p.add_argument("--domain", metavar="D", help="for questions whose source names no domain")
    add_plan_parser(sub)
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    if value > LARGEST:  # no exam is longer; beyond 64 bits SQLite cannot even store it
        raise argparse.ArgumentTypeError(f"must be at most {LARGEST}, not {text}")
    return value


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not -(2**63) <= value < 2**63:  # the attempt stores it as a 64-bit SQLite integer
        raise argparse.ArgumentTypeError(f"too large: {text} (the limit is {2**63 - 1})")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run quizapp; return the process exit status."""
    try:
        args = build_parser().parse_args(argv)
        return _dispatch(args)
    except UsageError as exc:
        print(f"quizapp: error: {visible(str(exc), one_line=True)}", file=sys.stderr)
        return 2
    except DatabaseError as exc:
        return _database_problem(exc, args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except DataDirError as exc:
        print(f"quizapp: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        return _os_problem(exc)
    except Exception as exc:
        found = fault(exc)
        if found is None:
            traceback.print_exc()
            print(f"quizapp: {BUG_HINT}", file=sys.stderr)
            return 1
        database = data_dir(args.data_dir) / DB_NAME
        print(f"quizapp: error: the database {database} {found}", file=sys.stderr)
        return 1


def _os_problem(exc: OSError) -> int:
    """The system refused a read or write (a full disk, a missing folder): one line, exit 1."""
    reason = exc.strerror or str(exc)
    if exc.filename is None:
        # No file named: the output itself could not be written (stdout on a full disk).
        print(f"quizapp: error: cannot write the output: {reason}", file=sys.stderr)
    else:
        print(f"quizapp: error: {exc.filename}: {reason}", file=sys.stderr)
    return 1


def _context(args: argparse.Namespace) -> AppContext:
    try:
        return make_context(
            data_dir_override=args.data_dir, extra_banks=args.banks, bundled=not args.no_bundled
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "validate":
        return cmd_validate(args.paths, fmt=args.format, strict=args.strict)
    if args.command == "schema":
        from quizapp.core.bank.schema import json_schema

        print(json.dumps(json_schema(args.kind), indent=2))
        return 0
    if args.command == "new-bank":
        return cmd_new_bank(Path(args.file))
    if args.command == "import":
        from quizapp.importing import cmd_import

        return cmd_import(args)
    ctx = _context(args)
    if args.command == "banks":
        return cmd_banks(ctx.library, as_json=args.json)
    if args.command == "stats":
        return cmd_stats(ctx, as_json=args.json, attempt=args.attempt)
    if args.command == "exam":
        return cmd_exam(ctx, args)
    if args.command == "review":
        return cmd_review(ctx, args)
    if args.command == "notebook":
        return cmd_export(ctx, args.format, args.output)
    if args.command == "plan":
        return cmd_plan(ctx, args)
    from quizapp.tui.app import run_app  # Textual is imported only when the TUI runs

    return run_app(ctx)


def _database_problem(exc: DatabaseError, args: argparse.Namespace) -> int:
    """Never overwrite a database we cannot read: say so, and offer a fresh one beside it."""
    print(f"quizapp: error: {visible(str(exc), one_line=True)}", file=sys.stderr)
    if not exc.unusable:
        return 1  # a healthy database that cannot be written now: never moved away
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(
            "quizapp: run quizapp in a terminal to start a fresh database beside it",
            file=sys.stderr,
        )
        return 1
    reply = input("Start a fresh database and keep this file renamed beside it? [y/N] ")
    if not reply.strip().lower().startswith("y"):
        return 1
    kept = set_aside(exc.path, utc_now())
    print(f"quizapp: kept the old database as {visible(str(kept))}", file=sys.stderr)
    return _dispatch(args)


def cmd_exam(ctx: AppContext, args: argparse.Namespace) -> int:
    """Start or resume a mock exam, in the TUI or in plain mode."""
    library = ctx.library
    loaded = library.exams.get(args.exam_id)
    if loaded is None:
        known = ", ".join(sorted(library.exams)) or "none loaded"
        raise UsageError(f"unknown exam '{args.exam_id}' (known: {known})")
    from quizapp.core.exam.options import StartOptions
    from quizapp.core.exam.session import SessionError
    from quizapp.service.owners import AttemptInUseError

    if args.plain:
        _require_stdin()
    mode: Mode = "practice" if args.practice else "exam"
    if args.set is not None:
        sets = loaded.exam.sets
        if not sets:
            raise UsageError(f"exam '{args.exam_id}' has no fixed practice sets")
        if args.set > sets:
            raise UsageError(f"exam '{args.exam_id}' has practice sets 1 to {sets}, not {args.set}")
        if args.questions is not None:
            raise UsageError("a practice set has the blueprint's questions: leave out --questions")
    options = StartOptions(
        questions=args.questions,
        minutes=args.minutes,
        seed=args.seed,
        adaptive=False if args.no_adapt else None,
        practice_set=args.set,
    )
    service = ctx.exams
    try:
        opened = service.open(loaded.exam, mode, options, restart=args.restart)
    except SessionError as exc:
        raise UsageError(f"exam '{args.exam_id}': {exc} (no questions available)") from None
    except AttemptInUseError as exc:
        return _in_use(exc)
    if opened.conflict is not None:
        a = opened.conflict
        raise UsageError(
            f"an unfinished {a.mode} of '{args.exam_id}' ({a.answered} of {a.total} answered) "
            f"was started with other options ({', '.join(opened.differences)}): run it without "
            "them to resume it, or add --restart to abandon it and start anew"
        )
    attempt = opened.attempt
    assert attempt is not None
    notes = opened.notes
    if opened.resumed:
        s = attempt.session
        notes = [
            f"Resumed your unfinished {s.mode}: {s.answered_count} of {len(s.items)} answered."
        ]
    if args.plain:
        from quizapp.plain import run_plain

        for note in opened.notes:
            print(visible(note))
        resume_with = service.resume_command(attempt.session, plain=True)
        return run_plain(attempt, sys.stdin, sys.stdout, resume_with=resume_with)
    from quizapp.tui.app import run_app

    return run_app(ctx, attempt=attempt, notes=notes)


def _require_stdin() -> None:
    """Plain mode reads its answers from stdin; a closed one (``<&-``) cannot give any."""
    if sys.stdin is None or sys.stdin.closed:
        raise UsageError("plain mode reads answers from standard input, but it is closed")


def cmd_review(ctx: AppContext, args: argparse.Namespace) -> int:
    """Drill the due notebook entries (or the open drill), with feedback after each answer."""
    from quizapp.service.owners import AttemptInUseError

    if args.plain:
        _require_stdin()
    if not args.cram and (args.exam is not None or args.topic is not None):
        raise UsageError("--exam and --topic choose what to cram: add --cram")
    if args.exam is not None and args.exam not in ctx.library.exams:
        known = ", ".join(sorted(ctx.library.exams)) or "none loaded"
        raise UsageError(f"unknown exam '{visible(args.exam, one_line=True)}' (known: {known})")
    service = ctx.exams
    try:
        if args.cram:
            attempt = service.cram(exam_id=args.exam, topic=args.topic, limit=args.limit)
        else:
            attempt = service.drill(args.limit)
    except AttemptInUseError as exc:
        return _in_use(exc)
    if attempt is None and args.cram:
        print("Nothing to cram: no active notebook entry matches.")
        return 0
    if attempt is None:
        counts = ctx.study.counts(ctx.clock())
        print(
            f"Nothing is due in the notebook ({counts.active} active, {counts.mastered} mastered)."
        )
        return 0
    if args.plain:
        from quizapp.plain import run_plain

        resume_with = service.resume_command(attempt.session, plain=True)
        return run_plain(attempt, sys.stdin, sys.stdout, resume_with=resume_with)
    from quizapp.tui.app import run_app

    return run_app(ctx, attempt=attempt)


def _in_use(exc: Exception) -> int:
    """Another window owns the attempt: say so in one line; the attempt stays as it is."""
    print(f"quizapp: error: {exc}", file=sys.stderr)
    return 1


def cmd_export(ctx: AppContext, fmt: str, output: str | None) -> int:
    """Write the notebook in ``fmt`` to ``output`` (see ``write_output``) or to stdout."""
    from quizapp.core.study.export import build_sheets, render

    now = ctx.clock()
    text = render(build_sheets(ctx.study.entries(), ctx.library, now), fmt, now)  # type: ignore[arg-type]
    if output is None or output == "-":
        sys.stdout.write(text)
        return 0
    from quizapp.files import write_output

    target = Path(output)
    try:
        write_output(target, text)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror}") from None
    print(f"wrote {visible(str(target), one_line=True)}", file=sys.stderr)
    return 0


def stats_report(ctx: AppContext, found: list[Readiness | None] | None = None) -> dict[str, Any]:
    """The ``quizapp stats --json`` object (SPEC §7.2); ``found`` as ``readiness_of`` gave it."""
    from quizapp.transcript import summary_dict

    attempts = [summary_dict(a) for a in ctx.exams.history_list()]
    now = ctx.clock()
    ready = readiness_report(ctx, readiness_of(ctx) if found is None else found)
    topics = [
        {
            "topic": t.topic,
            "answered": t.answered,
            "correct": t.correct,
            "mastery": round(t.mastery(now), 2),
        }
        for t in ctx.study.topics()
    ]
    counts = ctx.study.counts(now)
    return {
        "attempts": attempts,
        "topics": topics,
        "notebook": {"active": counts.active, "due": counts.due, "mastered": counts.mastered},
        "readiness": ready,
    }


def readiness_of(ctx: AppContext) -> list[Readiness | None]:
    """One readiness estimate per loaded exam, in their order; None while data is short."""
    from quizapp.core.exam.slots import plan_slots
    from quizapp.service.readiness import readiness

    attempts, topics, now = ctx.exams.history_list("exam"), ctx.study.topics(), ctx.clock()
    return [
        readiness(plan_slots(loaded.exam, ctx.library), ctx.library, attempts, topics, now)
        for loaded in ctx.library.exams.values()
    ]


def readiness_report(ctx: AppContext, found: list[Readiness | None]) -> list[dict[str, Any]]:
    """The estimates as ``stats --json`` gives them: figures null while data is short."""
    unknown = dict.fromkeys(("p_pass", "expected_score", "low", "high"))
    return [
        r.as_json()
        if r is not None
        else {"exam": loaded.exam.id, **unknown, "based_on": "not enough data"}
        for loaded, r in zip(ctx.library.exams.values(), found, strict=True)
    ]


def cmd_stats(
    ctx: AppContext, *, as_json: bool, attempt: int | None = None, out: TextIO = sys.stdout
) -> int:
    """Print history and topic mastery, or one attempt with every question."""
    if attempt is not None:
        from quizapp.transcript import AttemptUnavailableError, attempt_report, attempt_text

        try:
            shown = attempt_report(ctx, attempt)
        except AttemptUnavailableError as exc:
            raise UsageError(str(exc)) from None
        out.write(json_text(shown) + "\n" if as_json else attempt_text(shown))
        return 0
    found = readiness_of(ctx)
    report = stats_report(ctx, found)
    if as_json:
        out.write(json_text(report) + "\n")
        return 0
    if not report["attempts"]:
        out.write("No attempts yet. Start one with: quizapp exam clf-c02\n")
        return 0
    out.write("Attempts\n")
    for a in report["attempts"]:
        verdict = "pass" if a["passed"] else "fail"
        # No verdict (practice, retry, drill, unfinished): the tally alone, never a score.
        score = "" if a["passed"] is None else f"{a['scaled_score']:>4} {verdict}"
        mode = MODE_NAMES.get(a["mode"], a["mode"]).lower()
        exam, mode, status = _line(a["exam"]), _line(mode), _line(status_name(a["status"]))
        out.write(
            f"  #{a['id']:<4} {exam:<18} {mode:<8} {status:<11} "
            f"{a['correct']:>3}/{a['total']:<3} {a['percent']:>5.1f}%  {score}".rstrip()
            + "\n"
        )
    from quizapp.transcript import scores_note

    note = scores_note(ctx.exams.history_list())
    if note is not None:
        out.write(_line(note) + "\n")
    out.write("One attempt with every question: quizapp stats --attempt ID\n")
    out.write("Topics (weakest first)\n")
    for t in sorted(report["topics"], key=lambda t: t["mastery"]):
        out.write(
            f"  {t['mastery']:.2f}  {t['correct']:>3}/{t['answered']:<3} {_line(t['topic'])}\n"
        )
    write_progress(ctx, out)
    nb = report["notebook"]
    out.write(f"Notebook: {nb['active']} active, {nb['due']} due now, {nb['mastered']} mastered\n")
    out.write("Readiness (estimates of a fresh mock exam)\n")
    for r, estimate in zip(report["readiness"], found, strict=True):
        if estimate is None:
            out.write(f"  {_line(r['exam']):<18} not enough data yet\n")
            continue
        out.write(
            f"  {_line(r['exam']):<18} {r['p_pass']:>4.0%} chance to pass · expected"
            f" {r['expected_score']} ({r['low']}-{r['high']}) · from {estimate.basis}\n"
        )
    return 0


def write_progress(ctx: AppContext, out: TextIO) -> None:
    """The numbers of the stats screen's charts: scores over time and mastery per domain."""
    from quizapp.core.study.progress import exam_progress

    now = ctx.clock()
    progress = exam_progress(ctx.exams.history_list(), ctx.library, ctx.study.topics(), now)
    if progress:
        out.write("Progress per exam (scores oldest first, mastery per domain)\n")
    for p in progress:
        out.write(f"  {_line(p.title)} · pass at {p.passing_score} ({p.pass_fraction:.0%} right)\n")
        for pt in p.history.points if p.history else ():
            verdict = "pass" if pt.passed else "fail"
            out.write(f"    score    {pt.at:%Y-%m-%d} {pt.score:>4} {verdict}\n")
        for d in p.domains:
            level = "   —" if d.mastery is None else f"{d.mastery:>4.0%}"
            answers = plural(d.answered, "answer") if d.answered else "no answers"
            out.write(f"    mastery  {level}  {answers:<11} {_line(d.name)}\n")


def cmd_validate(paths: Sequence[str], *, fmt: str, strict: bool, out: TextIO = sys.stdout) -> int:
    """Check files and folders; exit 0 clean, 1 problems, 2 usage error."""
    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists():
            raise UsageError(f"no such file or folder: {root}")
    library = load_library(roots)
    problems = library.problems
    if fmt == "json":
        out.write(json_text([p.to_dict() for p in problems]) + "\n")
    else:
        for p in problems:
            out.write(p.format() + "\n")
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    questions = len(library.questions)
    print(
        f"{plural(len(library.banks), 'bank')} ({plural(questions, 'question')}), "
        f"{plural(len(library.exams), 'exam')}: "
        f"{plural(errors, 'error')}, {plural(warnings, 'warning')}",
        file=sys.stderr,
    )
    return 1 if errors or (strict and warnings) else 0


def _line(text: str) -> str:
    """Text from a bank or the database as it may appear in one line of terminal output."""
    return visible(text, one_line=True)


def banks_report(library: Library) -> dict[str, Any]:
    """The ``quizapp banks --json`` object (SPEC §3.3)."""
    banks = []
    for bank in library.banks.values():
        banks.append(
            {
                "id": bank.id,
                "title": bank.title,
                "path": bank.path,
                "questions": len(library.by_bank[bank.id]),
                "topics": library.topic_counts(bank.id),
                "domains": library.domain_counts(bank.id),
            }
        )
    exams = []
    for loaded in library.exams.values():
        resolved = plan_slots(loaded.exam, library)
        count = loaded.exam.sets
        sets = practice_sets(resolved, count) if count else ()
        exams.append(
            {
                "id": loaded.exam.id,
                "title": loaded.exam.title,
                "path": loaded.path,
                "questions": loaded.exam.questions,
                "minutes": loaded.exam.minutes,
                "domains": [
                    {"name": d.name, "weight": d.weight, "slots": d.slots, "available": d.available}
                    for d in resolved.domains
                ],
                "sets": [
                    {"set": ps.number, "questions": len(ps.picks), "domains": ps.per_domain()}
                    for ps in sets
                ],
            }
        )
    errors = [{k: v for k, v in p.to_dict().items() if k != "question"} for p in library.problems]
    return {"banks": banks, "exams": exams, "errors": errors}


def cmd_banks(library: Library, *, as_json: bool, out: TextIO = sys.stdout) -> int:
    """List banks, exams and load problems."""
    report = banks_report(library)
    if as_json:
        out.write(json_text(report) + "\n")
        return 0
    out.write(banks_text(report))
    if library.problems:
        out.write("Problems\n")
        for p in library.problems:
            out.write(f"  {Problem.format(p)}\n")
    return 0


def cmd_new_bank(target: Path) -> int:
    """Write the template bank to ``target``; never overwrite."""
    if target.suffix not in {".yaml", ".yml"}:
        raise UsageError(f"{target}: a bank file name ends in .yaml or .yml")
    from importlib import resources

    template = resources.files("quizapp").joinpath("templates/new-bank.yaml").read_text("utf-8")
    bank_id = re.sub(r"[^a-z0-9]+", "-", target.stem.lower()).strip("-") or "my-bank"
    text = template.replace("id: my-bank ", f"id: {bank_id} ", 1)
    try:
        with target.open("x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise UsageError(f"{target} already exists; quizapp never overwrites a file") from None
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror}") from None
    shown = visible(str(target), one_line=True)
    print(f"wrote {shown}; check it with: quizapp validate {shown}", file=sys.stderr)
    return 0
