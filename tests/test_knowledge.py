"""Knowledge files load, and every code in them is a real code."""

from __future__ import annotations

import re
from datetime import date

import pycountry
import pytest

from wirewatch.dates import plausible_published, resolve
from wirewatch.dictionaries import lookup
from wirewatch.errors import WirewatchError
from wirewatch.events.conditions import known, validate
from wirewatch.events.lexicon import (
    Trigger,
    sectors,
    source_kinds,
    speech_verbs,
    triggers,
    weapons,
)
from wirewatch.events.triggers import checked_triggers
from wirewatch.gazetteer import NON_STATE, country_of, distance_km, place_of, places_named
from wirewatch.knowledge import read_table

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
SECTORS = set("COP GOV JUD LEG MIL PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED IGO NGO "
              "REF OPP REL SOC".split())
FRAMES = {"act", "give", "receive", "recip", "ask", "deploy", "leave"}


def test_triggers_cover_all_sixteen_types() -> None:
    types = {t.event_type for senses in triggers().values() for t in senses}
    assert types - {"NONE"} == PLOVER
    for senses in triggers().values():
        for t in senses:
            assert t.frame in FRAMES
    validate(t for group in triggers().values() for t in group)  # every condition checked
    assert checked_triggers() is triggers()


def test_an_unknown_condition_fails_loudly() -> None:
    sense = Trigger("send", None, None, False, "AID", None, (), "give",
                    frozenset({"obj=materiel", "subj=sate"}))
    with pytest.raises(WirewatchError, match="subj=sate"):
        validate([sense])
    assert known() >= {"obj=materiel", "subj=state", "via=light", "obj=event"}


def test_codes_are_real() -> None:
    assert set(sectors().values()) <= SECTORS
    for row in read_table("demonyms.tsv") + read_table("country_aliases.tsv"):
        code = row[1]
        assert code in NON_STATE or code == "XKX" or pycountry.countries.get(alpha_3=code), row
    assert {w.kind for w in weapons().values()} <= {"weapon", "vehicle", "materiel", "money",
                                                    "goods"}
    assert set(source_kinds().values()) <= {"outlet", "person", "organization", "official",
                                            "document", "social-media"}
    assert set(speech_verbs().values()) <= {"speech", "report", "document", "social-media"}


def test_chrome_patterns_compile() -> None:
    for row in read_table("chrome_patterns.tsv"):
        re.compile(row[0])
        assert row[1] in ("end", "skip")


@pytest.mark.parametrize(("text", "code"), [
    ("Kenya", "KEN"), ("Kenyan", "KEN"), ("Ukrainians", "UKR"), ("the United States", "USA"),
    ("Beijing", "CHN"), ("Nairobi", "KEN"), ("Moscow", "RUS"), ("NATO", "IGO"),
])
def test_countries(text: str, code: str) -> None:
    found = country_of(text)
    assert found is not None and found.code == code


@pytest.mark.parametrize("seat", ["the Kremlin", "the White House", "the Pentagon",
                                  "Downing Street", "the Élysée"])
def test_seats_of_government_are_bodies_not_countries(seat: str) -> None:
    """"The Kremlin said" is the Russian presidency's word, named as such, not Russia's."""
    assert country_of(seat) is None
    body = lookup(seat)
    assert body is not None and body.at(None) is not None


def test_places() -> None:
    lagos = place_of("Lagos")
    assert lagos is not None and lagos.country == "NGA" and lagos.precision == "city"
    kenya = place_of("Kenya")
    assert kenya is not None and kenya.precision == "country" and kenya.geonameid == 192950
    assert place_of("Atlantis Prime") is None
    africa = place_of("Africa")
    assert africa is not None and africa.precision == "continent" and africa.country is None
    # a country's point lies on its mainland: the US point is in the contiguous states
    us = place_of("United States")
    assert us is not None and us.lat is not None and us.lon is not None
    assert 30 < us.lat < 45 and -110 < us.lon < -85
    # a place's own name beats another place's alternate name
    santa_ana = place_of("Santa Ana")
    assert santa_ana is not None and santa_ana.name == "Santa Ana"


def test_a_sea_or_a_region_of_several_countries_is_no_place_of_one() -> None:
    assert place_of("the Gulf") is None  # not Gulf Province, Papua New Guinea
    assert place_of("Red Sea") is None and place_of("the Sahel") is None
    governorate = places_named("Red Sea", kind_said=True)  # "Red Sea Governorate"
    assert governorate and governorate[0].country == "EGY"


def test_regions_and_shared_names() -> None:
    tasmania = place_of("Tasmania")  # a first-level region of a country other than the US
    assert tasmania is not None and (tasmania.country, tasmania.precision) == ("AUS", "admin1")
    assert tasmania.lat is not None and -44 < tasmania.lat < -40
    # a shared name is the most populous place, or the one in a country the text names
    cordoba = place_of("Córdoba")
    assert cordoba is not None and cordoba.country == "ARG"
    cordoba = place_of("Córdoba", near={"ESP"})
    assert cordoba is not None and cordoba.country == "ESP"
    # a country named as such stays the country whatever the text is about
    georgia = place_of("Georgia", near={"USA"})
    assert georgia is not None and georgia.precision == "country"
    # a region named after its large city is the city; a small town does not take a region
    khartoum, ohio = place_of("Khartoum"), place_of("Ohio")
    assert khartoum is not None and khartoum.precision == "city"
    assert ohio is not None and ohio.precision == "admin1"
    city, state = places_named("New York")[:2]  # the city's other name; then the state,
    assert (city.name, state.precision) == ("New York City", "admin1")  # not at the city
    assert distance_km(city.lat or 0, city.lon or 0, state.lat or 0, state.lon or 0) > 100
    assert places_named("Sanliurfa")[0].name == "Şanlıurfa"  # without its diacritics
    # a region known by a name no division bears is made of the divisions it spans
    darfur, crimea = place_of("Darfur"), place_of("Crimea")
    assert darfur is not None and (darfur.country, darfur.precision) == ("SDN", "admin1")
    assert darfur.lat is not None and 11 < darfur.lat < 16
    assert crimea is not None and crimea.country == "UKR"
    gaza = place_of("Gaza")  # the region news means by the name, before Mozambique's
    assert gaza is not None and gaza.country == "PSE"
    # an archipelago's point is the published one, not the centroid of its largest island
    indonesia = place_of("Indonesia")
    assert indonesia is not None and indonesia.lat is not None and indonesia.lon is not None
    assert -7 < indonesia.lat < -3 and 118 < indonesia.lon < 122


@pytest.mark.parametrize(("phrase", "published", "value"), [
    ("March 26", None, "XXXX-03-26"),
    ("March 26", "2022-04-12", "2022-03-26"),
    ("December 30", "2022-01-05", "2021-12-30"),
    ("20 September", "2018-09-04", "2018-09-20"),  # a day weeks ahead: a schedule
    ("20 November", "2018-09-04", "2017-11-20"),  # months ahead: last year's
    ("September", "2018-08-04", "2017-09"),  # a month alone is no schedule
    ("April 11th", None, "XXXX-04-11"),
    ("March 2003", None, "2003-03"),
    ("2019", None, "2019"),
    ("Monday", "2025-03-04", "2025-03-03"),
    ("yesterday", "2025-03-04", "2025-03-03"),
    ("over the weekend", "2024-04-15", "2024-04-13"),
    ("Monday", None, None),
])
def test_date_phrases(phrase: str, published: str | None, value: str | None) -> None:
    assert resolve(phrase, published) == value


def test_a_publication_date_no_article_can_have_is_dropped() -> None:
    today = date(2026, 12, 2)
    assert plausible_published("2026-12-01", today) == "2026-12-01"
    assert plausible_published("2026-12-03T23:00:00", today) == "2026-12-03T23:00:00"  # a zone
    assert plausible_published("9999-12-01", today) is None  # feedparser's "99999-01-01"
    assert plausible_published("2018-13-45", today) is None
    assert plausible_published("2018", today) == "2018" and plausible_published(None) is None
