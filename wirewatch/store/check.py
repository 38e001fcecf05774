"""What a store must always hold, checked (`wirewatch check`): the database is sound, every
count adds up, every mention points at the characters it came from."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from wirewatch.store.explore import Explorer, Facet
from wirewatch.store.filters import EventFilter
from wirewatch.store.sqlite import SqliteStore

FACETS: tuple[Facet, ...] = ("type", "country", "actor", "source")
FACET_VALUES = 50  # the largest values of each facet are checked against their filters


@dataclass(frozen=True, slots=True)
class Finding:
    check: str  # what must hold
    broken: int  # how many records break it
    example: str | None = None  # the first that does


def check(store: SqliteStore) -> list[Finding]:
    """Every invariant of the store, each with the records that break it."""
    checks: list[tuple[str, Callable[[SqliteStore], Iterator[str]]]] = [
        ("the database file is sound (integrity_check)", _integrity),
        ("independent origins never outnumber sources", _origins),
        ("every event has mentions, every mention its event and article", _links),
        ("every mention's offsets select its evidence and trigger", _offsets),
        ("each facet count is the total its filter returns", _facets),
    ]
    out = []
    for name, find in checks:
        broken = list(find(store))
        out.append(Finding(name, len(broken), broken[0] if broken else None))
    return out


def _integrity(store: SqliteStore) -> Iterator[str]:
    for (row,) in store.db.execute("PRAGMA integrity_check"):
        if row != "ok":
            yield str(row)


def _origins(store: SqliteStore) -> Iterator[str]:
    for event_id, independent, sources in store.db.execute(
            "SELECT event_id, n_independent, n_sources FROM events "
            "WHERE n_independent > n_sources"):
        yield f"event {event_id}: {independent} origins, {sources} sources"


def _links(store: SqliteStore) -> Iterator[str]:
    db = store.db
    for (event_id,) in db.execute("SELECT event_id FROM events WHERE event_id NOT IN "
                                  "(SELECT event_id FROM mentions)"):
        yield f"event {event_id} has no mention"
    for mention_id, event_id in db.execute(
            "SELECT mention_id, event_id FROM mentions WHERE event_id NOT IN "
            "(SELECT event_id FROM events)"):
        yield f"mention {mention_id}: no event {event_id}"
    for mention_id, article_id in db.execute(
            "SELECT mention_id, article_id FROM mentions WHERE article_id NOT IN "
            "(SELECT article_id FROM articles)"):
        yield f"mention {mention_id}: no article {article_id}"


def _offsets(store: SqliteStore) -> Iterator[str]:
    rows = store.db.execute("SELECT m.mention_id, m.record, a.body FROM mentions m "
                            "JOIN articles a ON a.article_id = m.article_id")
    for mention_id, record, body in rows:
        mention = json.loads(record)
        for part in ("evidence", "trigger"):
            span = mention[part]
            if body[span["start"]:span["end"]] != span["text"]:
                yield f"mention {mention_id}: {part} {span['start']}-{span['end']} " \
                      f"does not select {span['text'][:40]!r}"


def _facets(store: SqliteStore) -> Iterator[str]:
    explorer = Explorer(store)
    every = EventFilter()
    for by in FACETS:
        for value in explorer.facet(every, by, FACET_VALUES):
            total = explorer.count(replace(every, **{by: value["filter"]}))
            if total != value["count"]:
                yield f"{by} {value['value']!r}: facet {value['count']}, filter {total}"
