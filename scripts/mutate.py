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
SCHED = "src/quizapp/core/study/scheduler.py"
PLAN = "src/quizapp/core/study/plan.py"

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
        "self._drill_items(self.study.due_keys(now), limit,",
        "self._drill_items(self.study.due_keys(now)[: limit or None], limit,",
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
        'return f"quizapp review{cram}{suffix}"',
        'return f"quizapp exam review{cram}{suffix}"',
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
        "questions=options.questions,\n            minutes=options.minutes,",
        "questions=options.questions,\n            minutes=None,",
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
                'Part(visible(s.terms.title, one_line=True), "bold", elastic=True)',
                'Part(s.terms.title, "bold", elastic=True)',
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
                "fit(visible(s.items[i].topic, one_line=True), topic_width),",
                "fit(s.items[i].topic, topic_width),",
            ),
            (
                "TUI review screen shows topics raw",
                "src/quizapp/tui/screens/review.py",
                'Text(visible(item.topic, one_line=True), overflow="ellipsis", no_wrap=True),',
                'Text(item.topic, overflow="ellipsis", no_wrap=True),',
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
        "a cram moves the schedules (the notebook step not skipped)",
        ATT,
        "            if not self.cram:\n",
        "            if True:\n",
    ),
    Mutation(
        "a cram does not count for mastery",
        ATT,
        "            self.study.record_answer(item.key, item.topic, correct, now, item.order)",
        "            if not self.cram:\n"
        "                self.study.record_answer(item.key, item.topic, correct, now, item.order)",
    ),
    Mutation(
        "a cram takes only what is due",
        SVC,
        "cram_order(self.study.summaries(), mastery",
        "cram_order([e for e in self.study.summaries() if e.is_due(now)], mastery",
    ),
    Mutation(
        "a cram does not put the most missed first",
        "src/quizapp/core/study/cram.py",
        "(-e.times_missed, ",
        "(",
    ),
    Mutation(
        "a cram does not prefer the weakest topics",
        "src/quizapp/core/study/cram.py",
        "mastery.get(e.topic, UNKNOWN), e.key",
        "e.key",
    ),
    Mutation(
        "a cram takes mastered entries",
        "src/quizapp/core/study/cram.py",
        'if e.status == "active"',
        "if True",
    ),
    Mutation(
        "--topic ignored by the cram",
        "src/quizapp/cli.py",
        "service.cram(exam_id=args.exam, topic=args.topic, limit=args.limit)",
        "service.cram(exam_id=args.exam, topic=None, limit=args.limit)",
    ),
    Mutation(
        "--exam ignored by the cram",
        "src/quizapp/cli.py",
        "service.cram(exam_id=args.exam, topic=args.topic, limit=args.limit)",
        "service.cram(exam_id=None, topic=args.topic, limit=args.limit)",
    ),
    Mutation(
        "--limit ignored by the cram",
        "src/quizapp/cli.py",
        "service.cram(exam_id=args.exam, topic=args.topic, limit=args.limit)",
        "service.cram(exam_id=args.exam, topic=args.topic, limit=None)",
    ),
    Mutation(
        "--exam and --topic accepted without --cram",
        "src/quizapp/cli.py",
        "if not args.cram and (args.exam is not None",
        "if False and (args.exam is not None",
    ),
    Mutation(
        "the open cram never resumes",
        SVC,
        "if found is not None and exam_id is None and topic is None and limit is None:",
        "if False:",
    ),
    Mutation(
        "a cram with a filter resumes the open one",
        SVC,
        "if found is not None and exam_id is None and topic is None and limit is None:",
        "if found is not None:",
    ),
    Mutation(
        "the resume line after a cram omits --cram",
        SVC,
        'cram = " --cram" if session.terms.exam_id == CRAM_ID else ""',
        'cram = ""',
    ),
    Mutation(
        "plain mode tells a cram that its schedules moved",
        "src/quizapp/plain.py",
        "        if self.attempt.cram:\n",
        "        if False:\n",
    ),
    Mutation(
        "c in the notebook ignores the topic picked",
        "src/quizapp/tui/screens/notebook.py",
        'topic = self.filters["topic"] or None',
        "topic = None",
    ),
    Mutation(
        "the notebook redraws after a drill's results closed it",
        "src/quizapp/tui/screens/notebook.py",
        'if self.query("#nb-table"):',
        "if True:",
    ),
    Mutation(
        "the charts score practice runs and unfinished attempts",
        "src/quizapp/core/study/progress.py",
        "        if a.has_verdict:\n",
        "        if True:\n",
    ),
    Mutation(
        "the charts' scores are not in time order",
        "src/quizapp/core/study/progress.py",
        "runs = sorted(by_exam[exam_id], key=lambda a: (a.ended_at or a.started_at, a.id))",
        "runs = by_exam[exam_id]",
    ),
    Mutation(
        "a domain's mastery is its first topic's, not the pooled one",
        "src/quizapp/core/study/progress.py",
        "level = pooled_mastery(found, now) if answered else None",
        "level = found[0].mastery(now) if answered else None",
    ),
    Mutation(
        "a domain without answers shows a mastery",
        "src/quizapp/core/study/progress.py",
        "level = pooled_mastery(found, now) if answered else None",
        "level = pooled_mastery(found, now)",
    ),
    Mutation(
        "pooled mastery averages the topics' figures",
        "src/quizapp/core/study/mastery.py",
        "    return mastery_from(right, total, now)\n",
        "    found = list(stats)\n"
        "    return sum(t.mastery(now) for t in found) / len(found) if found else 0.5\n",
    ),
    Mutation(
        "exams without scores or answers are charted",
        "src/quizapp/core/study/progress.py",
        "        if history is None and not any(d.answered for d in domains):\n",
        "        if False:\n",
    ),
    Mutation(
        "a chart bar is full whatever the score",
        "src/quizapp/tui/widgets/progress.py",
        "filled = round(max(0.0, min(1.0, fraction)) * width)",
        "filled = width",
    ),
    Mutation(
        "the chart's pass line sits at the end of the bar",
        "src/quizapp/tui/widgets/progress.py",
        "at = min(width - 1, round(pass_fraction * width))",
        "at = width - 1",
    ),
    Mutation(
        "quizapp stats prints no progress",
        "src/quizapp/cli.py",
        "    write_progress(ctx, out)\n",
        "",
    ),
    Mutation(
        "c on the stats screen does not scroll to the charts",
        "src/quizapp/tui/screens/stats.py",
        "        self.query_one(VerticalScroll).scroll_to_widget(",
        "        return\n        self.query_one(VerticalScroll).scroll_to_widget(",
    ),
    Mutation(
        "retention raised after the date too",
        SCHED,
        "before = exam is not None and now < exam",
        "before = exam is not None",
    ),
    Mutation(
        "no pull-in",
        SCHED,
        "new.due = pull_in(key, now, exam) or new.due",
        "pass",
    ),
    Mutation(
        "all pulled in to the eve",
        SCHED,
        "for back in (days, 1):",
        "for back in (1,):",
    ),
    Mutation(
        "the attempt ignores the exam date",
        ATT,
        "exam=self.deadline(item.key) if self.deadline is not None else None,",
        "exam=None,",
    ),
    Mutation(
        "pool seen by the date, not three days before",
        PLAN,
        "SEE_ALL_BEFORE = 3 ",
        "SEE_ALL_BEFORE = 0 ",
    ),
    Mutation(
        "questions first seen today not counted against today",
        PLAN,
        "new_today=min(unseen, max(0, quota - first_today)),",
        "new_today=min(unseen, quota),",
    ),
    Mutation(
        "last set on the exam's eve",
        PLAN,
        "LAST_MOCK_BEFORE = 2 ",
        "LAST_MOCK_BEFORE = 1 ",
    ),
    Mutation(
        "taken sets planned again",
        PLAN,
        "left = [n for n in range(1, sets + 1) if n not in taken]",
        "left = list(range(1, sets + 1))",
    ),
    Mutation(
        "practice sets never behind",
        PLAN,
        "mocks_ok=len(taken) >= sum(1 for d in planned if d < today),",
        "mocks_ok=True,",
    ),
    Mutation(
        "forecast counts only the first review",
        PLAN,
        "            at, card = max(step.due, at), step.card",
        "            break",
    ),
    Mutation(
        "forecast counts mastered entries",
        PLAN,
        '        if e.status != "active" or e.due is None:',
        "        if e.due is None:",
    ),
    Mutation(
        "a past date accepted",
        PLAN,
        "    if day < today:\n",
        "    if day < today and False:\n",
    ),
    Mutation(
        "the pool's pace never behind",
        PLAN,
        "pace_ok=len(seen_keys) >= expected_seen(len(keys), set_on, today, see_by),",
        "pace_ok=True,",
    ),
    Mutation(
        "the date form closes on a refused date",
        "src/quizapp/tui/screens/examdate.py",
        "            return\n        self.dismiss(True)",
        "        self.dismiss(True)",
    ),
    Mutation(
        "a new date leaves reviews scheduled after it",
        "src/quizapp/service/plans.py",
        "self.plans.move_due(rules.pulled_in(self.cards(exam_id), now, self.deadline))",
        "self.plans.move_due([])",
    ),
    Mutation(
        "a new date pulls in mastered entries too",
        PLAN,
        'if e.status != "active" or e.due is None or exam is None or not now < exam <= e.due:',
        "if e.due is None or exam is None or not now < exam <= e.due:",
    ),
    Mutation(
        "an unfinished mock exam counts as a taken set",
        "src/quizapp/service/plans.py",
        "if a.exam_id == found.exam_id and a.has_verdict and a.options.practice_set",
        "if a.exam_id == found.exam_id and a.options.practice_set",
    ),
    Mutation(
        "lazy plurals (1 questions)",
        "src/quizapp/core/words.py",
        "    if n == 1:\n        return word\n",
        "    if n == -1:\n        return word\n",
    ),
    Mutation(
        "engine text shown raw (no sentence)",
        "src/quizapp/tui/screens/exam.py",
        "self._message = sentence(str(exc))",
        'self._message = f"{exc}."',
    ),
    Mutation(
        "the engine's old words for a letter past the choices",
        "src/quizapp/core/exam/session.py",
        'f"this question has no choice {chr(65 + index)}: "\n'
        '            f"its choices are A to {chr(64 + item.size)}"',
        'f"there is no choice {chr(65 + index)}"',
    ),
    Mutation(
        "a shortfall is called filled when nothing filled it",
        SEL,
        "if missing and self.filled >= missing:",
        "if missing:",
    ),
    Mutation(
        "an exam of an hour shows m:ss beside h:mm:ss",
        "src/quizapp/core/exam/clock.py",
        "if hours or (minutes or 0) >= 60:",
        "if hours:",
    ),
    Mutation(
        "plain mode's time used ignores the exam's length",
        "src/quizapp/plain.py",
        "used = clock(s.elapsed, s.terms.minutes)",
        "used = clock(s.elapsed)",
    ),
    Mutation(
        "one bad question rejects its whole bank",
        "src/quizapp/core/bank/loader.py",
        "model = None if positions.problems else _without_broken_questions(raw, issues, errors)",
        "model = None",
    ),
    Mutation(
        "home counts a partly loaded bank as a file not loaded",
        "src/quizapp/tui/screens/home.py",
        "files = {p.file for p in errors if p.file not in loaded}",
        "files = {p.file for p in errors}",
    ),
    Mutation(
        "the banks screen does not say the question was left out",
        "src/quizapp/tui/screens/banks.py",
        'if p.severity == "error" and p.file in loaded:',
        "if False:",
    ),
    Mutation(
        "inline code in a choice drawn as plain text",
        "src/quizapp/tui/widgets/choices.py",
        'style=f"{style} {CODE_STYLE}".strip() if code else style',
        "style=style",
    ),
    Mutation(
        "backticks in a choice shown raw",
        "src/quizapp/tui/widgets/choices.py",
        "for piece, code in code_spans(visible(text)):",
        "for piece, code in [(visible(text), False)]:",
    ),
    Mutation(
        "a reference's address is not a link",
        "src/quizapp/tui/widgets/references.py",
        'out.append(url, style=link_style(ref.url) or "")',
        "out.append(url)",
    ),
    Mutation(
        "any scheme becomes a link",
        "src/quizapp/tui/widgets/references.py",
        "return Style(link=url) if _WEB.fullmatch(url) else None",
        "return Style(link=url)",
    ),
    Mutation(
        "references drawn by Markdown again (the address twice)",
        "src/quizapp/tui/screens/exam.py",
        'feedback.show("\\n\\n".join(parts), q.references, "*Press enter for the next question.*")',
        'feedback.show("\\n\\n".join([*parts, *(f"- [{r.url}]({r.url})" for r in q.references)]))',
    ),
    Mutation(
        "escape in the notebook search leaves the notebook",
        "src/quizapp/tui/screens/notebook.py",
        "        if search.has_focus:\n",
        "        if False:\n",
    ),
    Mutation(
        "notebook rows keep their Markdown",
        "src/quizapp/tui/screens/notebook.py",
        'first_line = plain_inline(question.strip().partition("\\n")[0])',
        'first_line = question.strip().partition("\\n")[0]',
    ),
    Mutation(
        "the notebook export ignores the filters",
        "src/quizapp/tui/screens/notebook.py",
        "keys = {e.key for e in self.shown}",
        "keys = {e.key for e in self.rows}",
    ),
    Mutation(
        "the notebook export goes beside the data dir, not into exports/",
        "src/quizapp/tui/screens/export.py",
        'return data_dir / "exports" / f"notebook-{now:%Y%m%d-%H%M}.md"',
        'return data_dir / f"notebook-{now:%Y%m%d-%H%M}.md"',
    ),
    Mutation(
        "no banks folder on first start",
        "src/quizapp/tui/app.py",
        "        prepare_banks(self.context.data_dir)",
        "        pass",
    ),
    Mutation(
        "reloaded banks do not reach the exam service",
        "src/quizapp/tui/app.py",
        "        self.service.library = library\n",
        "",
    ),
    Mutation(
        "a banks folder made since the start is not reloaded",
        "src/quizapp/context.py",
        "if user.is_dir() and user not in self.bank_roots:",
        "if False:",
    ),
    Mutation(
        "the saved theme is not applied",
        "src/quizapp/tui/app.py",
        "        if settings.theme is not None:\n            self.theme = settings.theme\n",
        "",
    ),
    Mutation(
        "a chosen theme is not saved",
        "src/quizapp/tui/app.py",
        "            write_settings(self._settings_path, Settings(theme=theme.name))\n",
        "            pass\n",
    ),
    Mutation(
        "an unknown theme in the settings is trusted",
        "src/quizapp/settings.py",
        "if not isinstance(theme, str) or theme not in themes:",
        "if not isinstance(theme, str):",
    ),
    Mutation(
        "the exam header keeps dark text on a dark bar in light themes",
        "src/quizapp/tui/screens/exam.tcss",
        "    color: $text;  /* contrasts with the bar in light themes too */\n",
        "",
    ),
    Mutation(
        "the home warning is yellow whatever the theme",
        "src/quizapp/tui/screens/home.tcss",
        "    color: $text-warning;\n    text-style: bold;",
        "    color: yellow;\n    text-style: bold;",
    ),
    Mutation(
        "exported times keep their microseconds",
        "src/quizapp/core/study/export.py",
        "return value.replace(microsecond=0).isoformat() if value else None",
        "return value.isoformat() if value else None",
    ),
    Mutation(
        "unfinished attempts get a verdict",
        "src/quizapp/core/exam/scale.py",
        'return mode == "exam" and status in ("submitted", "expired")',
        'return mode != "review"',
    ),
    Mutation(
        "practice runs and retries get a verdict",
        "src/quizapp/core/exam/scale.py",
        'return mode == "exam" and status in ("submitted", "expired")',
        'return status in ("submitted", "expired")',
    ),
    Mutation(
        "the pass line is not called an estimate",
        "src/quizapp/core/exam/scale.py",
        'return f"estimated · pass ≈ {',
        'return f"pass ≈ {',
    ),
    Mutation(
        "a readiness percent is never reached",
        "src/quizapp/core/exam/scale.py",
        'reached = "reached" if percent >= readiness_percent else "not yet"',
        'reached = "not yet"',
    ),
    Mutation(
        "a readiness percent below the pass line is accepted",
        "src/quizapp/core/bank/rules.py",
        "if exam.readiness_percent < share:",
        "if False:",
    ),
    Mutation(
        "right answers counted as gone into the notebook",
        "src/quizapp/service/attempt.py",
        "            and notebook.enters(self.correct(i), s.responses[i].unsure)\n",
        "",
    ),
    Mutation(
        "enter on an attempt in stats opens nothing",
        "src/quizapp/tui/screens/stats.py",
        "        self.app.push_screen(ResultsScreen(attempt, self.service))",
        "        return",
    ),
    Mutation(
        "an unfinished attempt opens as results",
        SVC,
        "if session is None or not session.finished:\n            return None\n        attempt",
        "if session is None:\n            return None\n        attempt",
    ),
    Mutation(
        "a reopened attempt is judged against its bank as it is now",
        SVC,
        "            attempt.stored_marks = self.attempts.marks(attempt_id)",
        "            pass",
    ),
    Mutation(
        "a click on a row only highlights it",
        "src/quizapp/tui/widgets/opentable.py",
        "            self.cursor_coordinate = Coordinate(row, column)",
        "            pass",
    ),
    Mutation(
        "the question list grows past the screen (the page does not follow the cursor)",
        "src/quizapp/tui/screens/results.py",
        "ResultsScreen #results-questions { height: 1fr;",
        "ResultsScreen #results-questions { height: auto;",
    ),
    Mutation(
        "the results columns run past the screen",
        "src/quizapp/tui/screens/results.py",
        "topic_width = max(8, self.app.size.width - used)",
        "topic_width = max(8, self.app.size.width - 30)",
    ),
    Mutation(
        "the wrong filter keeps every question",
        "src/quizapp/tui/screens/results.py",
        "                return i in missed",
        "                return True",
    ),
    Mutation(
        "the flagged filter keeps every question",
        "src/quizapp/tui/screens/results.py",
        "                return s.responses[i].flagged",
        "                return True",
    ),
    Mutation(
        "the unsure filter keeps every question",
        "src/quizapp/tui/screens/results.py",
        'return which == "all" or s.responses[i].unsure',
        "return True",
    ),
    Mutation(
        "n and p step through every question, not the filter's",
        "src/quizapp/tui/screens/results.py",
        "QuestionDetailScreen(self.attempt, self.shown, table.cursor_row)",
        "QuestionDetailScreen(self.attempt, range(65), self.shown[table.cursor_row])",
    ),
    Mutation(
        "the list does not follow the question read last",
        "src/quizapp/tui/screens/results.py",
        '            self.query_one("#results-questions", DataTable).move_cursor(row=index)',
        "            pass",
    ),
    Mutation(
        "the time spent per question is not shown",
        "src/quizapp/tui/screens/results.py",
        "                clock(r.seconds),",
        "                clock(0),",
    ),
    Mutation(
        "stats --attempt ignored (the listing instead)",
        "src/quizapp/cli.py",
        "    if attempt is not None:\n        from quizapp.transcript",
        "    if False:\n        from quizapp.transcript",
    ),
    Mutation(
        "the table's own enter hides the results' key in the key bar",
        "src/quizapp/tui/screens/stats.py",
        'Binding("enter", "open", "Open attempt", priority=True)',
        'Binding("enter", "open", "Open attempt")',
    ),
    Mutation(
        "the results columns keep the width they started with",
        "src/quizapp/tui/screens/results.py",
        "        if event.size.width != self._width:",
        "        if False:",
    ),
    Mutation(
        "r on the home key bar with nothing to resume",
        "src/quizapp/tui/screens/home.py",
        "            return bool(self.unfinished)",
        "            return True",
    ),
    Mutation(
        "the key bar cuts a key mid-word",
        "src/quizapp/tui/widgets/keybar.py",
        "            if cell_len(display) + cell_len(description) + 2 > room:\n"
        "                break\n",
        "",
    ),
    Mutation(
        "the exam header is not fitted to its width",
        "src/quizapp/tui/fitline.py",
        "    for sep in (WIDE, NARROW):",
        "    return _join(shown, WIDE)\n    for sep in (WIDE, NARROW):",
    ),
    Mutation(
        "a shortened part never goes when it still does not fit",
        "src/quizapp/tui/fitline.py",
        "    for _ in range(2):",
        "    for _ in range(1):",
    ),
    Mutation(
        "a long case study is never cut short",
        "src/quizapp/tui/screens/exam.py",
        "            box.styles.max_height = max(self.app.size.height * 3 // 10, room)",
        "            box.styles.max_height = None",
    ),
    Mutation(
        "a case study is cut to a third of the screen whatever the room",
        "src/quizapp/tui/screens/exam.py",
        "            box.styles.max_height = max(self.app.size.height * 3 // 10, room)",
        "            box.styles.max_height = self.app.size.height * 3 // 10",
    ),
    Mutation(
        "o does not open the case study",
        "src/quizapp/tui/screens/exam.py",
        '            box.toggle_class("open")',
        "            pass",
    ),
    Mutation(
        "the review's topic column takes the question's room",
        "src/quizapp/tui/screens/review.py",
        "        topic = max(5, min(topics, room // 3))",
        "        topic = max(5, topics)",
    ),
    Mutation(
        "the review's columns are not fitted again after a resize",
        "src/quizapp/tui/screens/review.py",
        "        self.query_one(DataTable).clear(columns=True)\n        self._add_columns()\n",
        "        return\n",
    ),
    Mutation(
        "the custom exam's Practice checkbox back beside the numbers",
        "src/quizapp/tui/screens/custom.py",
        "            # A row of its own: beside the numbers it was off screen at 80 columns.\n"
        '            with Horizontal(id="custom-actions"):\n',
        "",
    ),
    Mutation(
        "a notebook filter grows past 80 columns",
        "src/quizapp/tui/screens/notebook.py",
        "max-width: 22;",
        "max-width: 40;",
    ),
    Mutation(
        "the notebook count line is not fitted",
        "src/quizapp/tui/screens/notebook.py",
        "count.update(fit_line(parts, count.content_region.width or self.app.size.width - 2))",
        "count.update(fit_line(parts, 999))",
    ),
    Mutation(
        "the notebook's topic column takes the question's room",
        "src/quizapp/tui/screens/notebook.py",
        "min(TOPIC_WIDTH, self._topic_width, quarter)",
        "min(TOPIC_WIDTH, self._topic_width)",
    ),
    Mutation(
        "focusing the banks table scrolls the problems away",
        "src/quizapp/tui/screens/banks.py",
        "focus(scroll_visible=False)",
        "focus()",
    ),
    Mutation(
        "the banks table scrolls sideways at 80 columns",
        "src/quizapp/tui/screens/banks.py",
        "            table.add_column(label, width=width)",
        "            table.add_column(label)",
    ),
    Mutation(
        "help leaves out the extra lines",
        "src/quizapp/tui/screens/help.py",
        "for line in extra))",
        "for line in ()))",
    ),
    Mutation(
        "the key bar lets a focused list hide what enter does",
        "src/quizapp/tui/widgets/keybar.py",
        "            return own  # (an action with another key of its own is shown under that key)",
        "            return binding",
    ),
    Mutation(
        "pacing says ahead for behind",
        "src/quizapp/core/exam/pacing.py",
        "'behind' if gap > 0 else 'ahead'",
        "'ahead' if gap > 0 else 'behind'",
    ),
    Mutation(
        "pacing ignores the questions answered",
        "src/quizapp/core/exam/pacing.py",
        "budget = minutes * 60 * answered / total",
        "budget = minutes * 60 / total",
    ),
    Mutation(
        "the header leaves out the pacing hint",
        "src/quizapp/tui/screens/exam.py",
        "            if pace:\n                parts.append(Part(pace, rank=1))",
        "            if False:\n                parts.append(Part(pace, rank=1))",
    ),
    Mutation(
        "the navigator leaves out unsure marks",
        "src/quizapp/tui/widgets/navigator.py",
        'unsure = "?" if r.unsure else " "',
        'unsure = " "',
    ),
    Mutation(
        "the review leaves out unsure marks",
        "src/quizapp/tui/screens/review.py",
        '    if flagged and unsure:\n        return "⚑ ?"\n'
        '    return "⚑ flagged" if flagged else "? unsure" if unsure else ""',
        '    return "⚑ flagged" if flagged else ""',
    ),
    Mutation(
        "paused time counts",
        ATT,
        "        if self.paused:\n            return\n        self.session = engine.tick",
        "        self.session = engine.tick",
    ),
    Mutation(
        "a pause does not save the time so far",
        ATT,
        "        self.save_progress()\n        self.paused = True",
        "        self.paused = True",
    ),
    Mutation(
        "going on counts the pause (the tick is not reset)",
        ATT,
        "        self._last_tick = self.ticker()\n        self.paused = False",
        "        self.paused = False",
    ),
    Mutation(
        "z hides the question but the clock runs",
        "src/quizapp/tui/screens/exam.py",
        "            self.attempt.pause()\n        except",
        "            pass\n        except",
    ),
    Mutation(
        "matching keeps the highlight on the prompt just matched",
        "src/quizapp/tui/screens/exam.py",
        "self.highlight = prompt + 1  # on to the next prompt",
        "self.highlight = prompt",
    ),
    Mutation(
        "typed letters wait for every step (the last does not follow)",
        "src/quizapp/tui/screens/exam.py",
        "if len(self._typed) >= size - 1:",
        "if len(self._typed) >= size:",
    ),
    Mutation(
        "order_by puts the steps not named first",
        "src/quizapp/core/exam/session.py",
        "shown[p] for p in (*positions, *rest)",
        "shown[p] for p in (*rest, *positions)",
    ),
    Mutation(
        "a click on a choice only highlights it",
        "src/quizapp/tui/screens/exam.py",
        "                await self.action_choose(event.row)",
        "                await self.refresh_question()",
    ),
    Mutation(
        "a click on a navigator cell does nothing",
        "src/quizapp/tui/screens/exam.py",
        "        await self._do(lambda: self.attempt.go(event.index))",
        "        await self.refresh_question()",
    ),
    Mutation(
        "open_on_click ignored (a double click only)",
        "src/quizapp/tui/widgets/rowlist.py",
        " or (self.open_on_click and event.chain == 1)",
        "",
    ),
    Mutation(
        "the start screen's seed is not the one started",
        "src/quizapp/tui/screens/home.py",
        "started = replace(options, seed=choice.seed)",
        "started = options",
    ),
    Mutation(
        "a resume shows the start screen again",
        SVC,
        "if self.attempts.open_attempt(spec.id, mode) is not None:",
        "if False:",
    ),
    Mutation(
        "adaptive off on the start screen is not kept",
        "src/quizapp/tui/screens/home.py",
        "started = replace(started, adaptive=None if choice.adaptive else False)",
        "started = replace(started, adaptive=None)",
    ),
    Mutation(
        "the start screen's preview ignores adaptive",
        "src/quizapp/tui/screens/home.py",
        "ask = replace(options, adaptive=None if adaptive else False)",
        "ask = options",
    ),
    Mutation(
        "a matching question with some prompts unmatched counts as answered",
        "src/quizapp/core/exam/session.py",
        "all(p >= 0 for p in picked)",
        "any(p >= 0 for p in picked)",
    ),
    Mutation(
        "a key without a description (the Keys list shows it blank)",
        "src/quizapp/tui/screens/exam.py",
        'Binding("up", "highlight(-1)", "Highlight up", show=False)',
        'Binding("up", "highlight(-1)", show=False)',
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
    Mutation(
        "weak topics chosen by a month's answers, not the last days'",
        SVC,
        "mastery.update(recent_mastery(self.attempts.recent_answers(now - RECENT_WINDOW), now))",
        "pass",
    ),
    Mutation(
        "recent mastery decays as slowly as the long-run figure",
        "src/quizapp/core/study/mastery.py",
        "RECENT_TAU = timedelta(days=3)",
        "RECENT_TAU = timedelta(days=30)",
    ),
    Mutation(
        "answers of an unsubmitted exam count for weak topics",
        "src/quizapp/storage/attempts.py",
        '" WHERE studied = 1 AND correct IS NOT NULL AND answered_at >= ?"',
        '" WHERE correct IS NOT NULL AND answered_at >= ?"',
    ),
    Mutation(
        "the last days' answers are read by a scan of every answer",
        MIG,
        "        WHERE studied = 1 AND correct IS NOT NULL;",
        "        WHERE studied = 0 AND correct IS NOT NULL;",
    ),
    Mutation(
        "home never shows the plan line",
        "src/quizapp/tui/screens/home.py",
        "self.query_one(PlanLines).show(self.context.planner.headlines(summaries))",
        "self.query_one(PlanLines).show([])",
    ),
    Mutation(
        "the loaded library is never frozen",
        "src/quizapp/tui/app.py",
        "        collector.freeze_long_lived()\n        prepare_banks(",
        "        prepare_banks(",
    ),
    Mutation(
        "home's plan line reads no attempts: a practice set taken is still due",
        "src/quizapp/tui/screens/home.py",
        "self.context.planner.headlines(summaries)",
        "self.context.planner.headlines([])",
    ),
    Mutation(
        "the plan counts no notebook entry",
        "src/quizapp/storage/study.py",
        '"SELECT question_key, status, due FROM notebook"',
        '"SELECT question_key, status, due FROM notebook WHERE 0"',
    ),
    Mutation(
        "? does nothing on the submit question",
        "src/quizapp/tui/screens/confirm.py",
        """        Binding("n,escape", "answer(False)", "No"),
        HELP_BINDING,""",
        """        Binding("n,escape", "answer(False)", "No"),""",
    ),
    Mutation(
        "home does not call its scores estimates",
        "src/quizapp/tui/screens/home.py",
        'f"{head_line} ({estimate})\\n\\n" if fits else f"{head_line}\\n({estimate})\\n\\n"',
        'f"{head_line}\\n\\n"',
    ),
    Mutation(
        "the results' readiness is one line, cut at 80 columns",
        "src/quizapp/tui/screens/results.py",
        'estimate = "\\n  ".join(describe_lines(',
        'estimate = " · ".join(describe_lines(',
    ),
    Mutation(
        "the exam header names a drill 'review'",
        "src/quizapp/tui/screens/exam.py",
        'Part(f"{MODE_NAMES.get(s.mode, s.mode).lower()}, untimed"',
        'Part(f"{s.mode}, untimed"',
    ),
    Mutation(
        "home offers an unfinished drill as 'review'",
        "src/quizapp/tui/screens/home.py",
        "mode = MODE_NAMES.get(a.mode, a.mode).lower()",
        "mode = a.mode",
    ),
    Mutation(
        "the stats screen's Mode column says 'review'",
        "src/quizapp/tui/screens/stats.py",
        "MODE_NAMES.get(a.mode, a.mode).lower(),",
        "a.mode,",
    ),
    Mutation(
        "z Pause stays off the exam key bar",
        "src/quizapp/tui/screens/exam.py",
        'Binding("z", "pause", "Pause", tooltip=',
        'Binding("z", "pause", "Pause", show=False, tooltip=',
    ),
    Mutation(
        "the plan gives a daily rate by a day gone by",
        "src/quizapp/core/study/plan.py",
        "    if plan.today > plan.see_by:",
        "    if False:",
    ),
    Mutation(
        "duplicate choice texts pass the loader",
        "src/quizapp/core/bank/rules.py",
        "    if len(set(keys)) == len(keys):\n        return []",
        "    if True:\n        return []",
    ),
    Mutation(
        "a key given by letters is never every choice",
        "src/quizapp/core/bank/rules.py",
        "marked_n = len(q.answer) if q.answer is not None else len(marked)",
        "marked_n = len(marked)",
    ),
    Mutation(
        "the importer keeps duplicate choices",
        "src/quizapp/core/importers/writer.py",
        "    if len(set(keys)) < n:  # only then find the pair, in order",
        "    if False:",
    ),
    Mutation(
        "the importer keeps an empty choice",
        "src/quizapp/core/importers/writer.py",
        '    if "" in keys:',
        "    if False:",
    ),
    Mutation(
        "a bare reference URL is refused",
        "src/quizapp/core/bank/models.py",
        '            return [{"url": v} if isinstance(v, str) else v for v in value]',
        "            return value",
    ),
    Mutation(
        "the writer drops nested mappings",
        "src/quizapp/core/importers/emitter.py",
        '            out.append(f"{lead}{key}:")\n            _mapping(value, indent + 2, out, "")',
        '            out.append(f"{lead}{key}: {{}}")',
    ),
    Mutation(
        "a bank title that does not fit stays on its row",
        "src/quizapp/listing.py",
        "        if len(head) + 2 + len(title) <= WIDTH:",
        "        if True:",
    ),
    Mutation(
        "a domain without enough questions is not marked",
        "src/quizapp/listing.py",
        'short = " short" if d["available"] < d["slots"] else ""',
        'short = ""',
    ),
    Mutation(
        "equal practice sets are listed one by one",
        "src/quizapp/listing.py",
        "                if len(sizes) == 1",
        "                if False",
    ),
    Mutation(
        "a YAML syntax error gives no hint",
        "src/quizapp/core/bank/source.py",
        '    return where, f"YAML syntax error: {what}" + (f"; {hint}" if hint else "")',
        '    return where, f"YAML syntax error: {what}"',
    ),
    Mutation(
        "an impossible exam date is called the wrong form",
        "src/quizapp/core/study/plan.py",
        '        raise ValueError(f"{typed} is not a day of the calendar (check month and day)")',
        '        raise ValueError(f"not a date in the form YYYY-MM-DD: {text!r}")',
    ),
    Mutation(
        "the note editor closes and loses the text when the database refuses it",
        "src/quizapp/tui/screens/notebook.py",
        '            line = failed(exc, "The note could not be saved")\n',
        "            self.dismiss(text)\n            return\n",
    ),
    Mutation(
        "a mastered mark the database refuses crashes the notebook",
        "src/quizapp/tui/screens/notebook.py",
        "            self.context.study.save(entry)\n        except Exception as exc:",
        "            self.context.study.save(entry)\n        except ZeroDivisionError as exc:",
    ),
    Mutation(
        "a deletion the database refuses crashes the notebook",
        "src/quizapp/tui/screens/notebook.py",
        "                    self.context.study.delete(key)\n"
        "                except Exception as exc:",
        "                    self.context.study.delete(key)\n"
        "                except ZeroDivisionError as exc:",
    ),
    Mutation(
        "a cram the database cannot start crashes the notebook",
        "src/quizapp/tui/screens/notebook.py",
        '        except Exception as exc:\n            self.notify(failed(exc, "The cram',
        '        except ZeroDivisionError as exc:\n            self.notify(failed(exc, "The cram',
    ),
    Mutation(
        "a drill the database cannot start crashes the TUI",
        "src/quizapp/tui/screens/exam.py",
        "    except Exception as exc:  # a failing disk: the notebook stays as it is",
        "    except ZeroDivisionError as exc:  # a failing disk: the notebook stays as it is",
    ),
    Mutation(
        "a refused drill grade is shown as counted and the drill moves on",
        ATT,
        "graded = before.responses[pos].checked and not before.responses[pos].studied",
        "graded = False",
    ),
    Mutation(
        "a refused end shows results that are not stored",
        ATT,
        "        if not (ending or graded):\n",
        "        if not graded:\n",
    ),
    Mutation(
        "an exam date the database refuses crashes the date form",
        "src/quizapp/tui/screens/examdate.py",
        "        except Exception as exc:\n            line = failed(",
        "        except ZeroDivisionError as exc:\n            line = failed(",
    ),
    Mutation(
        "a cleared date the database refuses crashes the plan screen",
        "src/quizapp/tui/screens/plan.py",
        "        except Exception as exc:  # the date stays, and so does the plan shown",
        "        except ZeroDivisionError as exc:  # the date stays, and so does the plan shown",
    ),
    Mutation(
        "the export dialog closes and loses the path when the file cannot be written",
        "src/quizapp/tui/screens/export.py",
        "            shown = visible(str(target), one_line=True)\n            error.update(",
        "            self.dismiss(None)\n            return\n"
        "            shown = visible(str(target), one_line=True)\n            error.update(",
    ),
    Mutation(
        "a theme the disk refuses crashes the TUI",
        "src/quizapp/tui/app.py",
        "            write_settings(self._settings_path, Settings(theme=theme.name))\n"
        "        except OSError as exc:",
        "            write_settings(self._settings_path, Settings(theme=theme.name))\n"
        "        except ZeroDivisionError as exc:",
    ),
    Mutation(
        "an imported bank the disk refuses leaves its temporary file",
        "src/quizapp/importing.py",
        "        with contextlib.suppress(OSError):\n            Path(tmp).unlink()\n",
        "        pass\n",
    ),
    Mutation(
        "an imported bank the disk refuses is reported as the output, not the bank",
        "src/quizapp/importing.py",
        "    except OSError as exc:\n"
        '        raise _RefusedError(f"cannot write {target}: {exc.strerror}") from None\n'
        "    finally:",
        "    finally:",
    ),
    Mutation(
        "an export -o the disk refuses is reported as the output, not the file",
        "src/quizapp/cli.py",
        "        write_output(target, text)\n    except OSError as exc:",
        "        write_output(target, text)\n    except ZeroDivisionError as exc:",
    ),
    Mutation(
        "a database fault in a command is a traceback",
        "src/quizapp/cli.py",
        "    except Exception as exc:\n        found = fault(exc)\n",
        "    except Exception as exc:\n        found = None\n",
    ),
    Mutation(
        "an attempt that ends does not store its tallies",
        "src/quizapp/storage/attempts.py",
        'if cur.rowcount and session.status != "in_progress":',
        "if False:",
    ),
    Mutation(
        "an attempt stores its answered count as its right answers",
        "src/quizapp/storage/tallies.py",
        "= (SELECT {', '.join(COUNTS)})\"",
        "= (SELECT {', '.join(COUNTS[:2] + COUNTS[1:2] + COUNTS[3:])})\"",
    ),
    Mutation(
        "migration 7 does not count the finished attempts of an upgraded history",
        MIG,
        """f"{tallies.STORE} WHERE a.status != 'in_progress'",""",
        '"SELECT 1",',
    ),
    Mutation(
        "migration 7 counts only submitted attempts (not expired or abandoned ones)",
        MIG,
        """WHERE a.status != 'in_progress'",""",
        """WHERE a.status = 'submitted'",""",
    ),
    Mutation(
        "an attempt in progress lists its (missing) stored tallies, not live counts",
        "src/quizapp/storage/tallies.py",
        'f"COALESCE(a.{column}, {count}) AS {name}"',
        'f"a.{column} AS {name}"',
    ),
    Mutation(
        "domains the exam does not name list in the order their tallies were stored",
        "src/quizapp/storage/attempts.py",
        "key=lambda d: (order.get(d[0], len(order)), d[3]),",
        "key=lambda d: order.get(d[0], len(order)),",
    ),
    Mutation(
        "a heading inside a code block splits the Markdown question",
        "src/quizapp/core/importers/markdown.py",
        "        elif fence is None:\n            src.headings.append(",
        "        elif m.group(2):\n            src.headings.append(",
    ),
    Mutation(
        "a fence of the other kind closes a Markdown code block",
        "src/quizapp/core/importers/markdown.py",
        "        elif m.group(1) == fence:",
        "        elif m.group(1):",
    ),
    Mutation(
        "a Markdown code block left open ends at once",
        "src/quizapp/core/importers/markdown.py",
        "    if fence is not None:\n        src.fenced[start:]",
        "    if False:\n        src.fenced[start:]",
    ),
    Mutation(
        "choice lines inside code blocks count for the Markdown dialect",
        "src/quizapp/core/importers/markdown.py",
        "inside = [x for a, b in self.spans for x in pattern.findall(self.text, a, b)]",
        "inside: list[str] = []",
    ),
    Mutation(
        "an answer line with a full-width colon is not looked at",
        "src/quizapp/core/importers/markdown.py",
        'if ":" in line or "\\uff1a" in line]',
        'if ":" in line]',
    ),
    Mutation(
        "links are looked for only where https is",
        "src/quizapp/core/importers/draft.py",
        '    if "http" not in text:',
        '    if "https" not in text:',
    ),
    Mutation(
        "plain mode prints a choice's code spans with their backticks",
        "src/quizapp/plain.py",
        'self.say(f"{mark}{LETTERS[pos]}. {plain_code(q.choices[original].text)}")',
        'self.say(f"{mark}{LETTERS[pos]}. {q.choices[original].text}")',
    ),
    Mutation(
        "plain code also drops emphasis the exam screen shows",
        "src/quizapp/core/inline.py",
        'return "".join(piece for piece, _ in code_spans(text))',
        "return plain_inline(text)",
    ),
    Mutation(
        "stats in text prints the JSON status",
        "src/quizapp/cli.py",
        '_line(status_name(a["status"]))',
        '_line(a["status"])',
    ),
    Mutation(
        "stats in text prints the JSON mode",
        "src/quizapp/cli.py",
        'mode = MODE_NAMES.get(a["mode"], a["mode"]).lower()',
        'mode = a["mode"]',
    ),
    Mutation(
        "an attempt in text names its JSON mode",
        "src/quizapp/transcript.py",
        'mode = line(MODE_NAMES.get(report["mode"], report["mode"]).lower())',
        'mode = line(report["mode"])',
    ),
    Mutation(
        "home's help lists set keys the exam has no set for",
        "src/quizapp/tui/screens/home.py",
        'return action in {f"start_set({n})" for n in range(1, sets + 1)}',
        "return True",
    ),
    Mutation(
        "the help ignores what a screen leaves out",
        "src/quizapp/tui/screens/help.py",
        "if not _listed(screen, binding.action):",
        "if False:",
    ),
    Mutation(
        "--no-adapt says it in engine jargon",
        "src/quizapp/cli.py",
        "not leaning on your misses and weak topics",
        "plain blueprint-proportional",
    ),
    Mutation(
        "a mistyped --attempt says 'invalid int value'",
        "src/quizapp/cli.py",
        'p.add_argument("--attempt", type=_seed,',
        'p.add_argument("--attempt", type=int,',
    ),
    Mutation(
        "the custom exam never names the highlighted bank",
        "src/quizapp/tui/screens/custom.py",
        "if event.selection_list.has_focus:",
        "if False:",
    ),
    Mutation(
        "the topics missed never wrap (one line each)",
        "src/quizapp/tui/screens/results.py",
        "room = 3 + max(0, (height - 24) // 3)",
        "room = 2",
    ),
    Mutation(
        "the mastery line takes the question list's room",
        "src/quizapp/tui/packlist.py",
        "out = pack(head2, names2, width, max(1, room // 3)) if names2 else []",
        "out = pack(head2, names2, width, room) if names2 else []",
    ),
    Mutation(
        "a bank loads with the collector running",
        "src/quizapp/core/bank/loader.py",
        "@without_collection\ndef load_text(",
        "def load_text(",
    ),
    Mutation(
        "an import builds its bank with the collector running",
        "src/quizapp/core/importers/writer.py",
        "@without_collection\ndef build_bank(",
        "def build_bank(",
    ),
    Mutation(
        "Markdown is read with the collector running",
        "src/quizapp/core/importers/markdown.py",
        "@without_collection\ndef parse_markdown(",
        "def parse_markdown(",
    ),
    Mutation(
        "a nested pause turns the collector back on",
        "src/quizapp/core/collector.py",
        "        if was_enabled:\n            gc.enable()",
        "        gc.enable()",
    ),
    Mutation(
        "stats --attempt prints stored topics raw",
        "src/quizapp/transcript.py",
        '{marks[q[\'result\']]}", line(q["topic"])]',
        '{marks[q[\'result\']]}", q["topic"]]',
    ),
    Mutation(
        "the transcript keeps bank emphasis and code marks",
        "src/quizapp/transcript.py",
        "                    plain_inline(words),",
        "                    words,",
    ),
    Mutation(
        "the transcript cuts a long URL",
        "src/quizapp/transcript.py",
        "break_long_words=False,  # a URL",
        "break_long_words=True,  # a URL",
    ),
    Mutation(
        "a transcript list item wraps to the text's margin",
        "src/quizapp/transcript.py",
        "subsequent_indent=_INDENT + hang,",
        "subsequent_indent=_INDENT,",
    ),
    Mutation(
        "the transcript's paragraphs keep the bank's line breaks",
        "src/quizapp/transcript.py",
        "        elif prose:  # a soft line break",
        "        elif False:  # a soft line break",
    ),
    Mutation(
        "the transcript wraps code blocks as prose",
        "src/quizapp/transcript.py",
        "            code = not code",
        "            code = False",
    ),
    Mutation(
        "the transcript says estimated twice",
        "src/quizapp/transcript.py",
        "score = f\"{report['scaled_score']} ({report['pass_line']})\"",
        "score = f\"estimated score {report['scaled_score']} ({report['pass_line']})\"",
    ),
    Mutation(
        "a transcript reference line runs past 80 columns",
        "src/quizapp/transcript.py",
        "out.extend([see] if len(see) <= WIDTH else",
        "out.extend([see] if True else",
    ),
    Mutation(
        "a cut transcript line's separator passes 80 columns",
        "src/quizapp/transcript.py",
        "tail = 0 if n == len(parts) else 2",
        "tail = 0",
    ),
    Mutation(
        "a banks problem message wraps back to column 1",
        "src/quizapp/tui/screens/banks.tcss",
        "    padding-left: 4;",
        "    padding-left: 0;",
    ),
    Mutation(
        "an exam the database cannot start crashes home",
        "src/quizapp/tui/screens/home.py",
        "        except Exception as exc:  # a failing disk: nothing is stored, home stays",
        "        except ZeroDivisionError as exc:  # a failing disk: nothing is stored, home stays",
    ),
    Mutation(
        "a start the database refuses leaves an attempt row without its items",
        "src/quizapp/storage/attempts.py",
        "            attempt_id = cast(int, cur.lastrowid)\n",
        "            attempt_id = cast(int, cur.lastrowid)\n            self.conn.commit()\n",
    ),
    Mutation(
        "a retry the database cannot start crashes the results screen",
        "src/quizapp/tui/screens/results.py",
        "        except Exception as exc:  # a failing disk: the results stay, nothing is stored",
        "        except ZeroDivisionError as exc:  # a failing disk: the results stay",
    ),
    Mutation(
        "a refused time-out shows results that are not stored",
        ATT,
        "                self._unstudied(before, exc, ending=True)\n                raise\n\n"
        "    def heartbeat",
        "                raise\n\n    def heartbeat",
    ),
    Mutation(
        "a refused time-out says nothing of the time or of how to resume",
        "src/quizapp/tui/screens/exam.py",
        "        if left is not None and left <= 0:  # the end is tried again at every tick",
        "        if False:",
    ),
    Mutation(
        "a refused time-out rings the bell at every tick",
        "src/quizapp/tui/screens/exam.py",
        "        if message != self._message:  # once, not at every tick that fails again\n",
        "        if True:\n",
    ),
    Mutation(
        "quitting while the database fails raises in the exam screen",
        "src/quizapp/tui/screens/exam.py",
        "            except Exception as exc:  # quitting always works; the app says",
        "            except ZeroDivisionError as exc:  # quitting always works; the app says",
    ),
    Mutation(
        "quitting while the database fails keeps the attempt claimed",
        "src/quizapp/tui/screens/exam.py",
        "                self.attempt.release()\n                s = self.attempt.session\n",
        "                s = self.attempt.session\n",
    ),
    Mutation(
        "what could not be saved at quit is never said",
        "src/quizapp/tui/app.py",
        '        print(f"quizapp: error: {line}", file=sys.stderr)\n',
        "        pass\n",
    ),
    Mutation(
        "a restart whose new attempt cannot be stored still discards the old one",
        SVC,
        "            with transaction(self.attempts.conn):  # a new one not stored",
        "            if True:  # a new one not stored",
    ),
    Mutation(
        "a start rolled back keeps its claim on an attempt that is not stored",
        SVC,
        "                started.release()\n",
        "                pass\n",
    ),
    Mutation(
        "the review after a refused time-out crashes the exam screen",
        "src/quizapp/tui/screens/exam.py",
        "        except Exception as exc:  # a time-out not stored, say: the exam stays as it is",
        "        except ZeroDivisionError as exc:  # a time-out not stored, say",
    ),
    Mutation(
        "a refused COMMIT leaves its transaction open",
        "src/quizapp/storage/database.py",
        '        if conn.in_transaction:\n            conn.execute("ROLLBACK")\n        raise\n',
        "        raise\n",
    ),
    Mutation(
        "study applied more than once (neither the copy's flag nor the stored one checked)",
        ATT,
        "        if resp.studied or not s.counts(position) or self.changed(position):\n"
        "            return  # unanswered and changed questions teach nothing about the user\n"
        "        now = self.now()\n"
        "        correct = self.correct(position)\n"
        "        with transaction(self.attempts.conn):\n"
        "            if self.attempts.studied(self.id, position):",
        "        if not s.counts(position) or self.changed(position):\n"
        "            return\n"
        "        now = self.now()\n"
        "        correct = self.correct(position)\n"
        "        with transaction(self.attempts.conn):\n"
        "            if False:",
    ),
    Mutation(
        "submit names 0 unanswered questions",
        "src/quizapp/tui/screens/confirm.py",
        "    if not blank and not begun:\n",
        "    if False:\n",
    ),
    Mutation(
        "the results screen gives every attempt a verdict",
        "src/quizapp/tui/screens/results.py",
        "    if has_verdict(s.mode, s.status, s.terms.exam_id):\n        mark",
        "    if True:\n        mark",
    ),
    Mutation(
        "plain mode gives every attempt a verdict",
        "src/quizapp/plain.py",
        "        if has_verdict(s.mode, s.status, s.terms.exam_id):\n            verdict",
        "        if True:\n            verdict",
    ),
    Mutation(
        "stats --attempt gives every attempt a verdict",
        "src/quizapp/transcript.py",
        "    verdict = has_verdict(s.mode, s.status, s.terms.exam_id)\n    loaded",
        "    verdict = True\n    loaded",
    ),
    Mutation(
        "questions never seen count as missed outside exams",
        "src/quizapp/tui/screens/results.py",
        'return tuple(i for i in result.missed if s.mode == "exam" or s.counts(i))',
        "return result.missed",
    ),
    Mutation(
        "the stats columns run past 80 columns",
        "src/quizapp/tui/screens/stats.py",
        "exam_width = max(8, self.app.size.width - 71)",
        "exam_width = max(8, self.app.size.width - 43)",
    ),
    Mutation(
        "the attempts' scrollbar cuts the Started column",
        "src/quizapp/tui/screens/stats.py",
        "exam_width = max(8, self.app.size.width - 71)",
        "exam_width = max(8, self.app.size.width - 69)",
    ),
    Mutation(
        "a half-answered question reads unanswered in the results",
        "src/quizapp/tui/screens/results.py",
        'word = "incomplete" if s.incomplete(i) else "unanswered"',
        'word = "unanswered"',
    ),
    Mutation(
        "an incomplete answer at the end teaches nothing",
        "src/quizapp/service/attempt.py",
        "if resp.studied or not s.counts(position)",
        "if resp.studied or not s.answered(position)",
    ),
    Mutation(
        "the review screen calls an incomplete answer unanswered",
        "src/quizapp/tui/screens/review.py",
        '"◐ incomplete" if s.incomplete(i)',
        '"◐ incomplete" if False',
    ),
    Mutation(
        "the end question warns every mode that unanswered questions count as wrong",
        "src/quizapp/tui/screens/confirm.py",
        '    exam = session.mode == "exam"\n',
        "    exam = True\n",
    ),
    Mutation(
        "results show over home, not where the session was started",
        "src/quizapp/tui/stack.py",
        "    below = stack[stack.index(started) - 1]\n",
        "    below = stack[1]\n",
    ),
    Mutation(
        "a session without domains shows an empty domain table",
        "src/quizapp/tui/screens/results.py",
        "        domains.display = bool(self.result.domains)",
        "        domains.display = True",
    ),
    Mutation(
        "stats list an attempt without a verdict as a share of all its questions",
        "src/quizapp/tui/screens/stats.py",
        "                if a.has_verdict\n",
        "                if True\n",
    ),
    Mutation(
        "a custom exam gets a score and a verdict",
        "src/quizapp/core/exam/scale.py",
        " and exam_id != CUSTOM_ID",
        "",
    ),
    Mutation(
        "pause in an untimed session names a clock",
        "src/quizapp/tui/screens/pause.py",
        '"the clock is stopped" if self.left is not None else',
        '"the clock is stopped" if True else',
    ),
    Mutation(
        "readiness counts the answers as if they were the mocks' own",
        "src/quizapp/core/study/readiness.py",
        "} and {_count(self.answers, 'answer')} on its topics\"",
        "}, {_count(self.answers, 'answer')}\"",
    ),
    Mutation(
        "the Due column shows a date",
        "src/quizapp/tui/screens/notebook.py",
        "else due_in(e.due, now)",
        'else (e.due.date().isoformat() if e.due else "—")',
    ),
    Mutation(
        "the resume line scrolls away with the home screen",
        "src/quizapp/tui/screens/home.py",
        '        yield Static(id="resume-line")\n        yield Static(id="home-warning")\n'
        "        yield PlanLines()\n"
        '        with VerticalScroll(id="home-body") as body:\n',
        '        yield Static(id="home-warning")\n        yield PlanLines()\n'
        '        with VerticalScroll(id="home-body") as body:\n'
        '            yield Static(id="resume-line")\n',
    ),
    Mutation(
        "help lists only the app's and the focused widget's keys",
        "src/quizapp/tui/screens/help.py",
        "ordered = [(n, b) for n, b in chain if n is screen] + [",
        "ordered = [] + [",
    ),
    Mutation(
        "home's page keys move the exam highlight",
        "src/quizapp/tui/screens/home.py",
        "show=False, priority=True, group=_PAGE)",
        "show=False, group=_PAGE)",
    ),
    Mutation(
        "home's domain table keeps two-space gaps and wraps a long name",
        "src/quizapp/tui/screens/home.py",
        "gap = 2 if longest",
        "gap = 2 if True or longest",
    ),
    Mutation(
        "the home scroll hint always says more below",
        "src/quizapp/tui/widgets/scrollhint.py",
        "BELOW if round(target.scroll_y) < target.max_scroll_y else ABOVE",
        "BELOW",
    ),
    Mutation(
        "the home scroll hint shows when all fits",
        "src/quizapp/tui/widgets/scrollhint.py",
        "shown = target.max_scroll_y > 0",
        "shown = True",
    ),
    Mutation(
        "help lists Textual's focus and copy keys",
        "src/quizapp/tui/screens/help.py",
        '    | {"focus_next", "focus_previous", "copy_text"}\n',
        "",
    ),
    Mutation(
        "help's frame never says more below",
        "src/quizapp/tui/screens/help.py",
        "box.border_subtitle = MORE_BELOW",
        'box.border_subtitle = ""',
    ),
    Mutation(
        "notebook rows read the clock on every draw",
        "src/quizapp/tui/screens/notebook.py",
        "return row_cells(e, self.context.library.questions.get(e.key), self.now)",
        "return row_cells(e, self.context.library.questions.get(e.key), self.context.clock())",
    ),
    Mutation(
        "a mastered notebook entry says due now",
        "src/quizapp/tui/screens/notebook.py",
        'due = "mastered" if e.status == "mastered" else due_in(e.due, now)',
        "due = due_in(e.due, now)",
    ),
    Mutation(
        "a cut list cell has no ellipsis",
        "src/quizapp/tui/widgets/rowlist.py",
        'shown = set_cell_size(shown, max(size - 1, 0)) + "…"',
        "pass",
    ),
    Mutation(
        "picked and unpicked custom rows look alike",
        "src/quizapp/tui/widgets/picklist.py",
        "Segment(PICKED if picked else UNPICKED, inner.style)",
        "Segment(PICKED, inner.style)",
    ),
    Mutation(
        "custom banks in load order",
        "src/quizapp/tui/screens/custom.py",
        "for b in sorted(self.library.banks.values(), key=lambda b: b.id.casefold())",
        "for b in self.library.banks.values()",
    ),
    Mutation(
        "a short custom exam names its one domain",
        "src/quizapp/core/exam/selection.py",
        "if missing and self.terms.exam_id == CUSTOM_ID:",
        "if False:",
    ),
    Mutation(
        "the home scroll hint reads the page inside its size watcher",
        "src/quizapp/tui/widgets/scrollhint.py",
        'self.watch(self.target, "virtual_size", self._later)',
        'self.watch(self.target, "virtual_size", self.sync)',
    ),
    Mutation(
        "the practice box draws the same on and off",
        "src/quizapp/tui/widgets/picklist.py",
        "(PICKED if self.value else UNPICKED, style)",
        "(PICKED, style)",
    ),
    Mutation(
        "a blueprint may take the custom exams' id",
        "src/quizapp/core/bank/rules.py",
        "    if exam.id == CUSTOM_ID:  # custom exams",
        "    if False:  # custom exams",
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
                    *suite,
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


def check() -> int:
    """Say which mutations no longer apply (their text is gone from the code); run no test."""
    stale = [m for m in MUTATIONS if m.old not in (ROOT / m.path).read_text(encoding="utf-8")]
    names = [m.name for m in MUTATIONS]
    twice = sorted({n for n in names if names.count(n) > 1})
    for m in stale:
        print(f"stale: {m.name} ({m.path})")
    for n in twice:
        print(f"named twice: {n}")
    return 1 if stale or twice else 0


def main(args: list[str]) -> int:
    """Run the mutations named by the words in ``args`` (all when none); one line each.

    ``--tests PATH`` (repeatable) runs those test paths instead of the whole suite.
    """
    if args == ["--check"]:
        return check()
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
