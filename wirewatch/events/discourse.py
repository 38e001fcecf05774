"""Discourse: what the mentions of one article say about each other.

Run after every sentence has been read: drop mentions another one subsumes, fold the steps
of one transfer together, fill arguments a sentence leaves unsaid from the event it
echoes, and read an announced event as the promise or threat it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from wirewatch.articles.ids import stable_id
from wirewatch.events.lexicon import Trigger
from wirewatch.events.tree import Parse
from wirewatch.events.triggers import DEMAND
from wirewatch.records import Actor, EventMention

RECIPIENT_REQUIRED = frozenset({"AID", "COOPERATE", "SANCTION"})
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
THREAT_MODES: dict[tuple[str, str | None], str] = {
    ("ASSAULT", None): "violence", ("COERCE", "arrest"): "arrest", ("COERCE", "ban"): "ban",
    ("COERCE", "restrict"): "restrict", ("COERCE", None): "restrict",
    ("SANCTION", "expel"): "expel", ("SANCTION", None): "relations",
    ("MOBILIZE", None): "violence",
}
# what these verbs are done to did not take place: "prevented the demonstration staged by X"
# ("a thwarted attempt" was made, and is coded)
PREVENTING = frozenset({"prevent", "stop", "block", "ban", "bar", "forbid", "prohibit",
                        "cancel", "postpone", "outlaw"})
# what these verbs clear someone of is no event of its own: "cleared him of all charges"
CLEARING = frozenset({"clear", "acquit", "absolve", "exonerate"})
SUBSUMING = frozenset({"help", "assist", "aid"})  # "helped to arm X" is one event: arm
# journeys whose aim ("travelled to Syria to fight", "left to join Isis") tells why someone
# went, not what happened (the training sentences code none)
JOURNEYS = frozenset({"go", "travel", "come", "leave", "head", "fly", "move", "journey"})
CLAIM_DEPS = frozenset({"advcl", "xcomp", "acl", "relcl", "pcomp", "dobj", "pobj"})
# verbal events whose complement is what they are about, not something that happened
FRAMING = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT",
                     "THREATEN"})
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prep", "pcomp", "acl", "acomp", "attr"})
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
    scheduled: bool = False  # to come by its date alone ("a meeting on 20 September")


def resolve_discourse(p: Parse, found: list[Found]) -> list[Found]:
    """The article's mentions after the discourse rules, in reading order."""
    found = _drop_subsumed(p, found)
    _fold_transfers(found)
    _inherit(found)
    return [_as_commitment(f) for f in found]


def _drop_subsumed(p: Parse, found: list[Found]) -> list[Found]:
    """'helping to arm Russia': keep the arming, drop the helping; 'sent its aid': the aid
    is what was sent, not an event of its own; 'condemned the arrests': the arrests are
    what is condemned, unless the phrase says who made them; what was prevented or
    banned ("stopped the march staged to protest X") or what someone was cleared of did
    not happen; purposes and the content of promises, threats, demands and refusals are
    not events of their own."""
    by_trigger = {f.trigger: f for f in found}
    things = set().union(*(f.things for f in found)) if found else set()
    targets = set().union(*(f.targets for f in found)) if found else set()
    frames = {f.trigger: f for f in found if f.mention.event_type in FRAMING}
    for f in found:  # "X said Y must reach an agreement": the demand frames Y's clause
        if f.trig is DEMAND:  # its trigger is the modal; the clause is the modal's head
            frames.setdefault(p.tokens[f.trigger].head, f)
    prevented = {j for tok in p.tokens if p.lemma(tok.i) in PREVENTING
                 for obj in p.children(tok.i, "dobj", "nsubjpass") for j in p.subtree(obj)}
    prevented |= {j for tok in p.tokens if p.lemma(tok.i) in CLEARING
                  for prep, obj in p.preps(tok.i) if prep == "of" for j in p.subtree(obj)}
    keep = []
    for f in found:
        if p.lemma(f.trigger) in SUBSUMING and any(
                c in by_trigger for c in p.children(f.trigger, "xcomp", "ccomp")):
            continue
        if f.trig.noun and (f.trigger in things or (
                f.trigger in targets and not f.mention.actors)):
            continue
        if f.trigger in prevented or _aim_of_journey(p, f.trigger):
            continue
        if f.mention.event_type == "REQUEST" and _claim_of_protest(p, f, found):
            continue
        if f.mention.event_type in ("REQUEST", "REJECT") and _for_comment(p, f.trigger):
            continue
        main = _purpose_of(p, f.trigger, by_trigger)
        if main is not None:
            if main.mention.event_type in (f.mention.event_type, "PROTEST") and \
                    not main.mention.recipients:  # "struck to protest against the ruling"
                main.mention = replace(main.mention, recipients=f.mention.recipients)
            continue
        frame = _frame_of(p, f.trigger, frames)
        if frame is not None:
            frame.mention = _take_content(frame.mention, f.mention)
            continue
        keep.append(f)
    return keep


def _aim_of_journey(p: Parse, i: int) -> bool:
    """'went to Syria to fight'; not 'went on to fight' (carried on), nor a journey planned
    ('plan to go over the border to attack': the attack is planned)."""
    tok = p.tokens[i]
    return tok.dep in ("advcl", "xcomp") and p.subject(i) is None and any(
        p.tokens[c].lower_text == "to" for c in p.children(i, "aux")) and \
        p.lemma(tok.head) in JOURNEYS and not p.children(tok.head, "prt") and \
        p.tokens[tok.head].dep != "xcomp"


def _purpose_of(p: Parse, i: int, by_trigger: Mapping[int, Found]) -> Found | None:
    """'resigned to allow elections', 'staged demonstrations to demand reforms': a purpose
    is what an event is for, not a second event, when the clause it hangs on has one."""
    tok = p.tokens[i]
    if tok.dep not in ("advcl", "xcomp") or p.subject(i) is not None or not any(
            p.tokens[c].lower_text == "to" for c in p.children(i, "aux")):
        return None
    objects = p.children(tok.head, "dobj")  # "continued their strike to demand X"
    heads = [*objects] if tok.dep == "xcomp" else [tok.head, *objects]
    if p.tokens[tok.head].dep == "acl":  # "the demonstration staged to protest X"
        heads.append(p.tokens[tok.head].head)
    return next((by_trigger[j] for j in heads if j in by_trigger), None)


def _frame_of(p: Parse, i: int, frames: Mapping[int, Found]) -> Found | None:
    """'agreed to share', 'demanded that X refuse', 'refusing to lift', 'threatened to
    ban': what is agreed, demanded, refused or threatened has not happened; the verbal
    event is the event (PLOVER codes the frame). The frame, if there is one."""
    if i in frames and frames[i].trigger != i:  # "must mediate": a demand's own clause
        return frames[i]
    below = i
    for a in p.ancestors(i):  # "agreed to X and attacked Y": the attack is no content,
        dep = p.tokens[below].dep  # but "refused to let them land and evacuate" is
        if dep in ("advcl", "relcl", "nsubj", "nsubjpass") or (dep == "conj" and (
                a in frames or p.tokens[a].dep not in CONTENT_DEPS)):
            return None
        if a in frames and p.tokens[below].dep in CONTENT_DEPS:
            return frames[a]
        if p.tokens[below].dep == "ccomp":  # "reiterated its demand that X ease": the
            noun = next((frames[o] for o in p.children(a, "dobj") if o in frames), None)
            if noun is not None:  # clause is the demand's
                return noun
        below = a
    return None


def _take_content(frame: EventMention, content: EventMention) -> EventMention:
    """What the frame is about fills what it leaves open: 'threatened to ban the party'
    is a threat of a ban, made to the party."""
    if frame.event_type == "THREATEN" and frame.mode is None:
        frame = replace(frame, mode=_threat_mode(content))
    if not frame.recipients:
        frame = replace(frame, recipients=[
            a for a in content.recipients if a not in frame.actors] or [
            a for a in content.actors if a not in frame.actors])
    return frame


def _for_comment(p: Parse, i: int) -> bool:
    """'did not respond to a request for comment', 'declined to comment': a reporter's
    question and its answer, which the guide does not code."""
    return any(p.tokens[j].lower_text == "comment" and not p.children(j, "det") and (
        p.tokens[j].dep == "xcomp" or (
        p.tokens[j].dep == "pobj" and p.tokens[p.tokens[j].head].lower_text == "for"))
        for j in p.subtree(i, skip=("relcl", "advcl", "conj", "ccomp")))


def _claim_of_protest(p: Parse, f: Found, found: list[Found]) -> bool:
    """'marched to demand reforms', 'strikers demanding pay', 'staged rallies, saying he
    must go': the demand is what the protest is for, and PLOVER codes the protest."""
    protests = {g.trigger for g in found if g.mention.event_type == "PROTEST" and
                g.sentence == f.sentence}
    claim = f.trigger
    if f.trig is DEMAND:  # "staged rallies, saying he must resign": the saying is the claim
        claim = p.tokens[p.tokens[claim].head].head
    if not protests or p.tokens[claim].dep not in CLAIM_DEPS:
        return False
    return any(a in protests or p.tokens[a].dep in ("nsubj", "pobj") or
               any(o in protests for o in p.children(a, "dobj"))
               for a in p.ancestors(claim)[:3])


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
        added = [a for a in f.mention.recipients
                 if all(a.start != b.start for b in first.mention.recipients)]
        first.mention = replace(first.mention,
                                recipients=[*first.mention.recipients, *added])


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
            m = replace(m, actors=[_inferred(a) for a in ante.actors],
                        recipients=[_inferred(a) for a in ante.recipients],
                        attribution=m.attribution if f.own_attribution
                        else list(ante.attribution))
        if m.event_type in RECIPIENT_REQUIRED and not m.recipients:
            donors = [g for g in same if g.mention.recipients]
            if donors:
                m = replace(m, recipients=[_inferred(a) for a in donors[-1].mention.recipients])
        f.mention = m


def _as_commitment(f: Found) -> Found:
    """A promise is the event, not what is promised (PLOVER): 'X will send aid' is X's
    AGREE (to send aid), 'X will attack' X's THREATEN and 'X will not accept' X's REJECT."""
    m = f.mention
    if m.factuality.modality != "future" or m.event_type in ("AGREE", "THREATEN") or \
            not m.actors or f.scheduled:  # a date to come promises nothing
        return f
    if m.factuality.polarity == "negative":  # "will not accept": a refusal
        if m.event_type not in COOPERATIVE:
            return f
        etype = "REJECT"
    else:
        etype = "AGREE" if m.event_type in COOPERATIVE else "THREATEN"
    promise = replace(
        m, id=stable_id(m.id, etype), event_type=etype,
        mode=_threat_mode(m) if etype == "THREATEN" else None,
        factuality=replace(m.factuality, modality="asserted", polarity="positive"),
    )
    return replace(f, mention=promise)


def _threat_mode(m: EventMention) -> str | None:
    return THREAT_MODES.get((m.event_type, m.mode), THREAT_MODES.get((m.event_type, None)))


def _inferred(actor: Actor) -> Actor:
    return replace(actor, inferred=(*actor.inferred, "context"))
