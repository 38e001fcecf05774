"""The event-type classifier: its features, the bundled model, and its training."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from tests.conftest import ROOT
from tests.test_events import read
from wirewatch.events.classify import features, from_json, type_model
from wirewatch.events.extract import extract
from wirewatch.events.tree import Parse
from wirewatch.nlp.annotate import to_record
from wirewatch.records import AnnotatedArticle, Article

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT"}


def parsed(nlp: Language, text: str) -> AnnotatedArticle:
    return to_record(nlp(text), Article(doc_id="t", article_id="t", title=None, body=text))


def probabilities(nlp: Language, text: str) -> dict[str, float]:
    p = Parse(parsed(nlp, text))
    return type_model().probabilities(features(p, 0, len(p.tokens)))


def test_features_read_names_as_their_kind(nlp: Language) -> None:
    a, b = (Parse(parsed(nlp, f"{c} arrested 40 protesters.")) for c in ("Kenya", "Peru"))
    fa = features(a, 0, len(a.tokens))
    assert fa == features(b, 0, len(b.tokens))
    assert "_GPE" in fa and "arrest>dobj>protester" in fa and "ROOT=arrest" in fa


def test_bundled_model_knows_every_plover_type(nlp: Language) -> None:
    model = type_model()
    assert set(model.labels) == PLOVER_TYPES
    probs = probabilities(nlp, "Thousands of nurses marched through the city against pay cuts.")
    assert abs(sum(probs.values()) - 1) < 1e-9
    assert max(probs, key=probs.__getitem__) == "PROTEST"
    probs = probabilities(nlp, "The general threatened to expel the envoy.")
    assert max(probs, key=probs.__getitem__) == "THREATEN"


def test_classifier_weighs_the_types_rules_find_in_one_sentence(nlp: Language) -> None:
    text = "Police detained a teacher for cooperating with foreign journalists."
    ann = parsed(nlp, text)
    assert {m.event_type for m in extract(ann, type_ratio=0.0).events} == {"COERCE", "COOPERATE"}
    assert {m.event_type for m in extract(ann).events} == {"COERCE"}
    # a sentence of one type is never touched, however unlikely the classifier finds it
    assert {m.event_type for m in read(nlp, "Kenya arrested protesters.").events} == {"COERCE"}


@pytest.mark.model
def test_training_builds_a_working_model(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "event_types.json"
    done = subprocess.run([sys.executable, "-m", "training.types", "--out", str(out),
                           "--stories", "200", "--sentences", "200"], capture_output=True,
                          text=True, cwd=ROOT, check=True)
    assert "held-out annotated news sentences: likeliest type held" in done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [s["file"] for s in data["trained_on"]] == ["data/training/annotations.jsonl",
                                                       "ngec/synthetic_events.csv"]
    model = from_json(data)
    assert set(model.labels) <= PLOVER_TYPES and len(model.weights) > 100
    probs = model.probabilities(["ROOT=attack", "kill"])
    assert abs(sum(probs.values()) - 1) < 1e-9
    assert max(probs, key=probs.__getitem__) == "ASSAULT"
