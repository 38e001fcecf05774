"""A sentence's event type by a trained classifier, and how it weighs what the rules find.

The model is a multinomial logistic regression over words and dependency links
(``features``), trained on the annotated training sentences and NGEC's labelled synthetic
stories by ``python -m training.types`` and stored as plain weights in
``knowledge/event_types.json`` (no pickle: any version of Python reads it).
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from wirewatch.events.discourse import Found
from wirewatch.events.tree import Parse

MODEL_FILE = "event_types.json"
# the ratio nearest the best on held-out annotated news sentences (python -m training.types
# reports each: F1 0.657 here, 0.664 at 0.1) at which the PLOVER gates hold (0.1 and 0.2
# fall under them)
TYPE_RATIO = 0.3
# entity words are read as their kind: "Kenya" and "Peru" say the same about the event
MASKED = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC", "DATE", "TIME", "CARDINAL",
                    "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
SKIPPED_POS = frozenset({"PUNCT", "SPACE", "DET", "CCONJ", "PRON", "AUX", "SCONJ", "SYM", "X"})
NEGATIONS = frozenset({"not", "no", "never", "n't"})
LINKS = frozenset({"dobj", "nsubjpass", "prt", "neg", "xcomp", "ccomp"})


def features(p: Parse, start: int, end: int) -> list[str]:
    """The features of tokens [start, end): words (lemmas, entities as their kind), the
    sentence's root, and each verb's object, particle, complement and prepositions."""
    words: list[str] = []
    for j in range(start, end):
        tok, ent = p.tokens[j], p.ent_at[j]
        if ent is not None and ent.label in MASKED:
            word = "_" + ent.label
            if words and words[-1] == word:
                continue
        elif tok.pos in SKIPPED_POS:
            if tok.lower_text not in NEGATIONS:
                continue
            word = "not"
        else:
            word = p.lemma(j)
        words.append(word)
    found = set(words)
    for j in range(start, end):
        tok = p.tokens[j]
        if tok.dep == "ROOT":
            found.add("ROOT=" + p.lemma(j))
        if tok.pos != "VERB":
            continue
        verb = p.lemma(j)
        for c in p.kids[j]:
            dep = p.tokens[c].dep
            if dep in LINKS:
                found.add(f"{verb}>{dep}>{_word(p, c)}")
            elif dep in ("prep", "agent"):
                for obj in p.children(c, "pobj"):
                    found.add(f"{verb}>{p.tokens[c].lower_text}>{_word(p, obj)}")
    return sorted(found)


def _word(p: Parse, j: int) -> str:
    ent = p.ent_at[j]
    return "_" + ent.label if ent is not None and ent.label in MASKED else p.lemma(j)


@dataclass(frozen=True, slots=True)
class TypeModel:
    labels: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, dict[int, float]]  # feature → {label index: weight}, zeros left out

    def probabilities(self, feats: list[str]) -> dict[str, float]:
        """P(type | features), by the softmax of the summed weights."""
        scores = list(self.intercept)
        for f in feats:
            for k, w in self.weights.get(f, {}).items():
                scores[k] += w
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {label: e / total for label, e in zip(self.labels, exp, strict=True)}


def from_json(data: dict[str, Any]) -> TypeModel:
    weights = {f: {int(k): float(w) for k, w in row.items()} for f, row in data["weights"].items()}
    return TypeModel(tuple(data["labels"]), tuple(data["intercept"]), weights)


@cache
def type_model() -> TypeModel:
    """The bundled model, loaded once per process."""
    text = resources.files("wirewatch.knowledge").joinpath(MODEL_FILE).read_text("utf-8")
    return from_json(json.loads(text))


def weigh_types(p: Parse, found: list[Found], ratio: float, model: TypeModel | None = None,
                ) -> list[Found]:
    """Where the rules read one sentence as events of different types, the trained
    classifier weighs an event inside another's clause: one of a type it finds less than
    ``ratio`` times as likely as the likeliest type there is dropped ("arrested for
    collaborating with X": an arrest, not a cooperation). The governing event, and types
    the classifier does not know, are kept. ``model`` defaults to the bundled one, loaded
    only when a sentence needs weighing."""
    if ratio <= 0:
        return found
    triggers = {f.trigger for f in found}
    types: dict[int, set[str]] = defaultdict(set)
    for f in found:
        types[f.sentence].add(f.mention.event_type)
    probs: dict[int, dict[str, float]] = {}
    keep = []
    for f in found:
        kinds = types[f.sentence]
        if len(kinds) > 1 and triggers.intersection(p.ancestors(f.trigger)):
            if f.sentence not in probs:
                sent = p.ann.sentences[f.sentence]
                probs[f.sentence] = (model or type_model()).probabilities(
                    features(p, sent.start, sent.end))
            pr = probs[f.sentence]
            if f.mention.event_type in pr and \
                    pr[f.mention.event_type] < ratio * max(pr.get(t, 0.0) for t in kinds):
                continue
        keep.append(f)
    return keep
