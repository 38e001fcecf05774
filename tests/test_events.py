"""Event extraction on sentences written for these tests (none from any gold file)."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from wirewatch.pipeline import run
from wirewatch.records import ArticleRecord, Document, EventMention
from wirewatch.sources import Defaults


def read(nlp: Language, text: str, published: str | None = "2024-06-10",
         publisher: str | None = None) -> ArticleRecord:
    results = list(run([Document("test", "text", text)], nlp,
                       Defaults(published=published, publisher=publisher)))
    assert len(results) == 1 and isinstance(results[0], ArticleRecord), results
    return results[0]


def one(nlp: Language, text: str, event_type: str, **kw: Any) -> EventMention:
    found = [e for e in read(nlp, text, **kw).events if e.event_type == event_type]
    assert found, f"no {event_type} in {text!r}"
    return found[0]


def countries(actors: list[Any]) -> set[str | None]:
    return {a.country for a in actors}


@pytest.mark.parametrize(("text", "etype", "actor", "recipient"), [
    ("Egypt and Sudan agreed on Tuesday to share water from the Nile.", "AGREE", "EGY", None),
    ("The Turkish president met his Greek counterpart in Athens on Thursday.", "CONSULT", "TUR",
     "GRC"),
    ("France praised Morocco for its help in the rescue.", "SUPPORT", "FRA", "MAR"),
    ("The Colombian government eased restrictions on opposition parties.", "CONCEDE", "COL",
     None),
    ("The Egyptian president pardoned 300 prisoners.", "CONCEDE", "EGY", None),  # PLOVER
    ("Somali pirates hijacked a Greek tanker.", "ASSAULT", "SOM", "GRC"),  # manual's words
    ("Norway and Sweden cooperated on border security.", "COOPERATE", "NOR", None),
    ("Japan sent 200 tonnes of rice to North Korea.", "AID", "JPN", "PRK"),
    ("Israel released 30 Palestinian prisoners on Sunday.", "RETREAT", "ISR", "PSE"),
    ("The European Union urged Serbia to recognise Kosovo.", "REQUEST", "EUR", "SRB"),
    ("China accused the United States of spying.", "ACCUSE", "CHN", "USA"),
    ("Venezuela rejected the proposal from Brazil.", "REJECT", "VEN", None),
    ("North Korea threatened to attack South Korea.", "THREATEN", "PRK", "KOR"),
    ("Thousands of students protested against the government in Tehran.", "PROTEST", "IRN",
     None),
    ("The United States imposed sanctions on Russian banks.", "SANCTION", "USA", "RUS"),
    ("Russia deployed troops to the border with Ukraine.", "MOBILIZE", "RUS", None),
    ("Police in Lagos arrested 12 journalists on Friday.", "COERCE", "NGA", "NGA"),
    ("Syrian forces shelled the town of Idlib, killing five civilians.", "ASSAULT", "SYR", None),
])
def test_every_plover_type(nlp: Language, text: str, etype: str, actor: str,
                           recipient: str | None) -> None:
    m = one(nlp, text, etype)
    assert actor in countries(m.actors), m.actors
    if recipient:
        assert recipient in countries(m.recipients), m.recipients


@pytest.mark.parametrize(("text", "etype", "actor", "recipient"), [
    ("Lithuania recalled its ambassador to China on Tuesday.", "SANCTION", "LTU", None),
    ("Ankara summoned the Dutch ambassador over the remarks.", "ACCUSE", "TUR", "NLD"),
    ("Canada froze the assets of three Venezuelan officials.", "SANCTION", "CAN", "VEN"),
    ("A court in Istanbul fined the Turkish newspaper for insulting the president.",
     "SANCTION", "TUR", None),
    ("Russian forces besieged the Ukrainian city of Mariupol for weeks.", "ASSAULT", "RUS",
     "UKR"),
    ("The Belarusian election commission barred opposition candidates from the vote.",
     "COERCE", "BLR", None),
    ("Bolivia nationalised the Spanish-owned airport operator.", "COERCE", "BOL", None),
])
def test_senses_of_common_coercive_and_diplomatic_verbs(
        nlp: Language, text: str, etype: str, actor: str, recipient: str | None) -> None:
    test_every_plover_type(nlp, text, etype, actor, recipient)


def test_modes(nlp: Language) -> None:
    assert one(nlp, "Police in Lagos arrested 12 journalists.", "COERCE").mode == "arrest"
    assert one(nlp, "Syrian forces shelled the town.", "ASSAULT").mode == "heavy-weapons"
    assert one(nlp, "Israel released 30 prisoners.", "RETREAT").mode == "release"
    assert one(nlp, "Students protested in the capital.", "PROTEST").mode == "demo"


def test_light_verbs_yield_to_event_nouns(nlp: Language) -> None:
    events = read(nlp, "The United States imposed sanctions on Russian banks.").events
    assert [e.event_type for e in events] == ["SANCTION"]


def test_promises_threats_and_demands_are_the_events(nlp: Language) -> None:
    """What is promised, threatened, refused or demanded has not happened (PLOVER)."""
    threat = read(nlp, "North Korea threatened to attack South Korea.").events
    assert [(e.event_type, e.mode) for e in threat] == [("THREATEN", "violence")]
    assert countries(threat[0].recipients) == {"KOR"}
    promise = read(nlp, "Japan will send food aid to Haiti.").events
    assert [(e.event_type, e.factuality.modality) for e in promise] == [("AGREE", "asserted")]
    demand = read(nlp, "The union demanded that the government release the strikers.").events
    assert [e.event_type for e in demand] == ["REQUEST"]
    refusal = read(nlp, "Serbia refused to withdraw its troops from Kosovo.").events
    assert [e.event_type for e in refusal] == ["REJECT"]


def test_factuality(nlp: Language) -> None:
    neg = one(nlp, "Pakistan denied that it had sent troops into Afghanistan.", "MOBILIZE")
    assert neg.factuality.polarity == "negative"
    assert one(nlp, "Two officials said the army had not fired on the crowd.",
               "ASSAULT").factuality.polarity == "negative"
    assert one(nlp, "India could attack Pakistan if the talks fail.",
               "ASSAULT").factuality.modality == "hypothetical"
    assert one(nlp, "Thousands of refugees will be deported to Syria next month.",
               "COERCE").factuality.modality == "future"  # no one to have promised it
    assert one(nlp, "In 1991 Iraq invaded Kuwait.", "ASSAULT").factuality.modality == "historical"
    assert one(nlp, "Israel released 30 prisoners.", "RETREAT").factuality.modality == "asserted"


def test_dates_against_publication(nlp: Language) -> None:
    assert one(nlp, "Police in Lagos arrested 12 journalists on Friday.", "COERCE").date == \
        "2024-06-07"
    future = one(nlp, "The minister will visit Paris in May.", "AGREE")  # a promise
    assert (future.date, future.date_text) == ("2025-05", "May")
    undated = one(nlp, "Israel released 30 prisoners on March 2.", "RETREAT", published=None)
    assert undated.date == "XXXX-03-02"
    scheduled = one(nlp, "Kenya's aim is to brief a meeting with Ugandan envoys on 20 June.",
                    "CONSULT")  # a date to come, not a promise: no AGREE
    assert (scheduled.date, scheduled.factuality.modality) == ("2024-06-20", "future")


def test_the_day_of_the_telling_is_marked(nlp: Language) -> None:
    m = one(nlp, "Militias smuggled rockets to Russia, the Herald reported on Tuesday.", "AID",
            published="2026-04-15")
    assert (m.date, m.date_told) == ("2026-04-14", True)
    m = one(nlp, "Militias smuggled rockets to Russia on Tuesday, the Herald reported.", "AID",
            published="2026-04-15")
    assert (m.date, m.date_told) == ("2026-04-14", False)
    m = one(nlp, "On Monday the army began trying to send troops to the border.", "MOBILIZE",
            published="2026-04-15")  # a clause three up that tells nothing
    assert (m.date, m.date_told) == ("2026-04-13", False)


def test_attribution_chains(nlp: Language) -> None:
    m = one(nlp, "According to Reuters, Saudi Arabia sent fighter jets to Jordan.", "AID",
            publisher="Test Post")
    assert [(s.name, s.kind) for s in m.attribution] == [("Test Post", "outlet"),
                                                        ("Reuters", "outlet")]
    m = one(nlp, "Officials in Kyiv told the BBC that Russian drones struck a power plant.",
            "ASSAULT")
    assert [s.kind for s in m.attribution] == ["outlet", "official"]
    assert "BBC" in (m.attribution[0].name or "")
    m = one(nlp, "The rebels may release the hostages, a spokesman for the group said.",
            "RETREAT")
    assert m.attribution[-1].text == "a spokesman for the group"
    assert m.attribution[-1].anonymous
    m = one(nlp, "Police detained 12 protesters in Minsk, Belpress reported, citing an "
                 "Interior Ministry statement.", "COERCE")
    assert [(s.name, s.kind) for s in m.attribution] == [
        ("Belpress", "organization"), ("Belarusian Interior Ministry", "document")]  # the
    # body's word, in the country the story is about
    own = one(nlp, "Israel released 30 prisoners.", "RETREAT", publisher="Test Post")
    assert [s.name for s in own.attribution] == ["Test Post"]
    assert one(nlp, "Israel released 30 prisoners.", "RETREAT").attribution == []


def test_a_body_that_speaks_is_named_and_unnamed_tellers_are_anonymous(
        nlp: Language) -> None:
    m = one(nlp, "Russia expelled several American diplomats, a State Department spokesperson "
                 "said.", "SANCTION")
    assert [(s.name, s.anonymous) for s in m.attribution] == [("State Department", False)]
    m = one(nlp, "Three men were arrested in Solihull, West Midlands police said.", "COERCE")
    assert [(s.name, s.anonymous) for s in m.attribution] == [("West Midlands Police", False)]
    assert [(a.name, a.country) for a in m.actors] == [("West Midlands Police", "GBR")]
    for said in ("U.K. officials", "police"):  # a country's officials, a force unnamed
        m = one(nlp, f"Three men were arrested in Leeds, {said} said.", "COERCE")
        assert [(s.name, s.anonymous) for s in m.attribution] == [(None, True)]


def test_the_first_person_in_a_quote_is_its_speaker(nlp: Language) -> None:
    text = ("Border guards stopped a convoy near the town of Velmar on Monday. “We have "
            "arrested the two drivers,” the Serbian border police said in a statement.")
    arrest = one(nlp, text, "COERCE")
    assert [(a.text, a.country, a.sector) for a in arrest.actors] == [("We", "SRB", "COP")]
    m = one(nlp, "We arrested the two drivers on Monday.", "COERCE")  # the writer: no one
    assert m.actors == []


def test_a_pronoun_that_speaks_after_a_quote_is_the_last_named_speaker(nlp: Language) -> None:
    text = ("“Our positions near the border came under fire overnight,” the Armenian defence "
            "ministry said in a statement. “We strongly condemn the shelling of our villages "
            "by Azerbaijan,” it said.")
    condemned = one(nlp, text, "ACCUSE")
    assert [a.country for a in condemned.actors] == ["ARM"]
    assert condemned.attribution[-1].text == "it"
    assert "ministry" in (condemned.attribution[-1].name or "").lower()


def test_weapons_a_pronoun_stands_for_are_no_party(nlp: Language) -> None:
    text = ("Protesters gathered in Kharkiv on Monday. Two rockets shook the city centre and "
            "one of them hit a school, injuring four people, the mayor said.")
    hit = [e for e in read(nlp, text).events if e.event_type == "ASSAULT"]
    assert hit and not [a for e in hit for a in e.actors if "them" in a.text]


def test_a_hostile_deed_only_claimed_is_the_accusation_alone(nlp: Language) -> None:
    text = "The Kenyan opposition claimed that the Ugandan army had shelled border villages."
    m = one(nlp, text, "ACCUSE")
    assert countries(m.actors) == {"KEN"} and countries(m.recipients) == {"UGA"}
    assert m.mode == "allege"
    assert all(e.event_type != "ASSAULT" for e in read(nlp, text).events)


@pytest.mark.parametrize("text", [
    # the speaker suffers it
    "Kenyan officials claimed that they had been attacked by Ugandan troops.",
    "The Kenyan army claimed responsibility for the attack on the border post.",  # own deed
    "The Kenyan minister claimed that the economy had grown by five percent.",  # nothing hostile
    "Kenya claimed that Uganda had not launched any attacks on Busia.",  # denied
    "The Kenyan opposition argued that the central bank should cut interest rates.",  # no ties
])
def test_a_claim_is_no_accusation_unless_it_lays_a_hostile_deed_on_another(
        nlp: Language, text: str) -> None:
    assert all(e.event_type != "ACCUSE" for e in read(nlp, text).events)


@pytest.mark.parametrize(("text", "etype", "actor", "recipient"), [
    # an intent's holder does what it intends
    ("Kenya's decision to expel the Ugandan ambassador angered Kampala.", "SANCTION", "KEN",
     "UGA"),
    # the second of two nouns shares the first one's owner
    ("Residents fled after Russia's arrival and occupation of the town in March.",
     "COERCE", "RUS", None),
    # whoever died in a deed suffered it; its "by" did it
    ("Ten civilians died in an airstrike by Russian warplanes.", "ASSAULT", "RUS", None),
    ("Two men were killed in a raid by Kenyan police.", "ASSAULT", "KEN", None),
    # a person the knowledge base knows binds "his", whatever the parser took the name for
    ("Rodrigo Duterte announced his country's withdrawal from the International Criminal "
     "Court.", "RETREAT", "PHL", None),
    # a noun that counts deeds carries them to its verb
    ("Kenya carried out a series of airstrikes on Somali militants.", "ASSAULT", "KEN", None),
    ("The Kenyan president announced a new package of sanctions against Uganda.",
     "SANCTION", "KEN", "UGA"),
    # a document asks whom it is sent to
    ("Kenyan MP John Mbadi sent a letter to Ugandan President Yoweri Museveni asking for the "
     "release of the detained activists.", "REQUEST", "KEN", "UGA"),
    # whoever faces, braces for or comes under a deed suffers it
    ("Kenyan villages came under heavy shelling by Somali militants.", "ASSAULT", "SOM", "KEN"),
    ("Thousands of Kenyans are bracing for an attack by Somali militants.", "ASSAULT", "SOM",
     "KEN"),
    # whoever claims a deed did it, also a deed told by a verb
    ("Al-Shabaab claimed responsibility for shelling the Kenyan border post.", "ASSAULT",
     "SOM", "KEN"),
    # an alliance named by its leader, the guide's own example
    ("The US-led coalition bombed the port.", "ASSAULT", "USA", None),
    # what is said comes from whoever says it, also from within
    ("The raid drew condemnation from the Kenyan government.", "ACCUSE", "KEN", None),
    ("President Obama faced condemnation from within his own party.", "ACCUSE", "USA", None),
])
def test_who_does_what_a_phrase_names_around_its_event(
        nlp: Language, text: str, etype: str, actor: str, recipient: str | None) -> None:
    m = one(nlp, text, etype, published="2019-02-20")
    assert actor in countries(m.actors), m.actors
    if recipient:
        assert recipient in countries(m.recipients), m.recipients


def test_held_on_charges_is_an_accusation_of_whoever_is_held(nlp: Language) -> None:
    text = "A Kenyan reporter has been detained in Uganda on charges of spying for Nairobi."
    m = one(nlp, text, "ACCUSE")
    assert m.mode == "allege" and countries(m.recipients) == {"KEN"}
    assert all(a.sector != "SPY" for e in read(nlp, text).events for a in e.recipients)


def test_what_someone_is_cleared_of_is_no_event(nlp: Language) -> None:
    text = "A Kenyan court cleared the former minister of all charges."
    assert all(e.event_type != "ACCUSE" for e in read(nlp, text).events)


def test_a_transfer_senses_own_preposition_names_where_it_goes(nlp: Language) -> None:
    m = one(nlp, "The ministry said eighteen battle tanks had arrived in Ukraine.", "AID")
    assert countries(m.recipients) == {"UKR"}


def test_a_possessor_is_named_without_its_case_marker(nlp: Language) -> None:
    m = one(nlp, "Kenya's decision to expel the Ugandan ambassador angered Kampala.", "SANCTION")
    assert [a.text for a in m.actors] == ["Kenya"]


def test_a_reflexive_is_its_clauses_subject_and_the_one_compared_is_someone_else(
        nlp: Language) -> None:
    text = ("Kenyan police allegedly beat protesters in Nairobi. Like the army, they are "
            "reported to film themselves beating detainees.")
    found = [e for e in read(nlp, text).events if e.trigger.text == "beating"]
    assert found and [a.sector for a in found[0].actors] == ["COP"]


def test_a_month_is_no_march(nlp: Language) -> None:
    events = read(nlp, "In March, the Kenyan president visited Kampala.").events
    assert all(e.event_type != "PROTEST" for e in events)


@pytest.mark.parametrize(("text", "etype", "mode"), [
    ("A Kenyan soldier was stabbed to death by militants in Mandera.", "ASSAULT", "primitive"),
    ("Ugandan police apprehended two opposition activists in Kampala.", "COERCE", "arrest"),
    ("Kenyan students held a vigil outside parliament in Nairobi.", "PROTEST", "demo"),
])
def test_senses_the_annotated_training_sentences_code_often(
        nlp: Language, text: str, etype: str, mode: str) -> None:
    assert one(nlp, text, etype).mode == mode


@pytest.mark.parametrize("text", [
    "The Kenyan interior ministry did not respond to a request for comment.",
    "The Kenyan embassy declined to comment on the case.",
    "He was the first Briton to sign up with the Kurdish militia in 2015.",
    # a release is of people: not of a statement, a report or a film
    "The Kenyan interior ministry released a statement on Monday.",
])
def test_a_reporters_question_and_enlisting_are_no_events(nlp: Language, text: str) -> None:
    assert read(nlp, text).events == []


def test_what_states_sign_is_an_accord(nlp: Language) -> None:
    assert countries(one(nlp, "Kenya and Uganda signed a border treaty on Monday.",
                         "SUPPORT").actors) == {"KEN", "UGA"}
    events = read(nlp, "The Kenyan president signed an order on Monday.").events
    assert all(e.event_type != "SUPPORT" for e in events)


def test_a_name_the_parser_left_untagged_is_still_looked_up(nlp: Language) -> None:
    m = one(nlp, "The Belarusian KGB detained several opposition activists.", "COERCE",
            published="2021-03-25")
    assert [(a.country, a.sector) for a in m.actors] == [("BLR", "SPY")]


def test_a_post_of_the_posts_table_is_a_governments(nlp: Language) -> None:
    m = one(nlp, "The home secretary ordered that the jihadist be deported.", "COERCE")
    assert [a.sector for a in m.actors] == ["GOV"]


def test_a_title_named_in_apposition_is_that_persons_country(nlp: Language) -> None:
    m = one(nlp, "The Home Office said the home secretary, Sajid Javid, ordered that her "
                 "citizenship be revoked.", "COERCE", published="2019-02-20")
    assert countries(m.actors) == {"GBR"} and m.mode is None  # the guide: no mode


def test_civilians_are_of_the_country_of_a_place_their_sentence_names(nlp: Language) -> None:
    m = one(nlp, "Russian troops entered the town. Witnesses in Mosul said gunmen killed three "
                 "civilians.", "ASSAULT")
    assert [(a.country, a.inferred) for a in m.recipients] == [("IRQ", ("country", "place"))]


def test_a_wire_dateline_names_the_agency_and_no_party(nlp: Language) -> None:
    m = one(nlp, "[USA], Aug 1 (ANI): The United States on Wednesday imposed sanctions on "
                 "Iranian Foreign Minister Mohammad Javad Zarif.", "SANCTION")
    assert "IND" not in countries(m.actors)  # the agency's country is no party
    assert [s.name for s in m.attribution] == ["ANI"]


def test_weapons_arriving_from_a_country_are_its_aid(nlp: Language) -> None:
    for text, giver in (("British Challenger 2 tanks arrived in Ukraine on Monday.", "GBR"),
                        ("The first batch of Polish Krab howitzers arrived in Ukraine.", "POL"),
                        ("Ukraine received its first British Challenger 2 tanks.", "GBR")):
        m = one(nlp, text, "AID")
        assert (countries(m.actors), countries(m.recipients)) == ({giver}, {"UKR"}), text
    assert not [e for e in read(nlp, "The Chinese envoy arrived in Damascus on Monday.").events
                if e.event_type == "AID"]
    made = one(nlp, "Kyiv received US-made HIMARS launchers.", "AID")  # made is not given
    assert made.actors == []


def test_a_missile_fired_at_no_one_is_a_show_of_force(nlp: Language) -> None:
    for text in ("Pyongyang fired a ballistic missile towards the Sea of Japan on Sunday.",
                 "The navy test-fired a cruise missile on Sunday.",
                 "Tehran launched two missiles into the waters off its southern coast."):
        m = one(nlp, text, "MOBILIZE")
        assert m.mode == "weapons" and m.recipients == [], text  # a sea is no party
    m = one(nlp, "The militia fired rockets at the airport on Sunday.", "ASSAULT")
    assert not [e for e in read(nlp, "The militia fired rockets at the airport.").events
                if e.event_type == "MOBILIZE"] and m.mode == "heavy-weapons"


def test_a_short_name_given_in_brackets_is_the_long_one(nlp: Language) -> None:
    text = ("Nigeria's Coastal Patrol Command (CPC) questioned the governor "
            "on Monday. The CPC later arrested two of his aides.")
    arrest = one(nlp, text, "COERCE")
    assert [a.country for a in arrest.actors] == ["NGA"]


def test_the_paper_is_the_outlet_named_before(nlp: Language) -> None:
    text = ("Militias in Iraq smuggled weapons to Russia, according to a report by the "
            "Herald newspaper. The paper said the militias also sent rockets to Russia.")
    (record,) = run([Document("d", "article", text)], nlp)
    assert isinstance(record, ArticleRecord)
    later = next(e for e in record.events if e.trigger.text == "sent")
    assert [(s.text, s.name) for s in later.attribution] == [("The paper", "Herald")]
    alone = one(nlp, "The paper said the militias sent rockets to Russia.", "AID")
    assert [(s.text, s.name) for s in alone.attribution] == [("The paper", None)]  # none before


def test_cited_sources_and_posts_join_the_chain(nlp: Language) -> None:
    m = one(nlp, "The army shelled the town, Reuters reported, citing two security sources.",
            "ASSAULT", publisher="Test Post")
    assert [(s.name or s.text, s.kind, s.anonymous) for s in m.attribution] == [
        ("Test Post", "outlet", False), ("Reuters", "outlet", False),
        ("two security sources", "person", True)]
    m = one(nlp, "Police arrested three journalists in Tehran, the activist said in a post on X.",
            "COERCE")
    assert [(s.text, s.kind) for s in m.attribution] == [("the activist", "social-media")]


def test_the_teller_closing_a_sentence_tells_all_of_it(nlp: Language) -> None:
    """"X said it detained Y, Interfax reported": Interfax tells what X said, whichever
    clause the parse hangs on the other; the chain ends in X, the original source."""
    m = one(nlp, "Russia's Federal Security Service said it detained Wall Street Journal "
                 "reporter Evan Gershkovich in Yekaterinburg, the Interfax news service "
                 "reported Thursday.", "COERCE")
    assert [s.name for s in m.attribution] == ["Interfax", "Federal Security Service"]


def test_outlets_are_named_as_themselves(nlp: Language) -> None:
    """What only says what an outlet is ("news agency", "the") is no part of its name;
    state broadcasters are outlets, one source: the state media of the country named, else
    of the country the article is about."""
    for said, name in (("the Reuters news agency reported", "Reuters"),
                       ("the Associated Press reported", "Associated Press"),
                       ("Sky News reported", "Sky News"), ("state TV said", "Iranian state media"),
                       ("Iranian state television reported", "Iranian state media"),
                       ("Syrian state media reported", "Syrian state media"),
                       ("the British media reported", "British media")):  # not the UK
        m = one(nlp, f"Police arrested 40 protesters in Tehran, {said}.", "COERCE")
        assert [(s.name, s.kind) for s in m.attribution] == [(name, "outlet")], said


def test_instruments_and_weapon_subjects(nlp: Language) -> None:
    m = one(nlp, "Officials said Russian drones struck a power plant.", "ASSAULT")
    assert "RUS" in countries(m.actors)
    assert [i.name for i in m.instruments] == ["drone"]
    # an attack that does the deed: its weapon is the instrument and its owner acts
    hit = [e for e in read(nlp, "Russian missile strikes hit Kyiv during the visit of the UN "
                                "chief.").events if e.event_type == "ASSAULT"]
    assert hit and all(countries(e.actors) == {"RUS"} for e in hit)
    assert any(countries(e.recipients) == {"UKR"} for e in hit)
    assert {i.name for e in hit for i in e.instruments} == {"missile"}
    led = one(nlp, "The US-led strikes killed 20 militants.", "ASSAULT")
    assert countries(led.actors) == {"USA"}  # no weapon word: the phrase says who
    m = one(nlp, "Rebels fired Grad rockets at the airport.", "ASSAULT")
    assert any("Grad" in i.name and i.kind == "weapon" for i in m.instruments)


def test_quotes_and_speakers(nlp: Language) -> None:
    text = ("Ana Ruiz, the mayor of Quito, spoke to reporters on Monday. She said: “We will "
            "rebuild every house that the flood destroyed.” “Nobody will be left behind.”")
    quotes = read(nlp, text).quotes
    assert len(quotes) == 2
    assert all(q.speaker is not None and q.speaker.name == "Ana Ruiz" for q in quotes)


def test_evidence_and_trigger_offsets(nlp: Language) -> None:
    record = read(nlp, "Talks stalled.\n\nSyrian forces shelled the town of Idlib on Monday.")
    for m in record.events:
        body = record.article.body
        assert body[m.evidence.start:m.evidence.end] == m.evidence.text
        assert body[m.trigger.start:m.trigger.end] == m.trigger.text
        for a in m.actors + m.recipients:
            assert a.start is not None and body[a.start:a.end] == a.text
    assert record.events[0].location is not None
    assert record.events[0].location.name == "Idlib"


def test_inferred_values_are_marked(nlp: Language) -> None:
    m = one(nlp, "Police in Lagos arrested 12 journalists.", "COERCE")
    journalists = m.recipients[0]
    assert journalists.country == "NGA" and "country" in journalists.inferred


def test_a_protest_with_no_target_is_aimed_at_where_it_is_held(nlp: Language) -> None:
    m = one(nlp, "Demonstrators in Lima blocked a highway on Monday.", "PROTEST")
    assert m.actors[0].sector == "OPP"  # the capital is where they are, not who they are
    assert [(a.country, a.inferred) for a in m.recipients] == [("PER", ("role",))]


def test_whom_a_demand_is_put_to(nlp: Language) -> None:
    m = one(nlp, "Teachers' unions demanded that the Chilean government raise wages.",
            "REQUEST")
    assert "CHL" in countries(m.recipients)
    m = one(nlp, "The general threatened to cut off fuel supplies to Moldova.", "THREATEN")
    assert "MDA" in countries(m.recipients)
    record = read(nlp, "The minister said that Bolivia must reach an agreement with its unions.")
    assert [e.event_type for e in record.events] == ["REQUEST"]


@pytest.mark.parametrize(("text", "etype", "mode"), [
    ("The navy lifted its blockade of the port on Friday.", "RETREAT", "withdraw"),
    ("The government agreed to allow access for aid convoys.", "AGREE", None),
    ("Russia suspended talks with Ukraine on Monday.", "SANCTION", "withdraw"),
    ("Nepal accepted an Indian offer of mediation.", "AGREE", None),
])
def test_types_follow_the_cameo_to_plover_table(nlp: Language, text: str, etype: str,
                                                mode: str | None) -> None:
    assert one(nlp, text, etype).mode == mode


def test_who_blockades_or_occupies_decides_the_type(nlp: Language) -> None:
    assert one(nlp, "The army imposed a blockade on the city.", "COERCE").mode == "restrict"
    assert one(nlp, "Striking farmers occupied the ministry in Quito.", "PROTEST").mode == \
        "obstruct"
    assert one(nlp, "Ethiopian troops occupied the border town.", "COERCE").mode == "seize"


def test_nationals_are_people_and_protest_their_own_authorities(nlp: Language) -> None:
    m = one(nlp, "Young Peruvians blocked roads leading to the city centre on Sunday.",
            "PROTEST")
    assert [(a.country, a.sector) for a in m.actors] == [("PER", "CVL")]
    assert [(a.country, a.sector, a.inferred) for a in m.recipients] == \
        [("PER", "GOV", ("role",))]


def test_verb_and_object_senses_match_any_form_of_the_object(nlp: Language) -> None:
    for text in ("Washington lifted the sanction on the bank.",
                 "Washington lifted sanctions on Venezuela on Tuesday."):
        assert one(nlp, text, "RETREAT").mode == "ease"
    assert one(nlp, "Bolivia broke off negotiations with Chile.", "SANCTION").mode == "withdraw"


def test_places_in_context(nlp: Language) -> None:
    record = read(nlp, "Floods cut roads in the Spanish region of Andalusia. Rescuers reached "
                       "the town of Córdoba on Monday, and families in Kitale, Kenya, and "
                       "in Tasmania were told to leave. Fighting went on in Helmand Province.")
    found = {p.text: p for p in record.places}
    assert found["Córdoba"].country == "ESP"  # the shared name read in the text's country
    assert found["Kitale"].country == "KEN"
    assert (found["Tasmania"].country, found["Tasmania"].precision) == ("AUS", "admin1")
    assert (found["Helmand Province"].country, found["Helmand Province"].precision) == (
        "AFG", "admin1")  # a name that ends in the kind of place it is
    assert all(record.article.body[p.start:p.end] == p.text for p in record.places)
    towns = read(nlp, "Kenyan police said floods hit Wundanyi.")
    assert {p.country for p in towns.places if p.text == "Wundanyi"} == {"KEN"}
    alone = read(nlp, "Floods hit Wundanyi on Monday.")  # a small town needs its country
    assert not [p for p in alone.places if p.text == "Wundanyi"]
    named = read(nlp, "The United States Agency for International Development sent tents.")
    assert [(p.text, p.country) for p in named.places] == [("United States", "USA")]


def test_places_the_tagger_misses_or_abbreviates(nlp: Language) -> None:
    codes = read(nlp, "Police in Australia said the fires had spread to the ACT and to VIC.")
    assert [(p.text, p.name) for p in codes.places if p.precision == "admin1"] == [
        ("ACT", "Australian Capital Territory"), ("VIC", "Victoria")]  # not Vic in Spain
    alone = read(nlp, "The fires had spread to the ACT and to VIC.")  # no country named
    assert not [p for p in alone.places if p.precision == "admin1"]
    listed = read(nlp, "Health workers in Nakuru and Eldoret reported cases, and Kenyan "
                       "officials said Kericho and Naivasha were spared.")
    assert [p.text for p in listed.places] == ["Nakuru", "Eldoret", "Kericho", "Naivasha"]
    assert {p.country for p in listed.places} == {"KEN"}  # "Kenyan" is no place
    countries = read(nlp, "Cases were found in Chad, Niger and Mali.")
    assert [p.text for p in countries.places] == ["Chad", "Niger", "Mali"]
    kinds = read(nlp, "Cases rose in the province Mpumalanga. Hospitals in the capital city "
                      "Maputo were full.")  # a name after the kind of place it is
    assert [(p.text, p.country) for p in kinds.places] == [("Mpumalanga", "ZAF"),
                                                          ("Maputo", "MOZ")]
    water = read(nlp, "Residents east of Bulawayo queued at wells on Friday.")
    assert [p.country for p in water.places] == ["ZWE"]
    folded = read(nlp, "Floods hit Sanliurfa and Malatya in Turkey on Monday.")
    assert folded.places[0].name == "Şanlıurfa"  # found without its diacritics
    camp = read(nlp, "The Kakuma camp was flooded, Kenyan officials said.")
    assert [(p.text, p.country) for p in camp.places] == [("Kakuma", "KEN")]
    dated = read(nlp, "Turkish troops shelled Kurdish forces near Manbij on Tuesday.")
    assert [(p.text, p.country) for p in dated.places] == [("Manbij", "SYR")]  # read as a date
    other = read(nlp, "Floods hit Afrin and al-Bab.")  # "‘Afrīn", "Al Bāb"
    assert {p.text: p.country for p in other.places} == {"Afrin": "SYR", "al-Bab": "SYR"}
    near = read(nlp, "Floods in Syria hit the outskirts of Deraa.")  # by another name
    assert "Deraa" in {p.text for p in near.places}
    assert "Deraa" not in {p.text for p in read(nlp, "Floods hit Deraa.").places}


def test_a_part_of_a_place_named_by_its_direction(nlp: Language) -> None:
    """"East Aleppo" is in Aleppo; "West Midlands" is no part of Zimbabwe's Midlands
    province where the text names no Zimbabwe."""
    east = read(nlp, "Rebels attacked government positions in East Aleppo.")
    assert [(pl.text, pl.country) for pl in east.places] == [("East Aleppo", "SYR")]
    west = read(nlp, "Police in the West Midlands arrested a man.")
    assert "ZWE" not in {pl.country for pl in west.places}


def test_words_that_name_no_place(nlp: Language) -> None:
    record = read(nlp, "Angolan refugees crossed into Zambia, Agence France-Presse reported. "
                       "Researchers at UGA said the Northern Indian states were spared.")
    assert [p.text for p in record.places] == ["Zambia"]  # demonyms, an agency, an acronym
    sea = read(nlp, "US officials said storms in the Pacific had eased.")
    assert [p.text for p in sea.places] == ["US"]  # the ocean, not a village in Missouri
    title = read(nlp, "Listening to Secretary Pompeo speak, US officials smiled.")
    assert [p.text for p in title.places] == ["US"]  # a title, not Secretary, Maryland


def test_places_named_by_their_neighbours(nlp: Language) -> None:
    record = read(nlp, "Crews drove from Paris, Texas, to the state of Washington. Storms hit "
                       "Alabama, Georgia and Tennessee, while Tbilisi said Georgia was calm.")
    found = [(p.text, p.country, p.precision) for p in record.places]
    assert ("Paris", "USA", "city") in found  # the Paris in Texas, not France's capital
    assert ("Washington", "USA", "admin1") in found  # the state, not the capital
    assert ("Georgia", "USA", "admin1") in found  # listed among US states
    assert ("Georgia", "GEO", "country") in found  # named alone, the country
    beside = read(nlp, "Flooding hit Springfield on Monday, the Illinois governor said.")
    assert [p.admin1 for p in beside.places if p.text == "Springfield"] == ["IL"]
    larger = read(nlp, "British officials met in Washington on Monday. Texas officials flew "
                       "to Paris on Tuesday.")  # context does not pick a far smaller namesake
    assert [(p.text, p.country) for p in larger.places if p.precision == "city"] == [
        ("Washington", "USA"), ("Paris", "FRA")]
    about = read(nlp, "Syria's foreign minister said talks in Geneva had failed. Syrian troops "
                      "shelled Idlib, US officials said, as Arab states met.")
    assert [(p.text, p.country) for p in about.places if p.text in ("Geneva", "Arab")] == [
        ("Geneva", "CHE")]  # a story about Syria that names the US once
    border = read(nlp, "The court ordered Israel to prevent acts of genocide in Gaza.")
    assert [(p.text, p.country) for p in border.places] == [("Israel", "ISR"), ("Gaza", "PSE")]
    # in a country bordering the one the text is about, not Mozambique's Gaza province


def test_armed_clashes_and_labour_strikes(nlp: Language) -> None:
    clash = one(nlp, "Police clashed with stone-throwing youths in Nairobi on Friday.", "ASSAULT")
    assert countries(clash.actors) == {"KEN"}
    assert "ASSAULT" not in {e.event_type for e in read(
        nlp, "Ministers clashed over the budget, and doctors are fighting the outbreak.").events}
    vow = one(nlp, "Rebels in the north have sworn to fight until they take the capital.",
              "THREATEN")
    assert vow.mode is None or vow.mode == "violence"
    strike = one(nlp, "Some 2,000 dock workers affiliated with the Chilean port union stopped "
                      "work on Tuesday.", "PROTEST")
    assert strike.mode == "strike" and countries(strike.actors) == {"CHL"}
    people = one(nlp, "Ethnic Serbs marched in Mitrovica.", "PROTEST")
    assert countries(people.actors) == {"XKX"}  # a people, where they are; not Serbia


def test_parties_read_from_what_is_said_of_them(nlp: Language) -> None:
    arrest = one(nlp, "Maria Lopez, a Mexican lawyer, was arrested in Texas.", "COERCE")
    assert [a.country for a in arrest.recipients] == ["MEX"]  # one party, from her appositive
    envoy = one(nlp, "Jan Novak, the United Nations envoy, urged both sides to talk.", "REQUEST")
    assert "UNO" in countries(envoy.actors)  # an official acts for the body
    bomb = one(nlp, "An anti-Iran cleric was killed in a bomb blast in a crowded market of "
                    "eastern Baghdad.", "ASSAULT")
    assert countries(bomb.recipients) == {"IRQ"}  # not Iranian; where he was killed
    loyal = one(nlp, "Fighters loyal to Islamic State attacked the town.", "ASSAULT")
    assert countries(loyal.actors) == {"ISM"}  # a name the tagger splits in two
    anonymous = read(nlp, "Prices rose, said a resident, who asked not to be named. The "
                          "ministry declined to comment. Asked about the strike, he smiled.")
    assert not anonymous.events  # anonymity, no comment, a question: no request or refusal
    abroad = one(nlp, "Syria said on Monday that western leaders met in Brussels to discuss "
                      "the war.", "CONSULT")
    assert countries(abroad.actors) == {None}  # neither the story's country nor the venue's


def test_a_city_attacked_is_no_government(nlp: Language) -> None:
    attack = one(nlp, "In late 2015, suicide bombers attacked Paris.", "ASSAULT")
    assert [(a.country, a.sector) for a in attack.recipients] == [("FRA", None)]


def test_forces_moved_are_not_the_places_they_leave(nlp: Language) -> None:
    pullout = one(nlp, "The withdrawal of Syrian troops from Lebanon began on Monday.",
                  "RETREAT")
    assert (countries(pullout.actors), countries(pullout.recipients)) == ({"SYR"}, {"LBN"})
    general = one(nlp, "General Smith withdrew his troops from Kandahar on Monday.", "RETREAT")
    assert countries(general.actors) == {None}  # not Afghan for leaving Afghanistan


def test_done_where_it_happens(nlp: Language) -> None:
    curfew = one(nlp, "Police imposed a curfew in Kisumu on Friday.", "COERCE")
    assert countries(curfew.recipients) == {"KEN"}  # the people of the place
    assert curfew.recipients[0].inferred == ("role",)
    emergency = one(nlp, "The Ethiopian government declared a state of emergency after "
                         "months of protests.", "COERCE")
    assert emergency.mode == "curfew" and countries(emergency.actors) == {"ETH"}
    assert emergency.recipients == []  # "a state of" is the sense's words, not a party
    hit = one(nlp, "A Greek-owned ship was hit by repeated attacks by Somali pirates.",
              "ASSAULT")  # a passive's subject suffers the deed that is its agent
    assert countries(hit.recipients) == {"GRC"}  # the ship stands for its owners
    retaken = one(nlp, "Mozambican troops recaptured the port town on Sunday.", "ASSAULT")
    assert countries(retaken.actors) == {"MOZ"}
    probe = one(nlp, "Kenya is investigating alleged abuses by Somali extremists.", "ACCUSE")
    assert countries(probe.recipients) == {"SOM"}  # whose the abuses are
    # no place named: unnamed parties are of the country the story is about, named ones not
    shelled = one(nlp, "The Syrian government says hospitals and schools have been bombed.",
                  "ASSAULT")
    assert countries(shelled.recipients) == {"SYR"}
    raid = one(nlp, "Kenyan officials said villagers were attacked by Al-Shabaab fighters.",
               "ASSAULT")
    assert countries(raid.actors) == {"SOM"} and countries(raid.recipients) == {"KEN"}


def test_recipients_named_around_the_event(nlp: Language) -> None:
    # the annotation guide's CONCEDE (CAMEO's table has SUPPORT): real news is coded by it
    sorry = one(nlp, "Chile has apologized to Peru for the border incident.", "CONCEDE")
    assert countries(sorry.recipients) == {"PER"}
    halt = one(nlp, "Norway said it had halted economic aid to Eritrea.", "SANCTION")
    assert countries(halt.recipients) == {"ERI"}
    call_up = one(nlp, "Britain mobilized army reservists for a possible war against Iran.",
                  "MOBILIZE")
    assert countries(call_up.recipients) == {"IRN"}
    raid = one(nlp, "Soldiers raided villages in eastern Congo, arresting 40 opponents.",
               "COERCE")
    assert countries(raid.recipients) == {"COD"}  # the participle is where its clause is


def test_whom_a_threat_or_promise_is_about(nlp: Language) -> None:
    threat = one(nlp, "Farmers threatened to block the highway unless the government "
                      "cut fuel prices.", "THREATEN")
    assert any(a.text == "the government" for a in threat.recipients)
    pledge = one(nlp, "Ministers agreed to provide emergency aid for Malawi and Zambia.",
                 "AGREE")
    assert countries(pledge.recipients) == {"MWI", "ZMB"}
    assert "PROTEST" not in {e.event_type for e in read(
        nlp, "Police prevented a rally organized by students to protest the fee rise.").events}


def test_senses_by_what_they_are_done_to(nlp: Language) -> None:
    assert "AID" not in {e.event_type for e in read(
        nlp, "The president gave a warm welcome to the visiting prime minister.").events}
    assert one(nlp, "Soldiers evacuated civilians from Mosul.", "AID")
    assert one(nlp, "Britain evacuated its troops from Basra.", "RETREAT")
    assert "CONSULT" not in {e.event_type for e in read(
        nlp, "The Kenyan cabinet met on Sunday.").events}  # a body's own meeting
    assert one(nlp, "Putin met Erdogan in Sochi.", "CONSULT")
    refusal = one(nlp, "The government said it would not meet the strikers' demands.", "REJECT")
    assert refusal.factuality.polarity == "positive"
    halt = one(nlp, "Norway announced a suspension of flights to Eritrea.", "SANCTION")
    assert countries(halt.actors) == {"NOR"}
    reminder = one(nlp, "Kenya issued a reminder to Somalia that it must secure the border.",
                   "REQUEST")
    assert countries(reminder.recipients) == {"SOM"}
    words = read(nlp, "The opposition leader attacked the government's plan to raise taxes. "
                      "The ruling killed off any challenge to the president.")
    assert {e.event_type for e in words.events} == {"ACCUSE"}  # no violence done to ideas
    named = read(nlp, "Others in the camp call them the outcasts. A group called Free Sham "
                      "issued a statement.")
    assert "CONSULT" not in {e.event_type for e in named.events}  # naming is no phone call
    assert one(nlp, "Macron called Putin on Monday.", "CONSULT")  # not "call on"


def test_passive_acts_of_the_authorities(nlp: Language) -> None:
    probe = one(nlp, "A British tourist has been put under investigation in Greece.", "ACCUSE")
    assert countries(probe.recipients) == {"GBR"}  # the one put under investigation
    assert [(a.country, a.sector, a.inferred) for a in probe.actors] == [
        ("GRC", "GOV", ("role",))]  # the authorities where it happened, inferred
    led = one(nlp, "Saudi-led forces attacked Houthi positions near Sanaa.", "ASSAULT")
    assert "SAU" in countries(led.actors)  # a force led by a state is that state's
    held = one(nlp, "Officials counted 40 fighters captured by Syrian troops.", "COERCE")
    assert (countries(held.actors), [a.text for a in held.recipients]) == (
        {"SYR"}, ["40 fighters"])  # a participle on a noun is passive: the noun is acted on
    assert held.mode == "arrest"  # people captured by a state's forces are detained
    taken = read(nlp, "Rebels captured the town of Manbij. Pirates captured two journalists.")
    assert [(e.event_type, e.mode) for e in taken.events] == [
        ("ASSAULT", None), ("ASSAULT", "abduct")]  # a place taken; people taken by outlaws


def test_a_games_beatings_and_suspensions_are_no_events(nlp: Language) -> None:
    """A sentence of sports reporting (two sports words, or one and a score) tells of the
    game; a state body's deed in it is still an event."""
    for text in ("Argentina got past Chile 3-0, with Guido Pella beating Nicolas Jarry in the "
                 "tournament.",
                 "Striker Robert Lewandowski scored twice as Bayern beat Dortmund in the league.",
                 "The NFL suspended the quarterback for two games this season."):
        assert read(nlp, text).events == [], text
    arrest = one(nlp, "San Diego police arrested the NFL receiver before a key playoff game.",
                 "COERCE")
    assert [a.sector for a in arrest.actors] == ["COP"]
    assert one(nlp, "Police beat protesters outside the stadium.", "ASSAULT")  # one word


def test_a_state_body_telling_a_passive_deed_did_it(nlp: Language) -> None:
    """"X was charged, police said": the state body that tells it is the one that did it;
    an unofficial teller is not ("his lawyer said")."""
    charged = one(nlp, "Subryan was charged with vehicular manslaughter, the NYPD said.",
                  "ACCUSE")
    assert [(a.country, a.sector) for a in charged.actors] == [("USA", "COP")]
    both = read(nlp, "Carrasquillo was charged with murder, and Kristian Lopez was arrested "
                     "for possession of a baseball bat, police said.")
    assert [(e.event_type, [a.sector for a in e.actors]) for e in both.events] == [
        ("ACCUSE", ["COP"]), ("COERCE", ["COP"])]
    suspected = one(nlp, "The Russian security service said Gershkovich was suspected of "
                         "espionage.", "ACCUSE")
    assert [(a.country, a.sector) for a in suspected.actors] == [("RUS", "SPY")]
    lawyer = one(nlp, "Ana Ruiz was charged with fraud, her lawyer said.", "ACCUSE")
    assert lawyer.actors == []
    owned = one(nlp, "Russia's Federal Security Service said Gershkovich was detained.", "COERCE")
    assert [(a.country, a.inferred) for a in owned.actors] == [("RUS", ("role",))]
    abroad = one(nlp, "Three men were arrested in Turkey, US officials said.", "COERCE")
    assert countries(abroad.actors) == {"TUR"}  # the teller is of another country


def test_parties_at_sea_and_in_custody_are_not_of_the_place(nlp: Language) -> None:
    """A ship attacked off a coast is not of the coast's country; a detainee is not of the
    country of the camp that held him; a name a phrase gives ("known as the FSB") is its."""
    ship = one(nlp, "Houthi rebels attacked a merchant ship in the Red Sea off the coast of "
                    "Yemen.", "ASSAULT")
    assert (countries(ship.actors), countries(ship.recipients)) == ({"YEM"}, {None})
    owned = one(nlp, "Houthi rebels attacked a Greek-owned tanker off the coast of Yemen.",
                "ASSAULT")
    assert countries(owned.recipients) == {"GRC"}
    launched = one(nlp, "Houthi rebels launched an attack off the coast of Yemen.", "ASSAULT")
    assert launched.recipients == []  # the sea is no target
    hostage = one(nlp, "Iran freed a US hostage.", "RETREAT")
    assert countries(hostage.recipients) == {"USA"}  # a country's word is the hostage's own
    held = one(nlp, "Moazzam Begg, the former Guantánamo detainee, was arrested by British "
                    "police.", "COERCE")
    assert countries(held.recipients) == {"GBR"}
    fsb = one(nlp, "The security service known as the FSB detained the reporter in Moscow.",
              "COERCE")
    assert [(a.country, a.sector) for a in fsb.actors] == [("RUS", "SPY")]


def test_each_event_places_its_own_parties(nlp: Language) -> None:
    """The same words in two events are two parties: the place of one event never changes
    the parties of another (the soldiers arresting in Lagos are not those in Accra)."""
    record = read(nlp, "Soldiers arrested 12 journalists in Lagos and detained three "
                       "activists in Accra.")
    coerce = [e for e in record.events if e.event_type == "COERCE"]
    assert [countries(e.actors) for e in coerce] == [{"NGA"}, {"GHA"}]
    assert [countries(e.recipients) for e in coerce] == [{"NGA"}, {"GHA"}]


def test_records_are_immutable_after_extraction(nlp: Language) -> None:
    from dataclasses import FrozenInstanceError

    event = one(nlp, "Police arrested two journalists in Lagos on Monday.", "COERCE")
    with pytest.raises(FrozenInstanceError):
        event.actors[0].country = "GHA"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        event.event_type = "ASSAULT"  # type: ignore[misc]
    assert isinstance(event.actors[0].inferred, tuple)


def test_what_of_names_on_an_event_noun(nlp: Language) -> None:
    """"the killing of X": X is done to; "the resignation of X", "the demands of X": X
    does it; an event the main clause only follows is not its subject's act."""
    quit_ = one(nlp, "The resignation of the Peruvian interior minister was announced on "
                "Friday.", "RETREAT")
    assert [a.text for a in quit_.actors] == ["the Peruvian interior minister"]
    assert quit_.recipients == []
    asked = one(nlp, "The government is studying the demands of the Chilean truckers.",
                "REQUEST")
    assert countries(asked.actors) == {"CHL"} and asked.recipients == []
    held = one(nlp, "Bangladeshi students were furious after the arrest of their leader.",
               "COERCE")
    assert held.actors == [] and [a.text for a in held.recipients] == ["their leader"]


def test_a_name_the_parse_cut_up_is_the_knowledge_base_s(nlp: Language) -> None:
    """"Doctors Without Borders" read as a noun and a prepositional phrase is still the
    medical charity, not some doctors."""
    said = one(nlp, "Doctors Without Borders condemned the bombing of a clinic in Yemen.",
               "ACCUSE")
    assert [(a.name, a.country, a.sector) for a in said.actors] == \
        [("Doctors Without Borders", "NGO", "NGO")]


def test_whom_a_possessive_a_compound_and_a_relative_name(nlp: Language) -> None:
    """"his arrest": the one arrested (but "Uganda's killing of X": Uganda kills); "the
    US withdrawal": the US withdraws; "the rebels, whom the army accused": the rebels are
    accused; an event noun is not its own doer ("the arrest drew protests")."""
    held = one(nlp, "The Kenyan activist's arrest on Tuesday drew protests.", "COERCE")
    assert held.actors == [] and countries(held.recipients) == {"KEN"}
    killed = one(nlp, "Uganda's killing of the Kenyan activist drew protests.", "ASSAULT")
    assert countries(killed.actors) == {"UGA"} and countries(killed.recipients) == {"KEN"}
    left = one(nlp, "Officials said the US withdrawal from Kabul had ended.", "RETREAT")
    assert countries(left.actors) == {"USA"}
    blamed = one(nlp, "The rebels, whom the Malian army accused of the massacre, denied it.",
                 "ACCUSE")
    assert [a.text for a in blamed.recipients] == ["The rebels"]


def test_a_named_visitor_is_not_of_the_host_country(nlp: Language) -> None:
    met = one(nlp, "Mohamed Ould Saleck met Kenyan officials in Nairobi on Monday.", "CONSULT")
    assert "KEN" not in countries(met.actors)
    assert "KEN" in countries(met.recipients)


def test_a_force_word_before_an_event_noun_is_its_doer(nlp: Language) -> None:
    """"a rebel assault": the rebels assault; but "a naval blockade" NATO imposes is NATO's."""
    assault = one(nlp, "The town fell after a rebel assault on Sunday.", "ASSAULT")
    assert [a.sector for a in assault.actors] == ["REB"]
    blockade = one(nlp, "NATO tightened the naval blockade of Serbia on Wednesday.", "COERCE")
    assert [a.name for a in blockade.actors] == ["NATO"]


def test_background_is_what_ended_more_than_a_year_before(nlp: Language) -> None:
    """"historical" (the guide): the event's date ended more than a year before the
    article, however many calendar years lie between."""
    old = one(nlp, "Soldiers attacked the village of Kaya in March 2023.", "ASSAULT")
    recent = one(nlp, "Soldiers attacked the village of Kaya in November 2023.", "ASSAULT")
    assert (old.factuality.modality, recent.factuality.modality) == ("historical", "asserted")


def test_a_participle_that_describes_a_party_is_no_event(nlp: Language) -> None:
    """"rebels fighting the government" says who the rebels are; "rebels fought the
    government" is an event."""
    said = read(nlp, "Rebels fighting the government control most of the northern province.")
    assert "ASSAULT" not in {e.event_type for e in said.events}
    one(nlp, "Rebels fought the government in the northern province on Monday.", "ASSAULT")


def test_the_towns_an_article_names_tell_which_country_it_is_about(nlp: Language) -> None:
    text = ("Fighting raged in Raqqa and Idlib on Monday. Turkish officials called for calm. "
            "Hospitals have been repeatedly targeted.")
    hit = [e for e in read(nlp, text).events if e.trigger.text == "targeted"]
    assert hit and countries(hit[0].recipients) == {"SYR"}


def test_a_past_tense_the_parser_hung_on_its_object_is_still_a_deed(nlp: Language) -> None:
    """"A Nairobi court jailed X": the tagger reads a past tense the parser took for a
    modifier of the name after it; the court, of the capital's country, jails."""
    m = one(nlp, "A Nairobi court jailed opposition politician John Kamau for eight years.",
            "COERCE")
    assert [(a.country, a.sector) for a in m.actors] == [("KEN", "JUD")]


def test_what_a_deed_is_done_on_is_neither_its_target_nor_its_place(nlp: Language) -> None:
    """"arrested on suspicion of offences linked to Somalia": the suspicion is no party, and
    Somalia is neither where it happened nor the people's country."""
    m = one(nlp, "Kenyan police arrested four people on suspicion of offences linked to "
            "Somalia.", "COERCE")
    assert m.location is None and countries(m.recipients) == {"KEN"}


def test_what_weapons_hit_is_attacked_and_nothing_else_is(nlp: Language) -> None:
    m = one(nlp, "Two rockets hit the centre of Kharkiv on Monday.", "ASSAULT")
    assert countries(m.recipients) == {"UKR"}
    assert read(nlp, "The Kenyan economy was hit hard by the drought.").events == []


def test_a_verb_that_only_carries_a_deed_gives_it_whom_it_is_against(nlp: Language) -> None:
    """"opened an investigation against X": "open" is a deed only as "open fire"."""
    m = one(nlp, "Kenyan prosecutors opened an investigation against two Ugandan officials.",
            "ACCUSE")
    assert countries(m.actors) == {"KEN"} and countries(m.recipients) == {"UGA"}
