"""The SQLite store (WAL, FTS5). The only module that writes SQL."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wirewatch import __version__, limits
from wirewatch.errors import WirewatchError
from wirewatch.merge import copies
from wirewatch.merge import events as event_merge
from wirewatch.merge.happenings import Telling, agrees, happenings, joins
from wirewatch.records import Article, ArticleRecord, EventMention
from wirewatch.store import filters
from wirewatch.store.filters import EventFilter
from wirewatch.store.stories import StoryGrouping, now

if TYPE_CHECKING:
    from datasketch import LeanMinHash

SCHEMA_VERSION = "2"


def _country(m: EventMention) -> str | None:
    """The country of a mention's place."""
    return m.location.country if m.location else None


class SqliteStore(StoryGrouping):
    """The store in one SQLite file. Writers take turns: one waits up to ``busy_timeout``
    seconds (``limits.BUSY_TIMEOUT_S`` by default) for another to finish a document, and
    each document is stored in a transaction of its own, so a kill loses at most the one
    being stored."""

    def __init__(self, path: str | Path, readonly: bool = False,
                 busy_timeout: float | None = None) -> None:
        self.path = str(path)
        self._tellings: dict[str, Telling] = {}
        self.busy_timeout = limits.BUSY_TIMEOUT_S if busy_timeout is None else busy_timeout
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise WirewatchError(f"no store at {self.path} (run `wirewatch ingest` first)")
                # a read-only connection may serve a request on any of a server's threads
                self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                          check_same_thread=False, timeout=self.busy_timeout)
                self._check_version()
            else:
                self.db = sqlite3.connect(self.path, timeout=self.busy_timeout)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.execute("PRAGMA cache_size=-131072")  # 128 MB of pages
                self.db.executescript(
                    resources.files("wirewatch.store").joinpath("schema.sql").read_text()
                )
                if not self.db.execute("SELECT 1 FROM meta WHERE key='schema_version'"
                                       ).fetchone():  # a new store (a write waits its turn)
                    self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                                    (SCHEMA_VERSION,))
                self._check_version()
                self.db.commit()
        except sqlite3.DatabaseError as exc:
            raise WirewatchError(f"cannot open store {self.path}: {exc}") from None

    def _check_version(self) -> None:
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None or row[0] != SCHEMA_VERSION:
            raise WirewatchError(
                f"store {self.path} has schema {row[0] if row else 'unknown'}; this wirewatch "
                f"reads and writes schema {SCHEMA_VERSION}: ingest into a new file")

    def close(self) -> None:
        self.db.close()

    # --- writing ---------------------------------------------------------------------
    def has_document(self, doc_id: str, content_hash: str) -> bool:
        row = self.db.execute("SELECT 1 FROM documents WHERE doc_id=? AND content_hash=?",
                              (doc_id, content_hash)).fetchone()
        return row is not None

    def add_document(self, doc_id: str, content_hash: str, records: list[ArticleRecord],
                     done: bool = True) -> int:
        """Store one document's articles in one transaction; returns how many were new.
        The transaction takes the write lock first (waiting for another writer), so what it
        reads is what it writes over; a document another writer stored meanwhile is left.
        A document not ``done`` (some of its articles failed) is not marked as stored, so
        that it is processed again; its articles already stored are then appearances."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._write_error(exc) from None
        try:
            new = 0
            if not self.has_document(doc_id, content_hash):
                for record in records:
                    new += self._add_article(doc_id, record)
                if done:
                    self.db.execute(
                        "INSERT OR IGNORE INTO documents VALUES (?, ?, ?, ?)",
                        (doc_id, content_hash, len(records), now()),
                    )
                    self.db.execute("DELETE FROM failures WHERE doc_id=?", (doc_id,))
            self.db.commit()
        except BaseException as exc:
            self._tellings.clear()  # it may hold mentions of what is rolled back
            self.db.rollback()
            if isinstance(exc, sqlite3.OperationalError):
                raise self._write_error(exc) from None
            raise
        return new

    def add_failure(self, doc_id: str, source: str | None, reason: str) -> None:
        """Record that a defect cut a document short (the latest reason stands) until it
        is stored whole."""
        try:
            with self.db:
                self.db.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?, ?)",
                                (doc_id, source, reason, __version__, now()))
        except sqlite3.OperationalError as exc:
            raise self._write_error(exc) from None

    def _write_error(self, exc: sqlite3.OperationalError) -> WirewatchError:
        if "locked" in str(exc) or "busy" in str(exc):
            return WirewatchError(f"cannot write to store {self.path}: another process held it "
                                  f"for more than {self.busy_timeout:g} s ({exc})")
        return WirewatchError(f"cannot write to store {self.path}: {exc}")

    def _add_article(self, doc_id: str, record: ArticleRecord) -> int:
        a = record.article
        if self._known(a.article_id):
            self._appear(a.article_id, doc_id, a)
            self._rebuild_events_of(a.article_id)
            return 0
        sig = copies.signature(a.body)
        original = self._original_of(sig) if sig is not None else None
        if original is not None:
            self._appear(original, doc_id, a)
            self.db.execute("INSERT OR IGNORE INTO copies VALUES (?, ?, ?, ?)",
                            (a.article_id, original, doc_id, a.title))
            self._rebuild_events_of(original)
            return 0
        self._appear(a.article_id, doc_id, a)
        story_id = self._story_for(a)
        self.db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.article_id, story_id, a.title, a.publisher, a.published, a.url, a.category,
             a.body, json.dumps(record.to_dict())),
        )
        self.db.execute("INSERT INTO articles_fts VALUES (?, ?, ?)",
                        (a.article_id, a.title or "", a.body))
        if sig is not None:
            self.db.execute("INSERT INTO signatures VALUES (?, ?)",
                            (a.article_id, copies.to_bytes(sig)))
            self.db.executemany("INSERT INTO bands VALUES (?, ?)",
                                [(band, a.article_id) for band in copies.bands(sig)])
        touched: set[str] = set()
        for group in happenings(record.events):
            mentions = [record.events[k] for k in group]
            event_id = self._event_of(mentions, story_id, a)
            for m in mentions:
                self.db.execute(
                    "INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (m.id, event_id, a.article_id, event_merge.block(m), m.event_type,
                     event_merge.told(m.date, m.date_told), _country(m), json.dumps(asdict(m))))
            touched.add(event_id)
        for event_id in touched:
            self._rebuild_event(event_id)
        return 1

    def _known(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE article_id=?",
                               (article_id,)).fetchone() is not None

    def _appear(self, article_id: str, doc_id: str, a: Article) -> None:
        self.db.execute("INSERT OR IGNORE INTO appearances VALUES (?, ?, ?, ?, ?)",
                        (article_id, doc_id, a.url, a.publisher, a.published))

    def _original_of(self, sig: LeanMinHash) -> str | None:
        """The stored article this text is a copy of, if any."""
        keys = copies.bands(sig)
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(
            f"SELECT DISTINCT s.article_id, s.signature FROM bands b JOIN signatures s "
            f"USING (article_id) WHERE b.band IN ({marks})", keys).fetchall()
        for article_id, data in rows:
            if copies.is_copy(sig, copies.from_bytes(data)):
                return str(article_id)
        return None

    # --- events ----------------------------------------------------------------------
    def _event_of(self, mentions: Sequence[EventMention], story_id: str, a: Article) -> str:
        """The event a happening's mentions join: the stored event its fullest mention's
        parties find, if dates and weapons agree; else one of its story they agree with
        though read otherwise; else a new one."""
        fullest = sorted(mentions, key=lambda m: -len(m.actors) - len(m.recipients))
        found = (self._event_for(m, event_merge.block(m), _country(m), story_id, a.article_id,
                                 a.published) for m in fullest)
        return next((e for e in found if e and self._fits(e, mentions, a.published)), None) \
            or self._told_in_story(mentions, story_id, a.article_id, a.published) \
            or event_merge.new_event_id(mentions[0])

    def _event_for(self, m: EventMention, key: str | None, country: str | None,
                   story_id: str, article_id: str, published: str | None) -> str | None:
        """The stored event a new mention reports (see ``merge.events``), if any; the
        mentions of its own article are not asked (``merge.happenings`` groups them)."""
        if key is not None:
            rows = self.db.execute(
                "SELECT m.event_id, m.date, m.country, a.story_id, a.published FROM mentions m "
                "JOIN articles a USING (article_id) WHERE m.block=? AND m.article_id<>?",
                (key, article_id)).fetchall()
        else:  # no parties: only the same kind of event in the same story
            rows = self.db.execute(
                "SELECT m.event_id, m.date, m.country, a.story_id, a.published FROM mentions m "
                "JOIN articles a USING (article_id) WHERE m.block IS NULL AND a.story_id=? "
                "AND m.event_type=? AND m.article_id<>?",
                (story_id, m.event_type, article_id)).fetchall()
        stored = [event_merge.Stored(*row) for row in rows]
        return event_merge.fitting_event(event_merge.told(m.date, m.date_told), country,
                                         key is not None, story_id, stored, published)

    def _fits(self, event_id: str, mentions: Sequence[EventMention],
              published: str | None) -> bool:
        """Do every mention's dates and weapons agree with all of a stored event's mentions?"""
        stored = [self._telling(*row) for row in self.db.execute(
            "SELECT m.mention_id, m.record, a.published FROM mentions m JOIN articles a "
            "USING (article_id) WHERE m.event_id=?", (event_id,))]
        return all(agrees(Telling.of(m, published), stored) for m in mentions)

    def _told_in_story(self, mentions: Sequence[EventMention], story_id: str, article_id: str,
                       published: str | None) -> str | None:
        """The event of the story, stored from other articles, that a happening's mentions
        join though their parties are read otherwise (``merge.happenings``); the most
        reported when several do."""
        told: dict[str, list[Telling]] = defaultdict(list)
        for event_id, *row in self.db.execute(  # each of those events, whole
                "SELECT m.event_id, m.mention_id, m.record, a.published FROM mentions m "
                "JOIN articles a USING (article_id) WHERE m.event_id IN (SELECT n.event_id "
                "FROM mentions n JOIN articles b USING (article_id) WHERE b.story_id=? AND "
                "n.event_type=? AND n.article_id<>?)",
                (story_id, mentions[0].event_type, article_id)):
            told[event_id].append(self._telling(*row))
        new = [Telling.of(m, published) for m in mentions]
        fits = [(len(group), event_id) for event_id, group in told.items()
                if all(joins(t, group) for t in new)]
        return max(fits)[1] if fits else None

    def _telling(self, mention_id: str, record: str, published: str | None) -> Telling:
        """A stored mention's telling, its record parsed once (a mention never changes)."""
        if mention_id not in self._tellings:
            if len(self._tellings) >= limits.TELLINGS_KEPT:
                self._tellings.clear()
            self._tellings[mention_id] = Telling.stored(json.loads(record), published)
        return self._tellings[mention_id]

    def _rebuild_events_of(self, article_id: str) -> None:
        for (event_id,) in self.db.execute(
                "SELECT DISTINCT event_id FROM mentions WHERE article_id=?", (article_id,)
        ).fetchall():
            self._rebuild_event(event_id)

    def _rebuild_event(self, event_id: str) -> None:
        rows = self.db.execute(
            "SELECT m.record, p.article_id, p.doc_id, p.url, p.publisher, p.published, "
            "a.story_id FROM mentions m JOIN appearances p USING (article_id) "
            "JOIN articles a USING (article_id) WHERE m.event_id=? "
            "ORDER BY p.published IS NULL, p.published, p.doc_id", (event_id,)).fetchall()
        if not rows:
            return
        reports = [event_merge.Report(json.loads(r[0]), r[1], r[2], r[3], r[4], r[5]) for r in rows]
        merged = event_merge.merged_record(event_id, reports)
        merged["story_id"] = rows[0][6]
        mentions = [r.mention for r in reports]
        loc = merged.get("location") or {}
        self.db.execute("DELETE FROM event_parties WHERE event_id=?", (event_id,))
        self.db.execute("DELETE FROM event_sources WHERE event_id=?", (event_id,))
        self.db.execute("DELETE FROM events_fts WHERE event_id=?", (event_id,))
        self.db.execute(
            "INSERT OR REPLACE INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (event_id, rows[0][6], merged["event_type"], merged["date"],
             merged["first_reported"], merged["last_reported"], merged["n_sources"],
             merged["n_independent"], loc.get("country"), loc.get("lat"), loc.get("lon"),
             json.dumps(merged)),
        )
        parties = set()
        for m in mentions:
            for role, group in (("actor", m["actors"]), ("recipient", m["recipients"])):
                for p in group:
                    parties.add((role, p["text"], p["name"], p["country"], p["sector"]))
        self.db.executemany("INSERT INTO event_parties VALUES (?, ?, ?, ?, ?, ?)",
                            [(event_id, *p) for p in sorted(parties, key=str)])
        sources = {r.publisher for r in reports if r.publisher} | {
            s.get("name") or s["text"] for m in mentions for s in m["attribution"]}
        self.db.executemany("INSERT INTO event_sources VALUES (?, ?)",
                            [(event_id, s) for s in sorted(sources)])
        words = [m["evidence"]["text"] for m in mentions] + [
            p[1] + " " + (p[2] or "") for p in parties]
        self.db.execute("INSERT INTO events_fts VALUES (?, ?)", (event_id, "\n".join(words)))

    # --- reading ---------------------------------------------------------------------
    def events(self, f: EventFilter = EventFilter(), fields: Sequence[str] = ()
               ) -> Iterator[dict[str, Any]]:
        """The filtered events' records, in order; with ``fields`` (two or more), only those
        fields of each record, read out of it by SQLite (cheaper than decoding it whole)."""
        clause, args = filters.where(f)
        paths = [f"$.{name}" for name in fields]
        if len(paths) == 1:
            raise ValueError("fields: two or more, or none")  # one is not read as a list
        column = f"json_extract(e.record, {', '.join('?' * len(paths))})" if paths else \
            "e.record"
        sql = f"SELECT {column} FROM events e{clause} ORDER BY {filters.ORDER}"
        if f.limit:
            sql += f" LIMIT {int(f.limit)}"
        try:
            for (text,) in self.db.execute(sql, [*paths, *args]):
                yield dict(zip(fields, json.loads(text), strict=True)) if paths else \
                    json.loads(text)
        except sqlite3.OperationalError as exc:
            raise WirewatchError(f"bad query: {exc}") from None

    def event(self, event_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT record FROM events WHERE event_id=?",
                              (event_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def stories(self, after: str | None = None, limit: int | None = None
                ) -> Iterator[dict[str, Any]]:
        """Stories in id order (those after ``after``, at most ``limit``)."""
        sql = ("SELECT story_id, title FROM stories WHERE merged_into IS NULL AND story_id > ? "
               "ORDER BY story_id")
        if limit:
            sql += f" LIMIT {int(limit)}"
        for story_id, title in self.db.execute(sql, (after or "",)).fetchall():
            found = self._story(story_id, title)
            if found:
                yield found

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story (the one it was merged into, for a story that was merged)."""
        row = self.db.execute("SELECT title, merged_into FROM stories WHERE story_id=?",
                              (story_id,)).fetchone()
        if row is None:
            return None
        return self.story(row[1]) if row[1] else self._story(story_id, row[0])

    def appearances(self, story_id: str) -> list[dict[str, Any]]:
        """Every appearance of a story's articles (copies included), by publication."""
        return [{"article_id": a, "title": t, "doc_id": d, "url": u, "publisher": p,
                 "published": pub} for a, t, d, u, p, pub in self.db.execute(
            "SELECT a.article_id, a.title, p.doc_id, p.url, p.publisher, p.published "
            "FROM articles a JOIN appearances p USING (article_id) WHERE a.story_id=? "
            "ORDER BY p.published, p.doc_id", (story_id,))]

    def _story(self, story_id: str, title: str | None) -> dict[str, Any] | None:
        rows = self.appearances(story_id)
        if not rows:
            return None
        dates = sorted(r["published"] for r in rows if r["published"])
        return {
            "story_id": story_id,
            "title": next((r["title"] for r in rows if r["title"]), title),
            "article_ids": sorted({r["article_id"] for r in rows}),
            "doc_ids": sorted({r["doc_id"] for r in rows}),
            "publishers": sorted({r["publisher"] for r in rows if r["publisher"]}),
            "first_published": dates[0] if dates else None,
            "last_published": dates[-1] if dates else None,
            "merged_from": self._history("other_id", "story_id", "merged", story_id),
            "split_from": next(iter(self._history("story_id", "other_id", "split", story_id)),
                               None),
            "split_off": self._history("other_id", "story_id", "split", story_id),
        }

    def _history(self, give: str, by: str, change: str, story_id: str) -> list[str]:
        return [r[0] for r in self.db.execute(
            f"SELECT {give} FROM story_history WHERE {by}=? AND change=? ORDER BY rowid",
            (story_id, change))]

    def articles(self) -> Iterator[dict[str, Any]]:
        for row in self.db.execute("SELECT record FROM articles ORDER BY article_id"):
            yield json.loads(row[0])

    def failures(self) -> list[dict[str, Any]]:
        """The documents a defect cut short and not yet stored whole, oldest first."""
        rows = self.db.execute("SELECT doc_id, source, reason, version, failed_at "
                               "FROM failures ORDER BY failed_at, doc_id")
        return [dict(zip(("doc_id", "source", "reason", "version", "failed_at"), row,
                         strict=True)) for row in rows]

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "articles", "copies", "mentions", "events", "failures"):
            out[table] = int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        out["stories"] = int(self.db.execute(
            "SELECT count(*) FROM stories WHERE merged_into IS NULL").fetchone()[0])
        return out
