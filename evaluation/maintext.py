"""Main-text extraction on the ScrapingHub article-extraction benchmark (181 real pages).

The metric is the benchmark's own: word 4-gram shingles counted as multisets per page,
each page's TP/FP/FN normalised to sum to one, precision and recall averaged over pages,
F1 their harmonic mean. wirewatch's body for a page is the body of every article it
finds there, in order.

    python -m evaluation.maintext
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
from collections import Counter

from evaluation.common import report
from wirewatch.articles import find_articles
from wirewatch.records import Document
from wirewatch.shared_data import shared_path

_TOKEN = re.compile(r"\w+", re.UNICODE)
NGRAM = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + NGRAM]) for i in range(max(1, len(tokens) - NGRAM + 1))
                   if tokens[i:i + NGRAM])


def page_counts(gold: str, pred: str) -> tuple[float, float, float]:
    g, p = shingles(gold), shingles(pred)
    tp = float(sum((g & p).values()))
    fp = float(sum((p - g).values()))
    fn = float(sum((g - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def figures(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    p = statistics.mean(precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(recall(*c) for c in counts if c[0] + c[2] > 0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r)}


def score() -> dict[str, float]:
    root = shared_path("data", "article-extraction")
    truth = json.loads((root / "ground-truth.json").read_text())
    counts = []
    for page_id, gold in sorted(truth.items()):
        with gzip.open(root / "html" / f"{page_id}.html.gz") as handle:
            markup = handle.read().decode("utf-8", "replace")
        articles = find_articles(Document(page_id, "html", markup, url=gold.get("url")))
        counts.append(page_counts(gold["articleBody"], "\n".join(a.body for a in articles)))
    return figures(counts)


def main() -> int:
    print(report("maintext", score(), "181 pages; anchor: trafilatura 2.3.1 F1 0.953"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
