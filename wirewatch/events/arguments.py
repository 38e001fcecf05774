"""The roles of a verb trigger's words: who acts, on whom, with what (event nouns are
``noun_roles``'s).

Frames (from ``knowledge/triggers.tsv``) say how syntax maps to roles: ``act`` (the
subject acts on the object), ``give`` (the subject hands the object to someone),
``receive`` (the subject gets something from someone), ``recip`` (all parties act
together), ``ask`` (the subject asks the object, or whoever it leans or calls on).
"""

from __future__ import annotations

from wirewatch.events.lexicon import Trigger, triggers, weapons
from wirewatch.events.noun_roles import noun_roles
from wirewatch.events.phrases import not_own
from wirewatch.events.roles import (
    CONTENT_TYPES,
    GROUNDS,
    TO_PREPS,
    Roles,
    add_party,
    animate,
    content_parties,
)
from wirewatch.events.subjects import CLAUSE_LINKS, RELATIVE, addressee, controller, issuer
from wirewatch.events.tree import Parse

AGAINST_PREPS = frozenset({"against", "on", "upon", "at", "toward", "towards", "into"})
ORDERING = frozenset({"order", "decide", "direct", "instruct", "command", "rule"})
# whom more prepositions name, type by type: "apologized to X", "yielded to X"; what is
# withheld or refused was someone's: "halted aid to X", "refused entry to X", "cut ties with X"
TYPE_PREPS: dict[str, frozenset[str]] = {
    "SUPPORT": frozenset({"to"}), "CONCEDE": frozenset({"to"}),
    "SANCTION": frozenset({"to", "for", "with"}), "REJECT": frozenset({"to", "for", "with"}),
}
# which role the object of a preposition on a verb trigger plays, frame by frame
PREP_ROLES: dict[str, dict[str, str]] = {
    "give": dict.fromkeys(TO_PREPS, "recipients"),
    "receive": {"from": "actors"},
    "recip": {"with": "recipients"},  # "A agreed with B": PLOVER codes B as the target
    "act": dict.fromkeys(AGAINST_PREPS, "recipients"),
    "ask": dict.fromkeys(AGAINST_PREPS - {"at", "into"} | {"to", "with"}, "recipients"),
    "deploy": {"against": "recipients"},
    "leave": {"from": "recipients"},
}


def roles(p: Parse, i: int, trig: Trigger) -> Roles:
    return noun_roles(p, i, trig) if trig.noun else _verb_roles(p, i, trig)


def _verb_roles(p: Parse, i: int, trig: Trigger) -> Roles:
    r = Roles(anchor=i)
    doer, done_to = _doer_and_done_to(p, i, r)
    if done_to is not None and trig.extra and trig.particle == p.lemma(done_to):
        done_to = None  # words of the sense itself ("declared a state of emergency")
    _by_frame(p, i, trig, r, doer, done_to)
    _by_prepositions(p, i, trig, r)
    if not r.actors and trig.frame == "act":  # "killed in airstrikes and shelling by X"
        add_party(p, r.actors, next((by for prep, obj in p.preps(i) if prep == "in"
                                     for c in p.conjuncts(obj)
                                     if (by := p.by_object(c)) is not None), None))
    dobj = p.child(i, "dobj")
    if not r.recipients:
        _recipients_further(p, i, trig, r, dobj)
    if trig.frame in ("give", "receive") and not r.actors:
        add_party(p, r.actors, _owner(p, r.things, trig.frame == "receive"))
    for t in r.things:
        r.scope.extend(p.subtree(t, skip=("relcl",)))
    if "obj=materiel" in trig.conditions and dobj is not None:
        r.scope.extend(p.subtree(dobj))
    if trig.frame in ("give", "receive") and not r.things:
        r.scope.extend(_after(p, i))
    return r


def _doer_and_done_to(p: Parse, i: int, r: Roles) -> tuple[int | None, int | None]:
    """Who does what a verb says, and to whom or what, active or passive; a weapon or an
    attack doing it ("Russian drones struck", "Russian missile strikes hit") goes to the
    instruments' scope and its owner acts."""
    subj = p.child(i, "nsubj")
    tok = p.tokens[i]  # "fighters captured by troops": a participle on a noun is passive,
    reduced = tok.dep == "acl" and tok.tag in ("VBN", "VBD") and subj is None and \
        p.tokens[tok.head].dep != "ROOT"  # unless the noun was misread as the main clause
    passive = p.is_passive(i) or reduced
    subjpass = p.child(i, "nsubjpass")
    agent = next((obj for prep, obj in p.preps(i) if prep == "by" and
                  any(p.tokens[c].dep == "agent" for c in p.kids[i])), None)
    dobj = p.child(i, "dobj")
    if tok.dep == "relcl":  # "civilians who were kidnapped", "Kurds, whom Turkey accused":
        if subj is not None and p.tokens[subj].lower_text in RELATIVE:  # the civilians,
            subj = tok.head                                               # the Kurds
        if subjpass is not None and p.tokens[subjpass].lower_text in RELATIVE:
            subjpass = tok.head
        if dobj is not None and p.tokens[dobj].lower_text in RELATIVE:
            dobj = tok.head
    if subj is None and subjpass is None and tok.dep == "conj":
        shared = p.child(tok.head, "nsubjpass", "nsubj")  # "was arrested and later
        if passive:                                        # returned to jail"
            subjpass = shared
        else:
            subj = shared
    doer = agent if passive else subj
    done_to = subjpass if passive else dobj
    if passive and doer is None and tok.dep in ("ccomp", "xcomp") and \
            p.lemma(tok.head) in ORDERING:  # "ordered that her citizenship be revoked":
        doer = p.subject(tok.head)          # the one who ordered it
    if reduced and done_to is None:
        done_to = tok.head
        r.scope.extend(_copular_subject(p, done_to))
    elif tok.dep == "acl" and done_to is None and doer is None:
        doer = issuer(p, tok.head)  # "protesters demanding reform"
        done_to = addressee(p, tok.head)  # "a letter to Kelly asking for": Kelly is asked
    if doer is None and subj is None and subjpass is None and not reduced:
        doer = controller(p, i)
    if doer is not None and p.lemma(doer) not in weapons():  # "a tranche of tanks"
        doer = next((obj for prep, obj in p.preps(doer) if prep == "of" and
                     p.lemma(obj) in weapons()), doer)
    if doer is not None and (p.lemma(doer) in weapons() or (doer == subj and _attack(p, doer))):
        r.scope.extend(p.subtree(doer))  # "Russian missile strikes hit Kyiv": Russia does;
        doer = next((c for c in p.children(doer, "amod", "compound", "poss")  # "the US-led
                     if p.ent_at[c] is not None),  # strikes killed": the phrase says who
                    None if p.lemma(doer) in weapons() else doer)
    return doer, done_to


def _by_frame(p: Parse, i: int, trig: Trigger, r: Roles, doer: int | None,
              done_to: int | None) -> None:
    """The subject and object in the roles the trigger's frame gives them."""
    if trig.frame == "receive":
        add_party(p, r.recipients, doer)
        add_party(p, r.things, done_to)
        return
    add_party(p, r.actors, doer)
    owned = trig.frame in ("give", "deploy", "leave") or "obj=materiel" in trig.conditions
    # "deployed troops": one's own forces, no recipient
    add_party(p, r.things if owned else r.recipients, done_to)
    if trig.frame == "give":
        add_party(p, r.recipients, p.child(i, "dative", "iobj"))


def _by_prepositions(p: Parse, i: int, trig: Trigger, r: Roles) -> None:
    for prep, obj in p.preps(i):
        role = PREP_ROLES.get(trig.frame, {}).get(prep)
        if trig.frame == "give" and (prep == "for" or prep == trig.particle) and \
                animate(p, obj):
            role = "recipients"  # "shipped for the army", "tanks arrived in Ukraine"
        if (prep in TYPE_PREPS.get(trig.event_type, ()) or (
                trig.frame == "recip" and prep == "to")) and animate(p, obj):
            role = "recipients"  # "apologized to Brazil", "talked to Erdoğan"
        if role == "actors":
            add_party(p, r.actors, obj)
        elif role == "recipients" and p.lemma(obj) not in GROUNDS:
            add_party(p, r.recipients, obj)
        elif prep == "with":
            r.scope.extend(p.subtree(obj))


def _recipients_further(p: Parse, i: int, trig: Trigger, r: Roles, dobj: int | None) -> None:
    """Whom the event is aimed at when no object says it: "fired rockets at X", "sent arms
    to X", "mobilized reservists for a war against X", what a threat or demand is about."""
    if dobj is not None and trig.frame in ("give", "act", "deploy"):
        wanted = (TO_PREPS if trig.frame == "give" else AGAINST_PREPS) | TYPE_PREPS.get(
            trig.event_type, frozenset())  # "refused entry to X"
        for j in p.subtree(dobj, skip=("relcl", "acl")):
            for prep, obj in p.preps(j):
                if prep in wanted and animate(p, obj):
                    add_party(p, r.recipients, obj)
    if not r.recipients and trig.frame in ("act", "deploy"):
        for j in p.subtree(i, skip=CLAUSE_LINKS | {"nsubj", "nsubjpass"}):
            for prep, obj in p.preps(j):
                if prep == "against" and animate(p, obj):
                    add_party(p, r.recipients, obj)
    if not r.recipients and trig.event_type in CONTENT_TYPES:
        content_parties(p, i, trig.event_type, r)


def _attack(p: Parse, i: int) -> bool:
    return any(t.event_type == "ASSAULT" for t in triggers().get((p.lemma(i), True), ()))


def _owner(p: Parse, things: list[int], received: bool) -> int | None:
    """The giver a transfer with no agent names by what it gives: "weapons belonging to X";
    what is received by its state's word ("Ukraine received British tanks")."""
    for t in things:
        for acl in p.children(t, "acl"):
            if p.lemma(acl) in ("belong", "own"):
                for _prep, obj in p.preps(acl):
                    return obj
        state = _state_word(p, t) if received else None
        if state is not None:
            return state
    return None


def _state_word(p: Parse, noun: int) -> int | None:
    """The word naming a state a thing is of ("British tanks"; not "US-made")."""
    return next((c for c in p.children(noun, "amod", "compound")
                 if (ent := p.ent_at[c]) is not None and ent.label in ("NORP", "GPE")
                 and not not_own(p, ent.end - 1)), None)


def _copular_subject(p: Parse, noun: int) -> list[int]:
    """'X, Y and Z are among the weapons being smuggled' → the words of X, Y and Z."""
    tok = p.tokens[noun]
    if tok.dep == "pobj":
        prep = p.tokens[tok.head]
        verb = prep.head
        subj = p.child(verb, "nsubj")
        if subj is not None:
            return p.subtree(subj)
    return []


def _after(p: Parse, i: int) -> list[int]:
    """The words right after a verb, up to the next comma: its object when the parse lost it."""
    sent = p.sentence(i)
    out = []
    for j in range(i + 1, sent.end):
        if p.tokens[j].text in (",", ";", ".", "—"):
            break
        out.append(j)
    return out
