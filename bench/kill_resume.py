"""kill -9 during ingest, then the same command again: nothing lost, nothing twice.

Ingests the first ``--limit`` rows of a CSV of articles (by default the shared Guardian
sample) once without interruption, then again into another store, killing the ingest
(SIGKILL) ``--kills`` times at random moments and starting the same command after each
kill, and once more to the end. The store must pass ``PRAGMA integrity_check`` and hold
exactly the articles, event mentions and merged events of the uninterrupted run.

    python bench/kill_resume.py [--csv FILE] [--limit 200] [--kills 20] [--seed 1]
"""

from __future__ import annotations

import argparse
import csv
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wirewatch.shared_data import shared_root  # noqa: E402

TABLES = {"articles": "article_id, record", "mentions": "mention_id, event_id, record",
          "events": "event_id, record", "documents": "doc_id, content_hash"}


def subset(source: Path, limit: int, out: Path) -> Path:
    """The first ``limit`` rows of a CSV, as a CSV of their own."""
    with source.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    with out.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows[:limit + 1])
    return out


def ingest(db: Path, source: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "wirewatch.cli", "ingest", "--quiet",
                             "--db", str(db), str(source)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def contents(db: Path) -> dict[str, list[tuple[str, ...]]]:
    """What a store holds that a resumed ingest must reproduce, and its integrity check."""
    con = sqlite3.connect(db)
    try:
        out = {name: sorted(con.execute(f"SELECT {cols} FROM {name}").fetchall())
               for name, cols in TABLES.items()}
        out["integrity"] = con.execute("PRAGMA integrity_check").fetchall()
    finally:
        con.close()
    return out


@dataclass(frozen=True)
class Outcome:
    seconds: float  # the uninterrupted ingest
    kills: int
    landed: int  # kills that found the ingest still running
    integrity: list[tuple[str, ...]]
    last_exit: int
    last_stderr: str
    tables: dict[str, tuple[int, int, bool]]  # rows after the kills, rows without, equal

    @property
    def same(self) -> bool:
        return self.integrity == [("ok",)] and all(eq for _, _, eq in self.tables.values())


def run(source: Path, kills: int, seed: int, folder: Path) -> Outcome:
    """The uninterrupted and the killed-and-resumed stores compared."""
    rng = random.Random(seed)
    whole, broken = folder / "whole.db", folder / "killed.db"
    started = time.monotonic()
    done = ingest(whole, source)
    done.wait()
    alone = time.monotonic() - started
    landed = 0
    for _ in range(kills):
        proc = ingest(broken, source)
        time.sleep(rng.uniform(0.5, max(1.0, 2 * alone / kills)))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            landed += 1
        proc.wait()
    last = ingest(broken, source)
    _, err = last.communicate()
    want, got = contents(whole), contents(broken)
    return Outcome(alone, kills, landed, got["integrity"], last.returncode,
                   err.decode(errors="replace").strip(),
                   {name: (len(got[name]), len(want[name]), got[name] == want[name])
                    for name in TABLES})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", type=Path,
                        default=shared_root() / "data" / "news-sample" / "guardian_sample.csv")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not args.csv.exists():
        print(f"kill_resume: {args.csv} not found (set WIREWATCH_SHARED)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        result = run(subset(args.csv, args.limit, folder / "input.csv"), args.kills,
                     args.seed, folder)
    print(f"uninterrupted ingest of {args.limit} articles: {result.seconds:.1f} s; "
          f"{result.landed} of {result.kills} kills landed mid-ingest; integrity "
          f"{result.integrity}; the last run exited {result.last_exit}")
    for name, (got, want, equal) in result.tables.items():
        print(f"  {name:<10} {got:6d} rows after the kills, {want:6d} without: "
              f"{'equal' if equal else 'DIFFERENT'}")
    print("same as one uninterrupted ingest" if result.same else "DIFFERENT")
    return 0 if result.same else 1


if __name__ == "__main__":
    sys.exit(main())
