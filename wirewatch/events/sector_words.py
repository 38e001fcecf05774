"""The sector a phrase's own words name: title and body words (``sectors.tsv``) and the
posts of governments (``posts.tsv``)."""

from __future__ import annotations

from wirewatch.dictionaries import post_of
from wirewatch.events.lexicon import sectors
from wirewatch.events.tree import Parse

# the head words of titles that name one post ("the president", "the foreign minister")
TITLES = frozenset({"president", "minister", "secretary", "chancellor", "premier", "king",
                    "queen", "monarch", "emir", "sultan"})


def phrase_sector(p: Parse, head: int) -> str | None:
    """The sector the words of a phrase name: a title or body word of ``sectors.tsv``
    (the longest first: "human rights group"), a title before a name ("journalist X"),
    or a post of the posts table ("the home secretary": a government's)."""
    table = sectors()
    lemma = p.lemma(head)
    if p.tokens[head].lower_text.endswith("ing") and not lemma.endswith("ing"):
        return None  # "spying", "bombing": a deed, not the one who does it
    inside = set(p.subtree(head))
    left: list[str] = []  # the words just before the head in its phrase: "human rights group"
    for j in range(head - 1, max(-1, head - 4), -1):
        if j not in inside or p.tokens[j].pos in ("DET", "PUNCT", "NUM"):
            break
        left.insert(0, p.tokens[j].lower_text)
    for k in range(len(left) - 1):  # the longest title first (two words: below)
        phrase = " ".join([*left[k:], lemma])
        if phrase in table:
            return table[phrase]
    mods = [c for c in p.children(head, "compound", "amod") if c < head]
    for m in mods:
        phrase = f"{p.lemma(m)} {lemma}"
        if phrase in table:
            return table[phrase]
    if lemma in table:
        return table[lemma]
    # a person named with a title: "journalist Diana Ghalibaf", "Radan, the police chief"
    for c in [*reversed(mods), *p.children(head, "appos")]:  # the nearest word first
        sub = p.lemma(c)
        inner = [g for g in p.children(c, "compound", "amod") if g < c]
        for g in inner:
            if f"{p.lemma(g)} {sub}" in table:
                return table[f"{p.lemma(g)} {sub}"]
        if sub in table:
            return table[sub]
    if lemma in TITLES and post_of(" ".join([*left, p.tokens[head].lower_text])):
        return "GOV"  # "the home secretary": a government's post by the posts table
    return None
