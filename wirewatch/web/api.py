"""The JSON API (`/api/...`), described by the OpenAPI document at `/openapi.json`."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from wirewatch.export import FLAT_FIELDS, csv_lines, flat_event
from wirewatch.store import EventFilter, SqliteStore
from wirewatch.store.explore import Facet, paged
from wirewatch.web.deps import MAX_TEXT, Filter, Size, Store, or_404

router = APIRouter(prefix="/api", tags=["api"], responses={
    400: {"description": "A cursor this store did not make, or a query it cannot run"}})
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such item"}}
Cursor = Annotated[str | None, Query(max_length=400, description="the `next` of the last page")]


@router.get("/counts", summary="What the store holds")
def counts(store: Store) -> dict[str, int]:
    return store.store.counts()


@router.get("/events", summary="Merged events, filtered, a page at a time")
def events(store: Store, f: Filter, limit: Size = 50) -> dict[str, Any]:
    page, next_cursor = store.page(f, limit)
    return {"items": page, "next": next_cursor, "total": store.count(f)}


def _stream(request: Request, f: EventFilter, fields: Sequence[str] = ()
            ) -> Iterator[dict[str, Any]]:
    """The filtered events for a download (only ``fields`` of each, if given). The store
    is opened here, not by a dependency, as the download outlives the handler; the first
    event is read before the response starts, so that a query the store refuses is still
    a clean error."""
    store = SqliteStore(request.app.state.db, readonly=True)
    events = store.events(f, fields)
    try:
        first = next(events, None)
    except BaseException:
        store.close()
        raise

    def rest() -> Iterator[dict[str, Any]]:
        try:
            if first is not None:
                yield first
                yield from events
        finally:
            store.close()

    return rest()


CHUNK = 64 * 1024  # characters sent at a time in a download


def _chunks(parts: Iterator[str]) -> Iterator[str]:
    """Lines joined into chunks of about ``CHUNK`` characters: a download is read on a
    worker thread, one hop per chunk sent, not per line."""
    pending: list[str] = []
    size = 0
    for part in parts:
        pending.append(part)
        size += len(part)
        if size >= CHUNK:
            yield "".join(pending)
            pending, size = [], 0
    if pending:
        yield "".join(pending)


@router.get("/events.ndjson", summary="All filtered events as JSON Lines, streamed",
            response_class=StreamingResponse)
def events_ndjson(request: Request, f: Filter) -> StreamingResponse:
    lines = (json.dumps(e, ensure_ascii=False) + "\n" for e in _stream(request, f))
    return StreamingResponse(_chunks(lines), media_type="application/x-ndjson")


@router.get("/events.csv", summary="All filtered events as CSV (one row each), streamed",
            response_class=StreamingResponse)
def events_csv(request: Request, f: Filter) -> StreamingResponse:
    rows = map(flat_event, _stream(request, f, FLAT_FIELDS))
    return StreamingResponse(_chunks(csv_lines(rows)), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": "attachment; filename=events.csv"})


@router.get("/events/{event_id}", summary="One merged event", responses=NOT_FOUND)
def event(store: Store, event_id: str) -> dict[str, Any]:
    return or_404(store.store.event(event_id))


@router.get("/facets", summary="Event counts by type, country, actor, source or period")
def facets(store: Store, f: Filter, by: Facet = "type",
           limit: Annotated[int, Query(ge=1, le=500)] = 20) -> dict[str, Any]:
    return {"by": by, "counts": store.facet(f, by, limit)}


@router.get("/stories", summary="Stories, a page at a time")
def stories(store: Store, after: Cursor = None, limit: Size = 50) -> dict[str, Any]:
    page, after = paged(list(store.store.stories(after, limit + 1)), limit,
                        lambda s: str(s["story_id"]))
    return {"items": page, "next": after}


@router.get("/stories/{story_id}",
            summary="A story: its articles and their appearances, events and citations",
            responses=NOT_FOUND)
def story(store: Store, story_id: str) -> dict[str, Any]:
    return or_404(store.story(story_id))


@router.get("/articles", summary="Articles, a page at a time")
def articles(store: Store, after: Cursor = None, limit: Size = 50) -> dict[str, Any]:
    page, after = paged(store.articles(limit + 1, after), limit,
                        lambda a: str(a["article_id"]))
    return {"items": page, "next": after}


@router.get("/articles/{article_id}", summary="An article with its text and events",
            responses=NOT_FOUND)
def article(store: Store, article_id: str) -> dict[str, Any]:
    return or_404(store.article(article_id))


@router.get("/actors", summary="Parties by the events they take part in")
def actors(store: Store, text: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
           limit: Size = 50) -> dict[str, Any]:
    return {"items": store.actors(text, limit)}


@router.get("/places", summary="Where the filtered events happened")
def places(store: Store, f: Filter, limit: Size = 500) -> dict[str, Any]:
    return {"items": store.places(f, limit)}


@router.get("/network", summary="Who acts on whom: nodes and typed edges")
def network(store: Store, f: Filter, limit: Size = 500) -> dict[str, Any]:
    return store.network(f, limit)
