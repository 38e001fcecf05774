"""Which mentions tell one happening, when their parties are not read alike.

Mentions of one happening seldom name their parties the same way: a lead says "Russia fired
two missiles at Kyiv", a later paragraph "the missiles struck a residential building", a
quote "the attack on Kyiv". A mention joins a group of mentions when it has their type, its
date, place, mode and makes of weapons agree with each of theirs, and on each side (actors,
recipients) one of its parties is one of the group's wherever both name some. This groups
the mentions of one article (``happenings``) and, inside one story, a new article's
mentions with the events stored before (``joins``); a stored event found by its parties'
key is checked for dates and weapons alone (``agrees``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wirewatch.events.actors import STATE_SECTORS
from wirewatch.gazetteer import is_demonym, place_of
from wirewatch.merge.events import ARTICLE, dates_agree, told
from wirewatch.records import EventMention

# the sectors of a state that speak or act for it: "Russia", "the Kremlin", "Russian forces"
STATE = STATE_SECTORS | {"PRM"}


@dataclass(frozen=True, slots=True)
class Party:
    text: str
    name: str | None
    country: str | None
    sector: str | None
    id: str | None

    @classmethod
    def of(cls, actor: Any) -> Party:
        """From an actor record or its stored dictionary."""
        get = actor.get if isinstance(actor, Mapping) else actor.__getattribute__
        return cls(str(get("text") or ""), get("name"), get("country"), get("sector"),
                   get("id"))

    @property
    def town(self) -> str | None:
        """The town or region of its country the party's name is ("Kyiv", "Kharkiv")."""
        text = ARTICLE.sub("", self.text)
        if not self.country or not text[:1].isupper():
            return None
        place = place_of(text)
        if place is None or place.precision in ("country", "continent") or \
                place.country != self.country:
            return None
        return place.name

    def same_side(self, other: Party) -> bool:
        """One actor however its country was read, or one country's state or one of its
        groups ("Russia" and "Russian forces"; not Peru's government and its fishing unions,
        nor two of its towns, "Kyiv" and "Kharkiv")."""
        if self.id and self.id == other.id:
            return True
        towns = self.town, other.town
        if None not in towns and towns[0] != towns[1]:
            return False
        if self.country and self.country == other.country and _sectors_agree(
                self.sector, other.sector):
            return True
        return _key(self) == _key(other)


def _sectors_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or (a in STATE and b in STATE)


def _key(party: Party) -> str:
    return ARTICLE.sub("", (party.name or party.text).lower())


@dataclass(frozen=True, slots=True)
class Telling:
    """What the mentions of one happening must agree on."""

    event_type: str
    mode: str | None
    date: str | None
    published: str | None
    place: tuple[str | None, int | None, str | None]  # country, geonames id, precision
    actors: tuple[Party, ...]
    recipients: tuple[Party, ...]
    arms: frozenset[str]  # the makes of weapons it names ("Leopard", "Challenger")

    @classmethod
    def of(cls, m: EventMention, published: str | None = None) -> Telling:
        loc = m.location
        return cls(m.event_type, m.mode, told(m.date, m.date_told), published,
                   (loc.country, loc.geonameid, loc.precision) if loc else (None, None, None),
                   tuple(map(Party.of, m.actors)), tuple(map(Party.of, m.recipients)),
                   _makes(i.name for i in m.instruments))

    @classmethod
    def stored(cls, record: Mapping[str, Any], published: str | None) -> Telling:
        """From a stored mention's record."""
        loc = record.get("location") or {}
        return cls(record["event_type"], record.get("mode"),
                   told(record.get("date"), bool(record.get("date_told"))), published,
                   (loc.get("country"), loc.get("geonameid"), loc.get("precision")),
                   tuple(map(Party.of, record["actors"])),
                   tuple(map(Party.of, record["recipients"])),
                   _makes(i["name"] for i in record.get("instruments") or []))

    def places_agree(self, other: Telling) -> bool:
        """Unknown, or of one country and not two places of the same precision."""
        (ca, ga, pa), (cb, gb, pb) = self.place, other.place
        if ca and cb and ca != cb:
            return False
        return not (ga and gb and pa == pb and ga != gb)


def _makes(names: Iterable[str]) -> frozenset[str]:
    """The proper names in weapons' names, without demonyms and numbers ("British Challenger
    2 tank": Challenger)."""
    return frozenset(w for name in names for w in name.split()
                     if w[:1].isupper() and not is_demonym(w))


def agrees(m: Telling, group: Sequence[Telling]) -> bool:
    """Do a mention's date and weapons agree with every one of a group's? (Weapons do not
    when both name some, none of the same make: Leopards and Challengers arriving are two
    deliveries.)"""
    return all(dates_agree(m.date, g.date, m.published, g.published) and
               not (m.arms and g.arms and not m.arms & g.arms) for g in group)


def joins(m: Telling, group: Sequence[Telling]) -> bool:
    """Does a mention tell the happening a group of mentions tells?"""
    if not agrees(m, group) or any(
            m.event_type != g.event_type or not m.places_agree(g) or
            (m.mode and g.mode and m.mode != g.mode) for g in group):  # an expulsion is
        return False                                                    # no other sanction
    for mine, theirs in ((m.actors, [a for g in group for a in g.actors]),
                         (m.recipients, [a for g in group for a in g.recipients])):
        if mine and theirs and not any(p.same_side(q) for p in mine for q in theirs):
            return False
    return True


def happenings(mentions: Sequence[EventMention]) -> list[list[int]]:
    """The mentions of one article grouped by the happening they tell, in reading order:
    a mention joins the first group it fits (a lead, its retelling further down and a quote
    about it are one event; two attacks on two towns, on two days or on two sides are
    two)."""
    tellings = [Telling.of(m) for m in mentions]
    groups: list[list[int]] = []
    for k, t in enumerate(tellings):
        group = next((g for g in groups if joins(t, [tellings[j] for j in g])), None)
        if group is None:
            groups.append([k])
        else:
            group.append(k)
    return groups
