"""The parties of an event noun: its possessor, its prepositions, its modifiers and the verb
that governs it ("Israel's offensive", "the arrest of X by Y", "a police raid", "held talks
with X")."""

from __future__ import annotations

from wirewatch.events.lexicon import Trigger, sectors
from wirewatch.events.roles import (
    CONTENT_TYPES,
    GROUNDS,
    TO_PREPS,
    Roles,
    add_party,
    animate,
    content_parties,
)
from wirewatch.events.subjects import RELATIVE, controller, governing_verb, is_event_verb
from wirewatch.events.tree import Parse

# what "of" names on an event noun, by frame: its doer ("the demands of protesters", "the
# deployment of troops"), what moves or is given ("the withdrawal of US troops", "the
# delivery of arms"), else whom it is done to ("the killing of X")
OF_ROLES = {"ask": "actors", "deploy": "actors", "leave": "things", "give": "things"}
# what is said, whose "from" names the one who says it: "criticism from X", "calls from X"
SPOKEN = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT"})
# verbs whose subject suffers what the event noun after "in" names: "died in an airstrike"
DYING = frozenset({"die", "perish"})
# verbs whose subject suffers the deed that is their object: "civilians braced for an attack",
# "the town came under shelling", "they face airstrikes"
UNDERGOING = frozenset({"face", "suffer", "endure", "brace", "fear", "survive", "withstand",
                        "undergo", "sustain", "come"})
# an event noun on a verb through these is no act of the verb's subject ("X responded after
# the resignation of Y")
CIRCUMSTANCE_PREPS = frozenset({"after", "before", "since", "following", "despite", "amid",
                                "over", "until"})
# sectors whose word before an event noun names its doer ("a rebel assault", "a police
# raid"), where a civilian's or a journalist's names its target ("journalist killings")
FORCES_AND_STATE = frozenset({"MIL", "COP", "UAF", "REB", "SPY", "GOV"})


def noun_roles(p: Parse, i: int, trig: Trigger) -> Roles:
    # "missile strikes": its own words may name the weapon a sense asks for
    r = Roles(scope=[i] if trig.conditions & {"obj=materiel", "armed"} else [])
    if p.tokens[i].dep == "compound":  # "a mediation effort between A and B": the phrase's
        i = p.tokens[i].head           # head holds the arguments
    verb = governing_verb(p, i)
    r.anchor = verb if verb is not None else i
    patient = "poss=patient" in trig.conditions and all(prep != "of" for prep, _ in p.preps(i))
    for c in _possessors(p, i):  # "Israel's offensive", but "his arrest"
        add_party(p, r.recipients if patient else r.actors, c)
    for prep, obj in p.preps(i):
        _noun_preposition(p, trig, r, prep, obj)
    for c in p.children(i, "amod", "compound"):
        ent = p.ent_at[c]
        if ent is not None and ent.label == "NORP":  # "Israeli airstrikes": Israel strikes
            add_party(p, r.actors, c)
        elif ent is not None and ent.label == "GPE":  # "the Ukraine invasion": Ukraine is
            # invaded; "the US withdrawal": the US withdraws
            add_party(p, r.recipients if trig.frame == "act" else r.actors, c)
    head = p.tokens[p.tokens[i].head]
    if verb is not None and p.tokens[i].dep == "pobj" and not r.recipients and (
            head.lower_text == "under" or (head.lower_text == "on" and
                                          trig.event_type == "ACCUSE")):
        # "placed X under arrest", "X was put under investigation", "detained X on charges"
        add_party(p, r.recipients, p.child(verb, "dobj", "nsubjpass"))
    if verb is not None:
        _roles_on_verb(p, i, verb, trig, r)
    if (not r.actors or trig.frame == "recip") and verb is not None and not is_event_verb(
            p, verb) and head.lower_text not in CIRCUMSTANCE_PREPS and p.lemma(verb) not in \
            DYING | UNDERGOING:  # "held talks with X": the holder talks too
        direct = p.subject(verb)  # "launched a crackdown", not "condemned the arrests"
        if direct is None:
            add_party(p, r.actors, controller(p, verb))
        elif p.tokens[direct].dep == "nsubj" and p.tokens[direct].lower_text not in RELATIVE \
                and direct != i:  # "the arrest drew protests": not the arrest's own doer
            add_party(p, r.actors, direct)
    if not r.actors and trig.frame == "leave":  # "the resignation of X": X goes
        r.actors.extend(r.things)
    if not r.actors:  # "a rebel assault", "a police raid", "army shelling"
        r.actors.extend(c for c in p.children(i, "amod", "compound") if _force_word(p, c))
    if not r.recipients and trig.event_type in CONTENT_TYPES:  # "its demand that X resign"
        content_parties(p, i, trig.event_type, r)
    if trig.frame == "give" and not r.things and verb is not None:
        add_party(p, r.things, p.child(verb, "dobj"))
    for t in r.things:
        r.scope.extend(p.subtree(t, skip=("relcl",)))
    return r


def _possessors(p: Parse, i: int) -> list[int]:
    """Whose an event noun is: its possessor, or its coordinated noun's when it has no
    determiner ("the group's losses and retreat", not "Russia's invasion and the sanctions")."""
    owners = p.children(i, "poss")
    if not owners and p.tokens[i].dep == "conj" and not p.children(i, "det"):
        owners = p.children(p.tokens[i].head, "poss")
    return owners


def _roles_on_verb(p: Parse, i: int, verb: int, trig: Trigger, r: Roles) -> None:
    """Parties of an event noun that the verb governing it names: "died in an airstrike by
    X", "was hit by attacks" (the verb's subject suffers the deed); "drew criticism from X"."""
    head = p.tokens[p.tokens[i].head]
    if p.lemma(verb) in DYING and head.lower_text == "in" and head.head == verb and \
            trig.event_type in ("ASSAULT", "COERCE"):
        add_party(p, r.actors, None if r.actors else p.by_object(verb))
        if not r.recipients:
            add_party(p, r.recipients, p.subject(verb))
    if trig.frame == "act" and not r.recipients and ((p.lemma(verb) in UNDERGOING and (
            p.lemma(verb) != "come" or head.lower_text == "under")) or (
            head.dep == "agent" and head.head == verb)):  # "X was hit by attacks"
        add_party(p, r.recipients, p.subject(verb))
    if p.tokens[i].dep != "dobj" or is_event_verb(p, verb):
        return
    for prep, obj in p.preps(verb):  # a verb that only carries it: "drew criticism from X",
        if prep == "from" and not r.actors and trig.event_type in SPOKEN:
            add_party(p, r.actors, obj)
        elif prep in ("against", "on", "upon") and not r.recipients and \
                p.lemma(obj) not in GROUNDS:  # "opened an investigation against X"
            add_party(p, r.recipients, obj)


def _noun_preposition(p: Parse, trig: Trigger, r: Roles, prep: str, obj: int) -> None:
    """The role a preposition on an event noun gives its object ("the arrest of X by Y")."""
    if prep == "by":
        add_party(p, r.actors, obj)
    elif prep in TO_PREPS or prep in ("against", "on", "upon", "at") or (
            prep == "for" and animate(p, obj)):
        add_party(p, r.recipients, obj)
    elif prep == "of":
        add_party(p, getattr(r, OF_ROLES.get(trig.frame, "recipients")), obj)
    elif prep == "with":
        (r.actors if trig.frame == "recip" else r.scope).extend(
            [obj] if trig.frame == "recip" else p.subtree(obj))
    elif prep == "from" and trig.frame in ("give", "leave"):  # "aid from X"; "the
        add_party(p, r.actors if trig.frame == "give" else r.recipients, obj)  # pullout from X"
    elif prep == "from" and trig.event_type in SPOKEN:  # "criticism from X"
        add_party(p, r.actors, obj)
    elif prep == "between":  # "talks between A and B", "mediation between A and B"
        add_party(p, r.actors if trig.frame == "recip" else r.recipients, obj)


def _force_word(p: Parse, c: int) -> bool:
    """A word before an event noun naming who does it: a force's or a state's noun ("police
    raid", "army shelling"), an armed group's adjective ("militant attack"), not a general
    strike or a naval blockade someone else imposes."""
    sector = sectors().get(p.lemma(c)) if p.ent_at[c] is None else None
    tok = p.tokens[c]
    return sector in FORCES_AND_STATE and (tok.pos == "NOUN" or sector in ("UAF", "REB"))
