"""Event merging and source chains on real multi-outlet coverage.

The gold is ``evaluation/coverage/stories.json``: real happenings, each told by three or
more outlets, with their gold events (PLOVER type, parties' countries, date), the articles
that mention each event and the original source all reports of it go back to. The
articles' texts are not in the repository: they are read from the folder named by the
``WIREWATCH_COVERAGE`` environment variable (``articles.jsonl`` there: one object a line
with ``url``, ``publisher``, ``published``, ``title``, ``text``). Every article is
ingested, in gold order, into a fresh store through the real pipeline, as a document of
kind "article" whose id is its URL.

- ``story_f1``: B-cubed F1 of the stories over the articles (each story's articles in one);
- ``event_recall``: a gold event is found when some merged event has its type, its actors'
  countries among its actors', its recipients' among its recipients', and is mentioned by
  at least one of its articles (the merged event sharing most of its articles is the one found);
- ``mention_recall``: share of gold (event, article) pairs whose article is among the found
  event's mentions;
- ``origin_accuracy``: share of found gold events with an original source whose merged
  event's origins name it (or one of its other names), matched case-insensitively;
- ``merged_apart``: pairs of distinct gold events found as one merged event (should be 0).

    WIREWATCH_COVERAGE=FOLDER python -m evaluation.coverage [--details] [--partial]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from evaluation.common import report
from evaluation.stories import bcubed
from wirewatch import api
from wirewatch.store import SqliteStore

GOLD = Path(__file__).with_name("coverage") / "stories.json"
ENV = "WIREWATCH_COVERAGE"
CACHE = "articles.jsonl"


class Missing(Exception):
    """The texts the gold needs are not where the environment says."""


def gold_stories(path: Path = GOLD) -> list[dict[str, Any]]:
    return list(json.loads(path.read_text(encoding="utf-8"))["stories"])


def texts(stories: list[dict[str, Any]], folder: str | None, partial: bool = False
          ) -> list[dict[str, Any]]:
    """The documents to ingest, one per gold article in gold order, with their texts (with
    ``partial``, those whose texts are there: see ``without``)."""
    if not folder:
        raise Missing(f"set {ENV} to the folder holding {CACHE} (the coverage's texts)")
    path = Path(folder) / CACHE
    if not path.is_file():
        raise Missing(f"no {CACHE} in {folder} (named by {ENV})")
    cached = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            cached[obj.get("url")] = obj
    docs, lacking = [], []
    for story in stories:
        for art in story["articles"]:
            found = cached.get(art["url"])
            if not found or not (found.get("text") or "").strip():
                lacking.append(art["url"])
                continue
            docs.append({"id": art["url"], "url": art["url"], "publisher": art["publisher"],
                         "published": art["published"], "title": found.get("title"),
                         "text": found["text"]})
    if lacking and not partial:
        raise Missing(f"{len(lacking)} article text(s) missing from {path}, first: {lacking[0]}")
    return docs


def without(stories: list[dict[str, Any]], missing: set[str]) -> list[dict[str, Any]]:
    """The gold as if the missing articles had never been written: their mentions gone, and
    the events no article left tells."""
    out = []
    for story in stories:
        events = [{**e, "mentions": [u for u in e["mentions"] if u not in missing]}
                  for e in story["events"]]
        out.append({**story, "articles": [a for a in story["articles"] if a["url"] not in missing],
                    "events": [e for e in events if e["mentions"]]})
    return out


def ingest(docs: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The merged events, and each document's story, after ingesting the documents."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "coverage.jsonl"
        source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        store = SqliteStore(Path(tmp) / "coverage.db")
        try:
            api.ingest([str(source)], store)
            events = list(store.events())
            stories = {doc: s["story_id"] for s in store.stories() for doc in s["doc_ids"]}
        finally:
            store.close()
    return events, stories


def _key(name: str | None) -> str:
    name = " ".join((name or "").lower().split())
    return name.removeprefix("the ")


def _countries(parties: list[dict[str, Any]] | None) -> set[str]:
    return {p["country"] for p in parties or [] if p.get("country")}


def _mentioned_by(event: dict[str, Any]) -> set[str]:
    return {m.get("url") or m["doc_id"] for m in event.get("mentions") or []}


@dataclass
class Outcome:
    gold: dict[str, Any]
    event: dict[str, Any] | None = None
    hits: set[str] = field(default_factory=set)  # the gold's articles among its mentions

    @property
    def origin_ok(self) -> bool | None:
        """Whether the merged event's origins name the original source (None: not judged)."""
        wanted = self.gold.get("original_source")
        if self.event is None or not wanted:
            return None
        names = {_key(wanted)} | {_key(a) for a in self.gold.get("source_aliases") or []}
        return any(_key(o.get("name")) in names for o in self.event.get("origins") or [])


def match(gold: dict[str, Any], events: list[dict[str, Any]]) -> Outcome:
    """The merged event that is the gold event: its type, its countries, most of its articles."""
    actors, recipients = _countries(gold["actor"]), _countries(gold["recipient"])
    articles = set(gold["mentions"])
    best = Outcome(gold)
    for event in events:
        if (event["event_type"] != gold["type"] or not actors <= _countries(event["actors"])
                or not recipients <= _countries(event["recipients"])):
            continue
        hits = articles & _mentioned_by(event)
        if len(hits) > len(best.hits):
            best = Outcome(gold, event, hits)
    return best


def evaluate(stories: list[dict[str, Any]], events: list[dict[str, Any]],
             found_story: dict[str, str]) -> tuple[dict[str, float], list[Outcome]]:
    outcomes = [match(g, events) for s in stories for g in s["events"]]
    gold_story = {a["url"]: s["id"] for s in stories for a in s["articles"]}
    _, _, story_f1 = bcubed(gold_story, found_story)
    found = [o for o in outcomes if o.event is not None]
    judged = [o.origin_ok for o in found if o.origin_ok is not None]
    pairs = sum(len(o.gold["mentions"]) for o in outcomes)
    apart = sum(1 for a, b in combinations(found, 2)
                if a.event is not None and b.event is not None
                and a.event["event_id"] == b.event["event_id"])
    figures = {"story_f1": round(story_f1, 3),
               "event_recall": round(len(found) / max(1, len(outcomes)), 3),
               "mention_recall": round(sum(len(o.hits) for o in outcomes) / max(1, pairs), 3),
               "origin_accuracy": round(sum(judged) / max(1, len(judged)), 3),
               "merged_apart": apart,
               "gold_events": len(outcomes), "stories": len(set(found_story.values())),
               "gold_stories": len(stories)}
    return figures, outcomes


def details(outcomes: list[Outcome]) -> str:
    lines = []
    for o in outcomes:
        g = o.gold
        if o.event is None:
            lines.append(f"MISSED {g['id']}: {g['type']} {g['date']}")
            continue
        origins = ", ".join(str(x.get("name")) for x in o.event.get("origins") or [])
        verdict = {True: "origin ok", False: f"origin not {g['original_source']!r}",
                   None: "origin not judged"}[o.origin_ok]
        lines.append(f"found  {g['id']}: {len(o.hits)}/{len(g['mentions'])} articles, "
                     f"{verdict} (origins: {origins}) -> {o.event['event_id']}")
    return "\n".join(lines)


def score(folder: str | None = None, partial: bool = False
          ) -> tuple[dict[str, float], list[Outcome]]:
    stories = gold_stories()
    docs = texts(stories, folder if folder is not None else os.environ.get(ENV), partial)
    have = {d["url"] for d in docs}
    stories = without(stories, {a["url"] for s in stories for a in s["articles"]} - have)
    events, found_story = ingest(docs)
    return evaluate(stories, events, found_story)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true",
                        help="also print each gold event's outcome")
    parser.add_argument("--partial", action="store_true",
                        help="score the articles whose texts are there, as if the others "
                             "did not exist (figures not comparable with a full run)")
    args = parser.parse_args()
    try:
        figures, outcomes = score(partial=args.partial)
    except Missing as exc:
        print(f"coverage: {exc}", file=sys.stderr)
        return 2
    print(report("coverage", figures, f"{len(outcomes)} gold events in real coverage"))
    if args.details:
        print(details(outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
