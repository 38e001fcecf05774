"""Merging events at store time: what storing real articles' events costs, and whether it grows.

The Guardian articles of the shared news sample are read once through the whole pipeline
(not timed); their records are then stored, in order, into a fresh store: stories, copies
and the events each mention joins (``merge``). The figures are ratios inside this run:
storing against extracting the same articles, and the cost of an article in the last
tenth of the ingest against the first tenth (1.0 means the merge's cost does not grow
with the store).

    python bench/merging.py [--articles 249]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from guardian import guardian_documents

from wirewatch.nlp.model import load_model
from wirewatch.pipeline import run
from wirewatch.records import ArticleRecord
from wirewatch.sources import Defaults
from wirewatch.store import SqliteStore


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=249)
    args = parser.parse_args()
    docs = guardian_documents(args.articles)
    start = time.perf_counter()
    records = [r for r in run(docs, load_model(), Defaults()) if isinstance(r, ArticleRecord)]
    extracting = time.perf_counter() - start
    stamps: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp) / "bench.db")
        start = time.perf_counter()
        for n, record in enumerate(records):
            store.add_document(f"doc-{n}", f"hash-{n}", [record])
            stamps.append(time.perf_counter())
        storing = time.perf_counter() - start
        counts = store.counts()
        store.close()
    if len(records) < 2:
        print("merging: needs two articles or more", file=sys.stderr)
        return 1
    tenth = max(len(stamps) // 10, 1)
    first = (stamps[tenth - 1] - start) / tenth
    last = (stamps[-1] - stamps[-tenth - 1]) / tenth
    mentions = sum(len(r.events) for r in records)
    print(f"merging: articles={len(records)} mentions={mentions} events={counts['events']} "
          f"store_s={storing:.1f} per_article_ms={1000 * storing / len(records):.1f} "
          f"storing_vs_extracting={storing / extracting:.2f} "
          f"last_tenth_vs_first={last / first:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
