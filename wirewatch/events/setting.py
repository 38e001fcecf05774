"""When and where an event happened: the date phrase and the place its clause names."""

from __future__ import annotations

from wirewatch.dates import resolve
from wirewatch.events.lexicon import speech_verbs
from wirewatch.events.roles import Roles
from wirewatch.events.tree import Parse
from wirewatch.records import Actor, Entity, Place

# the prepositions that say where: "in Raqqa", "near the border"
LOCATION_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout",
                            "around", "off"})


def event_date(p: Parse, r: Roles, trigger: int, published: str | None, future: bool
               ) -> tuple[str | None, str | None, bool]:
    """The date phrase of the event's clause, else of the clauses it depends on, and
    whether it is the day of a telling the event is reported in ("militias smuggled arms,
    the paper reported on Tuesday": it happened on or before that day)."""
    anchors = [r.anchor]
    tok = p.tokens[r.anchor]
    told_from: int | None = None  # the anchors from which on a date is a telling's
    while tok.dep in ("ccomp", "xcomp", "conj", "advcl", "pcomp", "prep", "pobj") and \
            tok.head != tok.i and len(anchors) < 4:
        if tok.dep == "ccomp" and p.lemma(tok.head) in speech_verbs() and told_from is None:
            told_from = len(anchors)
        tok = p.tokens[tok.head]
        if tok.pos in ("VERB", "AUX"):
            anchors.append(tok.i)
    dates = [e for e in p.ann.entities if e.label in ("DATE", "TIME") and
             p.sentence_index(e.start) == p.sentence_index(trigger)]
    for k, anchor in enumerate(anchors):
        for ent in dates:
            roots = [j for j in range(ent.start, ent.end) if not ent.start <= p.tokens[j].head <
                     ent.end or p.tokens[j].head == j]
            if roots and anchored(p, roots[0], anchor):
                phrase = _date_phrase(p, ent)
                value = resolve(phrase, published, future)
                if value is not None:
                    return phrase, value, told_from is not None and k >= told_from
    return None, None, False


def _date_phrase(p: Parse, ent: Entity) -> str:
    """A date entity's words, with a day number the tagger left outside ('4 August')."""
    before = p.tokens[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.text.isdigit() and 1 <= int(before.text) <= 31:
        return p.body[before.idx:ent.end_char]
    return ent.text


def event_place(p: Parse, r: Roles, places: dict[int, Place], parties: list[Actor]) -> Place | None:
    """Where it happened: 'in/at/near <place>' on the event's clause, else a place named
    inside its target ('shelled the town of Idlib'); a participle ('…, arresting X') is
    where the clause it hangs on is."""
    taken = {(a.start, a.end) for a in parties}
    free = {k: pl for k, pl in places.items() if (pl.start, pl.end) not in taken}
    clause = r.anchor
    while True:
        for end_token, place in free.items():
            prep = _locative(p, end_token)
            if prep is not None and (p.tokens[prep].head == clause or
                                     anchored(p, end_token, clause)):
                return place
        if clause == r.anchor:
            targets = {j for t in r.recipients + r.things for j in _own_words(p, t, r.anchor)}
            for end_token, place in free.items():
                if end_token in targets and p.tokens[end_token].dep == "pobj":
                    return place
        tok = p.tokens[clause]  # "declared a siege in Haiti, arresting opponents": the
        if tok.dep not in ("advcl", "conj") or tok.tag != "VBG":  # adjunct's place is
            return None  # the clause's
        clause = tok.head


def _own_words(p: Parse, target: int, anchor: int) -> set[int]:
    """The words of an event's target, without the event's own clause where that hangs on
    the target ("people arrested on charges linked to Syria")."""
    words = set(p.subtree(target))
    return words - set(p.subtree(anchor)) if anchor in words else words


def _locative(p: Parse, i: int) -> int | None:
    """The 'in' (at, near, …) a place hangs on, also through the places it is part of:
    'in Beirut', 'in a residential sector of Beirut', 'on the outskirts of Beirut'."""
    for _ in range(4):
        tok = p.tokens[i]
        if tok.dep != "pobj":
            return None
        prep = p.tokens[tok.head]
        if prep.lower_text in LOCATION_PREPS:
            return prep.i
        if prep.lower_text != "of":
            return None
        i = prep.head
    return None


def anchored(p: Parse, token: int, anchor: int) -> bool:
    """Does a word (of a date or place) attach to this clause, not to a clause below it?"""
    for anc in p.ancestors(token):
        if anc == anchor:
            return True
        if p.tokens[anc].pos in ("VERB", "AUX") or p.tokens[anc].dep in ("relcl", "acl"):
            return False
    return False
