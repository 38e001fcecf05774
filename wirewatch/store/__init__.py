"""The store: articles, mentions, merged events and stories. SQLite by default."""

from wirewatch.store.sqlite import EventFilter, SqliteStore

__all__ = ["EventFilter", "SqliteStore"]
