"""Finding event triggers: a word sense from the trigger lexicon whose conditions hold."""

from __future__ import annotations

from functools import cache

from wirewatch.events.conditions import validate
from wirewatch.events.lexicon import Trigger, speech_verbs, triggers
from wirewatch.events.roles import Roles
from wirewatch.events.subjects import controller, left_subject, particle_holds
from wirewatch.events.tree import Parse

OBLIGATION = frozenset({"must", "should"})
# nouns whose "that" clause is what someone said: "issued a reminder that X must cooperate"
MESSAGES = frozenset({"reminder", "warning", "message", "statement", "insistence", "appeal",
                      "ultimatum", "letter", "note", "demand", "call"})
# "a mediation effort", "a rescue mission": the modifier names the event, the head does not
GENERIC_HEADS = frozenset({"effort", "mission", "bid", "initiative", "attempt", "campaign",
                           "operation", "drive"})
# the types whose verbs, as an -ing participle on a noun ("rebels fighting the regime"),
# describe the party rather than report an event: in the annotated training sentences such
# participles were coded 7 times in 74 for ASSAULT, 1 in 19 for COERCE, 0 in 13 for CONSULT,
# 3 in 20 for AID (against 6 in 8 for REQUEST: "protesters demanding reform")
DESCRIBING = frozenset({"ASSAULT", "COERCE", "CONSULT", "AID"})
# "X said that Y must do Z": X asks Y to change (PLOVER REQUEST), with no trigger word
DEMAND = Trigger("must", None, None, False, "REQUEST", "change", (), "ask",
                 frozenset({"needs=recipient"}))  # put on someone, not "the weather should ease"


@cache
def checked_triggers() -> dict[tuple[str, bool], list[Trigger]]:
    """The trigger lexicon, every condition it names checked against the registry."""
    table = triggers()
    validate(t for group in table.values() for t in group)
    return table


def candidates(p: Parse, i: int) -> list[Trigger]:
    """The trigger senses token i may carry, the most specific first."""
    tok = p.tokens[i]
    if tok.pos == "VERB" and _imperative(p, i):
        return []  # "visit ProPublica", "call this number": the reader is told, nothing done
    # a verb modifying a noun is no deed ("the jailed man"), unless the tagger read a past
    # tense the parser hung on its object ("a court jailed X")
    if tok.pos == "VERB" and (tok.dep != "amod" or tok.tag == "VBD"):
        senses = checked_triggers().get((p.lemma(i), False), [])
        return [t for t in senses if particle_holds(p, i, t) and not (
            t.event_type in DESCRIBING and _describes(p, i))]
    if tok.pos in ("NOUN", "PROPN") and tok.ent_type not in ("DATE", "TIME") and (
            tok.dep != "compound" or p.lemma(tok.head) in GENERIC_HEADS):  # not "in March"
        senses = checked_triggers().get((p.lemma(i), True), []) or checked_triggers().get(
            (tok.lower_text, True), [])
        return [t for t in senses if _noun_modifier(p, i, t) and (
            "via=light" not in t.conditions or _light_object(p, i))]
    return []


def _imperative(p: Parse, i: int) -> bool:
    tok = p.tokens[i]
    return tok.tag == "VB" and tok.dep == "ROOT" and p.subject(i) is None and \
        not p.children(i, "aux", "auxpass")


def _describes(p: Parse, i: int) -> bool:
    """'rebels fighting the regime', 'forces besieging the city': an -ing participle on a
    noun says who the party is, not what happened."""
    tok = p.tokens[i]
    return tok.dep == "acl" and tok.tag == "VBG" and p.tokens[tok.head].pos in ("NOUN", "PROPN",
                                                                               "PRON")


def _light_object(p: Parse, i: int) -> bool:
    """'reached an agreement': the noun is the object of a verb that only carries events."""
    tok = p.tokens[i]
    head = p.tokens[tok.head]
    return tok.dep == "dobj" and head.pos == "VERB" and any(
        t.event_type == "NONE" and "obj=event" in t.conditions
        for t in checked_triggers().get((p.lemma(head.i), False), []))


def _noun_modifier(p: Parse, i: int, t: Trigger) -> bool:
    if t.particle is None:
        return True
    words = t.particle.split()
    mods = [p.lemma(c) for c in p.children(i, "compound", "amod")]
    return all(w in mods for w in words)


def demands(p: Parse) -> list[tuple[int, Roles]]:
    """Obligations put on someone by a speaker: (the modal's token, the roles)."""
    out = []
    for tok in p.tokens:
        if tok.lower_text not in OBLIGATION or tok.dep != "aux":
            continue
        clause = p.tokens[tok.head]
        said_by = clause.head
        target = p.subject(clause.i)
        if clause.dep == "acl" and p.lemma(said_by) in MESSAGES:  # "a reminder that X must"
            message, said_by = said_by, p.tokens[said_by].head
            addressee = next((obj for prep, obj in p.preps(message) + p.preps(said_by)
                              if prep == "to"), None)  # "a reminder to Iraq that it must"
            if addressee is not None and (target is None or p.is_pronoun(target)):
                target = addressee
        elif clause.dep != "ccomp" or p.lemma(said_by) not in speech_verbs():
            continue
        speaker = p.subject(said_by) or left_subject(p, said_by) or \
            controller(p, said_by)  # "rallied, saying he must resign"
        if speaker is not None and target is not None:
            out.append((tok.i, Roles(actors=[speaker], recipients=[target], anchor=said_by)))
    return out


# relations whose head's part of speech says where a trigger stands ("fighting" on a noun)
HEADED = frozenset({"acl", "relcl", "amod", "compound", "pobj", "dobj", "nsubj"})


def rule_context(p: Parse, i: int, event_type: str) -> tuple[str, str, str, str, str]:
    """Where a trigger stands in its sentence, as ``knowledge/rule_contexts.tsv`` counts
    it: the event type, the word's part of speech and relation, its tag when it modifies a
    noun, and the part of speech of the word it hangs on."""
    tok = p.tokens[i]
    head = p.tokens[tok.head]
    return (event_type, tok.pos, tok.dep, tok.tag if tok.dep in ("acl", "amod") else "-",
            head.pos if tok.dep in HEADED else "-")
