"""Whole-store exports in standard formats: JSON Lines, CSV, Parquet, GeoJSON, GEXF."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO
from xml.sax.saxutils import quoteattr

from wirewatch.store import SqliteStore

Exporter = Callable[[SqliteStore, str], int]


def csv_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Rows as CSV text, a row at a time: the first row's keys as the header, then each
    row's values (every row has the first one's keys, in its order)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for n, row in enumerate(rows):
        if n == 0:
            writer.writerow(row)
        writer.writerow(row.values())
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def write_csv(out: TextIO, rows: Iterable[dict[str, Any]]) -> int:
    """Rows written as CSV (see ``csv_lines``); how many."""
    n = 0
    for line in csv_lines(rows):
        out.write(line)
        n += 1
    return n


def to_jsonl(store: SqliteStore, path: str) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for e in store.events():
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
            n += 1
    return n


# the fields of an event record that its flat row is made of (see ``SqliteStore.events``)
FLAT_FIELDS = ("event_id", "event_type", "mode", "contexts", "date", "date_text", "actors",
               "recipients", "instruments", "location", "factuality", "attribution",
               "n_sources", "first_reported", "last_reported", "confidence", "evidence")


def flat_event(e: dict[str, Any]) -> dict[str, Any]:
    """An event as one row of a table (CSV, Parquet), from its ``FLAT_FIELDS``."""
    def parties(group: list[dict[str, Any]], key: str) -> str:
        return "; ".join(str(a.get(key) or "") for a in group)

    loc = e.get("location") or {}
    return {
        "event_id": e["event_id"], "event_type": e["event_type"], "mode": e["mode"],
        "contexts": ";".join(e["contexts"]), "date": e["date"], "date_text": e["date_text"],
        "actors": parties(e["actors"], "text"), "actor_countries": parties(e["actors"], "country"),
        "actor_sectors": parties(e["actors"], "sector"),
        "recipients": parties(e["recipients"], "text"),
        "recipient_countries": parties(e["recipients"], "country"),
        "instruments": "; ".join(i["name"] for i in e["instruments"]),
        "location": loc.get("name"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "polarity": e["factuality"]["polarity"], "modality": e["factuality"]["modality"],
        "attribution": " > ".join(s.get("name") or s["text"] for s in e["attribution"]),
        "n_sources": e["n_sources"], "first_reported": e["first_reported"],
        "last_reported": e["last_reported"], "confidence": e["confidence"],
        "evidence": e["evidence"]["text"],
    }


def to_csv(store: SqliteStore, path: str) -> int:
    with open(path, "w", encoding="utf-8", newline="") as out:
        return write_csv(out, (flat_event(e) for e in store.events(fields=FLAT_FIELDS)))


def to_parquet(store: SqliteStore, path: str) -> int:
    import pyarrow as pa  # loaded only for this format
    import pyarrow.parquet as pq

    rows = [flat_event(e) for e in store.events(fields=FLAT_FIELDS)]
    pq.write_table(pa.Table.from_pylist(rows), path)
    return len(rows)


def to_geojson(store: SqliteStore, path: str) -> int:
    features = []
    for e in store.events(fields=FLAT_FIELDS):
        loc = e.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
            "properties": flat_event(e),
        })
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    return len(features)


def to_gexf(store: SqliteStore, path: str) -> int:
    """The actor network: actors as nodes, one edge per (actor, recipient, event type)."""
    nodes: dict[str, str] = {}
    edges: Counter[tuple[str, str, str]] = Counter()
    for e in store.events():
        for a in e["actors"]:
            for r in e["recipients"]:
                src = a.get("country") or a.get("name") or a["text"]
                dst = r.get("country") or r.get("name") or r["text"]
                nodes.setdefault(src, a.get("name") or src)
                nodes.setdefault(dst, r.get("name") or dst)
                edges[(src, dst, e["event_type"])] += 1
    ids = {key: str(n) for n, key in enumerate(nodes)}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
             '<graph defaultedgetype="directed">',
             '<attributes class="edge"><attribute id="0" title="event_type" type="string"/>'
             "</attributes>", "<nodes>"]
    lines += [f"<node id={quoteattr(ids[k])} label={quoteattr(v)}/>" for k, v in nodes.items()]
    lines.append("</nodes><edges>")
    for n, ((src, dst, etype), weight) in enumerate(sorted(edges.items())):
        lines.append(f'<edge id="{n}" source={quoteattr(ids[src])} target={quoteattr(ids[dst])} '
                     f'weight="{weight}"><attvalues><attvalue for="0" value={quoteattr(etype)}/>'
                     "</attvalues></edge>")
    lines += ["</edges>", "</graph>", "</gexf>"]
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return len(edges)


EXPORTERS: dict[str, Exporter] = {
    "jsonl": to_jsonl, "csv": to_csv, "parquet": to_parquet, "geojson": to_geojson,
    "gexf": to_gexf,
}
