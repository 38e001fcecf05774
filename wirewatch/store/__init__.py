"""The store: articles, mentions, merged events and stories. SQLite by default."""

from wirewatch.store.filters import EventFilter
from wirewatch.store.sqlite import SqliteStore

__all__ = ["EventFilter", "SqliteStore"]
