"""The seed page against its gold reading (shared/acceptance/seed_page.gold.json).

Prints how many gold events and quotes are found and whether the page yields exactly the
gold articles. The matching rule is the gold file's own, implemented once here; the
acceptance tests use it too.

    python -m evaluation.seed
"""

from __future__ import annotations

import json
import sys
from typing import Any

from evaluation.common import report
from wirewatch import api
from wirewatch.records import ArticleRecord
from wirewatch.shared_data import shared_path
from wirewatch.sources import Defaults


def gold() -> dict[str, Any]:
    return dict(json.loads(shared_path("acceptance", "seed_page.gold.json").read_text()))


def _texts(links: list[dict[str, Any]]) -> str:
    return " | ".join(f"{x.get('text') or ''} {x.get('name') or ''}" for x in links).lower()


def event_matches(g: dict[str, Any], m: dict[str, Any]) -> bool:
    """The gold file's matching rule for one gold event and one event mention."""
    if m["event_type"] not in g["types"]:
        return False
    if not set(g.get("actor_countries", [])) <= {a["country"] for a in m["actors"]}:
        return False
    if not set(g.get("recipient_countries", [])) <= {a["country"] for a in m["recipients"]}:
        return False
    if "date" in g and m["date"] != g["date"]:
        return False
    chain = _texts(m["attribution"])
    if any(s.lower() not in chain for s in g.get("attribution_contains", [])):
        return False
    tools = _texts(m["instruments"])
    return all(s.lower() in tools for s in g.get("instruments_contain", []))


def quote_matches(g: dict[str, Any], q: dict[str, Any]) -> bool:
    return g["text_contains"] in q["text"] and q["speaker"] is not None and \
        g["speaker_contains"].lower() in _texts([q["speaker"]])


def read_seed(published: str | None = None) -> list[dict[str, Any]]:
    path = shared_path(gold()["input"])
    return [r.to_dict() for r in api.extract([str(path)], defaults=Defaults(published=published))
            if isinstance(r, ArticleRecord)]


def score() -> dict[str, float]:
    g = gold()
    records = read_seed()
    events = quotes = found_events = found_quotes = 0
    for want, got in zip(g["articles"], records, strict=False):
        for e in want["events"]:
            events += 1
            found_events += any(event_matches(e, m) for m in got["events"])
        for q in want["quotes"]:
            quotes += 1
            found_quotes += any(quote_matches(q, x) for x in got["quotes"])
    return {"events_found": found_events, "events": events, "quotes_found": found_quotes,
            "articles": len(records), "gold_articles": len(g["articles"])}


def main() -> int:
    print(report("seed", score()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
