"""Which story a new article joins: single-pass average-link clustering over TF-IDF.

An article joins the story whose members it is most like on average (the mean cosine of
its TF-IDF vector with the members' vectors) if that mean reaches ``STORY_SIMILARITY``;
otherwise it starts a story. The mean cosine with a story's members is the dot product
with the mean of their unit vectors, so a story is kept as the sum of its members' vectors
and its size, and scoring costs the same for a story of three or three thousand articles.
Member vectors keep the word weights they had when they were stored. Candidates come from
blocking: only stories holding one of the latest articles that share one of the new
article's most telling words are scored, so the cost of an article does not grow with the
store (news stories are told close together in time).

When a new article belongs to two stories and those stories, without it, are clearly alike
(mean cosine across their members at least ``MERGE_SIMILARITY``, well above the joining
bar: on ECB+ any lower bar merges different happenings of one kind), they were one story
all along and are merged. The new article only brings them to attention; a round-up that
covers two unrelated happenings merges nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from wirewatch.merge.text import Vector, cosine

STORY_SIMILARITY = 0.18  # mean cosine with a story's members at which an article joins it
MERGE_SIMILARITY = 0.30  # mean cosine across two stories' members at which they are one
BLOCKING_TERMS = 12  # the article's highest-weighted words used to find candidates
POSTING_TERMS = 40  # a stored article is found by its 40 weightiest words
MAX_POSTINGS = 2000  # a word carried by more articles than this is too common to block on
POSTINGS_PER_TERM = 50  # of the articles holding a blocking word, the latest are looked at
MAX_CANDIDATES = 30  # the stories sharing most blocking words that are scored


@dataclass(frozen=True, slots=True)
class Story:
    story_id: str
    size: int
    total: Vector  # the sum of the members' unit vectors (or the part of it that is needed)


@dataclass(frozen=True, slots=True)
class Choice:
    story_id: str | None  # None: the article starts a story
    merged: tuple[str, ...] = ()  # stories that turn out to be the same as story_id


def blocking_terms(vector: Vector, df: Mapping[str, int]) -> list[str]:
    """The words a new article is looked up by: its weightiest ones other articles hold,
    short of the very common."""
    usable = [t for t in vector if 0 < df.get(t, 0) <= MAX_POSTINGS]
    return sorted(usable, key=lambda t: (-vector[t], t))[:BLOCKING_TERMS]


def posting_terms(vector: Vector) -> list[str]:
    """The words a stored article can be found by: its weightiest ones."""
    return sorted(vector, key=lambda t: (-vector[t], t))[:POSTING_TERMS]


def mean_similarity(a: Story, b: Story) -> float:
    return cosine(a.total, b.total) / (a.size * b.size)


def choose(vector: Vector, candidates: Iterable[Story],
           whole: Callable[[str], Story]) -> Choice:
    """The story for an article with this vector among the candidate stories (whose
    vectors need only hold the article's words); ``whole`` gives a story's full vector."""
    stories = {s.story_id: s for s in candidates}
    scored = sorted(((cosine(vector, s.total) / s.size, sid) for sid, s in stories.items()),
                    reverse=True)
    joined = [sid for score, sid in scored if score >= STORY_SIMILARITY]
    if not joined:
        return Choice(None)
    if len(joined) == 1:
        return Choice(joined[0])
    best = whole(joined[0])
    merged = tuple(sid for sid in joined[1:]
                   if mean_similarity(best, whole(sid)) >= MERGE_SIMILARITY)
    return Choice(best.story_id, merged)
