"""A read-only SQLite file shipped with the package (the gazetteer, the actor knowledge
base): opened on first use, one indexed query a lookup, nothing loaded up front."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

from wirewatch.errors import WirewatchError


class ReadOnlyFile:
    """An open, read-only SQLite file. Safe to share between threads; a process forked from
    one that opened it opens it again."""

    def __init__(self, path: Path, what: str, build_command: str) -> None:
        """Open ``path``; a WirewatchError saying how to build it when it is missing."""
        self.path = path
        self.what = what
        self.build_command = build_command
        if not path.is_file():
            raise WirewatchError(f"the {what} {path} is missing; "
                                 f"build it with `{build_command}`")
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        uri = self.path.resolve().as_uri() + "?mode=ro&immutable=1"
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    def rows(self, sql: str, args: Sequence[str] = ()) -> list[tuple[object, ...]]:
        with self._lock:
            if self._pid != os.getpid():  # SQLite connections must not cross a fork
                self._db, self._pid = self._connect(), os.getpid()
            return self._db.execute(sql, args).fetchall()

    def close(self) -> None:
        self._db.close()
