"""Places: every mention of a place in an article body, geocoded offline."""

from __future__ import annotations

from wirewatch.events.tree import Parse
from wirewatch.gazetteer import place_of
from wirewatch.records import Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def find_places(p: Parse) -> dict[int, Place]:
    """Token index of each place entity's last token → the place it names."""
    out: dict[int, Place] = {}
    for ent in p.ann.entities:
        if ent.label not in PLACE_LABELS:
            continue
        hit = place_of(ent.text)
        if hit is None:
            continue
        text = ent.text
        start = ent.start_char
        if text.lower().startswith("the "):
            text, start = text[4:], start + 4
        out[ent.end - 1] = Place(
            text=text, name=hit.name, country=hit.country, admin1=hit.admin1,
            lat=None if hit.lat is None else round(hit.lat, 4),
            lon=None if hit.lon is None else round(hit.lon, 4),
            geonameid=hit.geonameid, precision=hit.precision, start=start, end=ent.end_char,
        )
    return out
