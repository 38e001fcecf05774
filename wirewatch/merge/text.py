"""What an article's words are, for telling stories apart and copies alike."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

from wirewatch.records import Article

_WORD = re.compile(r"[^\W\d_][\w'-]*|\d+", re.UNICODE)
STOP = frozenset(
    "the and for that with from this have has had was were are been will would said says "
    "also into about after over than their they them its his her not but who which what "
    "when where there more some other new one two three a an of to in on at by is it as be "
    "he she we you i or our us can could may might should your all any out up".split()
)

Vector = dict[str, float]
# Word weights come from the store's own document frequencies, blended with a prior: how
# often the word turns up in English text at large (wordfreq), counted as if PRIOR_DOCS
# articles of ARTICLE_WORDS words had been seen. A young store, which has seen few
# articles, then still knows that "said" tells nothing and "Klitschko" a lot.
PRIOR_DOCS = 3000
ARTICLE_WORDS = 400
_FORMS = ("", "s", "es", "ed", "ing")


def _stem(word: str) -> str:
    """A light suffix strip, enough to meet 'detains', 'detained' and 'detaining'."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def terms(article: Article) -> Counter[str]:
    """Stemmed content words of the title and body, with their counts."""
    text = f"{article.title or ''}\n{article.body}".lower()
    return Counter(
        _stem(w) for w in _WORD.findall(text)
        if w not in STOP and (len(w) > 2 or w.isdigit())
    )


def words(text: str) -> list[str]:
    """The plain word sequence of a text, for shingling."""
    return _WORD.findall(text.lower())


@lru_cache(maxsize=200_000)
def prior_df(term: str) -> float:
    """The share of articles expected to hold a (stemmed) word, from its frequency in
    English at large."""
    from wordfreq import word_frequency  # here: importing wordfreq costs half a second

    freq = sum(word_frequency(term + ending, "en") for ending in _FORMS)
    return 1.0 - math.exp(-ARTICLE_WORDS * freq)


def idf(words: Iterable[str], df: Mapping[str, int], n_docs: int) -> dict[str, float]:
    """Inverse document frequencies over the store's documents and the prior."""
    total = n_docs + PRIOR_DOCS + 1
    return {t: math.log(total / (df.get(t, 0) + PRIOR_DOCS * prior_df(t) + 1)) for t in words}


def weigh(counts: Mapping[str, int], idf: Mapping[str, float]) -> Vector:
    """Unit-length sublinear TF-IDF weights."""
    vec = {t: (1 + math.log(c)) * idf[t] for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())
