"""Train the sentence event-type classifier that weighs the rules' types
(``wirewatch.events.classify``) on the annotated training sentences and NGEC's labelled
synthetic stories.

    python -m training.types [--out FILE] [--stories N] [--sentences N]

Samples: every annotated sentence of the rounds the shipped pipelines learn from
(``training.build.ROUNDS``) that holds an event, once a type it holds (weighted so that each
sentence counts once), and the headline and the first sentence of every NGEC story (the
lede: later sentences of a story drift from its event). Features are
``wirewatch.events.classify.features``; the model is scikit-learn's multinomial logistic
regression, written as plain weights (features seen in fewer than two samples and
near-zero weights left out) to ``wirewatch/knowledge/event_types.json``. Neither the
real-news dev file nor the PLOVER gold sentences are read here.

Prints, for samples the models of a grouped cross-validation never saw (an article's or a
headline template's samples stay in one fold): how often the likeliest type is one the
sample holds, and how well each ratio weighs the types the trigger rules find in NGEC first
sentences (``classify.TYPE_RATIO`` is the best one).
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
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from training.build import ROUNDS
from training.data import ANNOTATIONS, examples, first_annotations
from wirewatch.events.classify import MODEL_FILE, TypeModel, features, from_json
from wirewatch.events.extract import extract
from wirewatch.events.tree import Parse
from wirewatch.nlp.annotate import annotate
from wirewatch.nlp.model import load_model
from wirewatch.records import AnnotatedArticle, Article
from wirewatch.shared_data import shared_path

VERSION = 2
OUT = Path(__file__).resolve().parent.parent / "wirewatch" / "knowledge" / MODEL_FILE
C = 1.0  # inverse regularisation strength
MIN_SAMPLES = 2  # a feature must occur in this many samples
MIN_WEIGHT = 0.01
FOLDS = 5
RATIOS = (0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0)
SENTENCE = "sentence:"  # the group of an annotated sentence: its article


@dataclass(frozen=True, slots=True)
class Sample:
    features: list[str]
    labels: tuple[str, ...]  # every type the sentence holds
    group: str  # samples of one article or one headline template stay in one fold
    parsed: AnnotatedArticle | None = None  # the sentence (an NGEC story's first paragraph)


def story_samples(rows: Sequence[dict[str, str]]) -> list[Sample]:
    """The headline and the first sentence of every NGEC story, as features."""
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
            out.append(Sample(features(Parse(ann), first.start, first.end), (row["label"],),
                              row["title"], ann if kind == "lede" else None))
    return out


def sentence_samples(limit: int) -> list[Sample]:
    """Every annotated training sentence that holds an event, as features."""
    items = [ex for ex in first_annotations(examples()) if ex.round <= ROUNDS and ex.events]
    if limit:
        items = items[::max(1, len(items) // limit)][:limit]
    articles = [Article(ex.id, ex.id, None, ex.text) for ex in items]
    return [Sample(features(Parse(ann), 0, len(ann.tokens)),
                   tuple(sorted({e["type"] for e in ex.events})),
                   f"{SENTENCE}{ex.source}:{ex.doc}", ann)
            for ex, ann in zip(items, annotate(articles, load_model()), strict=True)]


def fit(data: Sequence[Sample]) -> tuple[DictVectorizer, LogisticRegression]:
    seen: Counter[str] = Counter()
    for sample in data:
        seen.update(set(sample.features))
    kept = {f for f, n in seen.items() if n >= MIN_SAMPLES}
    rows = [(s, label) for s in data for label in s.labels]
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in s.features if f in kept} for s, _ in rows])
    model = LogisticRegression(C=C, max_iter=3000).fit(
        x, [label for _, label in rows], sample_weight=[1 / len(s.labels) for s, _ in rows])
    return vec, model


def held_out(data: Sequence[Sample]) -> list[tuple[Sample, TypeModel]]:
    """Every sample with a model that never saw its article or headline template."""
    out: list[tuple[Sample, TypeModel]] = []
    groups = [s.group for s in data]
    for train, test in GroupKFold(FOLDS).split(np.zeros(len(data)), groups=groups):
        model = from_json(export(*fit([data[i] for i in train]), []))
        out.extend((data[i], model) for i in test)
    return out


def _rule_types(s: Sample, ratio: float, model: TypeModel) -> set[str]:
    """The types of the rules' events a sample's sentence (a story's first one) keeps."""
    assert s.parsed is not None
    end = s.parsed.sentences[0].end_char if not s.group.startswith(SENTENCE) else \
        len(s.parsed.article.body)
    return {m.event_type for m in extract(s.parsed, ratio, model, coder=None, facts=None).events
            if m.evidence.start < end}


def report(scored: Sequence[tuple[Sample, TypeModel]]) -> None:
    """How often the likeliest type is held; and, over sentences the rules read as events
    of several types, the F1 of the types ``events.extract`` keeps at each ratio:
    ``classify.TYPE_RATIO`` is the best one on the annotated news sentences."""
    for name, news in (("annotated news sentences", True), ("NGEC stories", False)):
        part = [(s, m) for s, m in scored if s.group.startswith(SENTENCE) == news]
        hits = 0
        for s, model in part:
            probs = model.probabilities(s.features)
            hits += max(probs, key=probs.__getitem__) in s.labels
        print(f"held-out {name}: likeliest type held {hits / max(1, len(part)):.3f} "
              f"({len(part)} samples)", file=sys.stderr)
        several = [(s, m) for s, m in part if s.parsed and len(_rule_types(s, 0.0, m)) > 1]
        for ratio in RATIOS:
            tp = fp = fn = 0
            for s, model in several:
                kept = _rule_types(s, ratio, model)
                tp += len(kept & set(s.labels))
                fp += len(kept - set(s.labels))
                fn += len(set(s.labels) - kept)
            print(f"  ratio {ratio:.2f}: F1 {2 * tp / max(1, 2 * tp + fp + fn):.3f} "
                  f"(tp {tp}, fp {fp}, fn {fn}; {len(several)} with several rule types)",
                  file=sys.stderr)


def export(vec: DictVectorizer, model: LogisticRegression,
           sources: list[tuple[str, bytes]]) -> dict[str, Any]:
    weights: dict[str, dict[str, float]] = {}
    for name, column in zip(vec.feature_names_, model.coef_.T, strict=True):
        row = {str(k): round(float(w), 3) for k, w in enumerate(column) if abs(w) >= MIN_WEIGHT}
        if row:
            weights[name] = row
    return {
        "version": VERSION,
        "trained_on": [{"file": name, "sha256": hashlib.sha256(data).hexdigest()}
                       for name, data in sources],
        "parameters": {"C": C, "min_samples": MIN_SAMPLES, "min_weight": MIN_WEIGHT,
                       "rounds": ROUNDS},
        "labels": [str(c) for c in model.classes_],
        "intercept": [round(float(b), 4) for b in model.intercept_],
        "weights": dict(sorted(weights.items())),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--stories", type=int, default=0,
                        help="an even sample of this many NGEC stories (0: all)")
    parser.add_argument("--sentences", type=int, default=0,
                        help="an even sample of this many annotated sentences (0: all)")
    args = parser.parse_args()
    path = shared_path("data", "ngec", "synthetic_events.csv")
    stories = path.read_bytes()
    rows = list(csv.DictReader(stories.decode("utf-8").splitlines(keepends=True)))
    if args.stories:
        rows = rows[::max(1, len(rows) // args.stories)][:args.stories]
    data = sentence_samples(args.sentences) + story_samples(rows)
    report(held_out(data))
    sources = [("data/training/annotations.jsonl", ANNOTATIONS.read_bytes()),
               ("ngec/synthetic_events.csv", stories)]
    args.out.write_text(json.dumps(export(*fit(data), sources), separators=(",", ":")) + "\n",
                        encoding="utf-8")
    print(f"{len(data)} samples -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
