"""Story grouping on ECB+ (shared/data/same-event/ecbplus_dev.jsonl): B-cubed over articles.

The 772 articles of the ECB+ dev topics are ingested, in file order, into a fresh store
and grouped as ``wirewatch stories`` groups them; each article's story is compared with
its gold event cluster (66 clusters: two similar happenings per topic, such as two
celebrities entering rehab in different years). Grouping reads only the articles' words,
so the articles are stored without event extraction. A TF-IDF average-link baseline
scores B-cubed F1 0.87 here.

    python -m evaluation.stories
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from evaluation.common import report
from wirewatch import api
from wirewatch.shared_data import shared_path
from wirewatch.store import SqliteStore

DATA = ("data", "same-event", "ecbplus_dev.jsonl")


def bcubed(gold: Mapping[str, str], found: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering of the gold items."""
    gold_sets: dict[str, set[str]] = defaultdict(set)
    found_sets: dict[str, set[str]] = defaultdict(set)
    for item, cluster in gold.items():
        gold_sets[cluster].add(item)
    for item in gold:  # an item the system lost counts as a cluster of its own
        found_sets[found.get(item, f"missing:{item}")].add(item)
    p = r = 0.0
    for item, cluster in gold.items():
        mine = found_sets[found.get(item, f"missing:{item}")]
        common = len(mine & gold_sets[cluster])
        p += common / len(mine)
        r += common / len(gold_sets[cluster])
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score() -> dict[str, float]:
    path = shared_path(*DATA)
    gold = {d["id"]: d["event_cluster"]
            for d in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp) / "stories.db")
        try:
            api.ingest([str(path)], store, articles_only=True)
            found = {doc: s["story_id"] for s in store.stories() for doc in s["doc_ids"]}
            copies = store.counts()["copies"]
        finally:
            store.close()
    p, r, f1 = bcubed(gold, found)
    return {"bcubed_f1": round(f1, 3), "precision": round(p, 3), "recall": round(r, 3),
            "stories": len(set(found.values())), "gold_stories": len(set(gold.values())),
            "copies": copies}


def main() -> int:
    print(report("stories", score(), "TF-IDF average-link baseline: F1 0.87"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
