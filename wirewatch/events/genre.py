"""Sentences of sports reporting: their beatings, strikes, threats, suspensions and signings
are the game's, not political events."""

from __future__ import annotations

import re
from functools import cache

from wirewatch.events.tree import Parse
from wirewatch.knowledge import read_table

SCORE = re.compile(r"(?<![\d-])\d{1,3}\s?-\s?\d{1,3}(?![\d-])")  # "85-78", "6-4", "(12 - 3)"


@cache
def _words() -> frozenset[str]:
    return frozenset(row[0] for row in read_table("sports.tsv"))


def sports(p: Parse, k: int) -> bool:
    """Does sentence k (read with the one before it) report a game: two sports words, or
    one and a score?"""
    sent = p.ann.sentences[k]
    start = p.ann.sentences[max(0, k - 1)].start
    words = {p.lemma(j) for j in range(start, sent.end)} & _words()
    return len(words) >= 2 or (bool(words) and SCORE.search(
        p.body[sent.start_char:sent.end_char]) is not None)
