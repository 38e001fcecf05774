"""The roles an event's words play, and what both verb and noun readings share: adding a
party, whether a phrase can be one, and whom what an event says names."""

from __future__ import annotations

from dataclasses import dataclass, field

from wirewatch.events.subjects import NOT_PARTIES
from wirewatch.events.tree import Parse

TO_PREPS = frozenset({"to", "into", "toward", "towards"})
# what a deed is done on, not to: "arrested on suspicion of", "on charges of", "on orders"
GROUNDS = frozenset({"suspicion", "charge", "ground", "allegation", "accusation", "basis",
                     "behalf", "order", "instruction", "pretext", "count", "warrant"})
# events whose content names whom they are about ("threatened to attack X")
CONTENT_TYPES = frozenset({"THREATEN", "REQUEST", "AGREE", "REJECT", "ACCUSE"})
CONDITIONS = frozenset({"if", "unless"})
CONTENT_PREPS = frozenset({"to", "against", "with", "on", "from"})


@dataclass(slots=True)
class Roles:
    actors: list[int] = field(default_factory=list)
    recipients: list[int] = field(default_factory=list)
    things: list[int] = field(default_factory=list)  # what is given, fired, received
    scope: list[int] = field(default_factory=list)  # where instruments are looked for
    anchor: int = -1  # the clause the event hangs on (for dates and places)


def add_party(p: Parse, bucket: list[int], head: int | None) -> None:
    for h in p.conjuncts(head) if head is not None else ():
        tok = p.tokens[h]
        if h in bucket:
            continue
        if tok.ent_type in NOT_PARTIES and not (tok.ent_type == "CARDINAL" and any(
                prep == "of" for prep, _ in p.preps(h))):  # "thousands of students"
            continue
        if tok.pos in ("NOUN", "PROPN", "PRON", "NUM") or tok.ent_type in ("NORP", "GPE"):
            bucket.append(h)


def animate(p: Parse, i: int) -> bool:
    ent = p.ent_at[i]
    if ent is not None:
        return ent.label in ("GPE", "NORP", "ORG", "PERSON")
    return p.tokens[i].pos in ("PROPN", "PRON") or any(
        p.ent_at[c] is not None for c in p.children(i, "amod", "compound"))


def content_parties(p: Parse, i: int, etype: str, r: Roles) -> None:
    """Whom a threat, demand, promise or refusal is about, from what it says: "threatened
    to attack X", "threatened to cut off power to X"; whom a demand is put to: "demanded
    that X resign"."""
    if etype == "THREATEN":  # "threatened to strike unless X withdrew": X is threatened
        for clause in [i, *p.children(i, "xcomp")]:
            for c in p.children(clause, "advcl"):
                if any(p.tokens[m].lower_text in CONDITIONS for m in p.children(c, "mark")):
                    add_party(p, r.recipients, p.subject(c))
    for c in p.children(i, "xcomp"):
        dobj = p.child(c, "dobj")
        if dobj is None:  # "to allow UN planes to land", read as a clause of its own
            dobj = next((p.child(k, "nsubj") for k in p.children(c, "ccomp") if any(
                p.tokens[a].lower_text == "to" for a in p.children(k, "aux"))), None)
        add_party(p, r.recipients, dobj)
        for j in [c, *(p.subtree(dobj, skip=("relcl", "acl")) if dobj is not None else [])]:
            for prep, obj in p.preps(j):  # "to provide aid for X", "to lift sanctions on X"
                if (prep in CONTENT_PREPS or (j != c and prep == "for")) and animate(p, obj):
                    add_party(p, r.recipients, obj)
    for c in p.children(i, "ccomp", "acl", "advcl"):  # a clause names a party only of an
        adverbial = p.tokens[c].dep == "advcl"             # accusation or a demand
        marks = {p.tokens[m].lower_text for m in p.children(c, "mark")}
        if etype == "ACCUSE" and not adverbial:  # the one the deed is laid on: "alleged that
            doer = p.child(c, "nsubj")  # X tortured", "… were tortured by X"
            add_party(p, r.recipients, doer if doer is not None else p.by_object(c))
        elif etype == "REQUEST" and marks & ({"for"} if adverbial else {"that", "for"}):
            add_party(p, r.recipients, p.subject(c))  # "demanded that X resign", "called for X to"
