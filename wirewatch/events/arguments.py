"""Event arguments from the parse: who acts, on whom, with what, when and where.

Frames (from ``knowledge/triggers.tsv``) say how syntax maps to roles: ``act`` (the
subject acts on the object), ``give`` (the subject hands the object to someone),
``receive`` (the subject gets something from someone), ``recip`` (all parties act
together), ``ask`` (the subject asks the object, or whoever it leans or calls on).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wirewatch.events.lexicon import Trigger, sectors, weapons
from wirewatch.events.subjects import (
    CLAUSE_LINKS,
    NOT_PARTIES,
    RELATIVE,
    addressee,
    controller,
    governing_verb,
    is_event_verb,
    issuer,
)
from wirewatch.events.tree import Parse

TO_PREPS = frozenset({"to", "into", "toward", "towards"})
ORDERING = frozenset({"order", "decide", "direct", "instruct", "command", "rule"})
AGAINST_PREPS = frozenset({"against", "on", "upon", "at", "toward", "towards", "into"})
# what a deed is done on, not to: "arrested on suspicion of", "on charges of", "on orders"
GROUNDS = frozenset({"suspicion", "charge", "ground", "allegation", "accusation", "basis",
                     "behalf", "order", "instruction", "pretext", "count", "warrant"})
# events whose content names whom they are about ("threatened to attack X")
CONTENT_TYPES = frozenset({"THREATEN", "REQUEST", "AGREE", "REJECT", "ACCUSE"})
CONDITIONS = frozenset({"if", "unless"})
CONTENT_PREPS = frozenset({"to", "against", "with", "on", "from"})
# whom more prepositions name, type by type: "apologized to X", "yielded to X"; what is
# withheld or refused was someone's: "halted aid to X", "refused entry to X", "cut ties with X"
TYPE_PREPS: dict[str, frozenset[str]] = {
    "SUPPORT": frozenset({"to"}), "CONCEDE": frozenset({"to"}),
    "SANCTION": frozenset({"to", "for", "with"}), "REJECT": frozenset({"to", "for", "with"}),
}
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


@dataclass(slots=True)
class Roles:
    actors: list[int] = field(default_factory=list)
    recipients: list[int] = field(default_factory=list)
    things: list[int] = field(default_factory=list)  # what is given, fired, received
    scope: list[int] = field(default_factory=list)  # where instruments are looked for
    anchor: int = -1  # the clause the event hangs on (for dates and places)


def roles(p: Parse, i: int, trig: Trigger) -> Roles:
    return _noun_roles(p, i, trig) if trig.noun else _verb_roles(p, i, trig)


def _verb_roles(p: Parse, i: int, trig: Trigger) -> Roles:
    r = Roles(anchor=i)
    doer, done_to = _doer_and_done_to(p, i, r)
    if done_to is not None and trig.extra and trig.particle == p.lemma(done_to):
        done_to = None  # words of the sense itself ("declared a state of emergency")
    _by_frame(p, i, trig, r, doer, done_to)
    _by_prepositions(p, i, trig, r)
    if not r.actors and trig.frame == "act":  # "killed in airstrikes and shelling by X"
        _add(p, r.actors, next((by for prep, obj in p.preps(i) if prep == "in"
                                for c in p.conjuncts(obj) if (by := p.by_object(c)) is not None),
                               None))
    dobj = p.child(i, "dobj")
    if not r.recipients:
        _recipients_further(p, i, trig, r, dobj)
    if trig.frame == "give" and not r.actors:
        owner = _owner(p, r.things)
        if owner is not None:
            _add(p, r.actors, owner)
    for t in r.things:
        r.scope.extend(p.subtree(t, skip=("relcl",)))
    if "obj=materiel" in trig.conditions and dobj is not None:
        r.scope.extend(p.subtree(dobj))
    if trig.frame in ("give", "receive") and not r.things:
        r.scope.extend(_after(p, i))
    return r


def _doer_and_done_to(p: Parse, i: int, r: Roles) -> tuple[int | None, int | None]:
    """Who does what a verb says, and to whom or what, active or passive; a weapon doing it
    ("Russian drones struck") goes to the instruments' scope and its owner acts."""
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
    if doer is not None and p.lemma(doer) in weapons():
        r.scope.extend(p.subtree(doer))
        doer = next((c for c in p.children(doer, "amod", "compound", "poss")
                     if p.ent_at[c] is not None), None)
    return doer, done_to


def _by_frame(p: Parse, i: int, trig: Trigger, r: Roles, doer: int | None,
              done_to: int | None) -> None:
    """The subject and object in the roles the trigger's frame gives them."""
    if trig.frame == "receive":
        _add(p, r.recipients, doer)
        _add(p, r.things, done_to)
        return
    _add(p, r.actors, doer)
    owned = trig.frame in ("give", "deploy", "leave") or "obj=materiel" in trig.conditions
    # "deployed troops": one's own forces, no recipient
    _add(p, r.things if owned else r.recipients, done_to)
    if trig.frame == "give":
        _add(p, r.recipients, p.child(i, "dative", "iobj"))


def _by_prepositions(p: Parse, i: int, trig: Trigger, r: Roles) -> None:
    for prep, obj in p.preps(i):
        role = PREP_ROLES.get(trig.frame, {}).get(prep)
        if trig.frame == "give" and (prep == "for" or prep == trig.particle) and \
                _animate(p, obj):
            role = "recipients"  # "shipped for the army", "tanks arrived in Ukraine"
        if (prep in TYPE_PREPS.get(trig.event_type, ()) or (
                trig.frame == "recip" and prep == "to")) and _animate(p, obj):
            role = "recipients"  # "apologized to Brazil", "talked to Erdoğan"
        if role == "actors":
            _add(p, r.actors, obj)
        elif role == "recipients" and p.lemma(obj) not in GROUNDS:
            _add(p, r.recipients, obj)
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
                if prep in wanted and _animate(p, obj):
                    _add(p, r.recipients, obj)
    if not r.recipients and trig.frame in ("act", "deploy"):
        for j in p.subtree(i, skip=CLAUSE_LINKS | {"nsubj", "nsubjpass"}):
            for prep, obj in p.preps(j):
                if prep == "against" and _animate(p, obj):
                    _add(p, r.recipients, obj)
    if not r.recipients and trig.event_type in CONTENT_TYPES:
        _content_parties(p, i, trig.event_type, r)


def _content_parties(p: Parse, i: int, etype: str, r: Roles) -> None:
    """Whom a threat, demand, promise or refusal is about, from what it says: "threatened
    to attack X", "threatened to cut off power to X"; whom a demand is put to: "demanded
    that X resign"."""
    if etype == "THREATEN":  # "threatened to strike unless X withdrew": X is threatened
        for clause in [i, *p.children(i, "xcomp")]:
            for c in p.children(clause, "advcl"):
                if any(p.tokens[m].lower_text in CONDITIONS for m in p.children(c, "mark")):
                    _add(p, r.recipients, p.subject(c))
    for c in p.children(i, "xcomp"):
        dobj = p.child(c, "dobj")
        if dobj is None:  # "to allow UN planes to land", read as a clause of its own
            dobj = next((p.child(k, "nsubj") for k in p.children(c, "ccomp") if any(
                p.tokens[a].lower_text == "to" for a in p.children(k, "aux"))), None)
        _add(p, r.recipients, dobj)
        for j in [c, *(p.subtree(dobj, skip=("relcl", "acl")) if dobj is not None else [])]:
            for prep, obj in p.preps(j):  # "to provide aid for X", "to lift sanctions on X"
                if (prep in CONTENT_PREPS or (j != c and prep == "for")) and _animate(p, obj):
                    _add(p, r.recipients, obj)
    for c in p.children(i, "ccomp", "acl", "advcl"):  # a clause names a party only of an
        adverbial = p.tokens[c].dep == "advcl"             # accusation or a demand
        marks = {p.tokens[m].lower_text for m in p.children(c, "mark")}
        if etype == "ACCUSE" and not adverbial:  # the one the deed is laid on: "alleged that
            doer = p.child(c, "nsubj")  # X tortured", "… were tortured by X"
            _add(p, r.recipients, doer if doer is not None else p.by_object(c))
        elif etype == "REQUEST" and marks & ({"for"} if adverbial else {"that", "for"}):
            _add(p, r.recipients, p.subject(c))  # "demanded that X resign", "called for X to"


def _noun_roles(p: Parse, i: int, trig: Trigger) -> Roles:
    r = Roles()
    if p.tokens[i].dep == "compound":  # "a mediation effort between A and B": the phrase's
        i = p.tokens[i].head           # head holds the arguments
    verb = governing_verb(p, i)
    r.anchor = verb if verb is not None else i
    patient = "poss=patient" in trig.conditions and all(prep != "of" for prep, _ in p.preps(i))
    for c in _possessors(p, i):  # "Israel's offensive", but "his arrest"
        _add(p, r.recipients if patient else r.actors, c)
    for prep, obj in p.preps(i):
        _noun_preposition(p, trig, r, prep, obj)
    for c in p.children(i, "amod", "compound"):
        ent = p.ent_at[c]
        if ent is not None and ent.label == "NORP":  # "Israeli airstrikes": Israel strikes
            _add(p, r.actors, c)
        elif ent is not None and ent.label == "GPE":  # "the Ukraine invasion": Ukraine is
            # invaded; "the US withdrawal": the US withdraws
            _add(p, r.recipients if trig.frame == "act" else r.actors, c)
    head = p.tokens[p.tokens[i].head]
    if verb is not None and p.tokens[i].dep == "pobj" and not r.recipients and (
            head.lower_text == "under" or (head.lower_text == "on" and
                                          trig.event_type == "ACCUSE")):
        # "placed X under arrest", "X was put under investigation", "detained X on charges"
        _add(p, r.recipients, p.child(verb, "dobj", "nsubjpass"))
    if verb is not None:
        _roles_on_verb(p, i, verb, trig, r)
    if (not r.actors or trig.frame == "recip") and verb is not None and not is_event_verb(
            p, verb) and head.lower_text not in CIRCUMSTANCE_PREPS and p.lemma(verb) not in \
            DYING | UNDERGOING:  # "held talks with X": the holder talks too
        direct = p.subject(verb)  # "launched a crackdown", not "condemned the arrests"
        if direct is None:
            _add(p, r.actors, controller(p, verb))
        elif p.tokens[direct].dep == "nsubj" and p.tokens[direct].lower_text not in RELATIVE \
                and direct != i:  # "the arrest drew protests": not the arrest's own doer
            _add(p, r.actors, direct)
    if not r.actors and trig.frame == "leave":  # "the resignation of X": X goes
        r.actors.extend(r.things)
    if not r.actors:  # "a rebel assault", "a police raid", "army shelling"
        r.actors.extend(c for c in p.children(i, "amod", "compound") if _force_word(p, c))
    if not r.recipients and trig.event_type in CONTENT_TYPES:  # "its demand that X resign"
        _content_parties(p, i, trig.event_type, r)
    if trig.frame == "give" and not r.things and verb is not None:
        _add(p, r.things, p.child(verb, "dobj"))
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
        _add(p, r.actors, None if r.actors else p.by_object(verb))
        if not r.recipients:
            _add(p, r.recipients, p.subject(verb))
    if trig.frame == "act" and not r.recipients and ((p.lemma(verb) in UNDERGOING and (
            p.lemma(verb) != "come" or head.lower_text == "under")) or (
            head.dep == "agent" and head.head == verb)):  # "X was hit by attacks"
        _add(p, r.recipients, p.subject(verb))
    if p.tokens[i].dep != "dobj" or is_event_verb(p, verb):
        return
    for prep, obj in p.preps(verb):  # a verb that only carries it: "drew criticism from X",
        if prep == "from" and not r.actors and trig.event_type in SPOKEN:
            _add(p, r.actors, obj)
        elif prep in ("against", "on", "upon") and not r.recipients and \
                p.lemma(obj) not in GROUNDS:  # "opened an investigation against X"
            _add(p, r.recipients, obj)


def _noun_preposition(p: Parse, trig: Trigger, r: Roles, prep: str, obj: int) -> None:
    """The role a preposition on an event noun gives its object ("the arrest of X by Y")."""
    if prep == "by":
        _add(p, r.actors, obj)
    elif prep in TO_PREPS or prep in ("against", "on", "upon", "at") or (
            prep == "for" and _animate(p, obj)):
        _add(p, r.recipients, obj)
    elif prep == "of":
        _add(p, getattr(r, OF_ROLES.get(trig.frame, "recipients")), obj)
    elif prep == "with":
        (r.actors if trig.frame == "recip" else r.scope).extend(
            [obj] if trig.frame == "recip" else p.subtree(obj))
    elif prep == "from" and trig.frame in ("give", "leave"):  # "aid from X"; "the
        _add(p, r.actors if trig.frame == "give" else r.recipients, obj)  # pullout from X"
    elif prep == "from" and trig.event_type in SPOKEN:  # "criticism from X"
        _add(p, r.actors, obj)
    elif prep == "between":  # "talks between A and B", "mediation between A and B"
        _add(p, r.actors if trig.frame == "recip" else r.recipients, obj)


def _force_word(p: Parse, c: int) -> bool:
    """A word before an event noun naming who does it: a force's or a state's noun ("police
    raid", "army shelling"), an armed group's adjective ("militant attack"), not a general
    strike or a naval blockade someone else imposes."""
    sector = sectors().get(p.lemma(c)) if p.ent_at[c] is None else None
    tok = p.tokens[c]
    return sector in FORCES_AND_STATE and (tok.pos == "NOUN" or sector in ("UAF", "REB"))


def _add(p: Parse, bucket: list[int], head: int | None) -> None:
    for h in p.conjuncts(head) if head is not None else ():
        tok = p.tokens[h]
        if h in bucket:
            continue
        if tok.ent_type in NOT_PARTIES and not (tok.ent_type == "CARDINAL" and any(
                prep == "of" for prep, _ in p.preps(h))):  # "thousands of students"
            continue
        if tok.pos in ("NOUN", "PROPN", "PRON", "NUM") or tok.ent_type in ("NORP", "GPE"):
            bucket.append(h)


def _owner(p: Parse, things: list[int]) -> int | None:
    """'weapons belonging to X' → X, the giver of a passive transfer with no agent."""
    for t in things:
        for acl in p.children(t, "acl"):
            if p.lemma(acl) in ("belong", "own"):
                for _prep, obj in p.preps(acl):
                    return obj
    return None


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


def _animate(p: Parse, i: int) -> bool:
    ent = p.ent_at[i]
    if ent is not None:
        return ent.label in ("GPE", "NORP", "ORG", "PERSON")
    return p.tokens[i].pos in ("PROPN", "PRON") or any(
        p.ent_at[c] is not None for c in p.children(i, "amod", "compound"))
