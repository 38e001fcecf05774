"""Discourse: what the mentions of one article say about each other.

Run after every sentence has been read: drop mentions another one subsumes, fold the steps
of one transfer together, fill arguments a sentence leaves unsaid from the event it
echoes, and add the promise or threat that an announced event is.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from wirewatch.articles.ids import stable_id
from wirewatch.events.lexicon import Trigger
from wirewatch.events.tree import Parse
from wirewatch.records import Actor, EventMention

RECIPIENT_REQUIRED = frozenset({"AID", "COOPERATE", "SANCTION"})
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
THREAT_MODES: dict[tuple[str, str | None], str] = {
    ("ASSAULT", None): "violence", ("COERCE", "arrest"): "arrest", ("COERCE", "ban"): "ban",
    ("COERCE", "restrict"): "restrict", ("COERCE", None): "restrict",
    ("SANCTION", "expel"): "expel", ("SANCTION", None): "relations",
    ("MOBILIZE", None): "violence",
}
SUBSUMING = frozenset({"help", "assist", "aid"})  # "helped to arm X" is one event: arm
CLAIM_DEPS = frozenset({"advcl", "xcomp", "acl", "relcl", "pcomp", "dobj", "pobj"})
ANTECEDENT_SENTENCES = 3


@dataclass(slots=True)
class Found:
    """An event mention while its article is being read, with what discourse rules need."""

    mention: EventMention
    trigger: int
    sentence: int
    trig: Trigger
    own_attribution: bool
    pronoun_things: bool
    things: frozenset[int]  # the words of what is given, fired, received
    targets: frozenset[int]  # the words of whom or what it is done to


def resolve_discourse(p: Parse, found: list[Found]) -> list[Found]:
    """The article's mentions after the discourse rules, in reading order."""
    found = _drop_subsumed(p, found)
    _fold_transfers(found)
    _inherit(found)
    return found + _commitments(found)


def _drop_subsumed(p: Parse, found: list[Found]) -> list[Found]:
    """'helping to arm Russia': keep the arming, drop the helping; 'sent its aid': the aid
    is what was sent, not an event of its own; 'condemned the arrests': the arrests are
    what is condemned, unless the phrase says who made them."""
    triggers = {f.trigger for f in found}
    things = set().union(*(f.things for f in found)) if found else set()
    targets = set().union(*(f.targets for f in found)) if found else set()
    keep = []
    for f in found:
        if p.lemma(f.trigger) in SUBSUMING and any(
                c in triggers for c in p.children(f.trigger, "xcomp", "ccomp")):
            continue
        if f.trig.noun and (f.trigger in things or (
                f.trigger in targets and not f.mention.actors)):
            continue
        if f.mention.event_type == "REQUEST" and _claim_of_protest(p, f, found):
            continue
        keep.append(f)
    return keep


def _claim_of_protest(p: Parse, f: Found, found: list[Found]) -> bool:
    """'marched to demand reforms', 'strikers demanding pay': the demand is what the
    protest is for, and PLOVER codes the protest."""
    protests = {g.trigger for g in found if g.mention.event_type == "PROTEST" and
                g.sentence == f.sentence}
    if not protests or p.tokens[f.trigger].dep not in CLAIM_DEPS:
        return False
    return any(a in protests or p.tokens[a].dep in ("nsubj", "pobj") for a in
               p.ancestors(f.trigger)[:3])


def _fold_transfers(found: list[Found]) -> None:
    """A transfer told in steps ("moved to X, where they were collected by Y, who shipped
    them to Z") is one handover: later steps about 'them' add their recipients to the first."""
    for k, f in enumerate(found):
        if f.mention.event_type != "AID" or not f.pronoun_things:
            continue
        first = next((g for g in found[:k] if g.sentence == f.sentence and
                      g.mention.event_type == "AID" and g.mention.instruments), None)
        if first is None:
            continue
        for a in f.mention.recipients:
            if all(a.start != b.start for b in first.mention.recipients):
                first.mention.recipients.append(a)


def _inherit(found: list[Found]) -> None:
    """Arguments left unsaid ("the weapons being smuggled") come from the event they echo."""
    for k, f in enumerate(found):
        m = f.mention
        prior = [g for g in found[:k] if f.sentence - g.sentence <= ANTECEDENT_SENTENCES
                 and g.sentence < f.sentence]
        same = [g for g in prior if g.mention.event_type == m.event_type and
                (g.mention.actors or g.mention.recipients)]
        if not m.actors and not m.recipients and same:
            ante = same[-1].mention
            m.actors = [_inferred(a) for a in ante.actors]
            m.recipients = [_inferred(a) for a in ante.recipients]
            if not f.own_attribution:
                m.attribution = list(ante.attribution)
        if m.event_type in RECIPIENT_REQUIRED and not m.recipients:
            donors = [g for g in same if g.mention.recipients]
            if donors:
                m.recipients = [_inferred(a) for a in donors[-1].mention.recipients]


def _commitments(found: list[Found]) -> list[Found]:
    """A promise is an event of its own (PLOVER): 'X will send aid' is X's AGREE (to send
    aid), 'X will attack' X's THREATEN and 'X will not accept' X's REJECT, beside the
    announced event, which stays marked future."""
    out = []
    for f in found:
        m = f.mention
        if m.factuality.modality != "future" or m.event_type in ("AGREE", "THREATEN") or \
                not m.actors:
            continue
        if m.factuality.polarity == "negative":  # "will not accept": a refusal
            if m.event_type not in COOPERATIVE:
                continue
            etype = "REJECT"
        else:
            etype = "AGREE" if m.event_type in COOPERATIVE else "THREATEN"
        mode = THREAT_MODES.get((m.event_type, m.mode), THREAT_MODES.get((m.event_type, None)))
        promise = replace(
            m, id=stable_id(m.id, etype), event_type=etype,
            mode=mode if etype == "THREATEN" else None,
            factuality=replace(m.factuality, modality="asserted", polarity="positive"),
            actors=list(m.actors), recipients=list(m.recipients),
        )
        out.append(replace(f, mention=promise))
    return out


def _inferred(actor: Actor) -> Actor:
    return replace(actor, inferred=[*actor.inferred, "context"])
