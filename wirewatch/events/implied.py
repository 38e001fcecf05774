"""The parties a sentence leaves unsaid or says only by its places: the authorities of
the place ("was arrested in Lagos"), the state body that tells of the deed ("X was charged,
police said"), the people of the place an attack or a curfew is on, and the country of
unnamed parties ("12 journalists" arrested in Lagos), but not at sea."""

from __future__ import annotations

from dataclasses import replace

from wirewatch.events.actors import STATE_SECTORS, ActorResolver
from wirewatch.events.focus import from_abroad
from wirewatch.events.lexicon import Trigger, speech_verbs
from wirewatch.events.tree import Parse
from wirewatch.gazetteer import country_name
from wirewatch.records import Actor, Place

# what the authorities of the place do when a passive leaves the doer unsaid
BY_AUTHORITIES = frozenset({"COERCE", "ACCUSE", "SANCTION"})
# events done to a place's people when no one else is named: "imposed a curfew in Cizre"
ON_PLACE = frozenset({"PROTEST", "COERCE", "ASSAULT"})
# events whose named parties often come from elsewhere to where they happen
AWAY = frozenset({"CONSULT"})


def implied_parties(p: Parse, trig: Trigger, anchor: int, resolver: ActorResolver,
                    actors: list[Actor], recipients: list[Actor], location: Place | None,
                    places: dict[int, Place]) -> tuple[list[Actor], list[Actor]]:
    """An event's actors and recipients with those its words imply."""
    at_sea = _offshore(p, places, location)
    if not recipients and not at_sea:
        recipients = _implied_recipients(trig, actors, location)
    if not actors and recipients and p.is_passive(anchor) and trig.event_type in BY_AUTHORITIES:
        where = location.country if location is not None else None
        actors = _official_teller(p, anchor, resolver, where)  # "X was charged, police said"
        if not actors and where and location is not None:
            actors = [_authorities(where, location)]  # "was arrested in Lagos"
    if at_sea:  # a ship attacked off Yemen is not Yemen's
        return actors, [replace(r, country=None) if r.name is None and "country" in r.inferred
                        else r for r in recipients]
    return _place_parties(p, trig, actors, recipients, location, places, resolver.scene)


def _official_teller(p: Parse, anchor: int, resolver: ActorResolver, where: str | None
                     ) -> list[Actor]:
    """The state body that tells of a deed done to someone ("X was charged with murder,
    police said"), of the country where it was done if the text says: the one who did it,
    marked as inferred. Not someone's own ("her lawyer said")."""
    tok = p.tokens[anchor]
    while tok.dep == "conj":  # "X was charged and Y was arrested, police said"
        tok = p.tokens[tok.head]
    teller = p.subject(tok.head) if tok.dep == "ccomp" else None
    if teller is None or p.lemma(tok.head) not in speech_verbs() or any(
            p.is_pronoun(c) or p.tokens[c].ent_type == "PERSON"
            for c in p.children(teller, "poss")):
        return []
    said = resolver.resolve(teller)
    if said is None or said.sector not in STATE_SECTORS or (where and said.country != where):
        return []
    return [replace(said, inferred=(*said.inferred, "role"))]


# what a coast's sea is named by: "off the coast of Yemen", "in waters off Somalia"
SHORES = frozenset({"coast", "coastline", "shore", "water"})


def _offshore(p: Parse, places: dict[int, Place], location: Place | None) -> bool:
    """Is the event's place the sea off a coast ("a ship attacked off the coast of Yemen")?
    No one there is of the coast's country by being there."""
    token = next((k for k, pl in places.items() if pl is location), None)
    while token is not None and p.tokens[token].dep == "pobj":
        prep = p.tokens[p.tokens[token].head]
        if prep.lower_text == "off":
            return True
        if prep.lower_text != "of" or p.lemma(prep.head) not in SHORES:
            return False
        token = prep.head
    return False


def _place_parties(p: Parse, trig: Trigger, actors: list[Actor], recipients: list[Actor],
                   location: Place | None, places: dict[int, Place], scene: str | None
                   ) -> tuple[list[Actor], list[Actor]]:
    """What the places of an event say of its parties, as new parties: those of no country
    are of the country where it happens ("12 journalists" arrested in Lagos), except forces
    sent to or withdrawn from it and parties from abroad; a city attacked is no government
    ("attacked Kabul"). Where the sentence names no place, unnamed parties ("hospitals",
    "these people") are of the country the story happens in."""
    if trig.event_type == "ASSAULT":
        spans = {(place.start, place.end) for place in places.values()}
        recipients = [replace(party, sector=None) if (party.start, party.end) in spans and
                      party.sector == "GOV" else party for party in recipients]
    where = location.country if location is not None else None
    country = where or scene
    if country is None:
        return actors, recipients

    def placed(party: Actor) -> Actor:
        if not _unnamed(p, party) and (not where or trig.event_type in AWAY):
            return party  # "Lula met Xi in Beijing": a visitor is not of the host country
        if (party.country is None and not from_abroad(party)) or (
                party.name is None and "country" in party.inferred and
                "place" not in party.inferred):  # not one a place in its sentence gave
            inferred = party.inferred if "country" in party.inferred else (
                *party.inferred, "country")
            return replace(party, country=country, inferred=inferred)
        return party

    if trig.frame not in ("deploy", "leave"):
        actors = [placed(a) for a in actors]
    return actors, [placed(r) for r in recipients]


def _unnamed(p: Parse, party: Actor) -> bool:
    """A party the text does not name ("hospitals and schools", "these people"): no
    proper noun in its words and none the knowledge base knows."""
    if party.id is not None or party.start is None or party.end is None:
        return False
    return all(t.pos != "PROPN" for t in p.tokens_between(party.start, party.end))


def _implied_recipients(trig: Trigger, actors: list[Actor], where: Place | None
                        ) -> list[Actor]:
    """The target a text leaves unsaid, marked as inferred: those where an actor acts
    abroad ("Serbia lifted the curfew in Montenegro") or where a protest, a curfew or an
    attack happens ("imposed a curfew in Cizre"); for a protest with no place named, the
    protesters' own authorities."""
    if not actors:
        return []
    if where is not None and where.country and (trig.event_type in ON_PLACE or
                                                where.country not in {a.country for a in actors}):
        return [Actor(text=where.text, name=where.name, country=where.country,
                      start=where.start, end=where.end, inferred=("role",))]
    own = actors[0]
    if trig.event_type == "PROTEST" and own.country and own.sector not in STATE_SECTORS:
        return [_authorities(own.country, own)]
    return []


def _authorities(country: str, words: Actor | Place) -> Actor:
    """A country's government, inferred from its role and shown by the words that imply it."""
    return Actor(text=words.text, name=country_name(country), country=country, sector="GOV",
                 start=words.start, end=words.end, inferred=("role",))
