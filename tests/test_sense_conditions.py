"""Conditions on the trigger senses the annotated training sentences confirm least, each
checked both ways on sentences written for these tests (none from any gold file)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_events import countries, one, read


def types(nlp: Language, text: str) -> set[str]:
    return {e.event_type for e in read(nlp, text).events}


@pytest.mark.parametrize("text", [
    "Firefighters were called to the warehouse in Mombasa shortly after midnight.",
    "The shopkeeper called the police when he saw the smoke.",
    "A Kenyan farmer helped his neighbours carry their furniture out of the house.",
    "The ministry did not provide any further details about the Kenyan victims.",
    "The Kenyan government remains a threat to nobody, the analyst wrote.",
    "Kenya posed a threat to Uganda's ambitions, the professor argued.",
    "The Kenyan fighter shared the stage with two Ugandan boxers.",
    "A Kenyan farmer allowed his neighbours to graze their cattle on his land.",
    "In a phone call with the Guardian, the Kenyan minister said the border was calm.",
    "The Ugandan president met reporters from the Daily Nation on Tuesday.",
    "A Kenyan volunteer travelled to Uganda in 2015 to fight the rebels.",  # why one went
    "He did not go there to kill people, his Kenyan lawyer said.",
    "Kenyan police offered no details about the two men.",  # information is no aid
    "The Kenyan army has not released the names of the soldiers.",
    "The Kenyan minister pleaded not guilty to the charge on Monday.",
    "The Kenyan minister asked whether the Ugandan border would reopen.",  # a question
    "For the full list of Kenyan officials, visit the ministry's website.",  # the reader's
    "We talked about the weather, the Kenyan farmer said.",  # no one else takes part
    "A cholera outbreak in Kenya has killed almost 500 people since August.",  # no one's deed
    "A Kenyan woman was killed by a hit-and-run driver in Nairobi on Sunday.",
    "The rain should ease by Thursday, the Kenyan minister said.",  # a demand on no one
])
def test_a_word_in_its_everyday_sense_is_no_event(nlp: Language, text: str) -> None:
    assert read(nlp, text).events == []


@pytest.mark.parametrize(("text", "etype"), [
    ("The Kenyan president called his Ugandan counterpart on Tuesday.", "CONSULT"),
    ("The Kenyan army helped Ugandan troops rebuild the bridge.", "AID"),
    ("The Kenyan government provided food and tents to the refugees.", "AID"),
    ("Kenya has made threats against Uganda over the disputed island.", "THREATEN"),
    ("The Kenyan president renewed his threat to expel Ugandan diplomats.", "THREATEN"),
    ("Kenyan intelligence shared information with Ugandan police about the suspects.",
     "COOPERATE"),
    ("The Kenyan government allowed Ugandan traders to cross the border.", "CONCEDE"),
    ("A Kenyan official pleaded guilty on Monday to bribing Ugandan customs officers.",
     "CONCEDE"),
    ("Kenyan hackers carried out cyber attacks on Ugandan banks.", "COERCE"),  # cyber
])
def test_the_same_words_as_events_of_political_actors(
        nlp: Language, text: str, etype: str) -> None:
    assert countries(one(nlp, text, etype).actors) == {"KEN"}


def test_a_talk_held_with_someone_is_both_sides(nlp: Language) -> None:
    for text in ("The Kenyan president held a phone conversation with his Ugandan counterpart.",
                 "The Kenyan president held talks with his Ugandan counterpart."):
        assert countries(one(nlp, text, "CONSULT").actors) == {"KEN", "UGA"}


def test_a_demand_that_someone_act_is_put_to_them(nlp: Language) -> None:
    event = one(nlp, "At a rally on Sunday, the Kenyan opposition called for Uganda to "
                "release the detained activists.", "REQUEST")
    assert countries(event.actors) == {"KEN"}
    assert countries(event.recipients) == {"UGA"}  # not the rally


def test_backing_armed_forces_is_aid_and_a_participle_describes_them(nlp: Language) -> None:
    backing = one(nlp, "Kenya has backed the Somali rebels since 2019.", "AID")
    assert countries(backing.actors) == {"KEN"}
    assert "SUPPORT" in types(nlp, "Kenya backed Uganda's bid for a seat on the council.")
    assert types(nlp, "Rebels backed by Kenya hold the town of Kismayo.") == set()
