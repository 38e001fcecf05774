"""Read-only views of a store for the explorer: pages of events, facet counts, actors,
places, the actor network, stories with their timelines and articles with their text."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from itertools import count, pairwise
from typing import Any, Literal, TypeVar

from wirewatch.errors import WirewatchError
from wirewatch.merge.events import tellers
from wirewatch.store import filters
from wirewatch.store.filters import DAY, ORDER, EventFilter
from wirewatch.store.sqlite import SqliteStore

T = TypeVar("T")
Facet = Literal["type", "country", "actor", "source", "day", "week", "month"]
# what each facet counts, over the selected events s (see ``Explorer._selected``): the rows
# (row, value) it counts, each value counted as its filter selects (``filter`` in each
# count: the value to filter by), and whether an event may give a value more than once
_FACET_SQL: dict[str, tuple[str, bool]] = {
    "type": ("SELECT s.row, s.event_type AS value FROM {s} s", False),
    "country": ("SELECT s.row, s.country AS value FROM {s} s UNION ALL "
                "SELECT s.row, p.country FROM {s} s "
                "JOIN event_parties p ON p.event_id = s.event_id", True),
    "actor": ("SELECT s.row, coalesce(p.name, p.text) AS value FROM {s} s "
              "JOIN event_parties p ON p.event_id = s.event_id", True),
    "source": ("SELECT s.row, x.source AS value FROM {s} s "
               "JOIN event_sources x ON x.event_id = s.event_id", True),
    "day": ("SELECT s.row, substr(s.day, 1, 10) AS value FROM {s} s", False),
    "week": ("SELECT s.row, strftime('%Y-W%W', substr(s.day, 1, 10)) AS value FROM {s} s",
             False),
    "month": ("SELECT s.row, substr(s.day, 1, 7) AS value FROM {s} s", False),
}
# the selected events of a filter: each event's row, id, place in the order (ORDER), type,
# country of its location and day (DAY)
_SELECTION = ("(row INTEGER PRIMARY KEY, event_id TEXT NOT NULL, reported TEXT NOT NULL, "
              "event_type TEXT, country TEXT, day TEXT)")
_SELECT = (f"SELECT e.rowid AS row, e.event_id, coalesce(e.first_reported, '') AS reported, "
           f"e.event_type, e.location_country AS country, {DAY} AS day FROM events e")
_names = count()  # of the selections made: each has a name of its own on any connection


def paged(rows: list[T], size: int, key: Callable[[T], str]) -> tuple[list[T], str | None]:
    """A page from ``size + 1`` rows read: the first ``size``, and the cursor of the next
    page (the key of the last row shown) when there is one more."""
    page = rows[:size]
    return page, (key(page[-1]) if len(rows) > size and page else None)


def _every(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause of all the events a filter selects, whatever page it is at."""
    return filters.where(replace(f, after=None))


class Explorer:
    """Queries over an open store. Nothing here writes to the store: the events a filter
    selects may be kept in a temporary table of the connection (see ``_selected``), so
    that the page, the total and the facets of one filter read the events once."""

    def __init__(self, store: SqliteStore) -> None:
        self.store = store
        self.db = store.db
        self._kept: dict[tuple[str, tuple[Any, ...]], str] = {}  # by the filter's SQL
        self._version: tuple[int, int] | None = None  # of the store they were kept from

    def _rows(self, sql: str, args: list[Any] | tuple[Any, ...] = ()) -> list[Any]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            raise WirewatchError(f"bad query: {exc}") from None

    def _selected(self, f: EventFilter, keep: bool) -> tuple[str, str, list[Any]]:
        """Where to read the events a filter selects, whatever page it is at (the columns
        of ``_SELECTION``): a WITH clause, the name to read them by and the clause's
        arguments. The temporary table kept for the filter if there is one; else, when
        ``keep`` (and no transaction is open), one made now and kept until the store
        changes (another connection commits, or this one writes); else the clause."""
        version = int(self._rows("PRAGMA data_version")[0][0]), self.db.total_changes
        if version != self._version:
            for table in self._kept.values():
                self._rows(f"DROP TABLE IF EXISTS {table}")
            self._kept.clear()
        clause, args = _every(f)
        name = self._kept.get((clause, tuple(args)))
        if name is None and keep and not self.db.in_transaction:
            name = f"temp.selected_{next(_names)}"
            self._rows(f"CREATE TABLE {name} {_SELECTION}")
            try:
                self._rows(f"INSERT INTO {name} {_SELECT}{clause}", args)
            except WirewatchError:
                self.db.rollback()  # the transaction the insert began
                self._rows(f"DROP TABLE {name}")
                raise
            self.db.commit()  # (of the temporary table only)
            self._kept[clause, tuple(args)] = name
        self._version = version[0], self.db.total_changes  # what it wrote is no change
        if name is None:
            return f"WITH selected AS ({_SELECT}{clause}) ", "selected", args
        return "", name, []

    # --- events ----------------------------------------------------------------------
    def page(self, f: EventFilter, size: int) -> tuple[list[dict[str, Any]], str | None]:
        """One page of filtered events and the cursor of the next page (None: the last).
        The events the filter selects are kept for its total and facets."""
        head, selected, args = self._selected(f, keep=True)
        after = ""
        if f.after is not None:
            after = " WHERE (reported, event_id) > (?, ?)"
            args = [*args, *filters.read_cursor(f.after)]
        rows = self._rows(f"{head}SELECT e.record FROM events e WHERE e.rowid IN (SELECT row "
                          f"FROM {selected}{after} ORDER BY reported, event_id LIMIT ?) "
                          f"ORDER BY {ORDER}", [*args, size + 1])
        return paged([json.loads(r[0]) for r in rows], size, filters.cursor)

    def count(self, f: EventFilter) -> int:
        head, selected, args = self._selected(f, keep=False)
        return int(self._rows(f"{head}SELECT count(*) FROM {selected}", args)[0][0])

    def facet(self, f: EventFilter, by: Facet, size: int) -> list[dict[str, Any]]:
        """Event counts by one facet over the filtered events, largest first (dates in
        order)."""
        pairs, repeats = _FACET_SQL[by]
        counted = "count(DISTINCT row)" if repeats else "count(*)"
        order = "1" if by in ("day", "week", "month") else "2 DESC, 1"
        head, selected, args = self._selected(f, keep=False)
        rows = self._rows(f"{head}SELECT value, {counted} FROM ({pairs.format(s=selected)})"
                          f" WHERE value IS NOT NULL GROUP BY 1 ORDER BY {order} LIMIT ?",
                          [*args, size])
        exactly = by in ("actor", "source")  # a filter by words would find more
        return [{"value": v, "count": n, "filter": filters.quoted(v) if exactly else v}
                for v, n in rows]

    def network(self, f: EventFilter, size: int) -> dict[str, list[dict[str, Any]]]:
        """Who acts on whom: parties as nodes, one edge per (actor, recipient, type) with
        the number of events."""
        clause, args = _every(f)
        rows = self._rows(
            "SELECT coalesce(a.name, a.text), a.country, coalesce(r.name, r.text), r.country, "
            "e.event_type, count(DISTINCT e.event_id) FROM events e "
            "JOIN event_parties a ON a.event_id = e.event_id AND a.role = 'actor' "
            "JOIN event_parties r ON r.event_id = e.event_id AND r.role = 'recipient'"
            f"{clause} GROUP BY 1, 2, 3, 4, 5 ORDER BY 6 DESC, 1, 3, 5 LIMIT ?", [*args, size])
        nodes: dict[str, dict[str, Any]] = {}
        edges = []
        for actor, a_country, recipient, r_country, kind, n in rows:
            for name, country in ((actor, a_country), (recipient, r_country)):
                node = nodes.setdefault(name, {"id": name, "country": country, "events": 0})
                node["events"] += n
            edges.append({"source": actor, "target": recipient, "event_type": kind,
                          "events": n})
        return {"nodes": list(nodes.values()), "edges": edges}

    # --- actors and places -------------------------------------------------------------
    def actors(self, text: str | None, size: int) -> list[dict[str, Any]]:
        """Parties by how many events they take part in, as actor and as recipient."""
        like = f"%{text.lower()}%" if text else "%"
        rows = self._rows(
            "SELECT coalesce(name, text), max(country), max(sector), "
            "count(DISTINCT CASE WHEN role = 'actor' THEN event_id END), "
            "count(DISTINCT CASE WHEN role = 'recipient' THEN event_id END) "
            "FROM event_parties WHERE lower(coalesce(name, text)) LIKE ? "
            "GROUP BY 1 ORDER BY count(DISTINCT event_id) DESC, 1 LIMIT ?", (like, size))
        return [{"name": n, "country": c, "sector": s, "as_actor": a, "as_recipient": r}
                for n, c, s, a, r in rows]

    def places(self, f: EventFilter, size: int) -> list[dict[str, Any]]:
        """Where the filtered events happened: each place with its point and event count."""
        clause, args = _every(f)
        clause = clause + (" AND " if clause else " WHERE ") + "e.lat IS NOT NULL"
        rows = self._rows(
            "SELECT json_extract(e.record, '$.location.name'), e.location_country, e.lat, e.lon,"
            f" count(*) FROM events e{clause} GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC, 1 LIMIT ?",
            [*args, size])
        return [{"name": n, "country": c, "lat": lat, "lon": lon, "events": k}
                for n, c, lat, lon, k in rows]

    # --- stories and articles ---------------------------------------------------------
    def story(self, story_id: str) -> dict[str, Any] | None:
        """A story (as `wirewatch stories` gives it) with every appearance of its articles
        in order of publication, its events, and who cites whom in them."""
        story = self.store.story(story_id)
        if story is None:
            return None
        story_id = story["story_id"]
        appearances = sorted(self.store.appearances(story_id),  # the undated last
                             key=lambda a: (a["published"] is None, a["published"] or "",
                                            a["doc_id"]))
        events = list(self.store.events(EventFilter(story=story_id)))
        citations: Counter[tuple[str, str]] = Counter()
        for e in events:
            for m in e["mentions"]:
                chain = [t.get("name") or t["text"] for t in tellers(m)]
                for teller, told in pairwise(chain):
                    citations[teller, told] += 1
        return {**story, "appearances": appearances, "events": events,
                "citations": [{"source": a, "target": b, "mentions": n}
                              for (a, b), n in sorted(citations.items())]}

    def articles(self, size: int, after: str | None) -> list[dict[str, Any]]:
        rows = self._rows(
            "SELECT article_id, story_id, title, publisher, published, url FROM articles "
            "WHERE article_id > ? ORDER BY article_id LIMIT ?", (after or "", size))
        return [{"article_id": a, "story_id": s, "title": t, "publisher": p, "published": d,
                 "url": u} for a, s, t, p, d, u in rows]

    def article(self, article_id: str) -> dict[str, Any] | None:
        """An article record (with its body), its story and the events it reports."""
        row = self._rows("SELECT record, story_id FROM articles WHERE article_id = ?",
                         (article_id,))
        if not row:
            return None
        record: dict[str, Any] = json.loads(row[0][0])
        events = [r[0] for r in self._rows(
            "SELECT DISTINCT event_id FROM mentions WHERE article_id = ? ORDER BY event_id",
            (article_id,))]
        return {"article": record, "story_id": row[0][1], "event_ids": events}
