"""The coding rules one by one, on hand-written parses (``tests/handparse.py``): no language
model is loaded, so each rule is tested on exactly the parse it reads."""

from __future__ import annotations

from tests.handparse import hand_parse
from wirewatch.events.actors import ActorResolver
from wirewatch.events.attribution import dateline_source
from wirewatch.events.extract import extract
from wirewatch.events.phrases import not_own, standing
from wirewatch.events.places import find_places
from wirewatch.events.tree import Parse
from wirewatch.events.triggers import candidates

LAGOS_ACCRA = hand_parse(
    "Soldiers arrested 12 journalists in Lagos and detained three activists in Accra.", """
    Soldiers     soldier      NOUN   NNS   nsubj     1
    arrested     arrest       VERB   VBD   ROOT      1
    12           12           NUM    CD    nummod    3   B-CARDINAL
    journalists  journalist   NOUN   NNS   dobj      1
    in           in           ADP    IN    prep      3
    Lagos        Lagos        PROPN  NNP   pobj      4   B-GPE
    and          and          CCONJ  CC    cc        1
    detained     detain       VERB   VBD   conj      1
    three        three        NUM    CD    nummod    9   B-CARDINAL
    activists    activist     NOUN   NNS   dobj      7
    in           in           ADP    IN    prep      7
    Accra        Accra        PROPN  NNP   pobj      10  B-GPE
    .            .            PUNCT  .     punct     1
""")

BACKED = hand_parse("Iran-backed militias shelled a suburb of Beirut on Monday.", """
    Iran         Iran         PROPN  NNP   npadvmod  2   B-GPE
    -            -            PUNCT  HYPH  punct     2
    backed       back         VERB   VBN   amod      3
    militias     militia      NOUN   NNS   nsubj     4
    shelled      shell        VERB   VBD   ROOT      4
    a            a            DET    DT    det       6
    suburb       suburb       NOUN   NN    dobj      4
    of           of           ADP    IN    prep      6
    Beirut       Beirut       PROPN  NNP   pobj      7   B-GPE
    on           on           ADP    IN    prep      4
    Monday       Monday       PROPN  NNP   pobj      9   B-DATE
    .            .            PUNCT  .     punct     4
""", published="2024-03-06")

KING = hand_parse("Jordan's king met rebels in Syria.", """
    Jordan       Jordan       PROPN  NNP   poss      2   B-GPE
    's           's           PART   POS   case      0
    king         king         NOUN   NN    nsubj     3
    met          meet         VERB   VBD   ROOT      3
    rebels       rebel        NOUN   NNS   dobj      3
    in           in           ADP    IN    prep      3
    Syria        Syria        PROPN  NNP   pobj      5   B-GPE
    .            .            PUNCT  .     punct     3
""")


def test_a_verb_of_arrest_is_a_coerce_trigger() -> None:
    p = Parse(LAGOS_ACCRA)
    assert "COERCE" in {t.event_type for t in candidates(p, 1)}
    assert "COERCE" in {t.event_type for t in candidates(p, 7)}
    assert not candidates(p, 3)  # "journalists" triggers nothing


def test_each_event_places_its_own_parties() -> None:
    """The same soldiers in two events are two parties: the place of one event never
    changes the parties of another."""
    record = extract(LAGOS_ACCRA, coder=None, facts=None)
    coerce = [e for e in record.events if e.event_type == "COERCE"]
    assert [(e.trigger.text, e.location and e.location.name) for e in coerce] == [
        ("arrested", "Lagos"), ("detained", "Accra")]
    assert [[a.country for a in e.actors] for e in coerce] == [["NGA"], ["GHA"]]
    assert [[(a.country, a.count) for a in e.recipients] for e in coerce] == [
        [("NGA", 12)], [("GHA", 3)]]


def test_a_country_that_backs_a_group_is_not_its_own() -> None:
    p = Parse(BACKED)
    assert not_own(p, 0) and not not_own(p, 6)
    [event] = extract(BACKED, coder=None, facts=None).events
    [militias] = event.actors
    assert (militias.text, militias.sector) == ("Iran-backed militias", "UAF")
    assert militias.country != "IRN"


def test_a_place_named_through_the_place_it_is_part_of() -> None:
    """'shelled a suburb of Beirut on Monday': the event is in Beirut, on the Monday
    before the article's date."""
    [event] = extract(BACKED, coder=None, facts=None).events
    assert event.event_type == "ASSAULT"
    assert event.location is not None and event.location.name == "Beirut"
    assert (event.date_text, event.date) == ("Monday", "2024-03-04")


def test_a_country_before_a_title_owns_it_one_after_a_preposition_is_a_place() -> None:
    p = Parse(KING)
    assert standing(p, 2, 0, 1) == "owner"  # Jordan's king
    assert standing(p, 4, 6, 7) == "place"  # rebels in Syria
    king = ActorResolver(p, None, find_places(p)).resolve(2)
    assert king is not None and (king.country, king.sector) == ("JOR", "GOV")


CLAIMED = hand_parse("Al-Shabaab claimed responsibility for the attack on the hotel.", """
    Al           Al           PROPN  NNP   compound  2   B-PERSON
    -            -            PUNCT  HYPH  punct     2   I-PERSON
    Shabaab      Shabaab      PROPN  NNP   nsubj     3   I-PERSON
    claimed      claim        VERB   VBD   ROOT      3
    responsibility responsibility NOUN NN  dobj      3
    for          for          ADP    IN    prep      4
    the          the          DET    DT    det       7
    attack       attack       NOUN   NN    pobj      5
    on           on           ADP    IN    prep      7
    the          the          DET    DT    det       10
    hotel        hotel        NOUN   NN    pobj      8
    .            .            PUNCT  .     punct     3
""")

HIS_COUNTRY = hand_parse("Vladimir Putin announced his country's withdrawal from the treaty.", """
    Vladimir     Vladimir     PROPN  NNP   compound  1   B-PERSON
    Putin        Putin        PROPN  NNP   nsubj     2   I-PERSON
    announced    announce     VERB   VBD   ROOT      2
    his          his          PRON   PRP$  poss      4
    country      country      NOUN   NN    poss      6
    's           's           PART   POS   case      4
    withdrawal   withdrawal   NOUN   NN    dobj      2
    from         from         ADP    IN    prep      6
    the          the          DET    DT    det       9
    treaty       treaty       NOUN   NN    pobj      7
    .            .            PUNCT  .     punct     2
""", published="2020-05-01")


def test_who_claims_a_deed_did_it() -> None:
    [attack] = extract(CLAIMED, coder=None, facts=None).events
    assert attack.event_type == "ASSAULT"
    assert [(a.text, a.country) for a in attack.actors] == [("Al-Shabaab", "SOM")]


def test_his_country_is_the_country_of_whom_his_refers_to() -> None:
    [pullout] = extract(HIS_COUNTRY, coder=None, facts=None).events
    assert pullout.event_type == "RETREAT"
    assert [(a.country, a.inferred) for a in pullout.actors] == [("RUS", ("country",))]


def test_a_wire_dateline_is_the_teller_of_the_whole_text() -> None:
    wire = dateline_source("WASHINGTON (Reuters) - The United States imposed sanctions.")
    assert wire is not None and (wire.name, wire.kind, wire.start, wire.end) == (
        "Reuters", "outlet", 12, 19)
    assert dateline_source("KYIV, April 28 (AP) — Russia fired two missiles.") is not None
    assert dateline_source("ISLAMABAD (Pakistan) - Floods hit the north.") is None  # no outlet
    assert dateline_source("Floods hit the north (Reuters) - later.") is None  # past the head


SPOKESPERSON = hand_parse(
    "Russia expelled two diplomats, an Estonian Foreign Ministry spokesperson said.", """
    Russia       Russia       PROPN  NNP   nsubj     1   B-GPE
    expelled     expel        VERB   VBD   ccomp     10
    two          two          NUM    CD    nummod    3   B-CARDINAL
    diplomats    diplomat     NOUN   NNS   dobj      1
    ,            ,            PUNCT  ,     punct     10
    an           an           DET    DT    det       9
    Estonian     Estonian     PROPN  NNP   compound  8   B-ORG
    Foreign      Foreign      PROPN  NNP   compound  8   I-ORG
    Ministry     Ministry     PROPN  NNP   compound  9   I-ORG
    spokesperson spokesperson NOUN   NN    nsubj     10
    said         say          VERB   VBD   ROOT      10
    .            .            PUNCT  .     punct     10
""")


def test_an_unnamed_spokesperson_speaks_for_the_body_named() -> None:
    [expulsion] = extract(SPOKESPERSON, coder=None, facts=None).events
    [teller] = expulsion.attribution
    assert (teller.name, teller.anonymous) == ("Estonian Foreign Ministry", False)
    assert teller.text == "an Estonian Foreign Ministry spokesperson"
