"""Throughput: the whole `wirewatch extract` pipeline against spaCy parsing alone.

Both sides take the first 40 Guardian articles of the shared news sample, use the same
loaded model and batch size, and run in this one process, alternately, several times;
the figure is the ratio of the best times (pipeline / parsing alone). A ratio of 1.5 means
the whole pipeline costs half again as much as parsing.

    python bench/throughput.py [--articles 40] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable

from guardian import guardian_documents

from wirewatch.errors import InputError
from wirewatch.nlp.annotate import BATCH_SIZE
from wirewatch.nlp.model import load_model
from wirewatch.pipeline import run
from wirewatch.sources import Defaults


def best_of(rounds: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    docs = guardian_documents(args.articles)
    texts = [d.content for d in docs]
    nlp = load_model()
    nlp("warm up the model once")
    words = sum(len(t.split()) for t in texts)

    def parse_only() -> object:
        return [doc for doc in nlp.pipe(texts, batch_size=BATCH_SIZE)]

    def pipeline() -> object:  # what `wirewatch extract` does, JSON Lines included
        lines = []
        for record in run(docs, nlp, Defaults()):
            assert not isinstance(record, InputError), record
            lines.append(json.dumps(record.to_dict(), ensure_ascii=False))
        return lines

    base = best_of(args.rounds, parse_only)
    full = best_of(args.rounds, pipeline)
    print(f"articles {len(docs)}  words {words}  spaCy nlp.pipe {base:.2f}s  "
          f"wirewatch pipeline {full:.2f}s  ratio {full / base:.2f} "
          f"({words / full:.0f} words/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
