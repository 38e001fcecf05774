"""The event stage: an annotated article → its event mentions, quotes and places."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from wirewatch.articles.ids import stable_id
from wirewatch.events.actors import STATE_SECTORS, ActorResolver
from wirewatch.events.arguments import roles
from wirewatch.events.attribution import Attributor, dateline_source
from wirewatch.events.classify import TYPE_RATIO, TypeModel, weigh_types
from wirewatch.events.coder import (
    ADD,
    ADD_SENSED,
    Coder,
    FactReader,
    Scores,
    added,
    fact_scores,
    trigger_scores,
)
from wirewatch.events.conditions import ALWAYS, ON_PARTIES, ON_THINGS, Reading, failed
from wirewatch.events.discourse import Found, resolve_discourse
from wirewatch.events.factuality import factuality, learned
from wirewatch.events.genre import sports
from wirewatch.events.implied import implied_parties
from wirewatch.events.instruments import find_instruments
from wirewatch.events.lexicon import Trigger, assault_modes, context_cues, unconfirmed_contexts
from wirewatch.events.phrases import RELATIONAL
from wirewatch.events.places import PLACE_LABELS, find_places
from wirewatch.events.roles import Roles
from wirewatch.events.setting import event_date, event_place
from wirewatch.events.tree import Parse
from wirewatch.events.triggers import DEMAND, candidates, demands, rule_context
from wirewatch.records import (
    Actor,
    AnnotatedArticle,
    ArticleRecord,
    EventMention,
    Evidence,
    Instrument,
    Place,
    Source,
)

# "the withdrawal of X", "calls by X", "a demand from X", "aid to X": the party a thing is
# of, comes from or goes to, in that order
OWNER_PREPS = ("of", "by", "from", "to", "against")


def extract(ann: AnnotatedArticle, type_ratio: float = TYPE_RATIO,
            model: TypeModel | None = None, coder: Coder | None = trigger_scores,
            facts: FactReader | None = fact_scores,
            unconfirmed: Collection[tuple[str, ...]] | None = None) -> ArticleRecord:
    """The article's events, quotes and places. ``type_ratio`` and ``model`` (the bundled
    one by default): see ``classify.weigh_types``; ``coder`` scores the words of the
    sentences the rules read no event in as triggers (None: the rules alone); ``facts``
    reads how each event is reported (None: the rules alone); the rules' events in the
    ``unconfirmed`` contexts (``lexicon.unconfirmed_contexts`` by default) are dropped
    before the coder reads the sentences they leave."""
    p = Parse(ann)
    places = find_places(p)
    actors = ActorResolver(p, ann.article.title, places)
    attribution = Attributor(p, actors)
    publisher = ann.article.publisher
    found: list[Found] = []
    for tok in p.tokens:
        for trig in _senses(p, tok.i):
            item = _mention(p, tok.i, trig, actors, attribution, places)
            if item is not None:
                found.append(item)
                break
    for modal, demand_roles in demands(p):
        item = _mention(p, modal, DEMAND, actors, attribution, places, demand_roles)
        if item is not None:
            found.append(item)
    weak = unconfirmed_contexts() if unconfirmed is None else unconfirmed
    found = [f for f in found if rule_context(p, f.trigger, f.trig.event_type) not in weak]
    if coder is not None:
        read = {f.sentence for f in found}
        unread = [ann.tokens[s.start:s.end] for k, s in enumerate(ann.sentences) if k not in read]
        found += _coded(p, coder(unread), actors, attribution, places)
    found = [f for f in found if _by_the_state(f) or not sports(p, f.sentence)]
    found = weigh_types(p, resolve_discourse(p, found), type_ratio, model)
    how = facts([ann.tokens[ann.sentences[k].start:ann.sentences[k].end]
                 for k in sorted({f.sentence for f in found})],
                {f.trigger for f in found}) if facts is not None and found else {}
    head = [Source(text=publisher, name=publisher, kind="outlet", anonymous=False)] \
        if publisher else []
    wire = dateline_source(ann.article.body)
    if wire is not None and wire.name != publisher:  # "WASHINGTON (Reuters) -"
        head.append(wire)
    events = [
        replace(f.mention, confidence=_confidence(f),
                factuality=learned(f.mention.factuality, how.get(f.trigger)),
                attribution=head + [
            s for s in f.mention.attribution if (s.name or s.text) != publisher])
        for f in found
    ]
    return ArticleRecord(
        article=ann.article,
        events=events,
        quotes=attribution.result.quotes,
        places=sorted(places.values(), key=lambda pl: pl.start),
    )


def _senses(p: Parse, i: int) -> list[Trigger]:
    """The event senses token i may carry; none past a sense that says it is no event
    (a light verb's sense waits for its event noun: 'launched an attack')."""
    out = []
    for trig in candidates(p, i):
        if trig.event_type == "NONE":
            if "obj=event" not in trig.conditions or _governs_event_noun(p, i):
                break
            continue
        out.append(trig)
    return out


# senses that are events only by what is said ("claimed that X shelled Y"): a word known
# only in such a sense is, to the coder, a word the lexicon does not know
SAID = frozenset({"comp=hostile"})
# the words the coder's generic reading takes as acting on an object: a verb or an event noun
ACTING = frozenset({"VERB", "NOUN", "PROPN"})


def _coded(p: Parse, scores: Scores, actors: ActorResolver, attribution: Attributor,
           places: dict[int, Place]) -> list[Found]:
    """The events the coder finds (in the sentences it was given: those where the rules
    read none): a word it tags as a trigger (``coder.added``), read with the word's sense
    of that type (its conditions waived) or, where the lexicon has none, as one acting on
    its object. One event of a type a sentence."""
    have: set[tuple[int, str]] = set()
    out: list[Found] = []
    for i in sorted(scores):
        k = p.sentence_index(i)
        if _no_event(p, i):
            continue  # the lexicon says this use is none ("pleaded not guilty", "signed up")
        senses = _senses(p, i)
        for kind in added(scores[i], ADD_SENSED):
            if (k, kind) in have:
                continue
            trig = next((t for t in senses if t.event_type == kind
                         and not t.conditions & SAID), None)
            pos = p.tokens[i].pos
            if trig is None and (scores[i][kind] < ADD or pos not in ACTING):
                continue  # no sense, and not sure enough or no word that acts on an object
            trig = trig or Trigger(p.lemma(i), None, None, pos in ("NOUN", "PROPN"), kind, None,
                                   (), "act", frozenset())
            item = _mention(p, i, trig, actors, attribution, places, strict=False)
            if item is not None:
                out.append(item)
                have.add((k, kind))
                break
    return out


def _by_the_state(f: Found) -> bool:
    """Done by a state body: a game's sentence may still tell of it ("police arrested the
    receiver"), where its suspensions, signings and beatings are the game's."""
    return any(a.sector in STATE_SECTORS for a in f.mention.actors)


def _no_event(p: Parse, i: int) -> bool:
    """Is the word's most specific sense one the lexicon says is no event (not a light
    verb waiting for its event noun)?"""
    first = next(iter(candidates(p, i)), None)
    return first is not None and first.event_type == "NONE" and \
        "obj=event" not in first.conditions


def _mention(p: Parse, i: int, trig: Trigger, actors: ActorResolver, attribution: Attributor,
             places: dict[int, Place], r: Roles | None = None, strict: bool = True
             ) -> Found | None:
    """The event a trigger sense reports, or None when a condition of the sense fails or
    it has no party (unless not ``strict``: the coder has found its type in the sentence)."""
    r = r or roles(p, i, trig)
    instruments = find_instruments(p, r.scope)
    pronoun_things = bool(r.things) and all(p.is_pronoun(t) for t in r.things)
    reading = Reading(p, i, tuple(r.things), pronoun_things, (), (), tuple(instruments))
    if strict and failed(trig, reading, ON_THINGS):
        return None
    actor_list = _actors(actors, r.actors)
    recipients = [a for a in _actors(actors, r.recipients) if a not in actor_list]
    location = event_place(p, r, places, actor_list + recipients)
    actor_list, recipients = implied_parties(p, trig, r.anchor, actors, actor_list, recipients,
                                             location, places)
    reading = replace(reading, actors=tuple(actor_list), recipients=tuple(recipients))
    if failed(trig, reading, ALWAYS) or (strict and (
            failed(trig, reading, ON_PARTIES) or not (actor_list or recipients or instruments))):
        return None
    sent = p.sentence(i)
    facts = factuality(p, i, None, p.ann.article.published)
    date_text, date, told = event_date(p, r, i, p.ann.article.published,
                                       facts.modality == "future")
    said = facts.modality
    if said == "asserted":
        facts = factuality(p, i, date, p.ann.article.published)
    tok = p.tokens[i]
    text = p.body[sent.start_char:sent.end_char].rstrip()
    evidence = Evidence(text, sent.start_char, sent.start_char + len(text))
    chain = attribution.chain(i)
    mention = EventMention(
        id=stable_id(p.ann.article.article_id, str(tok.idx), trig.event_type),
        event_type=trig.event_type,
        mode=trig.mode or _assault_mode(p, trig, instruments, sent.start, sent.end),
        contexts=_contexts(p, trig, sent.start, sent.end,
                           any(x.kind in ("weapon", "vehicle") for x in instruments)),
        actors=actor_list,
        recipients=recipients,
        instruments=instruments,
        date=date,
        date_text=date_text,
        date_told=told,
        location=location,
        factuality=facts,
        attribution=chain,
        evidence=evidence,
        trigger=Evidence(tok.text, tok.idx, tok.idx + len(tok.text)),
        confidence=0.0,
    )
    things = frozenset(j for t in r.things for j in p.subtree(t))
    targets = frozenset(j for t in r.recipients for j in p.subtree(t))
    return Found(mention, i, p.sentence_index(i), trig, bool(chain), pronoun_things, things,
                 targets, scheduled=said != "future" and facts.modality == "future")


def _assault_mode(p: Parse, trig: Trigger, instruments: list[Instrument], start: int,
                  end: int) -> str | None:
    """An attack's mode from its weapons, else from the attack nouns or weapons named in its
    sentence ("killed in a car bomb explosion": explosives)."""
    if trig.event_type != "ASSAULT":
        return None
    nouns = (t.mode for j in range(start, end) for t in candidates(p, j)
             if t.event_type == "ASSAULT" and t.noun)  # "a roadside bombing killed two"
    return _weapon_mode(instruments) or next((m for m in nouns if m), None) or \
        _weapon_mode(find_instruments(p, range(start, end)))


def _weapon_mode(instruments: list[Instrument]) -> str | None:
    table = assault_modes()  # "Palestinian suicide bomb": the longest ending the table knows
    endings = (" ".join(words[k:]) for i in instruments
               for words in [i.name.split()] for k in range(len(words)))
    return next((table[e] for e in endings if e in table), None)


def _governs_event_noun(p: Parse, verb: int) -> bool:
    """'launched an attack', 'imposed sanctions': the noun carries the event."""
    obj = p.child(verb, "dobj")
    return obj is not None and any(t.event_type != "NONE" for t in candidates(p, obj))


def _actors(resolver: ActorResolver, heads: list[int]) -> list[Actor]:
    """The actors of argument heads; a thing stands for its owner ("praised Haiti's
    progress": Haiti; "demolished Palestinian homes": Palestinians)."""
    out: list[Actor] = []
    p = resolver.p
    for h in heads:
        if p.tokens[h].dep == "appos" and p.tokens[h].head in heads:
            continue  # "Ana Ruiz, a lawyer": one party
        actor = resolver.resolve(h)
        if actor is None and p.lemma(h) not in RELATIONAL:
            actor = next((a for o in _owners(p, h) if (a := resolver.resolve(o)) is not None),
                         None)
        if actor is not None and all(actor.start != o.start for o in out):
            out.append(actor)
    return out


def _owners(p: Parse, h: int) -> list[int]:
    """Whose a thing is, nearest first: "Haiti's progress", "Palestinian homes", "a
    Greek-owned ship", then the parties it is of, comes from or goes to ("calls by
    Belarus", "aid to Serbia"), or was done by ("crimes committed by X")."""
    mods = p.children(h, "amod", "compound")
    mods += [c for m in mods for c in p.children(m, "npadvmod")]  # "a Greek-owned ship"
    named = [c for c in mods if p.ent_at[c] is not None and
             p.ent_at[c].label in ("NORP", "GPE")]  # type: ignore[union-attr]
    links = [(prep, obj) for prep, obj in p.preps(h) if not (
        prep == "of" and p.tokens[obj].ent_type in PLACE_LABELS)]  # "the town of Idlib"
    linked = [obj for want in OWNER_PREPS for prep, obj in links if prep == want]
    done_by = [obj for acl in p.children(h, "acl") for prep, obj in p.preps(acl)
               if prep == "by"]  # "crimes committed by Croat forces"
    return p.children(h, "poss") + named + linked + done_by


def _contexts(p: Parse, trig: Trigger, start: int, end: int, armed: bool) -> list[str]:
    out = list(trig.contexts)
    cues = context_cues()
    for j in range(start, end):
        ctx = cues.get(p.lemma(j))
        if ctx and ctx not in out:
            out.append(ctx)
    if armed and "military" not in out:
        out.append("military")
    return out


def _confidence(f: Found) -> float:
    m = f.mention
    score = 0.45
    score += 0.2 if any(a.country for a in m.actors) else 0.0
    score += 0.15 if m.recipients else 0.0
    score += 0.1 if not f.trig.noun else 0.0
    score += 0.05 if m.date else 0.0
    inferred = [a for a in m.actors + m.recipients if "context" in a.inferred]
    score -= 0.15 if inferred else 0.0
    return round(max(0.05, min(0.99, score)), 2)
