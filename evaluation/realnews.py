"""Event coding on real news sentences, with and without events.

The gold is ``../shared/data/real-news/dev.jsonl`` (540 Guardian sentences coded by
``docs/annotation.md``), or any file in its format given on the command line. Each
sentence is read after its context sentence as one document; only events whose trigger
lies inside the sentence count. Type: micro precision, recall and F1 over (sentence, type)
pairs. False alarms: the share of no-event sentences given any event. Over matched pairs:
actor and recipient country (some predicted country among the gold's for that role, where
the gold names one), mode (where the gold names one) and factuality.

    python -m evaluation.realnews [FILE] [--by-type]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaluation.common import prf, report
from wirewatch.nlp.model import load_model
from wirewatch.pipeline import run
from wirewatch.records import ArticleRecord, Document, EventMention
from wirewatch.shared_data import shared_path


def gold_items(path: Path | None = None) -> list[dict[str, Any]]:
    path = path or shared_path("data", "real-news", "dev.jsonl")
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def factuality(event: EventMention) -> str:
    """Our factuality in the gold's one word."""
    if event.factuality.polarity == "negative":
        return "negated"
    return event.factuality.modality


def sentence_events(items: list[dict[str, Any]]) -> Iterable[list[EventMention]]:
    """For each gold item, our events whose trigger lies inside its sentence."""
    docs = []
    for n, item in enumerate(items):
        context = item.get("context") or ""
        body = f"{context} {item['text']}" if context else item["text"]
        docs.append(Document(f"realnews-{n}", "article", body,
                             published=item.get("published")))
    for item, result in zip(items, run(docs, load_model()), strict=True):
        if not isinstance(result, ArticleRecord):
            yield []
            continue
        text = item["text"].strip()
        start = result.article.body.rfind(text)
        if start < 0:  # cleaning rewrote the sentence ("•" lists): it is the body's end
            start = max(0, len(result.article.body) - len(text))
        end = start + len(text)
        yield [e for e in result.events if start <= e.trigger.start < end]


@dataclass
class Tally:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    hits: Counter[str] = field(default_factory=Counter)
    trials: Counter[str] = field(default_factory=Counter)
    empty: int = 0
    false_alarms: int = 0

    def judge(self, what: str, right: bool) -> None:
        self.trials[what] += 1
        self.hits[what] += right


def _countries(parties: list[dict[str, Any]]) -> set[str]:
    return {p["country"] for p in parties if p.get("country")}


def tally(items: list[dict[str, Any]], predicted: Iterable[list[EventMention]]) -> Tally:
    t = Tally()
    for item, events in zip(items, predicted, strict=True):
        gold = item["events"]
        if not gold:
            t.empty += 1
            t.false_alarms += bool(events)
        gold_types = {g["type"] for g in gold}
        found = {e.event_type for e in events}
        for kind in found & gold_types:
            t.tp[kind] += 1
        for kind in found - gold_types:
            t.fp[kind] += 1
        for kind in gold_types - found:
            t.fn[kind] += 1
        for g in gold:
            same = [e for e in events if e.event_type == g["type"]]
            if not same:
                continue
            for role, ours in (("actor", "actors"), ("recipient", "recipients")):
                wanted = _countries(g[role])
                if wanted:
                    t.judge(role, any(a.country in wanted for e in same
                                      for a in getattr(e, ours)))
            if g.get("mode"):
                t.judge("mode", any(e.mode == g["mode"] for e in same))
            t.judge("factuality", any(factuality(e) == g["factuality"] for e in same))
    return t


def figures(t: Tally) -> dict[str, float]:
    p, r, f1 = prf(sum(t.tp.values()), sum(t.fp.values()), sum(t.fn.values()))
    out = {"type_f1": f1, "type_precision": p, "type_recall": r,
           "false_alarms": t.false_alarms / max(1, t.empty)}
    out["quiet"] = 1 - out["false_alarms"]  # no-event sentences given none (gated as a floor)
    for what in ("actor", "recipient", "mode", "factuality"):
        out[what] = t.hits[what] / max(1, t.trials[what])
    return out


def by_type(t: Tally) -> str:
    lines = [f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'ours':>5}"]
    for kind in sorted(set(t.tp) | set(t.fp) | set(t.fn)):
        p, r, f1 = prf(t.tp[kind], t.fp[kind], t.fn[kind])
        lines.append(f"{kind:<10} {p:6.3f} {r:6.3f} {f1:6.3f} "
                     f"{t.tp[kind] + t.fn[kind]:5d} {t.tp[kind] + t.fp[kind]:5d}")
    return "\n".join(lines)


def score(path: Path | None = None) -> dict[str, float]:
    items = gold_items(path)
    return figures(tally(items, sentence_events(items)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=Path, help="gold file (default: the dev split)")
    parser.add_argument("--by-type", action="store_true", help="also print a per-type table")
    args = parser.parse_args()
    items = gold_items(args.file)
    t = tally(items, sentence_events(items))
    print(report("realnews", figures(t), f"{len(items)} real news sentences"))
    if args.by_type:
        print(by_type(t))
    return 0


if __name__ == "__main__":
    sys.exit(main())
