"""Train the sentence event-type classifier on NGEC's labelled synthetic stories.

Each story gives two samples with its PLOVER type: its headline and its first sentence
(the lede: later sentences of a story drift from its event). Features are
``wirewatch.events.classify.features``; the model is scikit-learn's multinomial logistic
regression, written as plain weights (features seen in fewer than two samples and
near-zero weights left out). The PLOVER gold sentences are never read here.

    python scripts/train_event_types.py > wirewatch/knowledge/event_types.json

Prints to stderr, for first sentences the models of a grouped cross-validation never saw:
the classifier's accuracy, and how well it weighs the types the trigger rules find there.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from wirewatch.events.classify import TypeModel, features, from_json
from wirewatch.events.extract import extract
from wirewatch.events.tree import Parse
from wirewatch.nlp.annotate import annotate
from wirewatch.nlp.model import load_model
from wirewatch.records import AnnotatedArticle, Article
from wirewatch.shared_data import shared_path

VERSION = 1
C = 1.0  # inverse regularisation strength
MIN_SAMPLES = 2  # a feature must occur in this many headlines or first sentences
MIN_WEIGHT = 0.01
FOLDS = 5

RATIOS = (0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0)


@dataclass(frozen=True, slots=True)
class Sample:
    features: list[str]
    label: str
    group: str  # the headline template: stories sharing one stay in one fold
    lede: AnnotatedArticle | None  # the parsed first paragraph, for a first sentence


def samples(rows: Sequence[dict[str, str]]) -> list[Sample]:
    """The headline and the first sentence of every story, as features."""
    heads = [r["prompt"].split("\n")[0].strip() for r in rows]
    ledes = [r["text"].strip().split("\n\n")[0] for r in rows]  # a paragraph ends a sentence
    nlp = load_model()
    out: list[Sample] = []
    for kind, texts in (("headline", heads), ("lede", ledes)):
        articles = [Article(doc_id=f"ngec-{n}", article_id=f"ngec-{n}-{kind}", title=None,
                            body=text) for n, text in enumerate(texts)]
        for row, ann in zip(rows, annotate(articles, nlp), strict=True):
            if not ann.sentences:
                continue
            first = ann.sentences[0]
            out.append(Sample(features(Parse(ann), first.start, first.end), row["label"],
                              row["title"], ann if kind == "lede" else None))
    return out


def _kept(data: Sequence[Sample]) -> set[str]:
    seen: Counter[str] = Counter()
    for sample in data:
        seen.update(set(sample.features))
    return {f for f, n in seen.items() if n >= MIN_SAMPLES}


def fit(data: Sequence[Sample]) -> tuple[DictVectorizer, LogisticRegression]:
    kept = _kept(data)
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in s.features if f in kept} for s in data])
    model = LogisticRegression(C=C, max_iter=3000).fit(x, [s.label for s in data])
    return vec, model


def held_out(data: Sequence[Sample]) -> list[tuple[Sample, TypeModel]]:
    """Every first sentence with a model that never saw its story (folds grouped by
    headline template)."""
    out = []
    groups = [s.group for s in data]
    for train, test in GroupKFold(FOLDS).split(np.zeros(len(data)), groups=groups):
        model = from_json(export(*fit([data[i] for i in train]), b""))
        out.extend((data[i], model) for i in test if data[i].lede is not None)
    return out


def _first_types(lede: AnnotatedArticle, ratio: float, model: TypeModel) -> set[str]:
    end = lede.sentences[0].end_char
    return {m.event_type for m in extract(lede, ratio, model).events if m.evidence.start < end}


def report(scored: Sequence[tuple[Sample, TypeModel]]) -> None:
    """Accuracy on held-out first sentences; and, over those the rules read as events of
    several types, the F1 of the types ``events.extract`` keeps (against the story's type)
    at each ratio: the ratio it should use."""
    hits = 0
    for s, model in scored:
        probs = model.probabilities(s.features)
        hits += max(probs, key=probs.__getitem__) == s.label
    print(f"held-out first sentences: accuracy {hits / len(scored):.3f}", file=sys.stderr)
    several = [(s, m) for s, m in scored if s.lede and len(_first_types(s.lede, 0.0, m)) > 1]
    for ratio in RATIOS:
        tp = fp = fn = 0
        for s, model in several:
            assert s.lede is not None
            kept = _first_types(s.lede, ratio, model)
            tp += s.label in kept
            fp += len(kept - {s.label})
            fn += s.label not in kept
        print(f"ratio {ratio:.2f}: F1 {2 * tp / max(1, 2 * tp + fp + fn):.3f} "
              f"(tp {tp}, fp {fp}, fn {fn}; {len(several)} sentences)", file=sys.stderr)


def export(vec: DictVectorizer, model: LogisticRegression, source: bytes) -> dict[str, Any]:
    weights: dict[str, dict[str, float]] = {}
    for name, column in zip(vec.feature_names_, model.coef_.T, strict=True):
        row = {str(k): round(float(w), 3) for k, w in enumerate(column) if abs(w) >= MIN_WEIGHT}
        if row:
            weights[name] = row
    return {
        "version": VERSION,
        "trained_on": {"file": "ngec/synthetic_events.csv",
                       "sha256": hashlib.sha256(source).hexdigest()},
        "parameters": {"C": C, "min_samples": MIN_SAMPLES, "min_weight": MIN_WEIGHT},
        "labels": [str(c) for c in model.classes_],
        "intercept": [round(float(b), 4) for b in model.intercept_],
        "weights": dict(sorted(weights.items())),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=0,
                        help="train on an even sample of this many stories (0: all)")
    args = parser.parse_args()
    path = shared_path("data", "ngec", "synthetic_events.csv")
    source = path.read_bytes()
    rows = list(csv.DictReader(source.decode("utf-8").splitlines(keepends=True)))
    if args.stories:
        rows = rows[::max(1, len(rows) // args.stories)][:args.stories]
    data = samples(rows)
    report(held_out(data))
    vec, model = fit(data)
    json.dump(export(vec, model, source), sys.stdout, separators=(",", ":"))
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
