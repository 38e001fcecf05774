"""Which event mentions are one event, and which articles are one story.

This is the first, simple merge: an event is its type, its parties (by country, else by
name) and its date; a story is a set of articles that share an event with named parties or
tell the same happening in largely the same words. It sits behind these two functions so
that a better merger replaces it without touching the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wirewatch.articles.ids import stable_id
from wirewatch.records import Actor, Article, EventMention

_WORD = re.compile(r"[a-z][a-z'-]{2,}")
STORY_SIMILARITY = 0.18  # content-word Jaccard at which two articles tell one story
STOP = frozenset(
    "the and for that with from this have has had was were are been will would said says "
    "also into about after over than their they them its his her not but who which what "
    "when where there more some other new one two three".split()
)


def _party(actor: Actor) -> str:
    return actor.country or actor.sector or (actor.name or actor.text).lower()


def event_key(m: EventMention) -> str:
    """Mentions with the same key are taken to report the same event."""
    actors = ",".join(sorted({_party(a) for a in m.actors}))
    recipients = ",".join(sorted({_party(a) for a in m.recipients}))
    date = m.date if m.date and not m.date.startswith("X") else (m.date or "")
    return stable_id("event", m.event_type, actors, recipients, date[-5:] if date else "")


def has_parties(m: EventMention) -> bool:
    return bool(m.actors) and bool(m.recipients or m.instruments)


def _stem(word: str) -> str:
    """A light suffix strip, enough to meet 'detains', 'detained' and 'detaining'."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def fingerprint(article: Article) -> frozenset[str]:
    """Stemmed content words of the title and the opening of the body."""
    text = f"{article.title or ''} {article.body[:1500]}".lower()
    return frozenset(_stem(w) for w in _WORD.findall(text) if w not in STOP)


def similarity(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)

