"""Break each rule on purpose, one at a time in a scratch copy, and name the test that fails.

    python scripts/mutate.py              # every mutation, against the whole suite
    python scripts/mutate.py seed limit   # only those whose name contains a word given
    python scripts/mutate.py --tests tests/unit/test_service.py owner   # a quicker suite

Each mutation replaces one exact piece of source (it must occur exactly once). A mutation
that no test catches is printed as SURVIVED and makes the script exit 1. Not a test: it
runs the suite once per mutation, which takes minutes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUITE = ["tests/unit", "tests/cli", "tests/tui", "tests/architecture", "tests/snapshots"]
# Packaging builds a wheel: slow, and about the build, not a rule of the app.
TIMEOUT = 300  # seconds: the whole suite takes about one minute
SKIP = ["--deselect", "tests/cli/test_packaging.py::test_wheel_installs_in_a_fresh_venv"]


@dataclass(frozen=True)
class Mutation:
    """One rule broken: ``old`` becomes ``new`` in ``path``."""

    name: str
    path: str
    old: str
    new: str


SVC = "src/quizapp/service/exams.py"
ATT = "src/quizapp/service/attempt.py"
SEL = "src/quizapp/core/exam/selection.py"
DB = "src/quizapp/storage/database.py"
MIG = "src/quizapp/storage/migrations.py"
MUTATIONS = [
    Mutation(
        "--no-adapt ignored",
        "src/quizapp/cli.py",
        "adaptive=False if args.no_adapt else None",
        "adaptive=None",
    ),
    Mutation(
        "resume drops the options (always a new attempt)",
        SVC,
        "found = self.attempts.open_attempt(spec.id, mode)",
        "found = None",
    ),
    Mutation(
        "a given option never conflicts",
        "src/quizapp/core/exam/options.py",
        "if mine is not None and mine != getattr(stored, name):",
        "if False:",
    ),
    Mutation(
        "--restart resumes instead",
        SVC,
        "if found is not None and not restart:",
        "if found is not None:",
    ),
    Mutation(
        "unsure after a check never counts (study at the end only)",
        ATT,
        "        if self.session.responses[position].checked:\n            self._study(position)",
        "        return",
    ),
    Mutation(
        "study applied more than once (neither the copy's flag nor the stored one checked)",
        ATT,
        "        if resp.studied or not s.answered(position) or self.changed(position):\n"
        "            return  # incomplete and changed questions teach nothing about the user\n"
        "        now = self.now()\n"
        "        correct = self.correct(position)\n"
        "        with transaction(self.attempts.conn):\n"
        "            if self.attempts.studied(self.id, position):",
        "        if not s.answered(position) or self.changed(position):\n"
        "            return\n"
        "        now = self.now()\n"
        "        correct = self.correct(position)\n"
        "        with transaction(self.attempts.conn):\n"
        "            if False:",
    ),
    Mutation(
        "time-out under an overlay replaces only the top screen",
        "src/quizapp/tui/stack.py",
        "    while len(app.screen_stack) > 1 and not isinstance(app.screen, HomeScreen):\n"
        "        app.pop_screen()\n    app.push_screen(screen)",
        "    app.switch_screen(screen)",
    ),
    Mutation(
        "a retry is stored as practice",
        SVC,
        'mode="retry", started_at=self.now(), seed=seed',
        'mode="practice", started_at=self.now(), seed=seed',
    ),
    Mutation(
        "a retry includes every question",
        SVC,
        "for pos in finished.result().missed:",
        "for pos in range(len(s.items)):",
    ),
    Mutation(
        "the drill never resumes",
        SVC,
        'found = self.attempts.open_attempt(DRILL_ID, "review")',
        "found = None",
    ),
    Mutation(
        "--limit applied before skipping unloaded banks",
        SVC,
        "for key in self.study.due_keys(now):",
        "for key in self.study.due_keys(now)[:limit]:",
    ),
    Mutation(
        "--limit ignored",
        SVC,
        "if limit is not None and len(items) >= limit:",
        "if False:",
    ),
    Mutation(
        "due order reversed",
        "src/quizapp/storage/study.py",
        '" ORDER BY due, question_key"',
        '" ORDER BY due DESC, question_key"',
    ),
    Mutation(
        "resume line omits --practice",
        SVC,
        'practice = " --practice" if session.mode == "practice" else ""',
        'practice = ""',
    ),
    Mutation(
        "resume line after a drill names an exam",
        SVC,
        'return f"quizapp review{suffix}"',
        'return f"quizapp exam review{suffix}"',
    ),
    Mutation(
        "question changed forever (right answers keep the old fingerprint)",
        "src/quizapp/core/study/notebook.py",
        'fingerprint=fingerprint,  # answered right as it reads now: no longer "changed"\n',
        "",
    ),
    Mutation(
        "one of two boxes ticked counts as answered",
        "src/quizapp/core/exam/session.py",
        "return len(picked) == item.needs if item.needs else bool(picked)",
        "return bool(picked)",
    ),
    Mutation(
        "--seed ignored",
        SVC,
        "seed = options.seed if options.seed is not None else self.new_seed()",
        "seed = self.new_seed()",
    ),
    Mutation(
        "--minutes ignored",
        SVC,
        "questions=options.questions,\n                minutes=options.minutes,",
        "questions=options.questions,\n                minutes=None,",
    ),
    Mutation("--questions ignored", SVC, "questions=options.questions,", "questions=None,"),
    Mutation("plain ? ignored", "src/quizapp/plain.py", 'if line == "?":', 'if line == "?!":'),
    Mutation(
        "plain second pass never run",
        "src/quizapp/plain.py",
        'if reply.lower().startswith("y") and not self._pass(pending):',
        'if reply.lower().startswith("y") and False:',
    ),
    Mutation(
        "mastered at 60 days instead of 21",
        "src/quizapp/core/study/scheduler.py",
        "MASTERED_AFTER = timedelta(days=21)",
        "MASTERED_AFTER = timedelta(days=60)",
    ),
    Mutation(
        "the under-10-minutes warning never shown",
        "src/quizapp/tui/screens/exam.py",
        "elif left < 600:",
        "elif left < 0:",
    ),
    Mutation(
        "the custom exam ignores its topics",
        "src/quizapp/tui/screens/custom.py",
        'custom_exam(banks=banks or ("*",), topics=topics,',
        'custom_exam(banks=("*",), topics=(),',
    ),
    Mutation(
        "the custom exam ignores its Practice box",
        "src/quizapp/tui/screens/custom.py",
        '"practice" if practice else "exam", options',
        '"exam", options',
    ),
    Mutation(
        "the adaptive pass does not prefer weak topics",
        SEL,
        "take += weak[:cap]\n    taken.update(weak[:cap])",
        "take += []",
    ),
    Mutation(
        "weak topics take every slot (no 60% cap)",
        SEL,
        "cap = math.ceil((slots - len(take)) * WEAK_SHARE)",
        "cap = slots",
    ),
    Mutation(
        "the adaptive pass does not prefer unseen questions",
        SEL,
        "rest.sort(key=lambda k: (k in history.seen, last_seen(k)))",
        "rest.sort(key=lambda k: (k not in history.seen, last_seen(k)))",
    ),
    Mutation(
        "the adaptive pass does not prefer the least recently seen",
        SEL,
        "rest.sort(key=lambda k: (k in history.seen, last_seen(k)))",
        "rest.sort(key=lambda k: (k in history.seen, -last_seen(k).timestamp()))",
    ),
    Mutation(
        "due entries not first",
        SEL,
        "due = [k for k in pool if k in history.due][:slots]",
        "due: list[str] = []",
    ),
    Mutation(
        "a repeat shows last time's choice order",
        SEL,
        "if tuple(order) != avoid and (unsolved",
        "if (unsolved",
    ),
    Mutation(
        "a question changed mid-attempt is scored normally",
        ATT,
        "if q is None or self.changed(position):\n            return False",
        "if q is None:\n            return False",
    ),
    Mutation(
        "the YAML alias check removed",
        "src/quizapp/core/bank/source.py",
        "            elif cls is events.AliasEvent:\n",
        "            elif cls is events.AliasEvent:\n                continue\n",
    ),
    # Control characters and oversize texts (terminal escape injection).
    *[
        Mutation(name, path, old, new)
        for name, path, old, new in (
            (
                "a control character passes the loader",
                "src/quizapp/core/bank/models.py",
                '_PLAIN = f"^[^{CONTROLS}]*$"',
                '_PLAIN = r"^[\\s\\S]*$"',
            ),
            (
                "a control character is called a bad id, not named",
                "src/quizapp/core/bank/loader.py",
                'if bad is not None and kind in {"string_pattern_mismatch", "string_too_long"}:',
                "if False:",
            ),
            (
                "a control character in a key is called unknown, not named",
                "src/quizapp/core/bank/loader.py",
                '        if bad is not None:\n            message = f"control character',
                '        if False:\n            message = f"control character',
            ),
            (
                "no 64 KB cap on a text",
                "src/quizapp/core/bank/models.py",
                "MAX_TEXT = 64 * 1024",
                "MAX_TEXT = 64 * 1024 * 1024",
            ),
            (
                "problem messages keep raw controls",
                "src/quizapp/core/bank/problems.py",
                'object.__setattr__(self, "message", visible(self.message, one_line=True))',
                'object.__setattr__(self, "message", self.message)',
            ),
            (
                "quoted values may span lines",
                "src/quizapp/core/text.py",
                'f"[{CONTROLS}\\\\t\\\\n]"',
                'f"[{CONTROLS}]"',
            ),
            (
                "file names printed raw in problems",
                "src/quizapp/core/bank/problems.py",
                "file = visible(self.file, one_line=True)",
                "file = self.file",
            ),
            (
                "JSON passes DEL and C1 raw",
                "src/quizapp/core/text.py",
                '    return _CONTROL.sub(lambda m: f"\\\\u{ord(m.group()):04x}", text)',
                "    return text",
            ),
            (
                "stats and banks lines printed raw",
                "src/quizapp/cli.py",
                "    return visible(text, one_line=True)",
                "    return text",
            ),
            (
                "error messages printed raw",
                "src/quizapp/cli.py",
                'print(f"quizapp: error: {visible(str(exc), one_line=True)}", file=sys.stderr)\n'
                "        return 2",
                'print(f"quizapp: error: {exc}", file=sys.stderr)\n        return 2',
            ),
            (
                "plain mode prints raw",
                "src/quizapp/plain.py",
                'self.out.write(visible(text) + "\\n")',
                'self.out.write(text + "\\n")',
            ),
            (
                "Markdown export raw",
                "src/quizapp/core/study/export.py",
                "return visible(to_markdown(sheets, now))",
                "return to_markdown(sheets, now)",
            ),
            (
                "CSV export raw",
                "src/quizapp/core/study/export.py",
                "return visible(to_csv(sheets))",
                "return to_csv(sheets)",
            ),
            (
                "TUI Markdown raw",
                "src/quizapp/tui/widgets/markdowntext.py",
                "RichMarkdown(visible(text), hyperlinks=False)",
                "RichMarkdown(text, hyperlinks=False)",
            ),
            (
                "TUI row lists raw",
                "src/quizapp/tui/widgets/rowlist.py",
                "shown = visible(cell).translate(_FLAT)",
                "shown = cell.translate(_FLAT)",
            ),
            (
                "TUI banks screen shows file names raw",
                "src/quizapp/tui/screens/banks.py",
                "where = visible(short_path(p.file), one_line=True)",
                "where = short_path(p.file)",
            ),
            (
                "TUI exam header shows the stored title raw",
                "src/quizapp/tui/screens/exam.py",
                'line.append(visible(s.terms.title, one_line=True), style="bold")',
                'line.append(s.terms.title, style="bold")',
            ),
            (
                "TUI stats screen shows topics raw",
                "src/quizapp/tui/screens/stats.py",
                "Text(visible(t.topic, one_line=True))",
                "Text(t.topic)",
            ),
            (
                "TUI home shows the stored title raw",
                "src/quizapp/tui/screens/home.py",
                "title = visible(a.title, one_line=True)  # from the database",
                "title = a.title",
            ),
            (
                "TUI picker shows database labels raw",
                "src/quizapp/tui/screens/picker.py",
                "Option(Text(visible(label, one_line=True)))",
                "Option(Text(label))",
            ),
            (
                "TUI notebook filter shows the stored topic raw",
                "src/quizapp/tui/screens/notebook.py",
                "shown = visible(shown, one_line=True)",
                "shown = shown",
            ),
            (
                "TUI results show stored topics raw",
                "src/quizapp/tui/screens/results.py",
                "                Text(visible(item.topic, one_line=True)),",
                "                Text(item.topic),",
            ),
            (
                "TUI review screen shows topics raw",
                "src/quizapp/tui/screens/review.py",
                "Text(visible(item.topic, one_line=True)),\n                Text(visible(first",
                "Text(item.topic),\n                Text(visible(first",
            ),
        )
    ],
    Mutation(
        "enter in exam mode locks the answer",
        "src/quizapp/tui/screens/exam.py",
        "if s.feedback and s.response.picked and not s.response.checked:",
        "if s.response.picked and not s.response.checked:",
    ),
    Mutation(
        "the engine checks an exam answer",
        "src/quizapp/core/exam/session.py",
        '    if not session.feedback:\n        raise SessionError("an exam shows its answers',
        '    if False:\n        raise SessionError("an exam shows its answers',
    ),
    Mutation(
        "the pass mark is exclusive",
        "src/quizapp/core/exam/scale.py",
        "return scaled >= passing_score",
        "return scaled > passing_score",
    ),
    Mutation(
        "unfinished attempts get a verdict",
        "src/quizapp/storage/attempts.py",
        'return self.mode == "exam" and self.status in ("submitted", "expired")',
        'return self.mode != "review"',
    ),
    Mutation(
        "a healthy database that cannot be written is offered a fresh start",
        "src/quizapp/cli.py",
        "    if not exc.unusable:\n        return 1",
        "    if False:\n        return 1",
    ),
    Mutation(
        "an unwritable data dir is not said so before the database opens",
        "src/quizapp/paths.py",
        "    if not os.access(path, os.W_OK | os.X_OK):\n",
        "    if False:\n",
    ),
    Mutation(
        "a read-only database is a traceback",
        DB,
        "    if code == sqlite3.SQLITE_READONLY:",
        "    if False:",
    ),
    Mutation(
        "any error on the first reads calls the database unreadable",
        DB,
        "        if _code(exc) not in _DAMAGED:\n            raise\n",
        "",
    ),
    Mutation(
        "no quick_check on open",
        DB,
        'verdict = conn.execute("PRAGMA quick_check(1)").fetchone()[0]',
        'verdict = "ok"',
    ),
    Mutation(
        "the schema version is read before the write lock",
        MIG,
        '            conn.execute("BEGIN IMMEDIATE")\n            try:\n'
        '                version = int(conn.execute("PRAGMA user_version").fetchone()[0])\n',
        '            version = int(conn.execute("PRAGMA user_version").fetchone()[0])\n'
        '            conn.execute("BEGIN IMMEDIATE")\n            try:\n',
    ),
    Mutation(
        "the first reads are not one snapshot",
        DB,
        '        conn.execute("BEGIN")  # one snapshot',
        "        pass  # one snapshot",
    ),
    Mutation(
        "switching to WAL does not wait for another process",
        DB,
        "if _code(exc) != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:",
        "if True:",
    ),
    Mutation(
        "an older file is migrated without recognising its tables",
        DB,
        "(version >= FIRST_WITH_ID or tables != columns_at(version))",
        "(False)",
    ),
    Mutation(
        "another program's application_id is accepted",
        DB,
        "    if app_id not in (0, APPLICATION_ID):\n",
        "    if False:\n",
    ),
    Mutation(
        "older databases are not marked as quizapp's",
        MIG,
        'f"PRAGMA application_id = {APPLICATION_ID}"',
        '"SELECT 1"',
    ),
    Mutation(
        "an existing database readable by others is left so",
        DB,
        "                file.chmod(mode & 0o700)",
        "                pass",
    ),
    Mutation(
        "a FIFO or a device is read as a bank",
        "src/quizapp/core/bank/source.py",
        "        if not stat.S_ISREG(st.st_mode):\n",
        "        if False:\n",
    ),
    Mutation(
        "a bank FIFO is opened blocking",
        "src/quizapp/core/bank/source.py",
        'flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) |',
        "flags = os.O_RDONLY |",
    ),
    Mutation(
        "a file is read past its size cap",
        "src/quizapp/core/bank/source.py",
        "    if left <= 0:  # more than the size said",
        "    if False:  # more than the size said",
    ),
    Mutation(
        "the cache file is read whole, whatever it is",
        "src/quizapp/core/bank/cache.py",
        "json.loads(read_capped(self.path, CACHE_MAX_BYTES))",
        "json.loads(self.path.read_bytes())",
    ),
    Mutation(
        "a FIFO named on the command line is walked as a folder",
        "src/quizapp/core/bank/library.py",
        "    if not root.is_dir():\n",
        "    if root.is_file():\n",
    ),
    Mutation(
        "an unreadable folder is skipped silently",
        "src/quizapp/core/bank/library.py",
        "os.walk(root, onerror=unreadable)",
        "os.walk(root)",
    ),
    Mutation(
        "the cache trusts an entry whatever the file holds",
        "src/quizapp/core/bank/cache.py",
        'entry.get("sha256") == digest',
        'entry.get("sha256") is not None',
    ),
    Mutation(
        "export replaces a FIFO or a device with a file",
        "src/quizapp/files.py",
        "    if stat.S_ISREG(mode):\n",
        "    if True:\n",
    ),
    Mutation(
        "export replaces a symlink with a file",
        "src/quizapp/files.py",
        "    target = Path(os.path.realpath(target))\n",
        "",
    ),
    Mutation(
        "a new export ignores the umask",
        "src/quizapp/files.py",
        "fd = os.open(tmp, _NEW, 0o666)",
        "fd = os.open(tmp, _NEW, 0o600)",
    ),
    Mutation(
        "export resets the mode of the file it replaces",
        "src/quizapp/files.py",
        "write_atomically(target, text, mode=stat.S_IMODE(mode))",
        "write_atomically(target, text)",
    ),
    Mutation(
        "export -o - writes a file named -",
        "src/quizapp/cli.py",
        'if output is None or output == "-":',
        "if output is None:",
    ),
    Mutation(
        "claims never conflict in one process",
        "src/quizapp/service/owners.py",
        "if attempt_id in self._held:",
        "if False:",
    ),
    Mutation(
        "a second window shares the attempt (no file lock)",
        "src/quizapp/locks.py",
        "                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\n",
        "                pass\n",
    ),
    Mutation(
        "the lock outlives a killed owner (a pid file, not a lock)",
        "src/quizapp/locks.py",
        "fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)",
        "(_ for _ in ()).throw(BlockingIOError) if _holder(fd) else fcntl.flock(fd, fcntl.LOCK_EX)",
    ),
    Mutation(
        "leaving keeps the attempt owned",
        ATT,
        "        self._last_save = self._last_tick\n        self.release()\n",
        "        self._last_save = self._last_tick\n",
    ),
    Mutation(
        "study applied from a stale copy (the stored flag not re-read)",
        ATT,
        "if self.attempts.studied(self.id, position):",
        "if False:",
    ),
    Mutation(
        "a stale copy resets the studied flag",
        "src/quizapp/storage/attempts.py",
        '" studied = MAX(studied, excluded.studied)",',
        '" studied = excluded.studied",',
    ),
    Mutation(
        "a second submit rewrites the first (the status not re-read)",
        ATT,
        "if self._ended_elsewhere():  #",
        "if False:  #",
    ),
    Mutation(
        "a stale copy's answer lands on a finished attempt",
        ATT,
        "if self._ended_elsewhere():\n",
        "if False:\n",
    ),
    Mutation(
        "a stale copy's progress reopens a finished attempt",
        "src/quizapp/storage/attempts.py",
        "\" WHERE id = ? AND status = 'in_progress'\",",
        '" WHERE id = ?",',
    ),
    Mutation(
        "SIGTERM and SIGHUP kill the TUI on the spot",
        "src/quizapp/tui/app.py",
        "handle_signals=True",
        "handle_signals=False",
    ),
    Mutation(
        "a database fault during a TUI exam crashes it",
        "src/quizapp/tui/screens/exam.py",
        '        except Exception as exc:\n            self._storage_failed(exc, "that change',
        "        except ZeroDivisionError as exc:\n"
        '            self._storage_failed(exc, "that change',
    ),
    Mutation(
        "a clock save failing in the TUI crashes it",
        "src/quizapp/tui/screens/exam.py",
        "        except Exception as exc:  # the database failed under us",
        "        except ZeroDivisionError as exc:  # the database failed under us",
    ),
    Mutation(
        "readiness without enough mock answers",
        "src/quizapp/core/study/readiness.py",
        "or sum(m.answered for m in mocks) < MIN_ANSWERS or",
        "or",
    ),
    Mutation(
        "older mocks count as much as recent ones in readiness",
        "src/quizapp/core/study/readiness.py",
        "weights = [RECENT**i for i in range(len(mocks))]",
        "weights = [1.0 for i in range(len(mocks))]",
    ),
    Mutation(
        "readiness ignores topic mastery",
        "src/quizapp/core/study/readiness.py",
        "p = share * from_mocks + (1 - share) * from_mastery",
        "p = from_mocks",
    ),
    Mutation(
        "readiness ignores the domain weights",
        "src/quizapp/core/study/readiness.py",
        "sum(d.weight * d.mastery for d in domains) / domain_weight",
        "sum(d.mastery for d in domains) / len(domains)",
    ),
    Mutation(
        "readiness counts each topic of a domain alike",
        "src/quizapp/core/study/readiness.py",
        "return sum(m * n for m, n in self.topics) / total if total else 0.5",
        "return sum(m for m, _ in self.topics) / len(self.topics) if total else 0.5",
    ),
    Mutation(
        "the readiness interval ignores the mocks' own draws",
        "src/quizapp/core/study/readiness.py",
        "+ share**2 * mock_draws / whole**2",
        "",
    ),
    Mutation(
        "the pass chance ignores the spread",
        "src/quizapp/core/study/readiness.py",
        "p_pass = 0.5 * math.erfc((pass_at - p) / (sigma * math.sqrt(2)))",
        "p_pass = float(p >= pass_at)",
    ),
    Mutation(
        "readiness scores leave the exam's scale",
        "src/quizapp/core/study/readiness.py",
        "min(1.0, max(0.0, fraction))",
        "fraction",
    ),
    Mutation(
        "unfinished mock exams count for readiness",
        "src/quizapp/service/readiness.py",
        "if a.exam_id == exam.id and a.has_verdict and a.total",
        "if a.exam_id == exam.id and a.total",
    ),
    Mutation(
        "home shows no readiness figure",
        "src/quizapp/tui/screens/home.py",
        'chance = f"{ready.p_pass:.0%}" if ready is not None else "—"',
        'chance = "—"',
    ),
    Mutation(
        "the results of a mock omit readiness",
        "src/quizapp/tui/screens/results.py",
        'if s.mode == "exam" and s.terms.exam_id in self.service.library.exams:',
        "if False:",
    ),
    Mutation(
        "stats --json has no readiness",
        "src/quizapp/cli.py",
        '"readiness": ready,',
        '"readiness": [],',
    ),
]


def _copy() -> Path:
    scratch = Path(tempfile.mkdtemp(prefix="quizapp-mutant-"))
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    for name in filter(None, files):
        src = ROOT / name
        if src.is_file():
            dst = scratch / name
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    return scratch


def run(mutation: Mutation | None, suite: list[str] = SUITE) -> tuple[str, str]:
    """Apply ``mutation`` (None: none, the baseline) in a scratch copy; return (outcome, the
    first failing test)."""
    scratch = _copy()
    try:
        if mutation is not None:
            target = scratch / mutation.path
            text = target.read_text(encoding="utf-8")
            if text.count(mutation.old) != 1:
                return "NOT APPLIED", f"{mutation.old!r} occurs {text.count(mutation.old)} times"
            target.write_text(text.replace(mutation.old, mutation.new), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(scratch / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
        try:
            out = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pytest",
                    "-x",
                    "-q",
                    "-p",
                    "no:cacheprovider",
                    *SKIP,
                    *SUITE,
                ],
                cwd=scratch,
                env=env,
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            return "HUNG", f"no result in {TIMEOUT} s (a hang is not a clean catch)"
        failed = re.findall(r"^(?:FAILED|ERROR) (\S+)", out.stdout, flags=re.M)
        if out.returncode == 0:
            return "SURVIVED", ""
        return "caught", failed[0] if failed else f"pytest exit {out.returncode}"
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main(args: list[str]) -> int:
    """Run the mutations named by the words in ``args`` (all when none); one line each.

    ``--tests PATH`` (repeatable) runs those test paths instead of the whole suite.
    """
    suite: list[str] = []
    words: list[str] = []
    it = iter(args)
    for arg in it:
        if arg == "--tests":
            suite.append(next(it))
        else:
            words.append(arg)
    suite = suite or SUITE
    chosen = [m for m in MUTATIONS if not words or any(w in m.name for w in words)]
    outcome, test = run(None, suite)
    if outcome != "SURVIVED":  # the unbroken code must pass, or a failure proves nothing
        print(f"the suite fails without any mutation: {test}")
        return 2
    survived = 0
    for m in chosen:
        start = time.perf_counter()
        outcome, test = run(m, suite)
        survived += outcome != "caught"
        took = time.perf_counter() - start
        print(f"{outcome:<11} {m.name} | {test} | {took:.0f} s", flush=True)
    return 1 if survived else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
