"""Who does it when a clause names no subject: the understood subject of "helping to arm
X" or "accused X of", the issuer of a document, the subject further left in a sentence."""

from __future__ import annotations

from wirewatch.events.lexicon import Trigger, source_kinds, triggers
from wirewatch.events.tree import Parse

RELATIVE = frozenset({"who", "which", "that", "whom"})
CLAUSE_LINKS = frozenset({"xcomp", "advcl", "conj", "ccomp", "pcomp", "relcl", "acl"})
NOT_PARTIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
# nouns of intent, whose infinitive their holder does: "Trump's decision to withdraw"
INTENTS = frozenset({"decision", "plan", "attempt", "bid", "move", "effort", "intention",
                     "determination", "readiness", "willingness", "refusal", "promise",
                     "pledge", "vow", "commitment", "failure", "push", "resolve", "intent"})
# verbs whose subject holds the intent that is their object ("made an attempt to"), unlike
# "rejected the US plan to withdraw"
CARRYING = frozenset({"make", "take", "announce", "launch", "unveil", "begin", "pursue",
                      "adopt", "undertake", "step", "renew", "redouble", "reach"})


def controller(p: Parse, i: int) -> int | None:
    """The understood subject of a subject-less clause: 'helping to arm X', 'accused X of'."""
    tok = p.tokens[i]
    if tok.dep == "ccomp":
        return left_subject(p, i)
    seen = 0
    while tok.dep in CLAUSE_LINKS and seen < 4:
        head = p.tokens[tok.head]
        seen += 1
        if tok.dep == "pcomp" and head.dep == "prep":
            verb = p.tokens[head.head]
            if p.lemma(verb.i) in OWNING and verb.dep == "dobj":  # "claimed responsibility
                return _subject_of(p, verb.head)  # for downing the jet": the claimant did
            obj = p.child(verb.i, "dobj")
            return obj if obj is not None else _subject_of(p, verb.i)
        if tok.dep in ("relcl", "acl") and head.pos in ("NOUN", "PROPN"):
            return issuer(p, head.i)
        if tok.dep in ("xcomp", "advcl"):
            for prep, obj in p.preps(head.i):
                if prep == "on" and p.tokens[obj].ent_type not in NOT_PARTIES:
                    return obj  # "leaning on China to send": China sends
        if tok.dep == "xcomp":  # "urged Serbia to recognise": Serbia recognises
            obj = p.child(head.i, "dobj")
            if obj is not None and p.lemma(head.i) not in ("help", "want", "promise"):
                return obj
        subj = p.subject(head.i)
        if subj is not None and p.tokens[subj].lower_text not in RELATIVE:
            return subj
        if head.dep not in CLAUSE_LINKS:  # "to help support X": climb to who helps
            return left_subject(p, head.i)
        tok = head
    return left_subject(p, i)


def issuer(p: Parse, noun: int) -> int | None:
    """Who a clause on a noun belongs to: the noun ("protesters demanding reform"); for a
    document, whoever issued it ("issued a statement demanding reform"); for an intent,
    whoever holds it ("Trump's decision to withdraw", "a bid by X to", "made an attempt to")."""
    tok = p.tokens[noun]
    if source_kinds().get(p.lemma(noun)) == "document" and tok.dep == "dobj":
        return _subject_of(p, tok.head)
    if p.lemma(noun) in INTENTS:
        holder = p.child(noun, "poss")
        if holder is None:
            holder = p.by_object(noun)
        if holder is None and tok.dep == "dobj" and p.lemma(tok.head) in CARRYING:
            holder = _subject_of(p, tok.head)
        if holder is not None:
            return holder
    return noun  # "the US decision to pull out": its words name the holder


def addressee(p: Parse, noun: int) -> int | None:
    """Whom a document is addressed to, by its own "to" or that of the verb sending it: "sent
    a letter to Kelly asking for documents" asks Kelly."""
    if source_kinds().get(p.lemma(noun)) != "document":
        return None
    sent = [p.tokens[noun].head] if p.tokens[noun].dep == "dobj" else []
    return next((obj for j in (noun, *sent) for prep, obj in p.preps(j)
                 if prep == "to" and p.tokens[obj].pos != "VERB"), None)


def _subject_of(p: Parse, verb: int) -> int | None:
    subj = p.subject(verb)
    if subj is not None and p.tokens[subj].lower_text not in RELATIVE:
        return subj
    return left_subject(p, verb)


def left_subject(p: Parse, i: int) -> int | None:
    """The noun phrase just left of a verb in its clause, when the parse gave it no subject."""
    sent = p.sentence(i)
    j = i - 1
    while j >= sent.start:
        t = p.tokens[j]
        if t.text in (",", "—") and t.text == "," and _appositive_before(p, j, sent.start):
            j = _appositive_before(p, j, sent.start)  # skip ", Ahmad-Reza Radan,"
            continue
        if t.text in (",", ";", ":", "—", "“", "”", "(", ")") or t.dep == "mark":
            return None
        if t.pos in ("NOUN", "PROPN", "PRON") and t.dep not in ("compound", "poss"):
            return _phrase_head(p, j, j)
        if t.pos == "VERB" and t.dep not in ("amod", "aux", "auxpass"):
            return None
        j -= 1
    return None


def _appositive_before(p: Parse, comma: int, floor: int) -> int:
    """For ', Name,' before a verb: the index of the token before the opening comma, else 0."""
    k = comma - 1
    while k >= floor and p.tokens[k].text != ",":
        if p.tokens[k].ent_type != "PERSON" and p.tokens[k].dep != "appos":
            return 0
        k -= 1
    return k - 1 if k > floor and k < comma - 1 else 0


def _phrase_head(p: Parse, j: int, boundary: int) -> int:
    """Climb from a word to the noun phrase it belongs to ('Iraq' → 'militias in Iraq')."""
    floor = boundary
    while floor > p.sentence(j).start and p.tokens[floor - 1].text != ",":
        floor -= 1
    k = j
    while True:
        tok = p.tokens[k]
        if tok.dep == "appos" and p.tokens[tok.head].pos in ("NOUN", "PROPN"):
            k = tok.head
            continue
        if tok.dep != "pobj":
            return k
        prep = p.tokens[tok.head]
        if prep.lower_text not in ("in", "of", "from", "at", "inside"):
            return k
        noun = prep.head
        if p.tokens[noun].pos not in ("NOUN", "PROPN") or noun < floor:
            return k
        k = noun


def is_event_verb(p: Parse, verb: int) -> bool:
    """Is this verb an event trigger of its own (not a light verb like 'launch', 'hold', nor
    one that is an event only by what it announces or claims: 'announced a suspension',
    'claimed responsibility for the attack', nor only with a particle it lacks here: 'opened
    fire' is one, 'opened an investigation' is not)?"""
    return any(t.event_type != "NONE" and not any(
        c.startswith(("obj=", "comp=")) for c in t.conditions) and particle_holds(p, verb, t)
        for t in triggers().get((p.lemma(verb), False), []))


def particle_holds(p: Parse, i: int, t: Trigger) -> bool:
    """Whether a verb sense's particle, and its object word, stand with verb i ("lifted the
    sanctions", "called for X to end"); true for a sense with none."""
    if t.particle is None:
        return True
    for c in p.kids[i]:
        tok = p.tokens[c]  # "lifted the sanctions" has the object "sanction"
        if tok.dep == "prep" and any(p.tokens[g].ent_type in ("DATE", "TIME")
                                     for g in p.children(c, "pobj")):
            continue  # "called on Monday" is no "call on"
        if tok.dep in ("prt", "prep", "dobj", "xcomp", "acomp") and t.particle in (
                tok.lower_text, p.lemma(c)):  # "asked not to be named", "pleaded guilty"
            if t.extra is None:
                return True
            objects = [*p.kids[c], *p.children(i, "dobj")]  # "return to jail", "break off talks"
            return any(t.extra in (p.tokens[g].lower_text, p.lemma(g)) for g in objects)
        if t.extra is None and tok.dep in ("advcl", "ccomp") and any(  # "called for X to end"
                p.tokens[m].lower_text == t.particle for m in p.children(c, "mark")):
            return True
    after = p.tokens[i + 1] if i + 1 < len(p.tokens) else None  # "pleaded guilty Monday",
    return t.extra is None and after is not None and after.pos in ("ADJ", "PART") and \
        after.lower_text == t.particle  # whatever the parser hung "guilty" on


# nouns through which a verb's subject owns a deed: "claimed responsibility for the attack"
OWNING = frozenset({"responsibility", "credit"})
# nouns that count deeds, through which a verb carries them: "carried out a series of attacks"
SERIES = frozenset({"series", "wave", "spate", "string", "round", "barrage", "volley",
                    "number", "flurry", "succession", "package", "raft", "batch", "set",
                    "slew"})


def governing_verb(p: Parse, i: int) -> int | None:
    """The verb a noun trigger is the object or purpose of ('launched an attack', 'involved
    in a crackdown', 'for shipment', 'claimed responsibility for the attack', 'carried out
    a series of attacks'); None when more than one phrase stands between."""
    preps = 0
    for anc in p.ancestors(i):
        tok = p.tokens[anc]
        if tok.pos in ("VERB", "AUX"):
            return anc
        if tok.dep == "prep":
            preps += 1
        if preps > 1 or (tok.pos in ("NOUN", "PROPN") and not (
                p.lemma(anc) in OWNING and tok.dep == "dobj") and p.lemma(anc) not in SERIES):
            return None
    return None
