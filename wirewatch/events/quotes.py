"""Quotations and who spoke them.

A quotation is the text inside quotation marks (three words or more); its speaker is the
one a reporting verb outside the marks names ("…," the minister said), or inside them after
their middle ("…, a commander told the paper."), else the speaker of the quotation just
before in the same paragraph. A pronoun that speaks ("…," it said) is the last speaker
quoted by name when the two agree; every reading of that pronoun is then that speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from wirewatch.events.actors import ActorResolver
from wirewatch.events.coreference import PERSON_WORDS
from wirewatch.events.lexicon import speech_verbs
from wirewatch.events.tree import Parse
from wirewatch.records import Actor, Quote

QUOTES = re.compile(r"“([^”]{3,}?)”|\"([^\"\n]{3,}?)\"")
SPEAKING_PRONOUNS = frozenset({"he", "she", "it"})
FOLLOW_ON = 400  # characters: how far a quotation with no speaker may follow the last one
# (a reporting verb's token, its sentence's start) → the span of the one who speaks
Speaker = Callable[[int, int], tuple[int, int] | None]


def read_quotes(p: Parse, actors: ActorResolver, speaker_of: Speaker) -> list[Quote]:
    """The article's quotations in order, each with its speaker (or None)."""
    quotes: list[Quote] = []
    previous: Quote | None = None
    named: Actor | None = None  # the last speaker quoted by name
    for m in QUOTES.finditer(p.body):
        inner = m.group(1) or m.group(2) or ""
        if len(inner.split()) < 3:
            continue
        start, end = m.start(), m.end()
        speaker = _speaker(p, actors, speaker_of, start, end)
        if speaker is None and previous is not None and previous.speaker is not None and \
                "\n\n" not in p.body[previous.end:start] and start - previous.end < FOLLOW_ON:
            speaker = previous.speaker
        if speaker is not None and speaker.text.lower() in SPEAKING_PRONOUNS:
            speaker = _rebind(p, actors, speaker, named)
        elif speaker is not None:
            named = speaker
        previous = Quote(text=inner.strip(), speaker=speaker, start=start + 1, end=end - 1)
        quotes.append(previous)
    return quotes


def _speaker(p: Parse, actors: ActorResolver, speaker_of: Speaker, start: int, end: int
             ) -> Actor | None:
    toks = [t.i for t in p.tokens_between(start, end)]
    if not toks:
        return None
    outside: list[int] = []
    for s in sorted({p.sentence_index(toks[0]), p.sentence_index(toks[-1])}):
        sent = p.ann.sentences[s]
        outside.extend(i for i in range(sent.start, sent.end)
                       if not start <= p.tokens[i].idx < end)
    verbs = [i for i in outside if p.tokens[i].pos == "VERB" and p.lemma(i) in speech_verbs()]
    if not verbs:  # "…, a commander told the paper." inside the marks
        verbs = [i for i in toks[len(toks) // 2:] if p.tokens[i].pos == "VERB" and
                 p.lemma(i) in speech_verbs()]
    for verb in verbs:
        span = speaker_of(verb, p.sentence(verb).start)
        if span is not None:
            return actors.resolve_span(*span)
    return None


def _rebind(p: Parse, actors: ActorResolver, speaker: Actor, named: Actor | None) -> Actor:
    """'"…," it said': the last speaker quoted by name, when the two agree (a person for
    "he" and "she", a body for "it")."""
    if named is None or named.start is None or named.end is None or (
            speaker.text.lower() in ("he", "she")) != _person(p, named.start, named.end):
        return speaker
    bound = replace(named, text=speaker.text, start=speaker.start, end=speaker.end)
    if speaker.start is not None:  # every reading of the pronoun is the speaker
        for tok in p.tokens_between(speaker.start, speaker.start + 1):
            actors.cache[tok.i] = bound
    return bound


def _person(p: Parse, start: int, end: int) -> bool:
    words = [t.i for t in p.tokens_between(start, end)]
    return any(p.lemma(i) in PERSON_WORDS or (
        (ent := p.ent_at[i]) is not None and ent.label == "PERSON") for i in words)
