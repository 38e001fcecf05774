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

The other way round, a story can turn out to be two: articles about a second, alike
happening (the same boxer's next fight, the same city's next shooting) may join while the
story is young. As a story grows (at sizes growing by half each time, so the checks cost
little over a story's life), its latest members are cut in two by normalised cut; if both
parts are sizeable and clearly less alike across than each is inside, the part without the
story's oldest member becomes a story of its own. Two stories that a split would part are
not merged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from wirewatch.merge.text import Vector, cosine

STORY_SIMILARITY = 0.18  # mean cosine with a story's members at which an article joins it
MERGE_SIMILARITY = 0.30  # mean cosine across two stories' members at which they are one
BLOCKING_TERMS = 12  # the article's highest-weighted words used to find candidates
POSTING_TERMS = 40  # a stored article is found by its 40 weightiest words
MAX_POSTINGS = 2000  # a word carried by more articles than this is too common to block on
POSTINGS_PER_TERM = 50  # of the articles holding a blocking word, the latest are looked at
MAX_CANDIDATES = 30  # the stories sharing most blocking words that are scored
SPLIT_GROUP = 6  # the smallest part a story splits off
SPLIT_RATIO = 0.8  # parts split when alike across at most this share of their own likeness
SPLIT_MEMBERS = 200  # a story's latest members looked at when checking for a split
_SPLIT_CHECKS = frozenset(int(2 * SPLIT_GROUP * 1.5**k) for k in range(60))


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
    merged = tuple(sid for sid in joined[1:] if _one_story(best, whole(sid)))
    return Choice(best.story_id, merged)


def _one_story(a: Story, b: Story) -> bool:
    """Whether two stories are one: clearly alike, and, when both are large enough to be
    split apart, not so much less alike across than inside that ``split`` would part them
    again."""
    across = mean_similarity(a, b)
    if across < MERGE_SIMILARITY:
        return False
    if min(a.size, b.size) < SPLIT_GROUP:
        return True
    return across >= SPLIT_RATIO * min(_inside(a), _inside(b))


def _inside(story: Story) -> float:
    """The mean cosine between two of a story's members, from the sum of their unit
    vectors: |sum|^2 = n + n(n-1) * mean."""
    n = story.size
    return (cosine(story.total, story.total) - n) / (n * (n - 1))


def split_due(size: int) -> bool:
    """Whether a story that has just reached this size is checked for a split."""
    return size in _SPLIT_CHECKS


def split(members: Sequence[tuple[str, Vector]]) -> list[str] | None:
    """The members (oldest first, as (id, unit vector)) that form a second happening, or
    None when the story is one."""
    if len(members) < 2 * SPLIT_GROUP:
        return None
    terms = {t: i for i, t in enumerate({t for _, v in members for t in v})}
    matrix = np.zeros((len(members), len(terms)))
    for row, (_, vector) in enumerate(members):
        for term, weight in vector.items():
            matrix[row, terms[term]] = weight
    similar = np.clip(matrix @ matrix.T, 0.0, 1.0)
    part = _bisect(similar)
    first = part == part[0]  # the part holding the oldest member keeps the story
    if min(first.sum(), (~first).sum()) < SPLIT_GROUP:
        return None
    across = similar[np.ix_(first, ~first)].mean()
    inside = min(_mean_inside(similar[np.ix_(side, side)]) for side in (first, ~first))
    if across >= SPLIT_RATIO * inside:
        return None
    return [member_id for (member_id, _), keep in zip(members, first, strict=True) if not keep]


def _bisect(similar: np.ndarray) -> np.ndarray:
    """Two parts of a similarity graph by normalised cut (Shi and Malik): members ordered
    by the second eigenvector of the normalised Laplacian, cut where the normalised cut is
    least. Unlike average-link, it does not just peel off the odd one out."""
    weights = similar - np.diag(np.diag(similar))
    degree = np.maximum(weights.sum(axis=1), 1e-12)
    scale = 1.0 / np.sqrt(degree)
    laplacian = np.eye(len(weights)) - scale[:, None] * weights * scale[None, :]
    order = np.argsort(scale * np.linalg.eigh(laplacian)[1][:, 1], kind="stable")
    best, cut_at = np.inf, 1
    for k in range(1, len(order)):
        side = np.zeros(len(order), dtype=bool)
        side[order[:k]] = True
        cut = weights[np.ix_(side, ~side)].sum()
        score = cut / degree[side].sum() + cut / degree[~side].sum()
        if score < best:
            best, cut_at = score, k
    part = np.zeros(len(order), dtype=bool)
    part[order[:cut_at]] = True
    return part


def _mean_inside(block: np.ndarray) -> float:
    n = len(block)
    return float((block.sum() - np.trace(block)) / (n * (n - 1)))
