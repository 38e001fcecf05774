"""The trained event coder and its training data."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language

from training.data import ANNOTATIONS, SENTENCES, examples
from training.senses import trigger_head
from wirewatch.events.coder import ADD, SURE, Scores, added, trigger_scores
from wirewatch.events.extract import extract
from wirewatch.events.factuality import learned
from wirewatch.events.tree import Parse
from wirewatch.events.triggers import rule_context
from wirewatch.knowledge import read_table
from wirewatch.nlp.annotate import annotate
from wirewatch.records import Article, Factuality, Token

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
    assert not any(ann.tokens[i].text in ("the", "on", ".") for i in scores)
    assert added({"ASSAULT": ADD, "COERCE": ADD / 2}) == ["ASSAULT"]


def test_coded_events_only_where_the_rules_read_none(nlp: Language) -> None:
    """The coder is given only the sentences the rules read no event in; a word it tags
    there becomes an event whose parties the rules read."""
    text = "Police arrested two men in Nairobi. The militia torched the village of Kaya."
    ann = next(annotate([Article("t", "t", None, text)], nlp))
    given: list[list[str]] = []

    def coder(sentences: Sequence[Sequence[Token]]) -> Scores:
        given.extend([t.text for t in s] for s in sentences)
        torched = next(t.i for s in sentences for t in s if t.text == "torched")
        return {torched: {"ASSAULT": 0.9, "PROTEST": 0.1}}

    rules = [(e.event_type, e.trigger.text) for e in extract(ann, coder=None).events]
    assert ("COERCE", "arrested") in rules and all(t != "torched" for _, t in rules)
    events = extract(ann, coder=coder).events
    assert given == [[t.text for t in ann.tokens[s.start:s.end]] for s in ann.sentences[1:]]
    coded = [e for e in events if e.trigger.text == "torched"]
    assert [e.event_type for e in coded] == ["ASSAULT"]
    assert [a.text for a in coded[0].actors] == ["The militia"]


def test_the_factuality_reader_decides_when_sure() -> None:
    asserted = Factuality()
    sure, rest = SURE, 1 - SURE
    assert learned(asserted, {"future": sure, "asserted": rest}) == \
        Factuality("positive", "future")
    assert learned(asserted, {"negated": sure, "asserted": rest}) == \
        Factuality("negative", "asserted")
    assert learned(Factuality("positive", "future"), {"asserted": sure, "future": rest}) == \
        asserted
    unsure = {"hypothetical": 0.4, "future": 0.35, "asserted": 0.25}
    assert learned(Factuality("positive", "future"), unsure) == Factuality("positive", "future")
    for grammar in (Factuality("positive", "historical"), Factuality("negative", "asserted")):
        assert learned(grammar, {"asserted": sure, "future": rest}) == grammar  # stands
    assert learned(asserted, None) == asserted


def test_the_factuality_reader_reads_what_the_rules_do_not(nlp: Language) -> None:
    """With no publication date the rules cannot tell an old event; the reader can."""
    ann = next(annotate([Article("t", "t", None, "He was arrested in 2012 and released a year "
                                 "later.")], nlp))
    arrest = [e for e in extract(ann, facts=None).events if e.event_type == "COERCE"]
    assert [e.factuality.modality for e in arrest] == ["asserted"]
    arrest = [e for e in extract(ann).events if e.event_type == "COERCE"]
    assert [e.factuality.modality for e in arrest] == ["historical"]


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


def test_rule_events_in_unconfirmed_contexts_are_left_to_the_coder(nlp: Language) -> None:
    """A rule event where its trigger stands in a context the training annotation seldom
    confirms is dropped, and the coder reads its sentence."""
    ann = next(annotate([Article("t", "t", None, "Police arrested two men in Nairobi.")], nlp))
    given: list[str] = []

    def coder(sentences: Sequence[Sequence[Token]]) -> Scores:
        given.extend(t.text for s in sentences for t in s)
        return {}

    kept = extract(ann, coder=coder, unconfirmed=())
    assert [e.event_type for e in kept.events] == ["COERCE"] and given == []
    arrested = next(t.i for t in ann.tokens if t.text == "arrested")
    context = rule_context(Parse(ann), arrested, "COERCE")
    assert extract(ann, coder=coder, unconfirmed={context}).events == []
    assert given == [t.text for t in ann.tokens]
    assert all(int(row[5]) <= int(row[6]) for row in read_table("rule_contexts.tsv"))


def test_an_annotated_trigger_is_found_as_a_whole_word(nlp: Language) -> None:
    text = "The army said it would arm the militia."
    ann = next(iter(annotate([Article("t", "t", None, text)], nlp)))
    head = trigger_head(ann, text, "arm")
    assert head is not None and head.idx == text.index("arm the")  # not inside "army"
    assert trigger_head(ann, text, "disarm") is None
