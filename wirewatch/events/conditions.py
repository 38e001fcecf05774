"""The trigger lexicon's conditions, one registered check each.

A sense in ``knowledge/triggers.tsv`` may carry conditions ("obj=forces",
"needs=recipient", …). Each name is registered here with the check that decides it on the
event as read; ``failed`` names the first that does not hold. ``validate`` rejects a table
naming a condition nobody checks, so a typo in the TSV fails loudly instead of doing
nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from wirewatch.errors import WirewatchError
from wirewatch.events.actors import STATE_SECTORS
from wirewatch.events.coreference import FIRST_PERSON, PERSON_PRONOUNS, PLURAL_PRONOUNS
from wirewatch.events.instruments import find_instruments
from wirewatch.events.lexicon import Trigger, place_words, sectors, triggers
from wirewatch.events.tree import Parse
from wirewatch.gazetteer import is_water
from wirewatch.records import Actor, Instrument

FORCES = frozenset({"MIL", "COP", "UAF", "REB"})
# sectors of people (not of buildings: a hospital is MED), and the pronouns of people
PEOPLE = frozenset({"CVL", "UAF", "REB", "CRM", "MIL", "COP", "JRN", "GOV", "OPP", "REF"})
PERSONAL = PERSON_PRONOUNS | PLURAL_PRONOUNS | FIRST_PERSON
# decided while finding the trigger itself (``triggers.candidates``), or how its parties
# are read (``arguments``), not on the event
TOKEN_LEVEL = frozenset({"via=light", "obj=event", "poss=patient"})
FUTURE_AUX = frozenset({"will", "would", "shall", "going"})
TESTS = frozenset({"test", "test-fire", "testing", "drill", "exercise"})
AIMS = frozenset({"into", "towards", "toward", "off", "over", "in"})
WATERS = frozenset({"sea", "ocean", "water", "waters", "gulf", "bay", "strait", "coast"})
# deeds whose mere claim is an accusation: "claimed that X was destroying evidence"
HOSTILE = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION"})
# the conditions a sense may carry and still be hostile by its word alone ("cut" is not
# "cut ties", "fire" not "fire missiles")
PLAIN = frozenset({"poss=patient"})
# what states sign besides the nouns of agreements the lexicon knows
ACCORDS = frozenset({"treaty", "pact", "memorandum", "protocol", "convention", "charter",
                     "declaration", "communique", "armistice", "truce", "ceasefire"})
# what is told rather than given: "provided details", "gave an account"
INFORMATION = frozenset({"detail", "information", "insight", "explanation", "estimate", "tip",
                         "feedback", "map", "account", "name", "address", "answer", "comment",
                         "update", "figure", "data", "clue", "description", "evidence",
                         "statement", "message", "advice", "assessment", "breakdown",
                         "intelligence", "datum", "footage", "video", "image", "photo",
                         "report", "result", "finding", "list", "document", "record",
                         "transcript", "identity"})
# what kills by no one's hand: accidents, diseases and disasters (the guide codes none)
MISHAPS = frozenset({"accident", "accidental", "accidentally", "crash", "collision",
                     "outbreak", "epidemic", "pandemic", "disease", "virus", "cholera", "flu",
                     "influenza", "ebola", "flood", "flooding", "earthquake", "quake", "storm",
                     "hurricane", "typhoon", "cyclone", "tornado", "avalanche", "landslide",
                     "mudslide", "drought", "heatwave", "tsunami", "slip", "overdose",
                     "ricochet", "lightning", "illness", "infection"})
# verbs whose object is a danger someone is, not a threat made: "posed a threat"
POSED = frozenset({"pose", "represent", "remain", "face", "counter", "contain", "consider",
                   "view", "see", "regard", "become", "constitute"})
# decided on what is given or moved alone, before the parties are read
ON_THINGS = frozenset({"obj=materiel", "obj=forces", "armed"})
# held even where the coder found the sense's type and the others are waived: a talk with
# the press is an interview, details given are no aid, an accident no attack, whatever the word
ALWAYS = frozenset({"not=press", "not=information", "not=mishap"})


@dataclass(frozen=True, slots=True)
class Reading:
    """What a condition may look at: the trigger and the event's parties as read."""

    p: Parse
    i: int
    things: tuple[int, ...]
    pronoun_things: bool  # what is given or moved is only pronouns ("sent them")
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    instruments: tuple[Instrument, ...]


Check = Callable[[Reading], bool]
CHECKS: dict[str, Check] = {}


def condition(name: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        CHECKS[name] = check
        return check
    return register


def known() -> frozenset[str]:
    return frozenset(CHECKS) | TOKEN_LEVEL


def validate(senses: Iterable[Trigger]) -> None:
    for trig in senses:
        unknown = sorted(trig.conditions - known())
        if unknown:
            raise WirewatchError(f"trigger {trig.lemma!r} ({trig.event_type}) names unknown "
                                 f"conditions {unknown}; known: {sorted(known())}")


def failed(trig: Trigger, r: Reading, among: frozenset[str]) -> str | None:
    """The first of the sense's conditions among ``among`` (``ON_THINGS`` before the
    parties are read, ``ON_PARTIES`` after) that does not hold."""
    return next((c for c in sorted(trig.conditions & among) if not CHECKS[c](r)), None)


def _complement_is_future(p: Parse, i: int) -> bool:
    """Does a clause below the trigger speak of the future ('that X would be done', 'to
    fight on')?"""
    infinitives = [c for c in p.children(i, "xcomp", "advcl")
                   if any(p.tokens[a].lower_text == "to" for a in p.children(c, "aux"))]
    return bool(infinitives) or any(
        p.tokens[j].lower_text in FUTURE_AUX and p.tokens[j].dep == "aux"
        for j in p.subtree(i) if j > i)


def _state(a: Actor) -> bool:
    return a.sector in STATE_SECTORS or (a.country is not None and a.sector is None)


@condition("obj=materiel")
def _materiel(r: Reading) -> bool:
    """What is given is a weapon, materiel, goods or money, or "them" just after one is
    named (in this sentence or the one before)."""
    if r.instruments:
        return True
    start = r.p.ann.sentences[max(0, r.p.sentence_index(r.i) - 1)].start
    return r.pronoun_things and bool(find_instruments(r.p, range(start, r.i)))


@condition("armed")
def _armed(r: Reading) -> bool:
    """It is done with arms: a weapon among its instruments ("rockets hit the city", "was
    hit by a missile"), not "the economy was hit"."""
    return any(x.kind == "weapon" for x in r.instruments)


@condition("not=mishap")
def _by_someone(r: Reading) -> bool:
    """Someone's deed, not an accident, a disease or a disaster ("killed by a hit-and-run
    driver", "a cholera outbreak has killed 500", "killed after slipping")."""
    words = r.p.subtree(r.i)
    joined = "".join(r.p.tokens[j].lower_text for j in words).replace("-", "")
    return "hitandrun" not in joined and not any(
        r.p.lemma(j) in MISHAPS or r.p.tokens[j].lower_text in MISHAPS for j in words)


@condition("not=press")
def _not_interview(r: Reading) -> bool:
    """No party is a journalist or a news outlet: a talk with the press is an interview."""
    return all(a.sector != "JRN" for a in r.actors + r.recipients)


@condition("obj=person")
def _done_to_people(r: Reading) -> bool:
    """Whom it is done to are people ("captured 23 pirates", "he was captured"), not a
    place or a thing ("captured the town", "captured 41 positions")."""
    p, tok = r.p, r.p.tokens[r.i]
    done_to = p.child(r.i, "dobj", "nsubjpass")
    if done_to is None and tok.dep == "acl":  # "a woman captured by Kurdish forces"
        done_to = tok.head
    if done_to is None:
        return False
    head = p.tokens[done_to]
    if head.ent_type in ("PERSON", "NORP") or head.lower_text in PERSONAL:
        return True
    return head.ent_type not in ("GPE", "LOC", "FAC") and p.lemma(done_to) not in \
        place_words() and sectors().get(p.lemma(done_to)) in PEOPLE


@condition("obj=forces")
def _forces_moved(r: Reading) -> bool:
    return any(sectors().get(r.p.lemma(t)) in FORCES for t in r.things)


@condition("comp=future")
def _future_complement(r: Reading) -> bool:
    return _complement_is_future(r.p, r.i)


@condition("comp=hostile")
def _hostile_complement(r: Reading) -> bool:
    """The clause said ("claimed that X was destroying evidence", "claims that X had been
    torturing") names a doer of a hostile deed (a word hostile alone, not denied anywhere up
    to the clause): the guide codes an event that is only alleged as the accusation alone. A
    clause whose subject is a pronoun or suffers the deed ("claimed they had been kidnapped",
    "claim they are attacking") tells of the speaker's own side."""
    table = triggers()
    for c in r.p.children(r.i, "ccomp", "acl"):
        doer = r.p.child(c, "nsubj")
        if doer is None or r.p.is_pronoun(doer):
            continue
        for j in r.p.subtree(c, skip=("relcl", "advcl", "nsubj")):
            tok = r.p.tokens[j]
            noun = tok.pos in ("NOUN", "PROPN")
            up = r.p.ancestors(j)
            path = [j, *(up[:up.index(c) + 1] if c in up else [])]
            if (noun or tok.pos == "VERB") and not any(
                    r.p.child(k, "neg") is not None for k in path) and any(
                    t.event_type in HOSTILE and t.particle is None and not t.conditions - PLAIN
                    for t in table.get((r.p.lemma(j), noun), [])):
                return True
    return False


@condition("obj=accord")
def _accord_signed(r: Reading) -> bool:
    """What is signed is an accord ("signed a treaty", "the pact was signed"), not an order,
    a contract, a bill or a petition."""
    obj = r.p.child(r.i, "dobj", "nsubjpass")
    return obj is not None and (r.p.lemma(obj) in ACCORDS or any(
        t.event_type == "AGREE" for t in triggers().get((r.p.lemma(obj), True), [])))


@condition("not=information")
def _not_information(r: Reading) -> bool:
    """What is given is no piece of information ("provided no further details")."""
    obj = r.p.child(r.i, "dobj", "nsubjpass")
    return obj is None or r.p.lemma(obj) not in INFORMATION


@condition("made=someone")
def _made_by_someone(r: Reading) -> bool:
    """A threat someone made, not a danger someone poses: owned ("his threat"), several
    ("threats against Iran"), saying what is threatened ("a threat to attack") or of a kind
    ("a strike threat"), and not what someone is or poses ("remains a threat")."""
    p, tok = r.p, r.p.tokens[r.i]
    if tok.dep in ("attr", "oprd") or p.lemma(tok.head) in POSED:
        return False
    return tok.tag == "NNS" or p.child(r.i, "poss") is not None or any(
        p.tokens[c].tag == "VB" for c in p.children(r.i, "acl")) or any(
        triggers().get((p.lemma(c), True)) for c in p.children(r.i, "compound"))


@condition("not=modifier")
def _not_modifier(r: Reading) -> bool:
    """The verb tells what happened, not what a noun is: "forces backed by Moscow" and
    "Backed by Russian air power, government forces swept" describe the forces."""
    tok = r.p.tokens[r.i]
    return not (tok.tag == "VBN" and tok.dep in ("acl", "advcl", "amod"))


@condition("obj=information")
def _information(r: Reading) -> bool:
    """What is shared is information ("shared intelligence with"), not a stage or a view."""
    return not _not_information(r)  # no object: no information either


@condition("subj=state")
def _by_state(r: Reading) -> bool:
    return any(_state(a) for a in r.actors)


@condition("subj=known")
def _by_known(r: Reading) -> bool:
    """The doer is known for what it is: a country or a sector other than civilians."""
    return any(a.country is not None or a.sector not in (None, "CVL") for a in r.actors)


@condition("subj=nonstate")
def _by_nonstate(r: Reading) -> bool:
    return bool(r.actors) and not any(_state(a) for a in r.actors)


@condition("subj=workers")
def _by_workers(r: Reading) -> bool:
    return any(a.sector in ("LAB", "EDU", "MED") for a in r.actors)


@condition("needs=recipient")
def _has_recipient(r: Reading) -> bool:
    return bool(r.recipients)


@condition("not=naming")
def _not_naming(r: Reading) -> bool:
    """The verb does not give something a name ("a group called X", "what he called a
    betrayal")."""
    p, tok = r.p, r.p.tokens[r.i]
    return not (p.child(r.i, "oprd") is not None and (
        p.child(r.i, "dobj") is not None or tok.dep == "acl" or p.is_passive(r.i)))


@condition("needs=party")
def _other_party(r: Reading) -> bool:
    """Someone else takes part: "the cabinet met" is a body's own meeting."""
    return bool(r.recipients) or len(r.actors) >= 2


@condition("party=forces")
def _forces_involved(r: Reading) -> bool:
    return any(a.sector in FORCES for a in r.actors + r.recipients)


@condition("to=forces")
def _forces_helped(r: Reading) -> bool:
    """Whom it is done to are troops, rebels or a militia: backing them is aid, not words."""
    return any(a.sector in FORCES for a in r.recipients)


@condition("aim=show")
def _show_of_force(r: Reading) -> bool:
    """Fired at no one: into or towards the sea, or as a test ("fired a ballistic missile
    into the East Sea", "test-fired a cruise missile"), a show of what arms can do."""
    p = r.p
    if any(not _water(p, a.text) for a in r.recipients):
        return False
    sent = p.sentence(r.i)
    aimed = [(prep, obj) for j in (r.i, *p.children(r.i, "dobj", "nsubjpass"))
             for prep, obj in p.preps(j)]  # "fired a missile towards the sea"
    return any(p.lemma(j) in TESTS for j in range(sent.start, sent.end)) or any(
        prep in AIMS and (p.lemma(obj) in WATERS or _water(p, p.text(p.subtree(obj))))
        for prep, obj in aimed)


def _water(p: Parse, text: str) -> bool:
    words = text.lower().split()
    return bool(words) and (words[-1] in WATERS or is_water(text))


# decided once the parties are read: every registered check but those on the things
ON_PARTIES = frozenset(CHECKS) - ON_THINGS
