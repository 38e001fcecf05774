"""The explorer's reads over generated stores (no model): pages, totals and facets agree
with the plain queries they replace, whether or not the events a filter selects were kept
for the request, and follow the store when it changes; a download holds what decoding every
record whole would give; every answer has its security headers; a server works on a few
requests at once."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import anyio.to_thread
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_invariants import batches, records
from wirewatch.export import FLAT_FIELDS, flat_event
from wirewatch.records import ArticleRecord
from wirewatch.store import EventFilter, SqliteStore, filters
from wirewatch.store.explore import Explorer, Facet
from wirewatch.web.app import THREADS_PER_CPU, create_app, worker_threads

FACETS: tuple[Facet, ...] = ("type", "country", "actor", "source", "day", "week", "month")
FILTERS = (EventFilter(), EventFilter(type="ASSAULT"), EventFilter(country="NGA"),
           EventFilter(actor="ada"), EventFilter(actor='"the army"'),
           EventFilter(source='"Reuters"'), EventFilter(text="troops"),
           EventFilter(since="2024-03-02", until="2024-03-20"), EventFilter(until="2024-03"),
           EventFilter(min_independent=2))
# the facets as first written: each counted by a join over all the filtered events
PLAIN: dict[str, tuple[str, str]] = {
    "type": ("e.event_type", ""),
    "country": ("c.country", "JOIN (SELECT event_id, location_country AS country FROM events "
                "UNION SELECT event_id, country FROM event_parties) c "
                "ON c.event_id = e.event_id"),
    "actor": ("coalesce(p.name, p.text)", "JOIN event_parties p ON p.event_id = e.event_id"),
    "source": ("s.source", "JOIN event_sources s ON s.event_id = e.event_id"),
    "day": (f"substr({filters.DAY}, 1, 10)", ""),
    "week": (f"strftime('%Y-W%W', substr({filters.DAY}, 1, 10))", ""),
    "month": (f"substr({filters.DAY}, 1, 7)", ""),
}


def _plain_facet(store: SqliteStore, f: EventFilter, by: str, size: int) -> list[Any]:
    expr, join = PLAIN[by]
    clause, args = filters.where(f)
    clause += (" AND " if clause else " WHERE ") + f"{expr} IS NOT NULL"
    order = "1" if by in ("day", "week", "month") else "2 DESC, 1"
    return [tuple(r) for r in store.db.execute(
        f"SELECT {expr}, count(DISTINCT e.event_id) FROM events e {join}{clause} "
        f"GROUP BY 1 ORDER BY {order} LIMIT ?", [*args, size])]


def _plain_page(store: SqliteStore, f: EventFilter, size: int) -> list[dict[str, Any]]:
    return list(store.events(replace(f, limit=size)))


@contextmanager
def _stored(batch: list[ArticleRecord]) -> Iterator[SqliteStore]:
    with tempfile.TemporaryDirectory() as folder:
        store = SqliteStore(Path(folder) / "s.db")
        try:
            for record in batch:
                store.add_document(record.article.doc_id, "hash", [record])
            yield store
        finally:
            store.close()


def _read(explorer: Explorer, f: EventFilter, page_first: bool) -> dict[str, Any]:
    """What the explorer answers for a filter, its page read first (the events it selects
    are then kept for the rest) or last."""
    out: dict[str, Any] = {}
    if page_first:
        out["page"] = explorer.page(f, 2)
    out["facets"] = {by: [(v["value"], v["count"]) for v in explorer.facet(f, by, 50)]
                     for by in FACETS}
    out["total"] = explorer.count(f)
    if not page_first:
        out["page"] = explorer.page(f, 2)
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batches())
def test_pages_totals_and_facets_agree_with_the_plain_queries(
        batch: list[ArticleRecord]) -> None:
    with _stored(batch) as store:
        for f in FILTERS:
            plain = {"facets": {by: _plain_facet(store, f, by, 50) for by in FACETS},
                     "total": len(list(store.events(f)))}
            every = list(store.events(f))
            for page_first in (True, False):
                found = _read(Explorer(store), f, page_first)
                assert found["facets"] == plain["facets"], (f, page_first)
                assert found["total"] == plain["total"]
                page, cursor = found["page"]
                assert page == every[:2] == _plain_page(store, f, 2)
                assert cursor == (filters.cursor(page[-1]) if len(every) > 2 else None)
            explorer = Explorer(store)  # page after page, as a cursor continues it
            seen: list[dict[str, Any]] = []
            after = None
            while True:
                page, after = explorer.page(replace(f, after=after), 2)
                seen += page
                if after is None:
                    break
            assert seen == every
            assert not store.db.in_transaction  # nothing left open by what it kept


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(records(0), min_size=2, max_size=2))
def test_what_an_explorer_kept_follows_the_store(pair: list[ArticleRecord]) -> None:
    first, second = (replace(r, article=replace(r.article, doc_id=f"doc-{n}"))
                     for n, r in enumerate(pair))
    with _stored([first]) as store:
        explorer = Explorer(store)
        reader = Explorer(SqliteStore(store.path, readonly=True))
        try:
            for ex in (explorer, reader):
                ex.page(EventFilter(), 1)  # keeps the selected events
            store.add_document(second.article.doc_id, "hash", [second])  # this connection
            for ex in (explorer, reader):  # and another one
                assert ex.count(EventFilter()) == len(list(store.events()))
                assert [(v["value"], v["count"]) for v in ex.facet(EventFilter(), "type", 9)
                        ] == _plain_facet(store, EventFilter(), "type", 9)
                assert ex.page(EventFilter(), 50)[0] == list(store.events())
        finally:
            reader.store.close()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batches())
def test_events_read_only_the_fields_asked_for(batch: list[ArticleRecord]) -> None:
    with _stored(batch) as store:
        whole = list(store.events())
        assert list(store.events(fields=FLAT_FIELDS)) == [
            {k: e.get(k) for k in FLAT_FIELDS} for e in whole]
        with pytest.raises(ValueError):
            list(store.events(fields=("event_id",)))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batches())
def test_a_download_holds_every_filtered_event_flat(batch: list[ArticleRecord]) -> None:
    with _stored(batch) as store:
        client = TestClient(create_app(store.path))
        for f, query in ((EventFilter(), ""), (EventFilter(type="ASSAULT"), "type=ASSAULT")):
            expected = io.StringIO()
            writer: csv.DictWriter[str] | None = None
            for row in map(flat_event, store.events(f)):  # every record decoded whole
                if writer is None:
                    writer = csv.DictWriter(expected, fieldnames=list(row))
                    writer.writeheader()
                writer.writerow(row)
            reply = client.get(f"/api/events.csv?{query}")
            assert reply.status_code == 200 and reply.text == expected.getvalue()
            assert reply.headers["x-content-type-options"] == "nosniff"


def test_every_answer_carries_the_security_headers(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    SqliteStore(db).close()
    client = TestClient(create_app(db))
    for url in ("/", "/api/counts", "/api/events.csv", "/api/events/nope", "/openapi.json"):
        reply = client.get(url)
        assert reply.headers["x-frame-options"] == "DENY", url
        assert reply.headers["content-security-policy"].startswith("default-src 'self'")
        assert reply.headers["referrer-policy"] == "no-referrer"
    assert client.get("/api/events/nope").status_code == 404
    assert sqlite3.connect(db).execute("SELECT count(*) FROM events").fetchone() == (0,)


def test_a_server_works_on_a_few_requests_at_once(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    SqliteStore(db).close()

    def tokens() -> float:
        return anyio.to_thread.current_default_thread_limiter().total_tokens

    for threads, expected in ((3, 3), (None, worker_threads())):
        with TestClient(create_app(db, threads=threads)) as client:
            assert client.portal is not None  # (the server is running)
            assert client.portal.call(tokens) == expected
            assert client.get("/api/counts").status_code == 200
    assert worker_threads() == THREADS_PER_CPU * (os.cpu_count() or 1)
