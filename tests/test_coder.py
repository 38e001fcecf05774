"""The trained event coder and its training data."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language

from training.data import ANNOTATIONS, SENTENCES, examples
from wirewatch.events.coder import ADD, CONTENT, added, trigger_scores
from wirewatch.events.extract import extract
from wirewatch.nlp.annotate import annotate
from wirewatch.records import Article

TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
         "ASSAULT"}
FACTUALITY = {"asserted", "negated", "hypothetical", "future", "historical"}


def test_the_coder_tags_trigger_words(nlp: Language) -> None:
    ann = next(annotate([Article("t", "t", None, "Gunmen shot dead five soldiers near the "
                                 "border on Monday.")], nlp))
    scores = trigger_scores([ann.tokens])
    shot = next(t.i for t in ann.tokens if t.text == "shot")
    assert max(scores[shot], key=lambda k: scores[shot][k]) == "ASSAULT"
    assert all(ann.tokens[i].pos in CONTENT for i in scores)  # function words: never
    assert added({"ASSAULT": ADD, "COERCE": ADD / 2}) == ["ASSAULT"]


def test_coded_events_only_where_the_rules_read_none(nlp: Language) -> None:
    """A sentence the rules read an event in gets nothing more from the coder; one they
    read none in gets the coder's, with its arguments read by the rules."""
    text = ("Police arrested two men in Nairobi on Monday. Rebels ambushed a convoy of "
            "Kenyan soldiers near the border.")
    ann = next(annotate([Article("t", "t", None, text)], nlp))
    rules = extract(ann, coder=None).events
    both = extract(ann).events
    first = ann.sentences[0].end_char
    assert [e.id for e in rules if e.trigger.start < first] == \
        [e.id for e in both if e.trigger.start < first]
    if not any(e.trigger.start >= first for e in rules):
        assert any(e.trigger.start >= first for e in both)


def test_training_data_points_at_its_sentences() -> None:
    pointers = [json.loads(line) for line in SENTENCES.open(encoding="utf-8")]
    ids = {p["id"] for p in pointers}
    assert len(ids) == len(pointers)
    assert all(p["start"] < p["end"] for p in pointers)
    annotations = [json.loads(line) for line in ANNOTATIONS.open(encoding="utf-8")]
    assert {a["id"] for a in annotations} == ids  # every sentence annotated
    for ann in annotations:
        for event in ann["events"]:
            assert event["type"] in TYPES and event["factuality"] in FACTUALITY, ann


def test_training_words_are_the_sentences_words(shared: Path) -> None:
    """Read from the shared texts, every annotated trigger is words of its sentence."""
    for ex in examples():
        for event in ex.events:
            trigger = (event.get("trigger") or "").strip()
            assert not trigger or trigger.lower() in ex.text.lower(), (ex.id, trigger)
