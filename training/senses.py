"""Trigger senses the annotated training sentences ask for and the lexicon lacks.

    python -m training.senses [--least 5] [--share 0.6]

Runs the rules alone over every annotated training sentence (all rounds; never the
real-news dev file) and, for each event the annotators coded where the rules read none of
its type, takes the head word of its trigger (a verb or a noun). A (lemma, part of speech,
type) the lexicon has no sense for is listed when it was missed at least ``--least`` times
and at least ``--share`` of the training sentences holding the word carry an event of that
type: the candidates ``knowledge/triggers.tsv`` took its "senses the annotated training
sentences code often" from (read, then chosen with a mode and frame by hand).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter

from training.data import Example, examples, first_annotations
from wirewatch.events.extract import extract
from wirewatch.events.lexicon import triggers
from wirewatch.nlp.annotate import annotate
from wirewatch.nlp.model import load_model
from wirewatch.records import AnnotatedArticle, Article, Token

CONTENT = ("VERB", "NOUN")
Key = tuple[str, str]  # lemma, part of speech


def trigger_head(ann: AnnotatedArticle, text: str, trigger: str) -> Token | None:
    """The head word of an annotated trigger phrase (its first part, for "X ... Y")."""
    first = trigger.lower().split(" ... ")[0]
    found = re.search(rf"(?<!\w){re.escape(first)}(?!\w)", text.lower()) if first else None
    if found is None:  # a whole-word match: "arm" is not in "army"
        return None
    at = found.start()
    span = [t for t in ann.tokens if at <= t.idx < at + len(first) and t.pos in CONTENT]
    inside = {t.i for t in span}
    return next((t for t in span if t.head not in inside or t.head == t.i), None) or \
        (span[0] if span else None)


def tally(items: list[Example]) -> tuple[Counter[tuple[str, str, str]], Counter[Key],
                                         Counter[tuple[Key, str]]]:
    """(missed heads by lemma, part of speech and type; sentences holding each word;
    sentences holding each word with an event of each type)."""
    missed: Counter[tuple[str, str, str]] = Counter()
    holding: Counter[Key] = Counter()
    typed: Counter[tuple[Key, str]] = Counter()
    articles = [Article(ex.id, ex.id, None, ex.text) for ex in items]
    for ex, ann in zip(items, annotate(articles, load_model()), strict=True):
        read = {e.event_type for e in extract(ann, coder=None, facts=None).events}
        words = {(t.lemma.lower(), t.pos) for t in ann.tokens if t.pos in CONTENT}
        for word in words:
            holding[word] += 1
            for kind in ex.types:
                typed[(word, kind)] += 1
        for event in ex.events:
            head = trigger_head(ann, ex.text, event.get("trigger") or "")
            if event["type"] not in read and head is not None:
                missed[(head.lemma.lower(), head.pos, event["type"])] += 1
    return missed, holding, typed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--least", type=int, default=5, help="times missed (default 5)")
    parser.add_argument("--share", type=float, default=0.6,
                        help="share of sentences with the word that carry the type (0.6)")
    args = parser.parse_args()
    missed, holding, typed = tally(first_annotations(examples()))
    table = triggers()
    print("lemma\tpos\ttype\tmissed\tsentences\tshare")
    for (lemma, pos, kind), n in missed.most_common():
        known = table.get((lemma, pos == "NOUN"), [])
        share = typed[((lemma, pos), kind)] / max(1, holding[(lemma, pos)])
        if n >= args.least and share >= args.share and all(
                t.event_type != kind for t in known):
            print(f"{lemma}\t{pos}\t{kind}\t{n}\t{holding[(lemma, pos)]}\t{share:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
