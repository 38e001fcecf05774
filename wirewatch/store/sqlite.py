"""The SQLite store (WAL, FTS5). The only module that writes SQL."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wirewatch import __version__, limits
from wirewatch.articles.ids import stable_id
from wirewatch.errors import WirewatchError
from wirewatch.merge import copies, text
from wirewatch.merge import events as event_merge
from wirewatch.merge import stories as story_merge
from wirewatch.records import Article, ArticleRecord, EventMention
from wirewatch.store import filters
from wirewatch.store.filters import EventFilter

if TYPE_CHECKING:
    from datasketch import LeanMinHash

SCHEMA_VERSION = "2"


class SqliteStore:
    """The store in one SQLite file. Writers take turns: one waits up to ``busy_timeout``
    seconds (``limits.BUSY_TIMEOUT_S`` by default) for another to finish a document, and
    each document is stored in a transaction of its own, so a kill loses at most the one
    being stored."""

    def __init__(self, path: str | Path, readonly: bool = False,
                 busy_timeout: float | None = None) -> None:
        self.path = str(path)
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
                        (doc_id, content_hash, len(records), _now()),
                    )
                    self.db.execute("DELETE FROM failures WHERE doc_id=?", (doc_id,))
            self.db.commit()
        except BaseException as exc:
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
                                (doc_id, source, reason, __version__, _now()))
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
        for m in record.events:
            key = event_merge.block(m)
            country = m.location.country if m.location else None
            event_id = self._event_for(m, key, country, story_id, a.article_id, a.published)
            self.db.execute("INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            (m.id, event_id, a.article_id, key, m.event_type, m.date, country,
                             json.dumps(asdict(m))))
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

    # --- stories ---------------------------------------------------------------------
    def _story_for(self, a: Article) -> str:
        """The story a new article joins (see ``merge.stories``); stores its words."""
        counts = text.terms(a)
        df = self._count_terms(counts)
        # articles are never deleted, so the largest rowid is their number (count(*) would
        # scan the table for every article)
        n_docs = int(self.db.execute("SELECT coalesce(max(rowid), 0) FROM articles"
                                     ).fetchone()[0]) + 1
        vector = text.weigh(counts, text.idf(counts, df, n_docs))
        keys = story_merge.blocking_terms(vector, {t: d - 1 for t, d in df.items()})
        choice = story_merge.choose(vector, self._story_candidates(keys, vector),
                                    self._story_vector)
        self.db.execute("INSERT INTO article_vectors VALUES (?, ?)",
                        (a.article_id, _dump(vector)))
        self.db.executemany("INSERT INTO postings VALUES (?, ?)",
                            [(t, a.article_id) for t in story_merge.posting_terms(vector)])
        if choice.story_id is None:
            story_id = stable_id("story", a.article_id)
            self.db.execute("INSERT OR IGNORE INTO stories VALUES (?, ?, NULL, 0)",
                            (story_id, a.title))
        else:
            story_id = self._merge_stories([choice.story_id, *choice.merged], a.article_id)
        self._grow_story(story_id, vector, 1)
        size = self.db.execute("SELECT size FROM stories WHERE story_id=?",
                               (story_id,)).fetchone()[0]
        if story_merge.split_due(int(size)):
            story_id = self._split_story(story_id, a, vector)
        return story_id

    def _count_terms(self, counts: Counter[str]) -> dict[str, int]:
        """Add one article's words to the document frequencies; returns the new ones."""
        self.db.executemany(
            "INSERT INTO term_df VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1",
            [(t,) for t in counts])
        return dict(self._select_in("SELECT term, df FROM term_df WHERE term IN ({})",
                                    list(counts)))

    def _story_candidates(self, keys: list[str], vector: text.Vector
                          ) -> list[story_merge.Story]:
        """The stories holding articles that share blocking words (most shared first), each
        with the part of its summed vector that the new article's words meet."""
        if not keys:
            return []
        recent = " UNION ALL ".join(  # the latest articles holding each word
            ["SELECT * FROM (SELECT article_id FROM postings WHERE term=? "
             "ORDER BY rowid DESC LIMIT ?)"] * len(keys))
        found = self.db.execute(
            f"SELECT a.story_id, s.size FROM ({recent}) p JOIN articles a USING (article_id) "
            f"JOIN stories s USING (story_id) "
            f"GROUP BY a.story_id ORDER BY count(*) DESC, a.story_id LIMIT ?",
            [x for k in keys for x in (k, story_merge.POSTINGS_PER_TERM)]
            + [story_merge.MAX_CANDIDATES]).fetchall()
        totals: dict[str, text.Vector] = {sid: {} for sid, _ in found}
        words = list(vector)
        for i in range(0, len(words), 400):
            chunk = words[i : i + 400]
            for sid, term, weight in self.db.execute(
                    f"SELECT story_id, term, weight FROM story_terms WHERE story_id IN "
                    f"({','.join('?' * len(totals))}) AND term IN ({','.join('?' * len(chunk))})",
                    [*totals, *chunk]):
                totals[sid][term] = weight
        return [story_merge.Story(sid, int(size), totals[sid]) for sid, size in found]

    def _story_vector(self, story_id: str) -> story_merge.Story:
        size = self.db.execute("SELECT size FROM stories WHERE story_id=?",
                               (story_id,)).fetchone()[0]
        total = dict(self.db.execute("SELECT term, weight FROM story_terms WHERE story_id=?",
                                     (story_id,)).fetchall())
        return story_merge.Story(story_id, int(size), total)

    def _grow_story(self, story_id: str, vector: text.Vector, size: int) -> None:
        self.db.execute("UPDATE stories SET size = size + ? WHERE story_id=?", (size, story_id))
        self.db.executemany(
            "INSERT INTO story_terms VALUES (?, ?, ?) ON CONFLICT(story_id, term) "
            "DO UPDATE SET weight = weight + excluded.weight",
            [(story_id, t, w) for t, w in vector.items()])

    def _merge_stories(self, story_ids: list[str], article_id: str) -> str:
        """One story from several (the oldest keeps its id); each merge is recorded."""
        if len(story_ids) == 1:
            return story_ids[0]
        order = dict(self._select_in("SELECT story_id, rowid FROM stories WHERE story_id IN ({})",
                                     story_ids))
        keep, *others = sorted(story_ids, key=lambda s: order.get(s, 0))
        now = _now()
        moved = self._select_in("SELECT event_id FROM events WHERE story_id IN ({})", others)
        for other in others:
            gone = self._story_vector(other)
            self._grow_story(keep, gone.total, gone.size)
            self.db.execute("DELETE FROM story_terms WHERE story_id=?", (other,))
            self.db.execute("UPDATE articles SET story_id=? WHERE story_id=?", (keep, other))
            self.db.execute("UPDATE events SET story_id=? WHERE story_id=?", (keep, other))
            self.db.execute("UPDATE stories SET merged_into=?, size=0 WHERE story_id=?",
                            (keep, other))
            self.db.execute("UPDATE stories SET merged_into=? WHERE merged_into=?", (keep, other))
            self.db.execute("INSERT INTO story_history VALUES (?, 'merged', ?, ?, ?)",
                            (keep, other, article_id, now))
        for (event_id,) in moved:
            self._rebuild_event(event_id)
        return keep

    def _split_story(self, story_id: str, a: Article, vector: text.Vector) -> str:
        """Split off the part of a story that reports another happening, if there is one
        (see ``merge.stories.split``); returns the new article's story. The split is
        recorded; the moved articles' events follow them."""
        rows = self.db.execute(
            "SELECT a.article_id, v.vector FROM articles a JOIN article_vectors v "
            "USING (article_id) WHERE a.story_id=? ORDER BY a.rowid DESC LIMIT ?",
            (story_id, story_merge.SPLIT_MEMBERS - 1)).fetchall()
        members = [(aid, json.loads(v)) for aid, v in reversed(rows)] + [(a.article_id, vector)]
        moved = story_merge.split(members)
        if not moved:
            return story_id
        new_id = stable_id("story", f"{story_id} split at {moved[0]}")
        title = self.db.execute("SELECT title FROM articles WHERE article_id=?",
                                (moved[0],)).fetchone()[0]
        self.db.execute("INSERT OR IGNORE INTO stories VALUES (?, ?, NULL, 0)", (new_id, title))
        vectors = dict(members)
        total: text.Vector = {}
        for article_id in moved:
            for t, w in vectors[article_id].items():
                total[t] = total.get(t, 0.0) + w
        self._grow_story(story_id, {t: -w for t, w in total.items()}, -len(moved))
        self.db.execute("DELETE FROM story_terms WHERE story_id=? AND abs(weight) < 1e-9",
                        (story_id,))
        self._grow_story(new_id, total, len(moved))
        stored = [m for m in moved if m != a.article_id]
        self.db.executemany("UPDATE articles SET story_id=? WHERE article_id=?",
                            [(new_id, m) for m in stored])
        self.db.execute("INSERT INTO story_history VALUES (?, 'split', ?, ?, ?)",
                        (story_id, new_id, a.article_id, _now()))
        for article_id in stored:
            self._rebuild_events_of(article_id)
        return new_id if a.article_id in moved else story_id

    def _select_in(self, sql: str, values: list[str]) -> list[tuple[Any, ...]]:
        """Rows of a query with one IN list, run in chunks SQLite accepts."""
        rows: list[tuple[Any, ...]] = []
        for i in range(0, len(values), 500):
            chunk = values[i : i + 500]
            rows += self.db.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
        return rows

    # --- events ----------------------------------------------------------------------
    def _event_for(self, m: EventMention, key: str | None, country: str | None,
                   story_id: str, article_id: str, published: str | None) -> str:
        """The stored event a new mention reports (see ``merge.events``), else a new id."""
        if key is not None:
            rows = self.db.execute(
                "SELECT m.event_id, m.date, m.country, a.story_id, a.published FROM mentions m "
                "JOIN articles a USING (article_id) WHERE m.block=?", (key,)).fetchall()
        else:  # no parties: only the same kind of event in the same story
            rows = self.db.execute(
                "SELECT m.event_id, m.date, m.country, a.story_id, a.published FROM mentions m "
                "JOIN articles a USING (article_id) WHERE m.block IS NULL AND a.story_id=? "
                "AND m.event_type=? AND m.article_id<>?",
                (story_id, m.event_type, article_id)).fetchall()
        stored = [event_merge.Stored(*row) for row in rows]
        found = event_merge.fitting_event(m.date, country, key is not None, story_id, stored,
                                          published)
        return found or event_merge.new_event_id(m)

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
    def events(self, f: EventFilter = EventFilter()) -> Iterator[dict[str, Any]]:
        clause, args = filters.where(f)
        sql = f"SELECT e.record FROM events e{clause} ORDER BY {filters.ORDER}"
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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dump(vector: dict[str, float]) -> str:
    return json.dumps({t: round(v, 5) for t, v in vector.items()}, separators=(",", ":"))

