"""How a cited source is named: an outlet without the words that only say what it is, the
state media by their country, a body by the country whose possessive it follows."""

from __future__ import annotations

import re

from wirewatch.events.lexicon import source_kinds
from wirewatch.events.tree import Parse
from wirewatch.gazetteer import country_of, demonym_of

# a wire agency's dateline opening a story: "WASHINGTON (Reuters) -", "KYIV, April 28 (AP) —"
# (a place and a day in capitalised words or numbers, then the agency in brackets)
DATELINE = re.compile(r"\A\s*(?:[A-Z0-9\[][^\s(),]*,?\s+){0,6}"
                      r"\((?P<agency>[A-Z][\w&.' -]{0,30})\)\s*[-–—:]")


def dateline_end(body: str) -> int:
    """Where a wire agency's dateline opening the text ends (0 without one): no party is
    named in it ("[USA], Aug 1 (ANI):")."""
    found = DATELINE.match(body)
    return found.end() if found else 0

STATE_RUN = frozenset({"state", "government"})  # "state TV", "government-run media"
STATE_MEDIA = "state media"


def strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def bare_outlet(name: str) -> str:
    """An outlet's name without the words that only say what it is: "the Reuters news
    agency" is Reuters (a capitalised word is part of the name: "Sky News")."""
    words = strip_the(name).split()
    kinds = source_kinds()
    while len(words) > 1 and words[-1].islower() and (
            kinds.get(words[-1]) == "outlet" or words[-1] == "news"):
        words.pop()
    return " ".join(words)


def state_media(p: Parse, indices: list[int], focal: str | None) -> str | None:
    """An unnamed outlet of the state ("state TV", "Iranian state television", "state-run
    media") is the state media of the country it names, else of the country the article is
    about (``focal``): "Iranian state media"."""
    if any(p.tokens[i].pos == "PROPN" for i in indices) or \
            not {p.tokens[i].lower_text for i in indices} & STATE_RUN:
        return None
    country = next((m.code for i in indices for m in [country_of(p.tokens[i].text)] if m), None)
    adjective = demonym_of(country or focal or "")
    return f"{adjective} {STATE_MEDIA}" if adjective else STATE_MEDIA


def of_country(p: Parse, start: int, name: str) -> str:
    """A body named after its country's possessive is named as the country's own
    ("Estonia's Foreign Ministry" is the Estonian Foreign Ministry)."""
    if start >= 2 and p.tokens[start - 1].lower_text in ("'s", "’s"):
        match = country_of(p.tokens[start - 2].text)
        adjective = demonym_of(match.code) if match is not None else None
        if adjective:
            return f"{adjective} {name}"
    return name
