"""Actor resolution on cases written for wirewatch (``evaluation/cases/actors.jsonl``).

Each case is a probe sentence, its publication date, the words naming one party and that
party's country and sector by ``docs/annotation.md`` (null for a name that is no political
actor: "a cat named Frank"). The sentence goes through the whole pipeline; the parties
read are those of any event whose text overlaps the mention. Country: right when one of
them has the expected country (for a non-actor: when none has a country). Sector: the same
over sectors. Kinds (titles, ministries, courts, armed groups, named officials …) are
scored apart with ``--by-kind``.

    python -m evaluation.actors [--by-kind] [--misses]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from typing import Any

from evaluation.cases_scorer import cases
from evaluation.common import report
from wirewatch.nlp.model import load_model
from wirewatch.pipeline import run
from wirewatch.records import Actor, ArticleRecord, Document


def parties(items: list[dict[str, Any]]) -> list[list[Actor]]:
    """For each case, the parties of its events that overlap the mention."""
    docs = [Document(case["id"], "article", case["sentence"], published=case["published"])
            for case in items]
    out = []
    for case, result in zip(items, run(docs, load_model()), strict=True):
        found: list[Actor] = []
        if isinstance(result, ArticleRecord):
            offset = max(result.article.body.find(case["sentence"]), 0)
            lo = offset + case["sentence"].find(case["mention"])
            hi = lo + len(case["mention"])
            found = [a for e in result.events for a in (*e.actors, *e.recipients)
                     if a.start is not None and a.end is not None and a.start < hi and lo < a.end]
        out.append(found)
    return out


def judge(case: dict[str, Any], found: list[Actor], field: str) -> bool:
    got = {getattr(a, field) for a in found} - {None}
    want = case[field]
    return not got if want is None else want in got


def tally(items: list[dict[str, Any]], found: list[list[Actor]]) -> tuple[Counter[str],
                                                                           Counter[str]]:
    hits: Counter[str] = Counter()
    trials: Counter[str] = Counter()
    for case, actors in zip(items, found, strict=True):
        for field in ("country", "sector"):
            for group in (field, f"{case['kind']}:{field}"):
                trials[group] += 1
                hits[group] += judge(case, actors, field)
    return hits, trials


def score() -> dict[str, float]:
    items = cases("actors")
    hits, trials = tally(items, parties(items))
    return {field: hits[field] / trials[field] for field in ("country", "sector")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--by-kind", action="store_true", help="also score each kind apart")
    parser.add_argument("--misses", action="store_true", help="list the cases got wrong")
    args = parser.parse_args()
    items = cases("actors")
    found = parties(items)
    hits, trials = tally(items, found)
    print(report("actors", {f: hits[f] / trials[f] for f in ("country", "sector")},
                 f"{len(items)} actor cases written for wirewatch"))
    if args.by_kind:
        for kind in sorted({c["kind"] for c in items}):
            n = trials[f"{kind}:country"]
            print(f"  {kind:<16} n={n:<4} country={hits[f'{kind}:country'] / n:.3f} "
                  f"sector={hits[f'{kind}:sector'] / n:.3f}")
    if args.misses:
        for case, actors in zip(items, found, strict=True):
            if not (judge(case, actors, "country") and judge(case, actors, "sector")):
                got = [(a.text, a.country, a.sector) for a in actors]
                print(f"{case['id']} {case['mention']!r} want {case['country']}/"
                      f"{case['sector']} got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
