"""Grouping at scale: ingest many short synthetic articles and see whether cost stays flat.

The articles are made up (seeded): happenings of many kinds, each told by several
articles that share its names, some of its details and some of its kind's words, over a
common vocabulary with a Zipf-like spread, and one in twenty a lightly edited copy of
another. They are ingested
into a fresh store with ``articles_only`` (copies, stories; no language model), in one
process. The figures are ratios inside this run: the cost of an article in the last tenth
of the ingest against the first tenth (1.0 means grouping cost does not grow with the
store, that is linear overall), and whole-ingest time against reading and segmenting the
same input without a store. Peak memory is the process's peak resident size.

    python bench/grouping.py [--articles 100000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from wirewatch import api
from wirewatch.pipeline import run
from wirewatch.sources import read_inputs
from wirewatch.store import SqliteStore

FILE_ARTICLES = 5000
SYLLABLES = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]


def word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def articles(n: int, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    common = [word(rng, 2) for _ in range(3000)]
    weights = [1 / (rank + 1) for rank in range(len(common))]
    kinds = [[word(rng, 3) for _ in range(25)] for _ in range(200)]
    out: list[dict[str, str]] = []
    while len(out) < n:
        kind = rng.choice(kinds)
        names = [word(rng, 4).capitalize() for _ in range(5)]
        details = [word(rng, 3) for _ in range(8)]
        for _ in range(rng.randint(1, 8)):
            if out and rng.random() < 0.05:  # a syndicated copy, one word changed
                text = out[-1]["text"].split()
                text[rng.randrange(len(text))] = word(rng, 2)
                body = " ".join(text)
            else:
                body = " ".join(
                    rng.sample(names, 4) + rng.sample(details, 6) + rng.sample(kind, 6)
                    + rng.choices(common, weights, k=44))
            out.append({"id": f"synthetic-{len(out)}", "text": body})
            if len(out) == n:
                break
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        docs = articles(args.articles)
        source = Path(tmp) / "input"
        source.mkdir()
        for n in range(0, len(docs), FILE_ARTICLES):  # files of a size a feed dump has
            (source / f"part{n // FILE_ARTICLES:04d}.jsonl").write_text(
                "".join(json.dumps(d) + "\n" for d in docs[n : n + FILE_ARTICLES]))
        start = time.perf_counter()
        read = sum(1 for _ in run(read_inputs([str(source)]), None))
        reading = time.perf_counter() - start

        stamps: list[float] = []
        store = SqliteStore(Path(tmp) / "bench.db")
        start = time.perf_counter()
        report = api.ingest([str(source)], store, articles_only=True,
                            on_document=lambda: stamps.append(time.perf_counter()))
        total = time.perf_counter() - start
        if report.errors:
            print(f"grouping: input errors: {report.errors[:3]}", file=sys.stderr)
            return 1
        counts = store.counts()
        store.close()
        size = sum(p.stat().st_size for p in Path(tmp).glob("bench.db*"))
    tenth = max(len(stamps) // 10, 1)
    first = (stamps[tenth - 1] - start) / tenth
    last = (stamps[-1] - stamps[-tenth - 1]) / tenth
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"grouping: articles={args.articles} read={read} time_s={total:.1f} "
          f"per_article_ms={1000 * total / args.articles:.2f} "
          f"last_tenth_vs_first={last / first:.2f} ingest_vs_reading={total / reading:.1f} "
          f"peak_rss_mb={peak_mb:.0f} store_mb={size / 2**20:.0f} "
          f"stories={counts['stories']} copies={counts['copies']} errors={len(report.errors)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
