"""Event filters as SQL: the one translation used by `wirewatch events`, the exports and the
HTTP API. Events are ordered by when they were first reported, then by id; a cursor is the
last event's place in that order (keyset pagination: a page costs the same however deep)."""

from __future__ import annotations

import base64
import json
import unicodedata
from dataclasses import asdict, dataclass, replace
from typing import Any

from wirewatch.errors import WirewatchError

ORDER = "coalesce(e.first_reported, ''), e.event_id"
# an event's day: its own date when it has a full one, else when it was first reported
DAY = "(CASE WHEN e.date GLOB '[0-9]*' THEN e.date ELSE e.first_reported END)"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The filters of `wirewatch events` and of the HTTP API."""

    type: str | None = None
    actor: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None
    text: str | None = None
    story: str | None = None
    min_independent: int | None = None
    limit: int | None = None
    after: str | None = None  # a cursor: only events after the one it was made from


def exact(value: str) -> str | None:
    """The words of a value in double quotes (``"Donald Trump"``: that name exactly), else
    None (words anywhere in a name)."""
    if len(value) > 2 and value.startswith('"') and value.endswith('"'):
        return value[1:-1]
    return None


def quoted(value: str) -> str:
    return f'"{value}"'


def where(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (or "") and its arguments selecting the filtered events ``e``.
    Lone surrogates (which SQLite cannot take) are dropped from the words first and
    control characters (which no stored text holds) become spaces."""
    cleaned: dict[str, Any] = {k: _clean(v) for k, v in asdict(f).items()
                               if isinstance(v, str) and k != "after"}
    f = replace(f, **cleaned)
    parts: list[str] = []
    args: list[Any] = []
    if f.type:
        parts.append("e.event_type = ?")
        args.append(f.type.upper())
    if f.actor and (name := exact(f.actor)) is not None:  # one party, as its facet names it
        parts.append("e.event_id IN (SELECT event_id FROM event_parties WHERE "
                     "coalesce(name, text) = ?)")
        args.append(name)
    elif f.actor:
        parts.append("e.event_id IN (SELECT event_id FROM event_parties WHERE "
                     "lower(coalesce(name,'')) LIKE ? OR lower(text) LIKE ? OR country = ?)")
        args += [f"%{f.actor.lower()}%", f"%{f.actor.lower()}%", f.actor.upper()]
    if f.country:
        parts.append("(e.location_country = ? OR e.event_id IN (SELECT event_id FROM "
                     "event_parties WHERE country = ?))")
        args += [f.country.upper(), f.country.upper()]
    if f.since:
        parts.append(f"{DAY} >= ?")
        args.append(f.since)
    if f.until:
        parts.append(f"substr({DAY}, 1, {len(f.until)}) <= ?")
        args.append(f.until)
    if f.source and (source := exact(f.source)) is not None:  # one, as its facet names it
        parts.append("e.event_id IN (SELECT event_id FROM event_sources WHERE source = ?)")
        args.append(source)
    elif f.source:
        parts.append("e.event_id IN (SELECT event_id FROM event_sources WHERE "
                     "lower(source) LIKE ?)")
        args.append(f"%{f.source.lower()}%")
    if f.text:
        parts.append("e.event_id IN (SELECT event_id FROM events_fts WHERE events_fts MATCH ?)")
        args.append(fts_query(f.text))
    if f.story:
        parts.append("e.story_id = ?")
        args.append(f.story)
    if f.min_independent:
        parts.append("e.n_independent >= ?")
        args.append(int(f.min_independent))
    if f.after:
        parts.append(f"({ORDER}) > (?, ?)")
        args += list(read_cursor(f.after))
    return (" WHERE " + " AND ".join(parts) if parts else ""), args


def _clean(text: str) -> str:
    """The text without lone surrogates, control characters as spaces."""
    return "".join(" " if unicodedata.category(c) == "Cc" else c for c in text
                   if unicodedata.category(c) != "Cs")


def fts_query(text: str) -> str:
    """User words as an FTS5 query: each word quoted, all required."""
    words = [w.replace('"', "") for w in text.split() if w.strip('"')]
    return " ".join(f'"{w}"' for w in words) or '""'


def cursor(event: dict[str, Any]) -> str:
    """The cursor that continues after this event."""
    key = [event.get("first_reported") or "", event["event_id"]]
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def read_cursor(text: str) -> tuple[str, str]:
    try:
        key = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        if (isinstance(key, list) and len(key) == 2
                and all(isinstance(k, str) and k == _clean(k) for k in key)):
            return key[0], key[1]
    except ValueError:
        pass
    raise WirewatchError(f"not a cursor this store made: {text!r}")
