"""Places: every mention of a place in an article body, geocoded offline."""

from __future__ import annotations

from collections.abc import Collection

from wirewatch.events.lexicon import place_words
from wirewatch.events.tree import Parse
from wirewatch.gazetteer import Gazetteer, place_of
from wirewatch.records import Entity, Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAMED_AFTER = frozenset({"ORG", "FAC", "NORP"})  # "the U.S. Army", "the Kenya Red Cross"
REGIONS = frozenset({"country", "admin1"})
MISREAD = frozenset({"ORG", "PERSON", "NORP", "PRODUCT"})  # labels the tagger gives places
LOCATIVE = frozenset({"in", "at", "near", "outside", "around", "across", "throughout", "into"})


def find_places(p: Parse) -> dict[int, Place]:
    """Token index of each place mention's last token → the place it names.

    A name several places share is read as the one in a country the text names
    ("Santa Ana" in a story about California), else as the most populous."""
    first = _find(p, ())
    return _find(p, {place.country for place in first.values()
                     if place.country and place.precision in REGIONS})


def _find(p: Parse, near: Collection[str]) -> dict[int, Place]:
    out: dict[int, Place] = {}
    for ent in p.ann.entities:
        if ent.label in PLACE_LABELS:
            found = _place(p, ent.start, ent.end, place_of(ent.text, near))
            if found is not None:
                out[ent.end - 1] = found
            continue
        misread = _misread(p, ent, near) if ent.label in MISREAD else None
        if misread is not None:
            out[ent.end - 1] = misread
        elif ent.label in NAMED_AFTER:
            for i in range(ent.start, ent.end):  # a country or state an organisation names
                hit = place_of(p.tokens[i].text) if p.tokens[i].pos == "PROPN" else None
                if hit is not None and hit.precision in REGIONS:
                    found = _place(p, i, i + 1, hit)
                    if found is not None:
                        out[i] = found
    return out


def _misread(p: Parse, ent: Entity, near: Collection[str]) -> Place | None:
    """A place the tagger took for an organisation or a person, read as a place where the
    words before it say so: "in Kisumu", "the town of Kisumu"."""
    start = ent.start + (p.tokens[ent.start].lower_text == "the")
    if start < 2:
        return None
    before = p.tokens[start - 1].lower_text
    if before not in LOCATIVE and not (before == "of" and p.lemma(start - 2) in place_words()):
        return None
    return _place(p, ent.start, ent.end, place_of(ent.text, near))


def _place(p: Parse, start: int, end: int, hit: Gazetteer | None) -> Place | None:
    if hit is None:
        return None
    first, last = p.tokens[start], p.tokens[end - 1]
    char = first.idx + (4 if first.lower_text == "the" else 0)
    text = p.body[char:last.idx + len(last.text)].rstrip("'’")
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    return Place(
        text=text, name=hit.name, country=hit.country, admin1=hit.admin1,
        lat=None if hit.lat is None else round(hit.lat, 4),
        lon=None if hit.lon is None else round(hit.lon, 4),
        geonameid=hit.geonameid, precision=hit.precision, start=char, end=char + len(text),
    )
