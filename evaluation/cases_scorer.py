"""Dates and attribution on cases written for wirewatch (``evaluation/cases/*.jsonl``).

Dates: the share of cases whose first event of the expected type has the expected TIMEX3
value, resolved against the given publication date. Attribution: the share whose chain has
exactly the expected links in order (each expected string inside a link's text or name),
and, where given, the expected anonymous flags and kinds.

    python -m evaluation.cases_scorer
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from evaluation.common import report
from wirewatch.nlp.model import load_model
from wirewatch.pipeline import run
from wirewatch.records import ArticleRecord, Document, EventMention, Source
from wirewatch.sources import Defaults

CASES = Path(__file__).with_name("cases")


def cases(name: str) -> list[dict[str, Any]]:
    lines = (CASES / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def first_event(case: dict[str, Any], published: str | None = None,
                publisher: str | None = None) -> EventMention | None:
    results = run([Document("case", "article", case["text"])], load_model(),
                  Defaults(published=published, publisher=publisher))
    for result in results:
        if isinstance(result, ArticleRecord):
            return next((e for e in result.events if e.event_type == case["type"]), None)
    return None


def _link_matches(want: str, link: Source) -> bool:
    return want.lower() in f"{link.text} {link.name or ''}".lower()


def chain_matches(case: dict[str, Any], chain: list[Source]) -> bool:
    want = case["chain"]
    if len(chain) != len(want) or not all(_link_matches(w, s) for w, s in zip(want, chain,
                                                                               strict=True)):
        return False
    if "anonymous" in case and [s.anonymous for s in chain] != case["anonymous"]:
        return False
    return "kinds" not in case or [s.kind for s in chain][-len(case["kinds"]):] == case["kinds"]


def score() -> dict[str, float]:
    dates = cases("dates")
    right_dates = 0
    for case in dates:
        event = first_event(case, published=case["published"])
        right_dates += event is not None and event.date == case["date"]
    chains = cases("attribution")
    right_chains = 0
    for case in chains:
        event = first_event(case, publisher=case["publisher"])
        right_chains += event is not None and chain_matches(case, event.attribution)
    return {"dates": right_dates / len(dates), "attribution": right_chains / len(chains)}


def main() -> int:
    print(report("cases", score(), "cases written for wirewatch: evaluation/cases/"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
