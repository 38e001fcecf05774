"""Where a story is: the country an article is most about, and the parties said to be
from elsewhere ("foreign ministers"), who take no country from it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from wirewatch.events.tree import Parse
from wirewatch.gazetteer import NON_STATE, country_of
from wirewatch.records import Actor, Place

# "foreign ministers", "western leaders": of no country the story is about or happens in
ABROAD = frozenset({"foreign", "western", "international", "overseas", "world", "global"})
CURRENCY = frozenset({"$", "dollar", "dollars"})  # "US $50 million" names no party
LOCAL = frozenset({"admin1", "city"})  # places within one country ("Raqqa", "Idlib")


def from_abroad(actor: Actor) -> bool:
    """Whether a party is said to be from elsewhere ("foreign ministers", "western
    leaders"): it takes no country from the story or from where the event happens."""
    return not actor.country and abroad(actor.text)


def abroad(text: str) -> bool:
    """Does a phrase say its party is from elsewhere ("foreign", "western")?"""
    return not ABROAD.isdisjoint(text.lower().split())


def focal_country(parse: Parse, title: str | None,
                  places: Iterable[Place] = ()) -> str | None:
    """The country the article is most about: the most mentioned, by name or by the
    towns and regions the article names in it, the title counting twice."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}  # where each country is first named (the title before all)

    def named(code: str | None, at: int, weight: int = 1) -> None:
        if code and code not in NON_STATE:
            counts[code] += weight
            first[code] = min(first.get(code, at), at)

    for place in places:
        if place.precision in LOCAL:
            named(place.country, place.start)
    for ent in parse.ann.entities:
        after = parse.tokens[ent.end].text if ent.end < len(parse.tokens) else ""
        if ent.label in ("GPE", "NORP") and after not in CURRENCY:  # not "US $50 million"
            cm = country_of(ent.text)
            named(cm.code if cm else None, parse.tokens[ent.start].idx)
    if title:
        words = title.replace("’s", "").replace("'s", "").split()
        for n in (3, 2, 1):
            for k in range(len(words) - n + 1):
                cm = country_of(" ".join(words[k : k + n]).strip(":,‘’'\""))
                named(cm.code if cm else None, -1, 2)
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -first[c]))
