"""What the actor knowledge base says of a name on an article's date."""

from __future__ import annotations

from dataclasses import dataclass

from wirewatch.dictionaries import Coded, Entry, lookup
from wirewatch.gazetteer import country_of, name_key

# intergovernmental and non-governmental bodies take the sector of their kind
BODIES = {"IGO": "IGO", "UNO": "IGO", "EUR": "IGO", "NGO": "NGO"}
ARMED = frozenset({"MIL", "COP", "JUD"})


def body_sector(country: str | None, sector: str | None) -> str | None:
    """"UNICEF", "the EU", "Oxfam": a body takes its kind's sector, unless armed or a court."""
    return BODIES[country] if country in BODIES and sector not in ARMED else sector


@dataclass(frozen=True, slots=True)
class Known:
    id: str
    name: str
    country: str
    sector: str | None

    @classmethod
    def of(cls, entry: Entry, coded: Coded, country: str) -> Known:
        """A knowledge-base entry with the code that holds for the article."""
        return cls(entry.id.strip("_"), entry.label, country, coded.sector)


def named(form: str, published: str | None) -> Known | None:
    """The knowledge base's entry for a name, with the code that held on the publication
    date (a country, its people and capitals are the gazetteer's)."""
    if form.islower():  # "the guardian of the child" is no newspaper
        return None
    entry = lookup(name_key(form)) if country_of(form) is None else None
    coded = entry.at(published) if entry is not None else None
    if entry is None or coded is None or not coded.country:
        return None
    return Known.of(entry, coded, coded.country)
