"""Actor dictionaries in the TABARI / PETRARCH format and the shipped knowledge base."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from wirewatch import dictionaries
from wirewatch.pipeline import run
from wirewatch.records import ArticleRecord, Document

FIXTURE = Path(__file__).parent / "fixtures" / "people.actors.txt"


def test_entries_aliases_and_dated_codes() -> None:
    index = dictionaries.parse(FIXTURE.read_text())
    kwambe = index[dictionaries.key("Kwambe")]
    assert kwambe is index[dictionaries.key("President Oda Kwambe")]
    assert kwambe.at("2005-06-01") == dictionaries.Coded("TZA", None, "19900101", "20101231")
    assert (kwambe.at("2015-06-01") or kwambe.codes[0]).sector == "GOV"
    assert (kwambe.at(None) or kwambe.codes[0]).start == "20110101"  # the latest code
    lions = index[dictionaries.key("Delta Lions")]
    assert (lions.at(None) or lions.codes[0]).country == "NGA"
    vellandi = index[dictionaries.key("Nora Vellandi")]
    assert (vellandi.at(None) or vellandi.codes[0]).country == "UNO"  # not the bare sector


def test_a_line_holds_one_name_and_codes_in_cameos_letters() -> None:
    index = dictionaries.parse(
        "ORVANA_PRESS_\t[MNCMED]\tNewspapers/Magazines\t$137,000,000\n"
        "KELDA_CLINIC_ [NGOHLH]\n"
        "TOMAS_VERRIN_\n"
        "    [ESTGOV > 140608]\n"
        "    [---]\n")
    press = index[dictionaries.key("Orvana Press")]  # the trade and turnover are no name
    assert press.codes == (dictionaries.Coded("MNC", "JRN", "", ""),)  # CAMEO's MED: media
    clinic = index[dictionaries.key("Kelda Clinic")]
    assert clinic.codes == (dictionaries.Coded("NGO", "MED", "", ""),)  # CAMEO's HLH: health
    verrin = index[dictionaries.key("Tomas Verrin")]
    assert verrin.codes == (dictionaries.Coded("EST", "GOV", "20140608", ""),)
    assert len(index) == 3


def test_resolver_uses_configured_dictionaries(nlp: Language,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    text = "President Oda Kwambe accused the Delta Lions of attacking a convoy."
    doc = Document("d", "article", text, published="2016-02-01")

    def accuse() -> tuple[set[str | None], set[str | None]]:
        (record,) = run([doc], nlp)
        assert isinstance(record, ArticleRecord)
        event = next(e for e in record.events if e.event_type == "ACCUSE")
        return {a.country for a in event.actors}, {a.country for a in event.recipients}

    monkeypatch.delenv(dictionaries.ENV_VAR, raising=False)
    assert accuse() == ({None}, {None})
    monkeypatch.setenv(dictionaries.ENV_VAR, str(FIXTURE.parent))
    assert accuse() == ({"TZA"}, {"NGA"})


def test_shipped_knowledge_base_knows_leaders_under_every_name() -> None:
    trump, full, owned = (dictionaries.lookup(n) for n in ("Trump", "Donald Trump",
                                                           "Donald Trump’s"))
    assert trump is not None and trump == full == owned
    assert trump.label == "Donald Trump"
    erdogan = dictionaries.lookup("Erdoğan")
    assert erdogan is not None and erdogan == dictionaries.lookup("ERDOGAN")
    held = erdogan.at("2018-06-01")
    assert held is not None and held.country == "TUR"
    assert dictionaries.lookup("Frank") is None  # a first name alone is nobody


def test_shipped_knowledge_base_knows_ministers_since_2021() -> None:
    blinken = dictionaries.lookup("Antony Blinken")
    assert blinken is not None and blinken.label == "Antony Blinken"
    held = blinken.at("2021-03-01")  # Wikidata's start of the term, before the first list
    assert held is not None and (held.country, held.sector) == ("USA", "GOV")
    assert dictionaries.lookup("Blinken") is None  # no surname alone for a minister
    haines = dictionaries.lookup("Avril Haines")  # an intelligence post, not a ministry
    assert haines is not None and (haines.at(None) or haines.codes[0]).sector == "SPY"


def test_shipped_knowledge_base_knows_ministers_between_2014_and_2021() -> None:
    tillerson = dictionaries.lookup("Rex Tillerson")  # from the holders of the posts
    assert tillerson is not None and tillerson.label == "Rex Tillerson"
    held = tillerson.at("2017-06-01")
    assert held is not None and (held.country, held.sector) == ("USA", "GOV")
    assert (held.start, held.end) == ("20170201", "20180331")  # Wikidata's dates of the term
    assert dictionaries.lookup("Tillerson") is None  # no surname alone for a minister ...
    lavrov = dictionaries.lookup("Sergey Lavrov")
    assert lavrov is not None and (lavrov.at("2016-01-01") or lavrov.codes[0]).country == "RUS"
    speaker = dictionaries.lookup("Nancy Pelosi")  # the chair of a legislature is LEG
    assert speaker is not None and (speaker.at("2020-01-01") or speaker.codes[0]).sector == "LEG"


def test_transliterations_that_differ_in_their_endings_are_one_name() -> None:
    zelensky = dictionaries.lookup("Zelensky")
    assert zelensky is not None and zelensky == dictionaries.lookup("Zelenskyy")
    assert dictionaries.lookup("Sergei Lavrov") == dictionaries.lookup("Sergey Lavrov")
    assert dictionaries.key("Wei") == "WEI" and dictionaries.key("Yi") == "YI"  # too short


def test_a_person_is_known_by_the_other_forms_of_a_given_name() -> None:
    mattis = dictionaries.lookup("Jim Mattis")
    assert mattis is not None and mattis == dictionaries.lookup("James Mattis")
    pompeo = dictionaries.lookup("Michael Pompeo")
    assert pompeo is not None and pompeo.label == "Mike Pompeo"
    assert dictionaries.lookup("Jim") is None  # a given name alone is nobody


def test_a_minister_is_known_by_surname_only_while_in_office() -> None:
    """... except while in office: the surname no other entity has names the member of
    the government who held a post on the article's date."""
    held = dictionaries.in_office("Tillerson", "2017-06-01")
    assert held is not None and held[0].label == "Rex Tillerson"
    assert (held[1].country, held[1].sector) == ("USA", "GOV")
    assert dictionaries.in_office("Tillerson", "2019-06-01") is None  # out of office
    assert dictionaries.in_office("Tillerson", None) is None  # no date, no term
    assert dictionaries.in_office("Johnson", "2017-06-01") is None  # many Johnsons


def test_a_surname_in_office_gives_the_country(nlp: Language) -> None:
    def actor_countries(published: str) -> set[str | None]:
        text = "Tillerson accused Iran of destabilising the region."
        (record,) = run([Document("d", "article", text, published=published)], nlp)
        assert isinstance(record, ArticleRecord)
        return {a.country for e in record.events if e.event_type == "ACCUSE"
                for a in e.actors}

    assert actor_countries("2017-10-01") == {"USA"}
    assert actor_countries("2021-10-01") == {None}  # a private Tillerson by then


def test_aliases_resolve_to_one_actor(nlp: Language) -> None:
    text = ("Donald Trump met Vladimir Putin in Helsinki on Monday. "
            "Trump later accused Putin of meddling.")
    (record,) = run([Document("d", "article", text, published="2018-07-16")], nlp)
    assert isinstance(record, ArticleRecord)
    parties = [a for e in record.events for a in (*e.actors, *e.recipients)]
    by_text = {a.text: a for a in parties}
    assert by_text["Trump"].id == by_text["Donald Trump"].id is not None
    assert by_text["Trump"].name == by_text["Donald Trump"].name == "Donald Trump"
    assert by_text["Putin"].country == "RUS"


def test_organisations_are_known_by_their_names_and_aliases() -> None:
    def code(name: str) -> tuple[str | None, str | None]:
        entry = dictionaries.lookup(name)
        assert entry is not None, name
        coded = entry.at("2020-01-01")
        assert coded is not None
        return coded.country, coded.sector

    assert code("Bundeswehr") == ("DEU", "MIL")
    assert code("the RCMP") == code("Royal Canadian Mounted Police") == ("CAN", "COP")
    assert code("Hashd al-Shaabi") == code("Popular Mobilization Forces") == ("IRQ", "UAF")
    assert code("Ansar Allah")[0] == "YEM"  # the table's, over the dictionaries' Lebanon
    assert code("Taliban") == ("AFG", "REB")  # the dictionaries' own code of that country


def test_a_group_named_before_its_members_is_theirs(nlp: Language) -> None:
    def actor(text: str) -> set[tuple[str | None, str | None]]:
        (record,) = run([Document("d", "article", text, published="2017-06-01")], nlp)
        assert isinstance(record, ArticleRecord)
        return {(a.country, a.sector) for e in record.events for a in e.actors}

    assert actor("Hashd al-Shaabi fighters attacked the town.") == {("IRQ", "UAF")}
    assert actor("Islamic State militants attacked the town.") == {("ISM", "REB")}


def test_a_title_alone_is_who_held_the_post_then(nlp: Language) -> None:
    assert dictionaries.post_of("Iran's foreign minister") == "foreign minister"
    assert dictionaries.post_of("the US secretary of state") == "foreign minister"
    assert dictionaries.post_of("Deputy Prime Minister") is None
    assert dictionaries.post_of("the vice-president") is None
    may = dictionaries.holder("prime minister", "GBR", "2019-03-01")
    johnson = dictionaries.holder("prime minister", "GBR", "2019-09-01")
    assert may is not None and may[0].label == "Theresa May"
    assert johnson is not None and johnson[0].label == "Boris Johnson"
    assert dictionaries.holder("president", "USA", None) is None  # no date, nobody

    def actors(text: str, published: str) -> set[tuple[str | None, str | None]]:
        (record,) = run([Document("d", "article", text, published=published)], nlp)
        assert isinstance(record, ArticleRecord)
        return {(a.name, a.country) for e in record.events for a in e.actors}

    text = "The Turkish president accused Washington of backing terrorists."
    assert actors(text, "2018-06-01") == {("Recep Tayyip Erdoğan", "TUR")}
    text = "The Turkish vice president accused Washington of backing terrorists."
    assert actors(text, "2018-06-01") == {(None, "TUR")}


def test_a_country_is_the_gazetteers_not_the_knowledge_bases(nlp: Language) -> None:
    text = "Iranian-backed militias in Iraq attacked a convoy near Basra."
    (record,) = run([Document("d", "article", text)], nlp)
    assert isinstance(record, ArticleRecord)
    countries = {a.country for e in record.events for a in e.actors}
    assert countries == {"IRQ"}


def test_a_body_of_many_countries_is_none_of_them(nlp: Language) -> None:
    text = "The Organization of American States condemned the arrest of the candidates."
    (record,) = run([Document("d", "article", text, published="2021-06-10")], nlp)
    assert isinstance(record, ArticleRecord)
    assert {(a.country, a.sector) for e in record.events for a in e.actors} == {("IGO", "IGO")}


def test_shipped_knowledge_base_is_what_its_sources_give(shared: Path) -> None:
    script = Path(__file__).resolve().parent.parent / "scripts" / "build_actors.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_shipped_knowledge_base_knows_the_people_of_our_own_table() -> None:
    """Names the press uses ("Jokowi"), people the other sources miss (a militia's
    leader), roles that change (a junta leader: army, then government); a surname alone
    only while a role holds."""
    jokowi = dictionaries.lookup("Jokowi")
    assert jokowi is not None and jokowi == dictionaries.lookup("Joko Widodo")
    held = jokowi.at("2019-05-01")
    assert held is not None and (held.country, held.sector) == ("IDN", "GOV")
    hemedti = dictionaries.lookup("Hemedti")
    assert hemedti is not None and (hemedti.at("2023-06-01") or hemedti.codes[0]).country == "SDN"
    goita = dictionaries.lookup("Assimi Goïta")
    assert goita is not None
    before, after = goita.at("2019-06-01"), goita.at("2023-06-01")
    assert before is not None and after is not None
    assert (before.sector, after.sector) == ("MIL", "GOV")
    assert dictionaries.lookup("Navalny") is None
    assert dictionaries.in_office("Navalny", "2021-02-01") is not None


def test_a_middle_initial_does_not_make_another_person() -> None:
    """Wikidata's "John R. Bolton" is the dictionaries' "John Bolton": one entity, whose
    surname alone names him while he is national security adviser."""
    bolton = dictionaries.lookup("John Bolton")
    assert bolton is not None and bolton == dictionaries.lookup("John R. Bolton")
    held = dictionaries.in_office("Bolton", "2019-01-08")
    assert held is not None and held[0] == bolton and held[1].country == "USA"
    assert dictionaries.in_office("Bolton", "2012-01-01") is None
