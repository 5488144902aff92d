#!/usr/bin/env python3
# Crash test: large CSV imports killed with SIGKILL at random moments.
#
# Copyright 2026 Target Ledger developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Kills `target-ledger --import-csv` at random moments and checks the ledger.

docs/architecture.md: a multi-row write is one transaction, all rows or none,
and the file stays whole (journal_mode=WAL, synchronous=FULL). This test
imports a generated plan (several plans of monthly indicators over ten years)
into a fresh ledger, writes several large CSV files of values, each with its
own marker note, and then, round after round, starts an import of one of them
and sends SIGKILL after a random delay between 0 and the time that file's
import takes (measured first). A share of the rounds (--aim, 0.2) instead
wait for the commit and kill while the ledger file itself is being written
(the WAL checkpoint as the program closes the ledger). After each kill:

- `--check` must exit 0 (SQLite's integrity_check and the ledger's
  consistency);
- the exported ledger must be exactly the state before the import, or the
  state before with the whole file applied: never some of the file's rows;
- the change log (the `changes` table, read with Python's sqlite3 module)
  must have grown by exactly as many rows as the file changed, or not at all.

A ledger that fails a round is kept under the temporary folder's parent
(the path is printed): as it was before the round (before/), right after the
kill (after-kill/, with its WAL) and after the checks (after-check/), with
the CSV file that was being imported and a report.txt.

Usage: crash-test.py TARGET_LEDGER_BINARY [--rounds N] [--seed S] [--files F]
           [--min-rows N] [--max-rows N] [--aim SHARE] [--time-limit S] [--keep]
The last line is "N passed, M failed" (rounds); exits 0 when every round
held, 1 otherwise. The seed is printed: --seed replays the same files and
delays (the moments of the kills still depend on the machine's speed).
"""

import argparse
import csv
import hashlib
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid

FIRST_YEAR, LAST_YEAR = 2017, 2026
MONTHS = ["%02d" % m for m in range(2, 13)]  # year-to-date: no -01 period
PLANS = 3
AREAS, TASKS_PER_AREA = 10, 20  # one indicator per task: 200 per plan
STEP_TIMEOUT = 60  # seconds for any one command that is not killed

UNITS = [("%", "rate", "about", "higher"), ("亿元", "cumulative", "at_least", "higher"),
         ("万人", "cumulative", "at_least", "higher"), ("%", "level", "at_most", "lower")]


class Failure(Exception):
    pass


def log(*parts):
    print(*parts, flush=True)


def make_uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def indicator_code(n):
    return "ind-%03d" % n


def plan_code(p):
    return "crash-%c" % (ord("a") + p)


def generate_plan_file(rng, path):
    """Writes a plan file (docs/plan-format.md) of PLANS plans, each with
    AREAS × TASKS_PER_AREA monthly indicators over FIRST_YEAR…LAST_YEAR. The
    indicator codes repeat in every plan, so the CSV files need the plan column."""
    plans = []
    for p in range(PLANS):
        areas = []
        n = 0
        for a in range(AREAS):
            tasks = []
            for t in range(TASKS_PER_AREA):
                unit, kind, comparator, better = UNITS[n % len(UNITS)]
                indicator = {
                    "uuid": make_uuid(rng),
                    "code": indicator_code(n),
                    "name": "崩溃测试指标 %d-%03d" % (p, n),
                    "unit": unit,
                    "kind": kind,
                    "comparator": comparator,
                    "better": better,
                    "target": rng.randint(1, 5000),
                    "frequency": "monthly",
                    "responsible_unit": "市统计局",
                }
                tasks.append({"uuid": make_uuid(rng), "title": "任务 %d-%d" % (a, t),
                              "indicators": [indicator]})
                n += 1
            areas.append({"uuid": make_uuid(rng), "title": "工作领域 %d" % a, "tasks": tasks})
        plans.append({
            "uuid": make_uuid(rng),
            "code": plan_code(p),
            "title": "崩溃测试规划 %d" % p,
            "region": "长治市",
            "first_year": FIRST_YEAR,
            "last_year": LAST_YEAR,
            "source": "crash-test.py",
            "areas": areas,
        })
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"format": 1, "plans": plans}, f, ensure_ascii=False, indent=1)


def all_keys():
    return [(plan_code(p), indicator_code(n), "%d-%s" % (y, m))
            for p in range(PLANS)
            for n in range(AREAS * TASKS_PER_AREA)
            for y in range(FIRST_YEAR, LAST_YEAR + 1)
            for m in MONTHS]


def normalize(value):
    """A value as the export writes it (%.6f without trailing zeros)."""
    text = "%.6f" % float(value)
    text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def generate_csv_files(rng, folder, count, min_rows, max_rows):
    """Writes `count` CSV files, each a random subset of the ledger's keys in
    random order, with its own values and marker note. Returns a list of
    (path, rows) where rows maps key → (value, note, source) as exported."""
    keys = all_keys()
    files = []
    for i in range(count):
        n_rows = rng.randint(min_rows, min(max_rows, len(keys)))
        chosen = rng.sample(keys, n_rows)
        marker = "crash-file-%d" % i
        # A comma and a quote in the note: the CSV quoting is on the path too.
        note = '%s, 标记 "%d"' % (marker, i)
        source = "crash-test %s" % marker
        rows = {}
        path = os.path.join(folder, "values-%d.csv" % i)
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["plan", "code", "period", "value", "note", "source"])
            for key in chosen:
                value = "%d.%02d" % (rng.randint(0, 99999), rng.randint(0, 99))
                writer.writerow([key[0], key[1], key[2], value, note, source])
                rows[key] = (normalize(value), note, source)
        files.append((path, rows))
    return files


class Ledger:
    def __init__(self, binary, db, env):
        self.binary = binary
        self.db = db
        self.env = env

    def command(self, *args):
        return [self.binary, "--db", self.db] + list(args)

    def run(self, *args, timeout=STEP_TIMEOUT):
        try:
            return subprocess.run(self.command(*args), env=self.env, capture_output=True,
                                  timeout=timeout)
        except subprocess.TimeoutExpired as e:
            raise Failure("%s did not finish within %d s" % (" ".join(args), timeout)) from e
        except OSError as e:
            raise Failure("cannot run %s: %s" % (self.binary, e)) from e

    def check(self):
        result = self.run("--check")
        if result.returncode != 0:
            raise Failure("--check exited %d:\n%s%s" % (
                result.returncode, result.stdout.decode(errors="replace"),
                result.stderr.decode(errors="replace")))

    def export(self):
        """The ledger's values: (plan, code, period) → (value, note, source)."""
        result = self.run("--export-csv", "-")
        if result.returncode != 0:
            raise Failure("--export-csv exited %d: %s" % (
                result.returncode, result.stderr.decode(errors="replace").strip()))
        values = {}
        try:
            reader = csv.DictReader(io.StringIO(result.stdout.decode("utf-8")))
            for row in reader:
                if row["period"] == "":
                    continue  # an indicator without values
                key = (row["plan"], row["code"], row["period"])
                if key in values:
                    raise Failure("the export holds %s twice" % (key,))
                values[key] = (normalize(row["value"]), row["note"], row["source"])
        except (UnicodeDecodeError, KeyError, ValueError, csv.Error) as e:
            raise Failure("the export cannot be read: %r" % e) from e
        return values

    def count_changes(self):
        """Rows in the change log, read without writing to the file."""
        try:
            connection = sqlite3.connect("file:%s?mode=ro" % self.db, uri=True)
            try:
                return connection.execute("SELECT count(*) FROM changes").fetchone()[0]
            finally:
                connection.close()
        except sqlite3.Error as e:
            raise Failure("the change log cannot be read: %s" % e) from e

    def files(self):
        return [self.db + suffix for suffix in ("", "-wal", "-shm", "-journal")
                if os.path.exists(self.db + suffix)]

    def copy_to(self, folder):
        os.makedirs(folder, exist_ok=True)
        for path in self.files():
            shutil.copy2(path, folder)


def wait_for_checkpoint(process, db, rng, deadline):
    """Waits until the import starts writing the ledger file itself, which in
    WAL mode happens only once the transaction has committed (the checkpoint
    when the program closes the ledger), then a random 0–20 ms more. Returns
    the time (time.monotonic) to kill at; the process may have exited."""
    def signature():
        st = os.stat(db)
        return st.st_mtime_ns, st.st_size

    before = signature()
    while process.poll() is None and time.monotonic() < deadline:
        if signature() != before:
            time.sleep(rng.uniform(0, 0.02))
            break
        time.sleep(0.0005)
    return time.monotonic()


def describe_difference(before, expected, actual, file_rows):
    """Says how `actual` differs from both acceptable states."""
    changed = [k for k, v in file_rows.items() if before.get(k) != v]
    applied = sum(1 for k in changed if actual.get(k) == file_rows[k])
    untouched = sum(1 for k in changed if actual.get(k) == before.get(k))
    other = [k for k in set(before) | set(actual)
             if k not in file_rows and before.get(k) != actual.get(k)]
    lines = ["the file changes %d rows: %d of them are in the ledger with the file's values, "
             "%d are as before, %d are neither" % (len(changed), applied, untouched,
                                                    len(changed) - applied - untouched)]
    if applied and untouched:
        lines.append("HALF-APPLIED: the file is partly in the ledger")
    if other:
        lines.append("%d rows that are not in the file changed, e.g. %s: %s → %s" % (
            len(other), other[0], before.get(other[0]), actual.get(other[0])))
    for k in changed:
        if actual.get(k) not in (file_rows[k], before.get(k)):
            lines.append("e.g. %s: before %s, file %s, ledger %s" % (
                k, before.get(k), file_rows[k], actual.get(k)))
            break
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", help="the target-ledger binary")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--seed", type=int, default=None,
                        help="random seed (default: from the clock; printed)")
    parser.add_argument("--files", type=int, default=4, help="CSV files to generate")
    # An import of 25 000 rows takes 2–4 s on a two-core build machine, and
    # --check grows with the change log: with these sizes the default run
    # stays within about two minutes. Larger files: --min-rows/--max-rows.
    parser.add_argument("--min-rows", type=int, default=8000)
    parser.add_argument("--max-rows", type=int, default=24000)
    parser.add_argument("--aim", type=float, default=0.2,
                        help="share of rounds that kill in the checkpoint after the commit")
    parser.add_argument("--time-limit", type=float, default=240,
                        help="start no round after this many seconds (0: no limit)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    seed = args.seed if args.seed is not None else int(time.time() * 1000) % 1000000
    rng = random.Random(seed)
    started = time.monotonic()
    log("crash test: seed %d, %d rounds, %s" % (seed, args.rounds, os.path.abspath(args.binary)))

    work = tempfile.mkdtemp(prefix="target-ledger-crash-")
    try:
        # Every round runs the same program, even if the build tree is
        # rebuilt meanwhile.
        binary = os.path.join(work, "target-ledger")
        shutil.copy2(args.binary, binary)
        with open(binary, "rb") as f:
            log("crash test: program sha256 %s" % hashlib.sha256(f.read()).hexdigest()[:16])
        home = os.path.join(work, "home")
        os.makedirs(home)
        env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, ".local/share"),
                   XDG_CONFIG_HOME=os.path.join(home, ".config"),
                   XDG_CACHE_HOME=os.path.join(home, ".cache"),
                   GSETTINGS_BACKEND="memory", LC_ALL="C.UTF-8", NO_AT_BRIDGE="1")
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)

        # The plans, in a fresh ledger.
        plan_path = os.path.join(work, "plans.json")
        generate_plan_file(rng, plan_path)
        ledger = Ledger(binary, os.path.join(work, "ledger.sqlite3"), env)
        result = ledger.run("--import-plan", plan_path)
        if result.returncode != 0:
            log("crash test: --import-plan failed: %s" % result.stderr.decode(errors="replace"))
            log("0 passed, 1 failed")
            return 1
        ledger.check()

        files = generate_csv_files(rng, work, args.files, args.min_rows, args.max_rows)
        log("crash test: %d plans × %d monthly indicators over %d–%d; CSV files of %s rows" % (
            PLANS, AREAS * TASKS_PER_AREA, FIRST_YEAR, LAST_YEAR,
            ", ".join(str(len(rows)) for _, rows in files)))

        # How long each file's import takes, measured on a copy of the
        # fresh ledger (the first imports insert, the later ones mostly
        # overwrite: the same mix as the rounds).
        scratch = Ledger(binary, os.path.join(work, "scratch", "ledger.sqlite3"), env)
        ledger.copy_to(os.path.dirname(scratch.db))
        durations = []
        for path, rows in files:
            t0 = time.monotonic()
            result = scratch.run("--import-csv", path)
            durations.append(time.monotonic() - t0)
            if result.returncode != 0:
                log("crash test: importing %s failed: %s" % (
                    os.path.basename(path), result.stderr.decode(errors="replace")))
                log("0 passed, 1 failed")
                return 1
        shutil.rmtree(os.path.dirname(scratch.db))
        log("crash test: an import takes %s s" % ", ".join("%.2f" % d for d in durations))

        state = ledger.export()
        changes = ledger.count_changes()
        last_applied = None
        passed = failed = 0
        killed_during = committed_when_killed = rolled_back = finished = 0
        killed_writing = 0  # with the import's pages already in the WAL
        killed_aimed = 0  # after the commit, in the checkpoint
        inserted_total = overwritten_total = 0

        for round_no in range(1, args.rounds + 1):
            if args.time_limit > 0 and time.monotonic() - started > args.time_limit:
                log("crash test: time limit of %g s reached; %d of %d rounds run" % (
                    args.time_limit, round_no - 1, args.rounds))
                break
            choices = [i for i in range(len(files)) if i != last_applied]
            i = rng.choice(choices)
            path, file_rows = files[i]
            changed = {k for k, v in file_rows.items() if state.get(k) != v}
            new = sum(1 for k in changed if k not in state)
            expected = dict(state)
            expected.update(file_rows)
            # Most rounds kill at a random moment of the import; some wait
            # for the commit and kill while the ledger file is being
            # checkpointed, the moment at which the file itself is written.
            aimed = rng.random() < args.aim
            delay = rng.uniform(0, durations[i])
            snapshot = os.path.join(work, "after-kill")
            shutil.rmtree(snapshot, ignore_errors=True)
            previous = os.path.join(work, "before")
            shutil.rmtree(previous, ignore_errors=True)
            ledger.copy_to(previous)  # to replay a failing round

            t0 = time.monotonic()
            process = subprocess.Popen(ledger.command("--import-csv", path), env=env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                       start_new_session=True)
            if aimed:
                delay = wait_for_checkpoint(process, ledger.db, rng, t0 + STEP_TIMEOUT) - t0
            else:
                try:
                    process.wait(timeout=delay)
                except subprocess.TimeoutExpired:
                    pass
            if process.poll() is None:
                # The import and anything it started: its own process group.
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            else:
                # It finished first: how long the file takes now, with
                # what the ledger holds now, is the next round's range.
                durations[i] = time.monotonic() - t0
            try:
                _, stderr = process.communicate(timeout=STEP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                _, stderr = process.communicate()
            killed = process.returncode == -signal.SIGKILL
            wal = os.path.getsize(ledger.db + "-wal") if os.path.exists(ledger.db + "-wal") else 0
            ledger.copy_to(snapshot)  # the files as the kill left them

            how = ("killed after %.3f s%s (WAL %d bytes)" % (
                       delay, " in the checkpoint" if aimed else "", wal) if killed
                   else "finished before the kill (%.3f s)" % durations[i])
            problems = []
            outcome = None
            try:
                if not killed and process.returncode != 0:
                    problems.append("the import exited %d: %s" % (
                        process.returncode, stderr.decode(errors="replace").strip()))
                ledger.check()
                actual = ledger.export()
                if actual == expected:
                    outcome = "all"
                elif actual == state:
                    outcome = "none"
                else:
                    problems.append(describe_difference(state, expected, actual, file_rows))
                if outcome == "none" and not killed:
                    problems.append("the import exited 0 but its rows are not in the ledger")
                if outcome is not None:
                    want = changes + (len(changed) if outcome == "all" else 0)
                    have = ledger.count_changes()
                    if have != want:
                        problems.append("the change log has %d rows, expected %d (%d before, "
                                        "%d changed values)" % (have, want, changes,
                                                                len(changed)))
            except Failure as e:
                problems.append(str(e))
                actual = None

            if killed:
                killed_during += 1
                killed_aimed += aimed
                if wal > 32:  # more than the WAL header: frames of this import
                    killed_writing += 1
                if outcome == "all":
                    committed_when_killed += 1
                elif outcome == "none":
                    rolled_back += 1
            else:
                finished += 1
            if outcome == "all":
                inserted_total += new
                overwritten_total += len(changed) - new

            label = "round %d: file %d (%d rows, %d new, %d overwriting), %s: " % (
                round_no, i, len(file_rows), new, len(changed) - new, how)
            if problems:
                failed += 1
                kept = tempfile.mkdtemp(prefix="target-ledger-crash-failure-seed%d-round%d-" %
                                        (seed, round_no), dir=os.path.dirname(work))
                shutil.copytree(previous, os.path.join(kept, "before"))
                shutil.copytree(snapshot, os.path.join(kept, "after-kill"))
                ledger.copy_to(os.path.join(kept, "after-check"))
                shutil.copy2(path, kept)
                with open(os.path.join(kept, "report.txt"), "w", encoding="utf-8") as f:
                    f.write("seed %d round %d\n%s\n%s\n" % (seed, round_no, label,
                                                            "\n".join(problems)))
                log(label + "FAILED")
                for problem in problems:
                    log("    " + problem.replace("\n", "\n    "))
                log("    ledger kept in %s" % kept)
                # Go on from what the ledger now holds.
                try:
                    state = ledger.export()
                    changes = ledger.count_changes()
                except Failure as e:
                    log("crash test: cannot go on: %s" % e)
                    break
                last_applied = None
            else:
                passed += 1
                log(label + ("whole file in the ledger" if outcome == "all"
                             else "nothing of it in the ledger"))
                if outcome == "all":
                    state = expected
                    changes += len(changed)
                    last_applied = i

        elapsed = time.monotonic() - started
        log("crash test: %d rounds, %d killed during a write, %d failure%s" % (
            passed + failed, killed_during, failed, "" if failed == 1 else "s"))
        log("crash test: of the kills, %d came with the import's pages in the WAL (%d of them "
            "aimed at the checkpoint), %d while it was still reading the file; %d rolled back, "
            "%d found committed; %d imports finished before the kill; committed imports "
            "inserted %d values and overwrote %d; %.1f s" % (
                killed_writing, killed_aimed, killed_during - killed_writing, rolled_back,
                committed_when_killed, finished, inserted_total, overwritten_total, elapsed))
        log("%d passed, %d failed" % (passed, failed))
        return 1 if failed else 0
    except Failure as e:
        log("crash test: %s" % e)
        log("0 passed, 1 failed")
        return 1
    finally:
        if args.keep:
            log("crash test: temporary folder kept: %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
