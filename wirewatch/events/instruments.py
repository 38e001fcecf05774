"""Instruments: weapons, systems and materiel named in an event's words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from wirewatch.events.lexicon import weapons
from wirewatch.events.tree import Parse
from wirewatch.records import Instrument

PHRASE_SKIP = ("prep", "relcl", "acl", "conj", "cc", "appos", "det", "poss", "advmod")


@cache
def _pattern() -> re.Pattern[str]:
    terms = sorted(weapons(), key=len, reverse=True)
    alternatives = "|".join(re.escape(t) for t in terms)
    return re.compile(rf"(?<![\w-])({alternatives})(?:s|es)?(?![\w-])", re.IGNORECASE)


def find_instruments(p: Parse, scope: Iterable[int]) -> list[Instrument]:
    """The weapon or materiel phrases among the tokens in scope, one per head noun."""
    found: list[Instrument] = []
    for i in sorted(set(scope)):
        tok = p.tokens[i]
        if tok.pos not in ("NOUN", "PROPN") or tok.dep == "compound":
            continue
        phrase = [j for j in p.subtree(i, skip=PHRASE_SKIP) if j <= i]
        while phrase and p.tokens[phrase[0]].pos == "PUNCT":
            phrase.pop(0)
        start, end = p.span(phrase)
        text = p.body[start:end]
        matches = [m for m in _pattern().finditer(text) if m.end() >= len(text) - 12]
        if not matches:
            continue
        best = max(matches, key=lambda m: (len(m.group(1)), m.start()))
        term = best.group(1).lower()
        if term == "arm" and not text.lower().endswith("arms"):
            continue
        weapon = weapons()[term]
        proper = [p.tokens[j].text for j in phrase
                  if p.tokens[j].pos in ("PROPN", "NUM") and p.tokens[j].idx < start + best.start()]
        name = " ".join([*proper, weapon.name]) if proper else weapon.name
        found.append(Instrument(text=text, name=name, kind=weapon.kind, start=start, end=end))
    return found
