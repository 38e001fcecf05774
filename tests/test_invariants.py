"""The store's invariants as properties: over stores generated from random article records
(copies, shared parties and sources, dates or none, anonymous origins), every check of
`wirewatch check` holds — independent origins never outnumber sources, every facet count
is its filter's total, every mention's offsets select its text, every event has mentions."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.articles.ids import article_id, stable_id
from wirewatch.records import (
    Actor,
    Article,
    ArticleRecord,
    EventMention,
    Evidence,
    Factuality,
    Place,
    Source,
)
from wirewatch.store import SqliteStore
from wirewatch.store.check import check

TYPES = ("ASSAULT", "PROTEST", "AID", "ACCUSE", "CONSULT")
COUNTRIES = ("NGA", "GHA", "IRQ", "RUS", "IRN", None)
NAMES = ("Ada Obi", "the army", "Kwame Mensah", "protesters", "the ministry")
OUTLETS = ("The Harbour Post", "Reuters", "Daily Lantern")
DAYS = tuple(f"2024-03-{d:02d}" for d in (1, 2, 5, 20, 28))
WORDS = ("troops", "shelled", "the", "town", "of", "Kano", "said", "on", "Monday", "aid",
         "arrived", "talks", "in", "Accra", "marched", "police")

actors = st.builds(Actor, text=st.sampled_from(NAMES), name=st.sampled_from(NAMES) | st.none(),
                   country=st.sampled_from(COUNTRIES))
sources = st.builds(
    Source, text=st.sampled_from((*OUTLETS, "officials", "a witness")),
    name=st.sampled_from(OUTLETS) | st.none(),
    kind=st.sampled_from(("outlet", "official", "person", "social-media")),
    anonymous=st.booleans())
places = st.builds(Place, text=st.just("Kano"), name=st.just("Kano"),
                   country=st.sampled_from(COUNTRIES), admin1=st.none(), lat=st.just(12.0),
                   lon=st.just(8.5), geonameid=st.just(2335204), precision=st.just("city"),
                   start=st.just(0), end=st.just(4))


@st.composite
def records(draw: st.DrawFn, n: int) -> ArticleRecord:
    """One article of a few sentences; each event points at one of its sentences and one
    word of it as the trigger."""
    sentences = [" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=9))) + "."
                 for _ in range(draw(st.integers(1, 4)))]
    body = " ".join(sentences)
    title = draw(st.sampled_from(("Shelling in Kano", "Talks in Accra", "Aid arrives")))
    article = Article(doc_id=f"doc-{n}", article_id=article_id(title, body), title=title,
                      body=body, publisher=draw(st.sampled_from(OUTLETS) | st.none()),
                      published=draw(st.sampled_from(DAYS) | st.none()))
    events = []
    for k in range(draw(st.integers(0, 3))):
        s = draw(st.integers(0, len(sentences) - 1))
        start = sum(len(x) + 1 for x in sentences[:s])
        words = sentences[s].rstrip(".").split(" ")
        w = draw(st.integers(0, len(words) - 1))
        at = start + sum(len(x) + 1 for x in words[:w])
        kind = draw(st.sampled_from(TYPES))
        events.append(EventMention(
            id=stable_id(article.article_id, str(k), kind), event_type=kind, mode=None,
            contexts=[], actors=draw(st.lists(actors, max_size=2)),
            recipients=draw(st.lists(actors, max_size=2)), instruments=[],
            date=draw(st.sampled_from(DAYS) | st.none()), date_text=None,
            location=draw(places | st.none()), factuality=Factuality(),
            attribution=draw(st.lists(sources, max_size=3)),
            evidence=Evidence(sentences[s], start, start + len(sentences[s])),
            trigger=Evidence(words[w], at, at + len(words[w])), confidence=0.5))
    return ArticleRecord(article=article, events=events)


@st.composite
def batches(draw: st.DrawFn) -> list[ArticleRecord]:
    """Articles, some of them again under another document (a copy)."""
    out = [draw(records(n)) for n in range(draw(st.integers(1, 6)))]
    for n, again in enumerate(draw(st.lists(st.sampled_from(out), max_size=2))):
        out.append(ArticleRecord(article=Article(
            doc_id=f"copy-{n}", article_id=again.article.article_id, title=again.article.title,
            body=again.article.body, publisher="Daily Lantern"), events=again.events))
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batches())
def test_every_invariant_holds_over_generated_stores(batch: list[ArticleRecord]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = SqliteStore(Path(folder) / "s.db")
        try:
            for record in batch:
                store.add_document(record.article.doc_id, "hash", [record])
            broken = [f for f in check(store) if f.broken]
            assert broken == [], broken
            assert store.counts()["documents"] == len({r.article.doc_id for r in batch})
        finally:
            store.close()
