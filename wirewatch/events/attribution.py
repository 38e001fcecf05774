"""Attribution: who tells us. Chains of sources, nearest teller first, and quotes.

Sources come from "according to X", from reporting verbs ("X said", "X told the Y",
"X posted on social media that"), from headers that hand a passage to another outlet
("X reports:"), and from quotation marks with their speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from wirewatch.events.actors import ActorResolver
from wirewatch.events.coreference import speakers
from wirewatch.events.lexicon import outlet_words, source_kinds, speech_verbs
from wirewatch.events.naming import DATELINE, bare_outlet, of_country, state_media, strip_the
from wirewatch.events.phrases import aliases
from wirewatch.events.quotes import read_quotes
from wirewatch.events.tree import Parse
from wirewatch.gazetteer import country_of
from wirewatch.records import Actor, Quote, Source

DEFINITE_DOCUMENTS = frozenset({"report", "study", "statement", "article", "investigation"})
# the bodies of a town or region that speak under its name ("West Midlands police")
LOCAL_BODIES = frozenset({"police", "authority", "council", "prosecutor", "administration"})
ANONYMOUS_OPENERS = frozenset({"a", "an", "one", "two", "three", "several", "some", "many",
                               "other", "unnamed", "senior"})
SOCIAL = frozenset({"x", "twitter", "facebook", "telegram", "instagram", "tiktok", "youtube",
                    "weibo", "truth", "threads", "bluesky", "social"})


@dataclass(slots=True)
class Attribution:
    """The sources of one article and where in the text each applies."""

    by_sentence: dict[int, list[tuple[Source, set[int]]]] = field(default_factory=dict)
    by_paragraph: dict[int, list[Source]] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)


class Attributor:
    def __init__(self, p: Parse, actors: ActorResolver) -> None:
        self.p = p
        self.actors = actors
        self.result = Attribution()
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", p.body)]
        self._last_document: list[Source] = []
        self._last_outlet: str | None = None  # the name of the outlet named last
        self.result.quotes = read_quotes(p, actors, self._speaker)
        actors.cache.update(speakers(p, self.result.quotes))  # "'We can confirm …,' police
        # said": the first person in a quote is its speaker
        for s_index in range(len(p.ann.sentences)):
            self._sentence(s_index)

    # --- public ----------------------------------------------------------------------
    def chain(self, trigger: int, speaker_spans: bool = True) -> list[Source]:
        """The attribution chain of an event whose trigger is at this token."""
        p = self.p
        chain: list[Source] = list(self.result.by_paragraph.get(self._paragraph(trigger), []))
        s_index = p.sentence_index(trigger)
        for source, excluded in self.result.by_sentence.get(s_index, []):
            if trigger not in excluded:
                chain.append(source)
        char = p.tokens[trigger].idx
        for quote in self.result.quotes:
            if quote.start <= char < quote.end and quote.speaker is not None:
                chain.append(_as_source(quote.speaker))
        return _dedupe(chain)

    # --- sentences -------------------------------------------------------------------
    def _paragraph(self, token: int) -> int:
        char = self.p.tokens[token].idx
        return sum(1 for s in self.paragraph_starts if s <= char) - 1

    def _sentence(self, s_index: int) -> None:
        p = self.p
        sent = p.ann.sentences[s_index]
        found: list[tuple[Source, set[int]]] = []
        # (not closing the sentence, depth, sources)
        told: list[tuple[bool, int, list[tuple[Source, set[int]]]]] = []
        for i in range(sent.start, sent.end):
            tok = p.tokens[i]
            if tok.lower_text == "according" and i + 1 < sent.end and \
                    p.tokens[i + 1].lower_text == "to":
                end = i + 2
                while end < sent.end and p.tokens[end].text not in (",", ";", ".", "—"):
                    end += 1
                if end > i + 2:
                    relays = [c for j in range(i + 2, end) for c in p.children(j, "relcl")
                              if p.lemma(c) in ("cite", "quote")]  # "…, which cited Y"
                    excluded = set(range(i, end)).union(*(p.subtree(c) for c in relays))
                    found.extend((src, excluded) for src in self._according(i + 2, end))
                    found.extend((src, excluded) for c in relays for src in self._cited(c))
            elif tok.pos == "VERB" and p.lemma(i) in speech_verbs():
                own = set(p.subtree(i))  # "…, TASS reported, citing sources" still closes
                closing = not any(p.tokens[k].pos == "VERB" and (
                    k not in own or p.lemma(k) in speech_verbs()) for k in range(i + 1, sent.end))
                told.append((not closing, len(p.ancestors(i)),
                             self._speech(i, sent.start, sent.end)))
        # "according to X" wraps what the speakers in it said; a speaker whose clause holds
        # another's comes first ("…, the KGB said, the agency Belpress reported": Belpress
        # reports what the KGB said), and so does the one closing the sentence ("X said it
        # detained Y, Interfax reported", however the parse hangs the clauses)
        found.extend(src for *_, sources in sorted(told, key=lambda t: t[:2]) for src in sources)
        if found:
            self.result.by_sentence[s_index] = found
        # "X reports:" hands the rest of the paragraph, or the paragraphs after it, to X
        text = p.body[sent.start_char:sent.end_char].rstrip()
        speech = [s for s, _ in found if s.kind != "document"]
        if speech and text.endswith(":"):
            para = self._paragraph(sent.start)
            end_of_para = (para + 1 < len(self.paragraph_starts) and
                           p.body[sent.end_char:self.paragraph_starts[para + 1]].strip() == "")
            if end_of_para or sent.end_char >= len(p.body.rstrip()):
                for later in range(para + 1, len(self.paragraph_starts)):
                    self.result.by_paragraph.setdefault(later, []).extend(speech)
            else:
                for later in range(s_index + 1, len(p.ann.sentences)):
                    if self._paragraph(p.ann.sentences[later].start) != para:
                        break
                    self.result.by_sentence.setdefault(later, []).extend(
                        (s, set()) for s in speech)

    def _speech(self, verb: int, s_start: int, s_end: int) -> list[tuple[Source, set[int]]]:
        """Sources of a reporting verb: its speaker, and the outlet told, nearest first."""
        p = self.p
        speaker = self._speaker(verb, s_start)
        if speaker is None:
            return []
        lo, hi = speaker
        out: list[tuple[Source, set[int]]] = []
        excluded = set(range(lo, hi)) | {verb}
        if p.lemma(verb) == "tell":
            listener = p.child(verb, "dobj", "dative")
            if listener is not None and self._kind(listener) == "outlet":
                src = self._source(listener, p.subtree(listener, skip=("relcl", "acl")))
                if src is not None:
                    out.append((src, excluded))
        src = self._span_source(lo, hi)
        if src is not None:
            if speech_verbs()[p.lemma(verb)] == "social-media" or self._on_social(verb):
                src = replace(src, kind="social-media")
            out.append((src, excluded))
            out.extend((cited, excluded) for cited in self._cited(verb))
        return out

    def _cited(self, verb: int) -> list[Source]:
        """Whom a speaker cites: "the paper reported, citing a militia commander"; or whom
        a citing verb itself names ("according to X, which cited Y")."""
        p = self.p
        out = []
        citing = [verb] if p.tokens[verb].dep == "relcl" else [
            c for c in p.kids[verb]
            if p.lemma(c) == "cite" and p.tokens[c].dep in ("advcl", "xcomp", "conj")]
        for c in citing:
            for obj in p.children(c, "dobj"):
                src = self._source(obj, p.subtree(obj, skip=("relcl", "acl")))
                if src is not None:
                    out.append(src)
        return out

    def _speaker(self, verb: int, s_start: int) -> tuple[int, int] | None:
        """Token range of who speaks: after a comma before the verb, else its subject."""
        p = self.p
        if p.is_passive(verb):  # "was reported to": no teller unless "by X"
            agent = p.by_object(verb)
            return None if agent is None else (min(p.subtree(agent)), max(p.subtree(agent)) + 1)
        j = verb - 1
        while j >= s_start and p.tokens[j].text not in (",", "“", "\"", ":", ";", "—"):
            j -= 1
        surface = (j + 1, verb)
        subj = p.child(verb, "nsubj")
        sent_end = p.sentence(verb).end
        closing = not any(p.tokens[k].pos == "VERB" for k in range(verb + 1, sent_end))
        after_comma = j >= s_start and p.tokens[j].text == "," and verb - j > 1
        if closing and after_comma and (subj is None or subj <= j) and any(
                p.tokens[k].pos in ("NOUN", "PROPN", "PRON") for k in range(*surface)):
            return surface
        if subj is None:
            return None
        tree = p.subtree(subj)
        return min(tree), max(tree) + 1

    def _on_social(self, verb: int) -> bool:
        """Said on a platform: "wrote on X", "said in a post on Telegram"."""
        p = self.p

        def social(i: int) -> bool:  # "on X." at a sentence's end is one token
            return p.tokens[i].lower_text.rstrip(".") in SOCIAL

        return any((prep == "on" and social(obj)) or (prep == "in" and any(
            inner == "on" and social(site) for inner, site in p.preps(obj)))
            for prep, obj in p.preps(verb))

    # --- sources from phrases ---------------------------------------------------------
    def _according(self, lo: int, hi: int) -> list[Source]:
        """Sources of 'according to …': the outlet or person it names; 'the report' reuses
        the report cited before."""
        p = self.p
        named = []
        for i in range(lo, hi):
            ent = p.ent_at[i]
            if ent is not None and ent.label == "NORP" and p.tokens[i].dep in (
                    "amod", "compound") and lo <= p.tokens[i].head < hi:
                continue  # "the British newspaper", "the Russian ministry": not the British
            if ent is not None and ent.end - 1 == i and ent.label in ("ORG", "PERSON", "NORP",
                                                                       "WORK_OF_ART", "GPE"):
                src = self._source(i, list(range(max(ent.start, lo), ent.end)))
                if src is not None and src.kind in ("outlet", "person", "organization",
                                                    "official"):
                    named.append(src)
        if named:
            if any(s.kind == "outlet" for s in named):
                self._last_document = named
            return named
        head = next((i for i in range(lo, hi) if p.tokens[i].pos in ("NOUN", "PROPN") and
                     p.tokens[i].dep != "compound"), None)
        if head is None:
            return []
        if p.lemma(head) in DEFINITE_DOCUMENTS and p.tokens[lo].lower_text == "the" and \
                self._last_document:
            return list(self._last_document)
        src = self._source(head, list(range(lo, hi)))
        if src is None:
            return []
        if src.kind in ("outlet", "document"):
            self._last_document = [src]
        return [src]

    def _span_source(self, lo: int, hi: int) -> Source | None:
        head = self.p.span_head(lo, hi)
        return None if head is None else self._source(head, list(range(lo, hi)))

    def _source(self, head: int, indices: list[int]) -> Source | None:
        p = self.p
        if not indices:
            return None
        start, end = p.span(indices)
        text = p.body[start:end].strip(" ,“”\"")
        kind = self._kind(head)
        actor = self.actors.resolve(head)
        person = next((p.ent_at[i] for i in indices if p.ent_at[i] is not None and
                       p.ent_at[i].label == "PERSON"), None)  # type: ignore[union-attr]
        name: str | None = None
        if person is not None:
            name = person.text
        elif actor is not None and actor.name:
            name = actor.name
        elif other := aliases(p, head):  # "the security service known as the FSB"
            name = strip_the(p.text(p.subtree(other[0])))
        elif kind in ("outlet", "organization"):
            name = strip_the(text)
        elif kind == "official":
            name = self._place_body(head)
        first = p.tokens[min(indices)].lower_text
        if kind == "outlet":
            name = self._outlet_name(indices, first, name)
        # unnamed: no one, and no body, is named ("officials said", "a spokesman said"; not
        # "a State Department spokesperson said": the State Department told it)
        anonymous = kind in ("person", "official") and name is None and (
            first in ANONYMOUS_OPENERS or p.tokens[head].tag in ("NNS", "NN"))
        body = self._speaks_for(indices) if name is None and (
            anonymous or kind == "document") else None
        if body is not None:  # "a spokesperson for the Foreign Ministry", "a KGB statement":
            name, anonymous = body, False  # the body's word
        return Source(text=text, name=name, kind=kind, anonymous=anonymous, start=start, end=end)

    def _place_body(self, head: int) -> str | None:
        """A local body named by its place ("West Midlands police", "Kyiv city
        authorities"; not "U.K. officials"): the place's words and the body's."""
        p = self.p
        if p.lemma(head) not in LOCAL_BODIES:
            return None
        run = sorted({j for c in p.children(head, "compound") for j in p.subtree(c)})
        names = [j for j in run if p.tokens[j].pos == "PROPN"]
        country = country_of(p.text(names)) if names else None
        if not names or (country is not None and country.sector is None):  # a country's
            return None                                                    # own name
        return p.text([*run, head])

    def _speaks_for(self, indices: list[int]) -> str | None:
        """The organisation an unnamed teller speaks for, named in the phrase ("a
        spokesperson for the Foreign Ministry", "a Foreign Ministry spokesman", "a
        spokesperson for Estonia's Foreign Ministry")."""
        for i in indices:
            ent = self.p.ent_at[i]
            if ent is not None and ent.label == "ORG" and ent.end - 1 == i:
                body = self.actors.resolve(i)  # as the knowledge base names it, if known
                return body.name if body is not None and body.id and body.name else \
                    of_country(self.p, ent.start, strip_the(ent.text))
        return None

    def _outlet_name(self, indices: list[int], first: str, name: str | None) -> str | None:
        """An outlet named ("the Guardian newspaper") is remembered; one referred back to
        ("the paper", "the British daily") is the outlet named last in the article; an
        unnamed outlet of the state is the state media (``naming.state_media``)."""
        state = state_media(self.p, indices, self.actors.focal)
        if state is not None:
            return state
        if any(self.p.tokens[i].pos == "PROPN" for i in indices):
            name = bare_outlet(name) if name else name
            self._last_outlet = name or self._last_outlet
            return name
        if first == "the" and not any(self.p.tokens[i].lower_text == "media" for i in indices):
            return self._last_outlet  # "the paper": the outlet named before, if any
        return name

    def _kind(self, head: int) -> str:
        p = self.p
        tok = p.tokens[head]
        ent = p.ent_at[head]
        words = p.text(p.subtree(head, skip=("relcl", "acl", "prep"))).replace("’s", "").split()
        if ent is not None and ent.label in ("ORG", "WORK_OF_ART", "PERSON", "GPE") and any(
                w in outlet_words() for w in ent.text.split()):
            return "outlet"
        if tok.pos == "PROPN" and any(w in outlet_words() for w in words):
            return "outlet"
        kinds = source_kinds()
        lemma = p.lemma(head)
        if lemma in kinds:
            return kinds[lemma]
        if ent is not None and ent.label == "PERSON":
            return "person"
        if ent is not None and ent.label in ("ORG", "NORP", "GPE"):
            return "organization"
        if p.is_pronoun(head):
            actor = self.actors.resolve(head)
            return "official" if actor is not None and actor.sector == "GOV" else "person"
        return "person"

def dateline_source(body: str) -> Source | None:
    """The news agency whose dateline opens the text ("WASHINGTON (Reuters) -"): the teller
    of all the text says, after the outlet that published it."""
    found = DATELINE.match(body)
    if found is None or not any(w in outlet_words() for w in found["agency"].split()):
        return None
    return Source(text=found["agency"], name=found["agency"], kind="outlet", anonymous=False,
                  start=found.start("agency"), end=found.end("agency"))


def _as_source(actor: Actor) -> Source:
    return Source(text=actor.text, name=actor.name, kind="person", anonymous=actor.name is None,
                  start=actor.start, end=actor.end)


def _dedupe(chain: list[Source]) -> list[Source]:
    out: list[Source] = []
    for src in chain:
        key = (src.name or src.text).lower()
        if any(key == (o.name or o.text).lower() or (src.start is not None and src.start == o.start)
               for o in out):
            continue
        out.append(src)
    return out
