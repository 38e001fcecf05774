"""The SQLite store (WAL, FTS5). The only module that writes SQL."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from wirewatch.articles.ids import stable_id
from wirewatch.errors import WirewatchError
from wirewatch.merge import STORY_SIMILARITY, event_key, fingerprint, has_parties, similarity
from wirewatch.records import ArticleRecord

SCHEMA_VERSION = "1"


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
    limit: int | None = None


class SqliteStore:
    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = str(path)
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise WirewatchError(f"no store at {self.path} (run `wirewatch ingest` first)")
                self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            else:
                self.db = sqlite3.connect(self.path)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.executescript(
                    resources.files("wirewatch.store").joinpath("schema.sql").read_text()
                )
                self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                                (SCHEMA_VERSION,))
                self.db.commit()
        except sqlite3.DatabaseError as exc:
            raise WirewatchError(f"cannot open store {self.path}: {exc}") from None

    def close(self) -> None:
        self.db.close()

    # --- writing ---------------------------------------------------------------------
    def has_document(self, doc_id: str, content_hash: str) -> bool:
        row = self.db.execute("SELECT 1 FROM documents WHERE doc_id=? AND content_hash=?",
                              (doc_id, content_hash)).fetchone()
        return row is not None

    def add_document(self, doc_id: str, content_hash: str, records: list[ArticleRecord]) -> int:
        """Store one document's articles in one transaction; returns how many were new."""
        new = 0
        with self.db:
            for record in records:
                new += self._add_article(doc_id, record)
            self.db.execute(
                "INSERT OR IGNORE INTO documents VALUES (?, ?, ?, ?)",
                (doc_id, content_hash, len(records),
                 datetime.now(UTC).isoformat(timespec="seconds")),
            )
        return new

    def _add_article(self, doc_id: str, record: ArticleRecord) -> int:
        a = record.article
        self.db.execute(
            "INSERT OR IGNORE INTO appearances VALUES (?, ?, ?, ?, ?)",
            (a.article_id, doc_id, a.url, a.publisher, a.published),
        )
        exists = self.db.execute("SELECT 1 FROM articles WHERE article_id=?",
                                 (a.article_id,)).fetchone()
        touched: set[str] = set()
        if exists is None:
            story_id = self._story_for(record)
            self.db.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (a.article_id, story_id, a.title, a.publisher, a.published, a.url, a.category,
                 a.body, " ".join(sorted(fingerprint(a))), json.dumps(record.to_dict())),
            )
            self.db.execute("INSERT OR IGNORE INTO stories VALUES (?, ?)", (story_id, a.title))
            self.db.execute("INSERT INTO articles_fts VALUES (?, ?, ?)",
                            (a.article_id, a.title or "", a.body))
            for m in record.events:
                event_id = event_key(m)
                self.db.execute("INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?)",
                                (m.id, event_id, a.article_id, json.dumps(asdict(m))))
                touched.add(event_id)
        else:
            touched = {r[0] for r in self.db.execute(
                "SELECT DISTINCT event_id FROM mentions WHERE article_id=?", (a.article_id,))}
        for event_id in touched:
            self._rebuild_event(event_id)
        return int(exists is None)

    def _story_for(self, record: ArticleRecord) -> str:
        """The story a new article joins: one sharing an event, else one in the same words."""
        keys = [event_key(m) for m in record.events if has_parties(m)]
        if keys:
            marks = ",".join("?" * len(keys))
            rows = self.db.execute(
                f"SELECT a.story_id FROM mentions m JOIN articles a USING (article_id) "
                f"WHERE m.event_id IN ({marks})", keys).fetchall()
            if rows:
                return str(Counter(r[0] for r in rows).most_common(1)[0][0])
        words = fingerprint(record.article)
        best, best_score = None, STORY_SIMILARITY
        for row in self.db.execute("SELECT story_id, fingerprint FROM articles"):
            score = similarity(words, row[1].split())
            if score >= best_score:
                best, best_score = row[0], score
        if best is not None:
            return str(best)
        return stable_id("story", record.article.article_id)

    def _rebuild_event(self, event_id: str) -> None:
        rows = self.db.execute(
            "SELECT m.record, p.article_id, p.doc_id, p.url, p.publisher, p.published "
            "FROM mentions m JOIN appearances p USING (article_id) WHERE m.event_id=? "
            "ORDER BY p.published, p.doc_id", (event_id,)).fetchall()
        if not rows:
            return
        mentions = [json.loads(r[0]) for r in rows]
        best = max(mentions, key=lambda m: (m["confidence"], -len(m["evidence"]["text"])))
        published = sorted(r[5] for r in rows if r[5])
        publishers = {r[4] or r[2] for r in rows}
        merged = dict(best)
        merged.pop("id", None)
        merged["instruments"] = _union(m["instruments"] for m in mentions)
        merged.update(
            event_id=event_id,
            mentions=[
                {"article_id": r[1], "doc_id": r[2], "url": r[3], "publisher": r[4],
                 "published": r[5], "evidence": m["evidence"], "attribution": m["attribution"]}
                for r, m in zip(rows, mentions, strict=True)
            ],
            n_sources=len(publishers),
            first_reported=published[0] if published else None,
            last_reported=published[-1] if published else None,
        )
        loc = merged.get("location") or {}
        self.db.execute("DELETE FROM event_parties WHERE event_id=?", (event_id,))
        self.db.execute("DELETE FROM event_sources WHERE event_id=?", (event_id,))
        self.db.execute("DELETE FROM events_fts WHERE event_id=?", (event_id,))
        self.db.execute(
            "INSERT OR REPLACE INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (event_id, merged["event_type"], merged["date"], merged["first_reported"],
             merged["last_reported"], merged["n_sources"], loc.get("country"), loc.get("lat"),
             loc.get("lon"), json.dumps(merged)),
        )
        parties = set()
        for m in mentions:
            for role, group in (("actor", m["actors"]), ("recipient", m["recipients"])):
                for a in group:
                    parties.add((role, a["text"], a["name"], a["country"], a["sector"]))
        self.db.executemany("INSERT INTO event_parties VALUES (?, ?, ?, ?, ?, ?)",
                            [(event_id, *p) for p in sorted(parties, key=str)])
        sources = {r[4] for r in rows if r[4]} | {
            s.get("name") or s["text"] for m in mentions for s in m["attribution"]}
        self.db.executemany("INSERT INTO event_sources VALUES (?, ?)",
                            [(event_id, s) for s in sorted(sources)])
        words = [m["evidence"]["text"] for m in mentions] + [
            p[1] + " " + (p[2] or "") for p in parties]
        self.db.execute("INSERT INTO events_fts VALUES (?, ?)", (event_id, "\n".join(words)))

    # --- reading ---------------------------------------------------------------------
    def events(self, f: EventFilter = EventFilter()) -> Iterator[dict[str, Any]]:
        where, args = [], []
        if f.type:
            where.append("e.event_type = ?")
            args.append(f.type.upper())
        if f.actor:
            where.append("e.event_id IN (SELECT event_id FROM event_parties WHERE "
                         "lower(coalesce(name,'')) LIKE ? OR lower(text) LIKE ? OR country = ?)")
            args += [f"%{f.actor.lower()}%", f"%{f.actor.lower()}%", f.actor.upper()]
        if f.country:
            where.append("(e.location_country = ? OR e.event_id IN (SELECT event_id FROM "
                         "event_parties WHERE country = ?))")
            args += [f.country.upper(), f.country.upper()]
        day = "CASE WHEN e.date GLOB '[0-9]*' THEN e.date ELSE e.first_reported END"
        if f.since:
            where.append(f"{day} >= ?")
            args.append(f.since)
        if f.until:
            where.append(f"substr({day}, 1, {len(f.until)}) <= ?")
            args.append(f.until)
        if f.source:
            where.append("e.event_id IN (SELECT event_id FROM event_sources WHERE "
                         "lower(source) LIKE ?)")
            args.append(f"%{f.source.lower()}%")
        if f.text:
            where.append("e.event_id IN (SELECT event_id FROM events_fts WHERE events_fts "
                         "MATCH ?)")
            args.append(_fts_query(f.text))
        sql = "SELECT e.record FROM events e"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY coalesce(e.first_reported, ''), e.event_id"
        if f.limit:
            sql += f" LIMIT {int(f.limit)}"
        try:
            for row in self.db.execute(sql, args):
                yield json.loads(row[0])
        except sqlite3.OperationalError as exc:
            raise WirewatchError(f"bad query: {exc}") from None

    def event(self, event_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT record FROM events WHERE event_id=?",
                              (event_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def stories(self) -> Iterator[dict[str, Any]]:
        for story in self.db.execute("SELECT story_id, title FROM stories ORDER BY story_id"):
            rows = self.db.execute(
                "SELECT a.article_id, a.title, p.doc_id, p.publisher, p.published "
                "FROM articles a JOIN appearances p USING (article_id) WHERE a.story_id=? "
                "ORDER BY p.published, p.doc_id", (story[0],)).fetchall()
            if not rows:
                continue
            dates = sorted(r[4] for r in rows if r[4])
            yield {
                "story_id": story[0],
                "title": next((r[1] for r in rows if r[1]), story[1]),
                "article_ids": sorted({r[0] for r in rows}),
                "doc_ids": sorted({r[2] for r in rows}),
                "publishers": sorted({r[3] for r in rows if r[3]}),
                "first_published": dates[0] if dates else None,
                "last_published": dates[-1] if dates else None,
            }

    def articles(self) -> Iterator[dict[str, Any]]:
        for row in self.db.execute("SELECT record FROM articles ORDER BY article_id"):
            yield json.loads(row[0])

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "articles", "mentions", "events", "stories"):
            out[table] = int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        return out


def _union(groups: Any) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for group in groups:
        for item in group:
            seen.setdefault(item["name"].lower(), item)
    return list(seen.values())


def _fts_query(text: str) -> str:
    """User words as an FTS5 query: each word quoted, all required."""
    words = [w.replace('"', "") for w in text.split() if w.strip('"')]
    return " ".join(f'"{w}"' for w in words) or '""'
