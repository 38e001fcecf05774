"""What every request shares: a read-only store, the event filters, the size limits."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request

from wirewatch.store import EventFilter, SqliteStore, filters
from wirewatch.store.explore import Explorer

PAGE = 50  # events on a page unless asked otherwise
MAX_PAGE = 500  # the most a page may hold
MAX_TEXT = 200  # the longest search text or name accepted
DAY = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # empty: no bound (as a blank form field)


@contextmanager
def open_explorer(request: Request) -> Iterator[Explorer]:
    store = SqliteStore(request.app.state.db, readonly=True)
    try:
        yield Explorer(store)
    finally:
        store.close()


def explorer(request: Request) -> Iterator[Explorer]:
    with open_explorer(request) as found:
        yield found


def or_404(item: dict[str, Any] | None) -> dict[str, Any]:
    """The item, or a 404 when there is none."""
    if item is None:
        raise HTTPException(status_code=404, detail="not found")
    return item


def event_filter(
    type: Annotated[str | None, Query(max_length=40, description="PLOVER type, e.g. AID")
                    ] = None,
    actor: Annotated[str | None, Query(max_length=MAX_TEXT,
                                       description="actor or recipient name, text or country")
                     ] = None,
    country: Annotated[str | None, Query(pattern=r"^([A-Za-z]{3})?$",
                                         description="ISO 3166-1 alpha-3 code of a party or "
                                         "the location")] = None,
    since: Annotated[str | None, Query(pattern=DAY, description="on or after (YYYY-MM-DD)")
                     ] = None,
    until: Annotated[str | None, Query(pattern=DAY, description="on or before (YYYY-MM-DD)")
                     ] = None,
    source: Annotated[str | None, Query(max_length=MAX_TEXT,
                                        description="publisher or cited source")] = None,
    text: Annotated[str | None, Query(max_length=MAX_TEXT,
                                      description="full-text search in evidence and names")
                    ] = None,
    story: Annotated[str | None, Query(max_length=40, description="story id")] = None,
    min_independent: Annotated[int | None, Query(ge=1, le=1000,
                                                 description="at least this many "
                                                 "independent origins")] = None,
    after: Annotated[str | None, Query(max_length=400,
                                       description="cursor: the `next` of the previous page")
                     ] = None,
) -> EventFilter:
    if after:
        filters.read_cursor(after)  # a cursor this store did not make: refused up front
    return EventFilter(type=type or None, actor=actor or None, country=country or None,
                       since=since or None, until=until or None, source=source or None,
                       text=text or None, story=story or None, min_independent=min_independent,
                       after=after or None)


Store = Annotated[Explorer, Depends(explorer)]
Filter = Annotated[EventFilter, Depends(event_filter)]
Size = Annotated[int, Query(ge=1, le=MAX_PAGE, description="items per page")]
