"""Stories in the store: the story each new article joins, and the merges and splits
of stories as articles come (``merge.stories`` decides; the rows are written here)."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from wirewatch.articles.ids import stable_id
from wirewatch.merge import stories as story_merge
from wirewatch.merge import text
from wirewatch.records import Article


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class StoryGrouping:
    """The story side of ``SqliteStore``: its writes of stories, on its connection."""

    db: sqlite3.Connection

    def _rebuild_event(self, event_id: str) -> None:  # the store's: events follow stories
        raise NotImplementedError

    def _rebuild_events_of(self, article_id: str) -> None:
        raise NotImplementedError

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
        when = now()
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
                            (keep, other, article_id, when))
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
                        (story_id, new_id, a.article_id, now()))
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


def _dump(vector: dict[str, float]) -> str:
    return json.dumps({t: round(v, 5) for t, v in vector.items()}, separators=(",", ":"))
