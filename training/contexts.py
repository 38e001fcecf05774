"""Count how often the annotation confirms the rules' events, by where their trigger
stands (``wirewatch.events.triggers.rule_context``), over the annotated training sentences.

    python -m training.contexts

Reads the sentences of the rounds the shipped pipelines learn from (``training.build``,
``ROUNDS``) from ../shared, runs the rules alone on each (no coder, no context dropped) and
writes ``wirewatch/knowledge/rule_contexts.tsv``: each context with at least ``MIN_SEEN``
rule events, how many of them the sentence's annotation has (same type) and how many
there were. The event stage drops the rules' events in the contexts confirmed less than
``lexicon.UNCONFIRMED`` of the time. Never reads the real-news dev file.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from training.build import ROUNDS
from training.data import examples, first_annotations
from wirewatch.events.extract import extract
from wirewatch.events.tree import Parse
from wirewatch.events.triggers import rule_context
from wirewatch.nlp.annotate import annotate
from wirewatch.nlp.model import load_model
from wirewatch.records import Article

OUT = Path(__file__).resolve().parent.parent / "wirewatch" / "knowledge" / "rule_contexts.tsv"
MIN_SEEN = 12
HEADER = ("# Where the rules' event triggers stand (event type, part of speech, relation, tag "
          "of a word on a noun, part of speech of its head; - for none) with how many of their "
          "events the annotated training sentences confirm and how many there were: written by "
          "python -m training.contexts (contexts with 12 or more events)")


def main() -> int:
    items = [ex for ex in first_annotations(examples()) if ex.round <= ROUNDS]
    seen: Counter[tuple[str, ...]] = Counter()
    confirmed: Counter[tuple[str, ...]] = Counter()
    articles = [Article(ex.id, ex.id, None, ex.text) for ex in items]
    for ex, ann in zip(items, annotate(articles, load_model()), strict=True):
        gold = {e["type"] for e in ex.events}
        p = Parse(ann)
        starts = {t.idx: t.i for t in ann.tokens}
        for event in extract(ann, coder=None, facts=None, unconfirmed=()).events:
            if event.trigger.start in starts:
                where = rule_context(p, starts[event.trigger.start], event.event_type)
                seen[where] += 1
                confirmed[where] += event.event_type in gold
    rows = ["\t".join([*where, str(confirmed[where]), str(n)])
            for where, n in sorted(seen.items()) if n >= MIN_SEEN]
    OUT.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} contexts from {len(items)} sentences -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
