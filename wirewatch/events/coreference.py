"""What an article has said so far about who is who: the memory behind in-article coreference.

The actor resolver reads an article's noun phrases in order and remembers each here; a
pronoun ("they", "she") or a phrase that names no country ("the government", "the
militia") then resolves to what the text said before it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from wirewatch.dictionaries import is_person
from wirewatch.events.lexicon import weapons
from wirewatch.events.tree import Parse
from wirewatch.gazetteer import name_key
from wirewatch.records import Actor, Quote

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself", "they", "them", "their", "themselves"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
COMPARED = frozenset({"like", "unlike"})
# the speaker's own words: whom they stand for is the speaker of the quote they are in
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours",
                          "ourselves"})
GROUP_SECTORS = frozenset({"UAF", "REB", "CRM"})
PERSON_WORDS = frozenset(
    "mayor minister president journalist reporter spokesman spokeswoman spokesperson commander "
    "leader chief official source ambassador governor senator lawmaker general secretary envoy "
    "activist witness editor prosecutor judge candidate premier king queen prince cleric man "
    "woman".split())
COREF_SENTENCES = 4  # how far back "the government" may find "the Colombian government"


@dataclass(slots=True)
class Mention:
    head: int
    actor: Actor
    lemma: str
    person: bool
    names: tuple[str, ...]


def _acronym(p: Parse, i: int) -> bool:
    """Is token i the short name given in brackets after a long one ("Joint Chiefs of Staff
    (JCS)")?"""
    text = p.tokens[i].text
    return 0 < i < len(p.tokens) - 1 and p.tokens[i - 1].text == "(" and \
        p.tokens[i + 1].text == ")" and text.isupper() and 2 <= len(text) <= 8


class Memory:
    """The phrases of one article resolved so far, in reading order, and the names that
    stand for actors."""

    def __init__(self, parse: Parse) -> None:
        self.p = parse
        self.mentions: list[Mention] = []
        self.names: dict[str, Actor] = {}

    def remember(self, head: int, actor: Actor) -> None:
        p = self.p
        names = []
        ent = p.ent_at[head]
        for i in [head, *p.children(head, "compound")]:
            e = p.ent_at[i]
            if e is not None and e.label in ("PERSON", "ORG", "FAC"):
                names.append(name_key(e.text))
        if actor.name:
            names.append(name_key(actor.name))
        names += [name_key(p.tokens[i].text) for i in p.subtree(head) if _acronym(p, i)]
        for n in names:
            if n and actor.country and n not in self.names:
                self.names[n] = actor
        titled = {p.lemma(c) for c in [head, *p.children(head, "appos", "compound")]}
        person = (ent is not None and ent.label == "PERSON") or bool(titled & PERSON_WORDS) or \
            is_person(actor.id)
        self.mentions.append(Mention(head, actor, p.lemma(head), person, tuple(names)))

    def pronoun(self, head: int, resolve: Callable[[int], Actor | None]) -> Actor | None:
        """What a pronoun stands for: the subject of a clause above it ("X said it would
        …"), else the nearest agreeing phrase of the last sentences."""
        p = self.p
        word = p.tokens[head].lower_text
        if word in FIRST_PERSON:  # the writer, or a quote's speaker (``speakers``)
            return None
        if word in THING_PRONOUNS and self._weapon_before(head):
            return None  # "the rockets shook the capital and one of them hit a building"
        want_person = word in PERSON_PRONOUNS
        want_plural = word in PLURAL_PRONOUNS
        sent_start = p.sentence(head).start
        floor = p.ann.sentences[max(0, p.sentence_index(head) - 2)].start
        if word.endswith(("self", "selves")):  # "they film themselves": the clause's subject
            subj = next((s for a in p.ancestors(head) if (s := p.subject(a)) is not None), None)
            said = resolve(subj) if subj is not None and subj < head else None
            return self._refer(head, said) if said is not None else None
        bindable = p.tokens[head].dep in ("nsubj", "nsubjpass", "poss")
        for subj in self._binders(head) if bindable else []:
            a = resolve(subj)
            if a is not None and self._agrees(subj, a, want_person, want_plural):
                return self._refer(head, a)
        subject = p.tokens[head].dep in ("nsubj", "nsubjpass")
        ordered = list(reversed(self.mentions))
        if subject:  # a subject pronoun takes up a subject before anything else
            ordered.sort(key=lambda m: p.tokens[m.head].dep not in ("nsubj", "nsubjpass"))
        for m in ordered:
            if m.head >= head or m.head < floor:
                continue
            if not want_person and m.person and m.head >= sent_start:
                continue
            if m.head >= sent_start and self._compared(m.head):
                continue  # "Like Isis, they …": the one compared is someone else
            if self._agrees(m.head, m.actor, want_person, want_plural, m.person):
                return self._refer(head, m.actor)
        return None

    def _compared(self, noun: int) -> bool:
        """Is a noun (or one it is coordinated with) what "like" or "unlike" compares to?"""
        p = self.p
        while p.tokens[noun].dep == "conj":  # "Like Isis and al-Qaida, they"
            noun = p.tokens[noun].head
        prep = p.tokens[p.tokens[noun].head]
        return prep.pos == "ADP" and prep.lower_text in COMPARED

    def _weapon_before(self, head: int) -> bool:
        """Is the nearest noun before a pronoun in its sentence, of its number, a weapon?"""
        p = self.p
        plural = p.tokens[head].lower_text in PLURAL_PRONOUNS
        for j in range(head - 1, p.sentence(head).start - 1, -1):
            tok = p.tokens[j]
            if tok.pos in ("NOUN", "PROPN") and tok.dep != "compound" and \
                    (tok.tag in ("NNS", "NNPS")) == plural:
                return p.lemma(j) in weapons()
        return False

    def country(self, head: int, key: str, sector: str | None) -> tuple[str | None, str | None]:
        """(country, what was inferred) for a phrase that names none, from what came before
        it: the same noun or name lately, else the last group of its kind."""
        p = self.p
        lemma = p.lemma(head)
        recent = p.ann.sentences[max(0, p.sentence_index(head) - COREF_SENTENCES)].start
        for m in reversed(self.mentions):
            if m.head >= head or not m.actor.country:
                continue
            if (m.lemma == lemma and m.head >= recent) or any(
                    len(n) > 3 and (n in key or key in n) for n in m.names):
                return m.actor.country, None
        if sector in GROUP_SECTORS:
            for m in reversed(self.mentions):
                if m.head < head and m.actor.sector == sector and m.actor.country:
                    return m.actor.country, "country"
        return None, None

    def _binders(self, head: int) -> list[int]:
        """Subjects of the clauses above a pronoun in its sentence, nearest first."""
        p = self.p
        out = []
        for a in p.ancestors(head):
            subj = p.subject(a)
            if subj is not None and subj < head and not p.is_pronoun(subj) and \
                    head not in p.subtree(subj):
                out.append(subj)
        return out

    def _agrees(self, i: int, actor: Actor, want_person: bool, want_plural: bool,
                person: bool | None = None) -> bool:
        """Can the phrase at i be what a pronoun (he/she, they, it) stands for?"""
        p = self.p
        plural = p.tokens[i].tag in ("NNS", "NNPS")
        if person is None:
            ent = p.ent_at[i]
            person = (ent is not None and ent.label == "PERSON") or \
                p.lemma(i) in PERSON_WORDS or is_person(actor.id)
        if want_person:
            return person and not plural
        if want_plural:
            return plural or actor.sector in GROUP_SECTORS
        return not person and not plural

    def _refer(self, head: int, a: Actor) -> Actor:
        start, end = self.p.span([head])
        return Actor(text=self.p.tokens[head].text, name=a.name or a.text, country=a.country,
                     sector=a.sector, id=a.id, start=start, end=end,
                     inferred=(*a.inferred, "coreference"))


def speakers(p: Parse, quotes: Sequence[Quote]) -> dict[int, Actor]:
    """The first-person pronouns inside quotes, each as its quote's speaker."""
    out: dict[int, Actor] = {}
    for quote in quotes:
        if quote.speaker is None:
            continue
        for tok in p.tokens_between(quote.start, quote.end):
            if tok.lower_text in FIRST_PERSON and p.is_pronoun(tok.i):
                out[tok.i] = replace(quote.speaker, text=tok.text, start=tok.idx,
                                     end=tok.idx + len(tok.text))
    return out
