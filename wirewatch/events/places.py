"""Places: every mention of a place in an article body, geocoded offline."""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Collection, Iterable

from wirewatch.events.coreference import PERSON_WORDS
from wirewatch.events.known import named
from wirewatch.events.lexicon import place_words, sectors
from wirewatch.events.tree import Parse
from wirewatch.gazetteer import (
    COMPASS,
    Gazetteer,
    contenders,
    country_of,
    distance_km,
    in_context,
    is_demonym,
    local_places,
    place_of,
    places_named,
)
from wirewatch.records import Entity, Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAMED_AFTER = frozenset({"ORG", "FAC", "NORP"})  # "the U.S. Army", "the Kenya Red Cross"
REGIONS = frozenset({"country", "admin1"})
ARMED_GROUPS = frozenset({"REB", "UAF"})  # a name of one is a group's, not a province's
MISREAD = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", ""})  # labels the tagger gives places
BESIDE_KM = 400.0  # a place this close to a region or city the text names is beside it
LOCATIVE = frozenset({"in", "at", "near", "outside", "around", "across", "throughout", "into"})
DIRECTIONAL = frozenset({"from", "to"})  # also said of people: not before a PERSON
CALENDAR = frozenset(name.lower() for name in (*calendar.month_name, *calendar.month_abbr,
                                               *calendar.day_name, *calendar.day_abbr) if name)


def find_places(p: Parse) -> dict[int, Place]:
    """Token index of each place mention's last token → the place it names.

    A name several places share is read, in this order, as the kind of place the words
    beside it name ("Washington state", "the city of Córdoba"); as one in the country of
    the places it is listed or paired with ("Atlanta, Georgia"; "Texas and Georgia"); as
    one in a country the text names; else as the most populous. A country's name stays
    the country unless a list or pair makes it a region."""
    first = _find(p, {})
    return _find(p, first)


def _find(p: Parse, first: dict[int, Place]) -> dict[int, Place]:
    named = Counter(place.country for place in first.values()
                    if place.country and place.precision in REGIONS)
    named.update(match.code for ent in p.ann.entities if ent.label == "NORP"
                 for match in [country_of(ent.text)] if match is not None)  # "Kenyan"
    near = set(named)  # the countries the text names; the ones it names most, it is about
    read = {place.text.lower() for place in first.values()}
    out: dict[int, Place] = {}
    for ent in [*p.ann.entities, *_unlabelled(p)]:
        if not any(p.tokens[j].text[:1].isupper() for j in range(_first_word(p, ent), ent.end)):
            continue  # "the canton", "south-east": no name without a capital
        if ent.label in PLACE_LABELS or (ent.label in MISREAD and not is_demonym(ent.text) and (
                _said_to_be_place(p, ent, first) or _known(ent, read, near))) or (
                ent.label == "DATE" and _timeless(p, ent) and _said_to_be_place(p, ent, first)):
            hit = _choose(p, ent, _candidates(p, ent, near, first), _about(named, first.get(
                ent.end - 1)), first)
            found = _place(p, ent.start, ent.end, hit)
            if found is not None:
                out[ent.end - 1] = found
        elif ent.label in NAMED_AFTER:
            out.update(_named_in(p, ent, near))
    return out


def _about(named: Counter[str], own: Place | None) -> set[str]:
    """The countries a text names most, a place's own first reading left out (a "Gaza" first
    read as Mozambique's province does not make the text about Mozambique)."""
    others = named.copy()
    if own is not None and own.country and own.precision in REGIONS:
        others[own.country] -= 1
    most = max(others.values(), default=0)
    return {c for c, n in others.items() if n == most and n > 0}


def _timeless(p: Parse, ent: Entity) -> bool:
    """A name the tagger took for a date that holds no number, month or day ("near Manbij",
    not "in March")."""
    return all(p.tokens[j].pos == "PROPN" and p.tokens[j].lower_text not in CALENDAR
               for j in range(ent.start, ent.end))


def _unlabelled(p: Parse) -> list[Entity]:
    """Runs of proper nouns the tagger left without a label."""
    out: list[Entity] = []
    i = 0
    while i < len(p.tokens):
        j = i
        while j < len(p.tokens) and p.tokens[j].pos == "PROPN" and p.ent_at[j] is None:
            j += 1
        if j > i and not _joined(p, i) and not _title(p, i, j):
            first, last = p.tokens[i], p.tokens[j - 1]
            out.append(Entity("", i, j, first.idx, last.idx + len(last.text), p.text(range(i, j))))
        i = j + 1
    return out


def _title(p: Parse, i: int, j: int) -> bool:
    """Whether the words i..j are a title before a person's name ("Secretary Pompeo")."""
    word = p.tokens[i].lower_text
    after = p.ent_at[j] if j < len(p.tokens) else None
    return j == i + 1 and after is not None and after.label == "PERSON" and (
        word in PERSON_WORDS or word in sectors())


def _joined(p: Parse, i: int) -> bool:
    """Whether token i is bound to the word before it: "Ebola-Reston", "$US"."""
    before = p.tokens[i - 1] if i else None
    return before is not None and not before.ws and (before.text == "-" or before.tag == "$")


def _known(ent: Entity, read: Collection[str], near: Collection[str]) -> bool:
    """A name the text reads as a place elsewhere, the name of a country or continent, or
    the code of a region in a country the text names ("QLD")."""
    if ent.label == "NORP":
        return False
    found = places_named(ent.text)
    return ent.text.lower() in read or (
        bool(found) and found[0].precision in ("country", "continent")) or any(
        g.precision == "admin1" for g in local_places(ent.text, near))


def _named_in(p: Parse, ent: Entity, near: Collection[str]) -> dict[int, Place]:
    """The countries, and regions of the text's countries, an organisation's name holds:
    "the United States Food and Drug Administration", "the Kenya Red Cross"."""
    out: dict[int, Place] = {}
    i = ent.start
    while i < ent.end:
        for n in (3, 2, 1):
            words = range(i, min(i + n, ent.end))
            if len(words) < n or any(p.tokens[j].pos != "PROPN" for j in words) or \
                    _hyphenated(p, words):
                continue
            name = p.text(words)
            hit = None if is_demonym(name) else place_of(name)
            if hit is not None and (hit.precision == "country" or (
                    hit.precision == "admin1" and hit.country in near)):
                found = _place(p, i, i + n, hit)
                if found is not None:
                    out[i + n - 1] = found
                    i += n - 1
                    break
        i += 1
    return out


def _hyphenated(p: Parse, words: range) -> bool:
    """Whether words are joined by a hyphen to the word before or after ("France-Presse")."""
    before, after = words.start - 1, words.stop
    return (before >= 1 and p.tokens[before].text == "-" and not p.tokens[before - 1].ws) or (
        after + 1 < len(p.tokens) and p.tokens[after].text == "-" and not p.tokens[after - 1].ws)


def _said_to_be_place(p: Parse, ent: Entity, first: dict[int, Place]) -> bool:
    """A place the tagger took for an organisation or a person, read as a place where the
    words around it say so."""
    start = _first_word(p, ent)
    before = p.tokens[start - 1] if start else None
    two_before = p.tokens[start - 2].lower_text if start >= 2 else ""
    after = p.tokens[ent.end] if ent.end < len(p.tokens) else None
    if before is not None and (
            before.lower_text in LOCATIVE  # "in Kisumu"
            or (before.lower_text in DIRECTIONAL and ent.label != "PERSON"
                and two_before != "according")  # "from Kisumu"
            or p.lemma(before.i) in place_words()  # "the province Gauteng"
            or (before.lower_text == "of" and start >= 2 and (  # "the town of", "east of"
                p.lemma(start - 2) in place_words() or two_before in COMPASS))):
        return True
    if after is not None and after.text.islower() and p.lemma(after.i) in place_words() and \
            ent.label != "NORP":
        return True  # "the Dadaab camps", but "Arab states" are a people's
    starts = {place.start for place in first.values() if place.precision in REGIONS}
    if after is not None and after.text == "," and ent.end + 1 < len(p.tokens) and \
            p.tokens[ent.end + 1].idx in starts:
        return True  # "Krasnodar, Russia"
    countries = {first[j].country for j in _coordinated(p, ent.end - 1)
                 if j in first and j != ent.end - 1}  # listed with places of its country
    return any(g.country in countries for g in places_named(ent.text))


def _candidates(p: Parse, ent: Entity, near: Collection[str],
                first: dict[int, Place]) -> tuple[Gazetteer, ...]:
    """The places a name may refer to; a code in capitals ("VIC") is first the region it
    abbreviates in a country the text names. A sea or a region is no village: a name the
    tagger reads as one (LOC) is looked up among villages only where the words around it
    say it is a place ("at Eastern Creek", not "the Middle East")."""
    local = local_places(ent.text, near)
    codes = tuple(g for g in local if g.precision == "admin1")
    villages = local if ent.label != "LOC" or _said_to_be_place(p, ent, first) else ()
    return codes or _named(p, ent, near) or villages


def _named(p: Parse, ent: Entity, near: Collection[str]) -> tuple[Gazetteer, ...]:
    """The places an entity's name may refer to. A name ending in the kind of place it is
    ("Helmand Province") may refer to places of that kind by its first words; a part of a
    place named by its direction ("eastern Congo", "South Lebanon", "East Aleppo") to that
    place, a part of a region only in a country the text names (the West Midlands of
    England are no part of Zimbabwe's Midlands)."""
    found = places_named(ent.text)
    if found or ent.end - ent.start < 2:
        return found
    first, last = _first_word(p, ent), ent.end - 1
    kind = place_words().get(p.tokens[last].lower_text, "")
    if kind != "":
        known = named(ent.text, p.ann.article.published)
        if known is not None and known.sector in ARMED_GROUPS:
            return ()  # "Sinai Province" claimed the attack: the armed group, no province
        found = places_named(p.text(range(first, last)), kind_said=True)
        return tuple(g for g in found if g.precision == kind) or found
    if p.tokens[first].lower_text in COMPASS and first < last:
        return tuple(g for g in places_named(p.text(range(first + 1, ent.end)))
                     if g.precision != "admin1" or g.country in near)
    return ()


def _choose(p: Parse, ent: Entity, found: tuple[Gazetteer, ...], near: Collection[str],
            first: dict[int, Place]) -> Gazetteer | None:
    if not found:
        return None
    kind = _kind(p, ent)
    if kind is not None:
        found = tuple(g for g in found if g.precision == kind) or found
    last = ent.end - 1
    peers = {(first[j].country, first[j].precision) for j in _coordinated(p, last)
             if j in first and j != last and first[j].precision in ("country", "admin1", "city")}
    pool: Collection[Gazetteer] = found
    if p.tokens[last].dep == "appos":  # "Atlanta, Georgia": the region a place is in
        peers = {(country, "admin1") for country, _ in peers}
    elif not p.children(last, "appos") and found[0].precision not in ("continent", "country"):
        pool = contenders(found)  # "London and Washington": no English town
    alike = next((g for g in pool if (g.country, g.precision) in peers), None)
    if found[0].precision in ("continent", "country"):  # a list of countries keeps them
        return alike if alike is not None and alike.precision == "admin1" and \
            (alike.country, "country") not in peers else found[0]
    return alike or next((g for g in pool if g.country in {c for c, _ in peers}), None) or next(
        (g for g in contenders(found) if _beside(g, first.values())), None) or in_context(
        found, near)


def _beside(g: Gazetteer, read: Iterable[Place]) -> bool:
    """Whether a place lies near a region or city the text names."""
    return g.lat is not None and g.lon is not None and any(
        place.lat is not None and place.lon is not None and place.name != g.name
        and place.precision in ("admin1", "city") and place.country == g.country
        and distance_km(g.lat, g.lon, place.lat, place.lon) <= BESIDE_KM for place in read)


def _kind(p: Parse, ent: Entity) -> str | None:
    """The kind of place the word after a name ("Washington state") or before it ("the
    state of Washington") says it is."""
    start = _first_word(p, ent)
    if ent.end < len(p.tokens) and p.tokens[ent.end].text.islower():
        after = place_words().get(p.lemma(ent.end))
        if after is not None:
            return after
    if start >= 2 and p.tokens[start - 1].lower_text == "of":
        return place_words().get(p.lemma(start - 2))
    return None


def _coordinated(p: Parse, i: int) -> list[int]:
    """The tokens listed or paired with i: "Atlanta, Georgia", "Texas and Georgia"."""
    while p.tokens[i].dep in ("conj", "appos") and p.tokens[i].head != i:
        i = p.tokens[i].head
    return p.conjuncts(i)


def _first_word(p: Parse, ent: Entity) -> int:
    """An entity's first token after a leading "the"."""
    return ent.start + (p.tokens[ent.start].lower_text == "the")


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
