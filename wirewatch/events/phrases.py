"""The shape of a noun phrase in the parse: the words that make it up, the proper nouns at
its head, the number it gives, and where a country named inside it stands to its head (its
place, its owner, or someone else's: "Iran-backed")."""

from __future__ import annotations

from wirewatch.events.numbers import number
from wirewatch.events.tree import Parse
from wirewatch.gazetteer import country_of

TEXT_SKIP = frozenset({"relcl", "acl", "appos", "conj", "cc", "advcl", "punct", "prep"})
PLACE_PREPS = frozenset({"in", "from", "of", "at", "inside"})
# "Iranian-backed militias" are not Iranian: a country before one of these is someone else.
STANCES = frozenset({"anti", "pro"})  # "anti-Syria", "pro-Iranian": for or against, not of
NOT_OWN = frozenset(
    "backed supported funded sponsored allied aligned linked designed made built inspired "
    "affiliated trained armed bound".split()
)
# people held somewhere: "a Guantánamo detainee" is held there, not of Cuba (where "a
# Syrian detainee" and "a US hostage" are of their country)
HELD = frozenset({"detainee", "prisoner", "inmate", "captive", "hostage"})
ANAPHORS = frozenset({"country", "nation", "regime", "state"})
# participles that give a party another name: "known as the FSB", "a group called Hamas"
NAMING = frozenset({"know", "call", "name", "dub"})
# "its neighbour" is not its owner: nouns naming another party by its relation to one
RELATIONAL = frozenset("neighbor neighbour ally rival enemy foe partner counterpart adversary "
                       "opponent".split())


def text_indices(p: Parse, head: int) -> list[int]:
    out = p.subtree(head, skip=TEXT_SKIP)
    for prep in p.children(head, "prep"):
        if p.tokens[prep].lower_text in PLACE_PREPS:
            out.extend(p.subtree(prep, skip=("relcl", "acl", "appos", "conj")))
    out = sorted(set(out))
    before = [i for i in range(out[0], head) if p.tokens[i].text == ","]
    after = [i for i in range(head, out[-1] + 1) if p.tokens[i].text == ","]
    lo = before[-1] + 1 if before else out[0]
    hi = after[0] - 1 if after else out[-1]
    out = [i for i in out if lo <= i <= hi]
    while out and (p.tokens[out[-1]].pos == "PUNCT" or p.tokens[out[-1]].dep == "case"):
        out.pop()  # "Trump's decision": the party is "Trump"
    return out or [head]


def proper_run(p: Parse, head: int, indices: list[int]) -> list[int]:
    """The proper nouns next to one another that end at the phrase's head."""
    run: list[int] = []
    j = head
    while j in indices and p.tokens[j].tag in ("NNP", "NNPS"):
        run.insert(0, j)
        j -= 1
    return run


def behind_preposition(p: Parse, i: int, head: int) -> bool:
    """Does word i hang on the phrase's head through a preposition ('supporters of X')?"""
    for anc in p.ancestors(i):
        if anc == head:
            return False
        if p.tokens[anc].dep == "prep":
            return True
    return False


def aliases(p: Parse, head: int) -> list[int]:
    """The other names a phrase gives its head: "the security service known as the FSB"."""
    return [n for acl in p.children(head, "acl") if p.lemma(acl) in NAMING
            for n in [*p.children(acl, "oprd"), *(o for prep, o in p.preps(acl) if prep == "as")]]


def not_own(p: Parse, i: int) -> bool:
    """Is token i the 'Iran' of 'Iran-backed' or 'anti-Iran', the 'Guantánamo' of 'a
    Guantánamo detainee' (a country that is not the actor's own)?"""
    toks = p.tokens
    if i >= 2 and toks[i - 1].text == "-" and toks[i - 2].lower_text in STANCES:
        return True
    if toks[i].lower_text.split("-", 1)[0] in STANCES and "-" in toks[i].text:
        return True
    nxt = i + 1
    if nxt < len(toks) and toks[nxt].text == "-":
        nxt += 1
    if nxt < len(toks) and (toks[nxt].lower_text in NOT_OWN or (
            p.lemma(nxt) in HELD and toks[i].ent_type in ("FAC", "LOC", "GPE")
            and country_of(toks[i].text) is None)):  # "a US hostage" is American
        return True
    return "-" in toks[i].text and toks[i].lower_text.rsplit("-", 1)[-1] in NOT_OWN


def standing(p: Parse, head: int, start: int, end: int) -> str:
    if start <= head < end:
        return "head"
    last = p.tokens[end - 1]
    if last.dep == "poss" and p.lemma(last.head) in RELATIONAL:
        return "modifier"  # "Iraq's ally", "the chief of Israel's ally": someone else
    if last.dep == "poss" and last.head == head:  # "Jordan's king": whose he is
        return "owner"
    for i in range(start, end):
        for anc in p.ancestors(i):
            if anc == head:
                break
            if p.tokens[anc].dep == "prep" and p.tokens[anc].lower_text in PLACE_PREPS:
                return "place"
    return "modifier"


def anaphor_owner(p: Parse, head: int) -> int | None:
    """Whose 'country' (nation, regime, state) the phrase is: the 'his' of 'his country'."""
    return p.child(head, "poss") if p.lemma(head) in ANAPHORS else None


def anaphor_place(p: Parse, indices: list[int]) -> bool:
    """'women in the country': a place named only by 'the country'."""
    return any(p.lemma(i) in ANAPHORS and p.tokens[i].dep == "pobj" and
               p.tokens[p.tokens[i].head].lower_text in PLACE_PREPS for i in indices)


def exact_count(p: Parse, head: int) -> int | None:
    """The exact number the phrase gives ("40 protesters", "twenty-three workers")."""
    for child in p.children(head, "nummod"):
        digits = [j for j in p.subtree(child) if p.tokens[j].pos == "NUM"]
        return number([p.tokens[j].text for j in sorted(digits)])
    return None


def named_modifiers(p: Parse, head: int) -> list[list[int]]:
    """Runs of proper nouns before a common noun ("Boko Haram" of "Boko Haram gunmen",
    "Hashd al-Shaabi" of "Hashd al-Shaabi fighters") or compounded onto it: the group the
    people belong to."""
    if p.tokens[head].pos == "PROPN":
        return []
    runs: list[list[int]] = []
    inside = set(p.subtree(head))
    before: list[int] = []  # the words right before the head: "Hashd al-Shaabi fighters"
    j = head - 1
    while j in inside and p.tokens[j].pos != "DET" and (
            p.tokens[j].pos == "PROPN" or p.tokens[j].text in ("-", "–") or
            p.tokens[j].text[:1].isupper()):
        before.insert(0, j)
        j -= 1
    while before and not p.tokens[before[0]].text[:1].isupper():
        before.pop(0)
    if before and any(p.tokens[k].pos == "PROPN" or p.ent_at[k] is not None for k in before):
        runs.append(before)
    for c in sorted(p.children(head, "compound")):
        run = sorted(j for j in p.subtree(c) if p.tokens[j].pos == "PROPN" or
                     p.tokens[j].text == "-")
        if run and p.tokens[c].pos == "PROPN" and run == list(range(run[0], run[-1] + 1)) \
                and run not in runs:
            runs.append(run)
    return runs


# small words a name may hold between its capitalised ones ("Save the Children", "Doctors
# Without Borders" is all capitalised, "Hizb ut-Tahrir", "Banco de la Nación")
NAME_LINKS = frozenset({"the", "of", "for", "and", "de", "del", "la", "al", "el", "ut", "&",
                        "'s", "’s"})


def capitalised_run(p: Parse, head: int) -> list[int]:
    """The capitalised words around a head, with the small words between them, within its
    sentence: a name the tagger may have cut up ("Doctors Without Borders" parsed as a
    noun and a prepositional phrase, "Save the Children" as a verb and its object); none
    for a word alone."""
    sent = p.sentence(head)

    def inside(j: int) -> bool:
        word = p.tokens[j].text
        return word[:1].isupper() or word in NAME_LINKS

    if not p.tokens[head].text[:1].isupper():
        return []
    lo = hi = head
    while lo - 1 >= sent.start and inside(lo - 1):
        lo -= 1
    while hi + 1 < sent.end and inside(hi + 1):
        hi += 1
    while not p.tokens[lo].text[:1].isupper():
        lo += 1
    while not p.tokens[hi].text[:1].isupper():
        hi -= 1
    return list(range(lo, hi + 1)) if hi > lo else []
