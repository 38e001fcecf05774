"""Start-up: one short sentence through `wirewatch extract`, as a whole process.

Each round starts, one after another, fresh Python processes: the baseline, which loads
the language model as wirewatch does (``load_model``: spaCy's import and load) and parses
the sentence; `wirewatch extract` on a file holding the sentence; and `wirewatch --help`.
The figures are the best wall and processor time and the peak resident size of each, and
the ratio of its times to the baseline's, which carries from one machine to another better than
seconds do. Two sentences: one the rules read an event in, and one only the trained event
coder reads (so its load is counted). The knowledge bases on their own (the actor knowledge
base and the gazetteer, opened and asked a first name, a surname in office, a place and a
demonym) are the same measure less a bare interpreter's. This process imports nothing
heavy: a child's peak size counts its parent's before it starts the program.

    python bench/startup.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = {
    "rules": "Russian forces shelled the town of Kupiansk in eastern Ukraine on Tuesday, "
             "the governor said.",
    "coder": "Protesters gathered outside parliament in Kampala.",
}


KNOWLEDGE = ("from wirewatch import dictionaries, gazetteer; dictionaries.lookup('Donald Trump'); "
             "dictionaries.in_office('Tillerson', '2017-06-01'); gazetteer.place_of('Lagos'); "
             "gazetteer.country_of('Kenyan')")


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float  # wall time
    cpu: float  # user and system time: steadier than wall time on a busy machine
    peak_mb: float


def measure(argv: list[str]) -> Run:
    """Wall time and peak resident size of one process (run from the repository root, so
    that `-m wirewatch` is this checkout's)."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{' '.join(argv)} exited with {child.returncode}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)  # Linux: KB


def best(runs: list[Run]) -> Run:
    return Run(min(r.seconds for r in runs), min(r.cpu for r in runs),
               max(r.peak_mb for r in runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as scratch:
        files = {}
        for name, text in SENTENCES.items():
            files[name] = Path(scratch) / f"{name}.txt"
            files[name].write_text(text + "\n", encoding="utf-8")
        commands = {
            "baseline": [python, "-c", "import sys; from wirewatch.nlp.model import load_model; "
                         "load_model()(sys.argv[1])", SENTENCES["rules"]],
            **{f"extract ({name})": [python, "-m", "wirewatch", "extract", str(path)]
               for name, path in files.items()},
            "--help": [python, "-m", "wirewatch", "--help"],
            "python": [python, "-c", "pass"],
            "knowledge": [python, "-c", KNOWLEDGE],
        }
        runs: dict[str, list[Run]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, argv in commands.items():
                runs[name].append(measure(argv))
    base = best(runs["baseline"])
    for name in commands:
        got = best(runs[name])
        print(f"{name:17s} {got.seconds:5.2f} s (cpu {got.cpu:5.2f} s)  {got.peak_mb:4.0f} MB  "
              f"time / baseline {got.seconds / base.seconds:.2f} "
              f"(cpu {got.cpu / base.cpu:.2f})")
    kb, bare = best(runs["knowledge"]), best(runs["python"])
    print(f"knowledge bases on their own: {kb.seconds - bare.seconds:.2f} s "
          f"(cpu {kb.cpu - bare.cpu:.2f} s), {kb.peak_mb - bare.peak_mb:.0f} MB; "
          f"{(kb.seconds - bare.seconds) / base.seconds:.2f} of the baseline's time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
