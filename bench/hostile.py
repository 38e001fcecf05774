"""Hostile inputs (issue 18) through the real command line: a table of case × command.

Makes the files with ``scripts/make_hostile.py`` in a temporary folder, then runs each, as a
fresh process with a time limit, through

* ``wirewatch extract --articles-only FILE`` and
* ``wirewatch ingest --articles-only --db NEW.db FILE`` (120 s each),
* plain ``wirewatch extract FILE``, with the language model, for the five cases that once
  broke spaCy (``MODEL_CASES``; 300 s each),

and one batch, ``wirewatch ingest --articles-only`` over a good JSON Lines file of 30
documents, every hostile file, and a good file of 20 more: all 50 good documents must be
in the store afterwards (a batch with bad documents stores all the good ones).

Each run's wall time, and its peak resident size: the ``ru_maxrss`` of that child alone,
from ``os.wait4`` (``RUSAGE_CHILDREN`` holds the largest peak of all children so far, so a
difference of two readings says nothing about one run). A watchdog reads the child's
resident size every 50 ms and kills it past 3 GB, to spare the machine. Outcomes:

* ``ok``: exit 0, and no traceback;
* ``one line``: a non-zero exit, no traceback, and every line on stderr is one
  ``wirewatch: ...`` line (one per input or document skipped; ingest's own summary line
  and progress lines aside);
* ``internal error``: a defect wirewatch caught and told in one line (``wirewatch:
  internal error``);
* ``traceback``, ``timeout``, ``over 1 GB``;
* ``bad output``: a line printed by ``extract`` that is not one JSON record;
* ``other``: a non-zero exit with stderr of another shape.

Every outcome but ``ok`` and ``one line`` counts as failed, and makes the exit status 1.

    python bench/hostile.py [--only NAME ...] [--no-model] [--no-batch] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE = ROOT / "scripts" / "make_hostile.py"
LIMIT_S = 120.0  # one run without the language model
MODEL_LIMIT_S = 300.0  # one run with it
BATCH_LIMIT_S = 1200.0  # the batch of every file
OVER_MB = 1024.0  # a run whose peak is over this is a failure
KILL_MB = 3072.0  # the watchdog kills a child past this
MODEL_CASES = ["plain-31mb.txt", "one-line-5mb.txt", "one-token-5mb.txt",
               "dump-10k-articles.txt", "lines-100k.txt"]
GOOD_FIRST, GOOD_LAST = 30, 20
FAILED = {"internal error", "traceback", "timeout", "over 1 GB", "bad output", "other"}
SENTENCES = ["The army attacked the town of Kismayo on Monday, officials said.",
             "Ethiopia sent food aid to Somalia on Tuesday, the agency reported.",
             "Police arrested twelve protesters in Nairobi late on Wednesday, witnesses said."]


@dataclass(slots=True)
class Run:
    case: str
    command: str
    outcome: str
    seconds: float
    peak_mb: float
    code: int | None
    error_lines: int  # stderr lines other than ingest's summary and progress
    first_error: str
    out: str  # records printed (extract), documents ingested (ingest)


def wirewatch() -> list[str]:
    """The installed command beside this Python, else the one on the PATH."""
    beside = Path(sys.executable).with_name("wirewatch")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("wirewatch")
    if found:
        return [found]
    raise SystemExit("hostile: no wirewatch command installed")


def resident_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
    return int(match.group(1)) / 1024 if match else 0.0


def is_noise(line: str) -> bool:
    """Ingest's summary and progress lines: what it says when all goes well too."""
    return line.startswith(("ingested ", "wirewatch: ingesting: ")) or not line.strip()


def classify(code: int | None, stderr: str, timed_out: bool, killed_big: bool,
             peak_mb: float, bad_output: bool) -> str:
    lines = [line for line in stderr.splitlines() if not is_noise(line)]
    if timed_out:
        return "timeout"
    if killed_big or peak_mb > OVER_MB:
        return "over 1 GB"
    if "Traceback (most recent call last)" in stderr:
        return "traceback"
    if any(line.startswith("wirewatch: internal error") for line in lines):
        return "internal error"
    if bad_output:
        return "bad output"
    if code == 0:
        return "ok"
    if lines and all(line.startswith("wirewatch: ") for line in lines):
        return "one line"
    return "other"


def measure(case: str, command: str, argv: list[str], limit: float, scratch: Path) -> Run:
    """Run ``argv`` as a fresh process in its own session, watched; a run past the time
    limit or the memory ceiling is killed with its whole process group."""
    out_path, err_path = scratch / "stdout", scratch / "stderr"
    env = {k: v for k, v in os.environ.items() if k != "WIREWATCH_DEBUG"}
    timed_out = killed_big = False
    start = time.perf_counter()
    with out_path.open("wb") as out, err_path.open("wb") as err:
        child = subprocess.Popen(argv, cwd=scratch, stdin=subprocess.DEVNULL, stdout=out,
                                 stderr=err, env=env, start_new_session=True)
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            over_time = time.perf_counter() - start > limit
            too_big = resident_mb(child.pid) > KILL_MB
            if over_time or too_big:
                timed_out, killed_big = over_time, too_big and not over_time
                os.killpg(child.pid, signal.SIGKILL)
                _, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.05)
    seconds = time.perf_counter() - start
    child.returncode = code = os.waitstatus_to_exitcode(status)
    peak_mb = usage.ru_maxrss / 1024  # Linux: kilobytes
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    bad_output = False
    records = 0
    if command.startswith("extract"):
        with out_path.open(encoding="utf-8", errors="replace") as printed:
            for line in printed:
                records += 1
                try:
                    bad_output = bad_output or not isinstance(json.loads(line), dict)
                except ValueError:
                    bad_output = True
        out = f"{records:,} records"
    else:
        done = re.search(r"^ingested (\d+) documents", stderr, re.M)
        out = f"{int(done.group(1)):,} documents" if done else ""
    outcome = classify(None if timed_out or killed_big else code, stderr, timed_out,
                       killed_big, peak_mb, bad_output)
    errors = [line for line in stderr.splitlines() if not is_noise(line)]
    first = errors[0] if errors else ""
    return Run(case, command, outcome, seconds, peak_mb, code, len(errors), first, out)


def make_files(folder: Path, only: list[str] | None) -> list[str]:
    """The hostile files, made by the script; their names in its order."""
    argv = [sys.executable, str(MAKE), str(folder)] + (["--only", *only] if only else [])
    made = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    return [line.split()[1] for line in made.splitlines() if line.strip()]


def good_file(path: Path, prefix: str, count: int) -> list[str]:
    ids = [f"{prefix}-{n}" for n in range(count)]
    path.write_text("".join(
        json.dumps({"id": doc_id, "title": f"Report {n} from {prefix}",
                    "text": " ".join(SENTENCES[(n + k) % 3] for k in range(3)) + f" Item {n}.",
                    "published": "2025-03-03", "publisher": "Good Wire"}) + "\n"
        for n, doc_id in enumerate(ids)), encoding="utf-8")
    return ids


def cell(text: str, width: int = 110) -> str:
    text = text.replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"


def table(runs: list[Run]) -> str:
    rows = ["| case | command | outcome | s | peak MB | exit | stderr lines | out "
            "| first stderr line |", "|---|---|---|--:|--:|--:|--:|--:|---|"]
    rows += [f"| {r.case} | {r.command} | {r.outcome} | {r.seconds:.1f} | {r.peak_mb:,.0f} "
             f"| {'' if r.code is None else r.code} | {r.error_lines} | {r.out} "
             f"| {cell(r.first_error)} |" for r in runs]
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only these cases")
    parser.add_argument("--no-model", action="store_true", help="skip the language model runs")
    parser.add_argument("--no-batch", action="store_true", help="skip the batch")
    args = parser.parse_args()
    cli = wirewatch()
    runs: list[Run] = []
    scratch = Path(tempfile.mkdtemp(prefix="hostile-"))
    try:
        files = scratch / "files"
        work = scratch / "work"
        work.mkdir()
        started = time.perf_counter()
        names = make_files(files, args.only)
        print(f"made {len(names)} files in {time.perf_counter() - started:.0f} s", flush=True)
        plans: list[tuple[str, str, list[str], float]] = []
        for name in names:
            path = str(files / name)
            plans.append((name, "extract --articles-only",
                          [*cli, "extract", "--articles-only", path], LIMIT_S))
            plans.append((name, "ingest --articles-only",
                          [*cli, "ingest", "--articles-only", "--db",
                           str(work / f"{name}.db"), path], LIMIT_S))
        if not args.no_model:
            plans += [(name, "extract (model)", [*cli, "extract", str(files / name)],
                       MODEL_LIMIT_S) for name in names if name in MODEL_CASES]
        for name, command, argv, limit in plans:
            run = measure(name, command, argv, limit, work)
            run.first_error = run.first_error.replace(f"{files}/", "")
            runs.append(run)
            print(f"  {name:28} {command:24} {run.outcome:14} {run.seconds:7.1f} s "
                  f"{run.peak_mb:7,.0f} MB  {cell(run.first_error, 90)}", flush=True)
            for db in work.glob("*.db*"):
                db.unlink()
        batch_line = ""
        batch_ok = True
        if not args.no_batch:
            first = good_file(files / "good-first.jsonl", "good-first", GOOD_FIRST)
            last = good_file(files / "good-last.jsonl", "good-last", GOOD_LAST)
            db = work / "batch.db"
            inputs = [str(files / "good-first.jsonl"), *(str(files / n) for n in names),
                      str(files / "good-last.jsonl")]
            run = measure("batch: 30 good + all hostile + 20 good", "ingest --articles-only",
                          [*cli, "ingest", "--articles-only", "--db", str(db), *inputs],
                          BATCH_LIMIT_S, work)
            run.first_error = run.first_error.replace(f"{files}/", "")
            runs.append(run)
            stored: set[str] = set()
            if db.exists():
                with sqlite3.connect(db) as con:
                    stored = {row[0] for row in con.execute("SELECT doc_id FROM documents")}
            missing = [doc_id for doc_id in first + last if doc_id not in stored]
            batch_ok = not missing and run.outcome not in FAILED
            batch_line = (f"batch: {run.outcome}, {run.seconds:.0f} s, {run.peak_mb:,.0f} MB; "
                          f"{len(first) + len(last) - len(missing)} of {len(first) + len(last)} "
                          f"good documents stored ({len(stored):,} documents in all)"
                          + (f"; missing: {', '.join(missing[:5])}" if missing else ""))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print()
    print(table(runs))
    print()
    counts = {o: sum(r.outcome == o for r in runs) for o in ["ok", "one line", *sorted(FAILED)]}
    failed = sum(counts[o] for o in FAILED)
    detail = ", ".join(f"{o} {n}" for o, n in counts.items() if o in FAILED and n)
    print(f"tried {len(runs)} runs: one line {counts['one line']}, ok {counts['ok']}, "
          f"failed {failed}" + (f" ({detail})" if detail else ""))
    if batch_line:
        print(batch_line)
    print("peak MB: ru_maxrss of each child from os.wait4; s: wall time of the process")
    return 1 if failed or not batch_ok else 0


if __name__ == "__main__":
    sys.exit(main())
