"""Whole responses to the explorer's GET requests, kept while the store is unchanged.

The store changes only when a writer commits, which changes the size or the modification
time of its file or of its write-ahead log; every request compares those with the ones the
cached responses were made under, and a change empties the cache. Identical requests that
arrive while the first is being answered wait for its answer instead of doing the same work
again. Only successful, complete responses up to ``MAX_ITEM`` bytes are kept, the least
recently used leaving first once they hold ``MAX_BYTES``.
"""

from __future__ import annotations

import asyncio
import os
from collections import OrderedDict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BYTES = 64 * 1024 * 1024
MAX_ITEM = 4 * 1024 * 1024
PASS = ("/static/",)  # served from files, with their own validators

Key = tuple[str, bytes]
Answer = list[Message]
Version = tuple[tuple[int, int] | None, ...]


def store_version(db: str) -> Version:
    """What changes whenever a writer commits to the store at ``db``."""
    out: list[tuple[int, int] | None] = []
    for path in (db, f"{db}-wal"):
        try:
            st = os.stat(path)
        except OSError:
            out.append(None)
            continue
        out.append((st.st_mtime_ns, st.st_size))
    return tuple(out)


class ResponseCache:
    """ASGI middleware: see the module's description."""

    def __init__(self, app: ASGIApp, db: str, max_bytes: int = MAX_BYTES,
                 max_item: int = MAX_ITEM) -> None:
        self.app = app
        self.db = db
        self.max_bytes = max_bytes
        self.max_item = max_item
        self.version: Version = ()
        self.entries: OrderedDict[Key, tuple[Answer, int]] = OrderedDict()
        self.size = 0
        self.pending: dict[Key, asyncio.Future[Answer | None]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or \
                scope["path"].startswith(PASS):
            await self.app(scope, receive, send)
            return
        version = store_version(self.db)
        if version != self.version:
            self.entries.clear()
            self.size = 0
            self.version = version
        key: Key = (scope["path"], scope["query_string"])
        answer = self._get(key)
        if answer is None and key in self.pending:
            answer = await asyncio.shield(self.pending[key])
        if answer is not None:
            for message in answer:
                await send(message)
            return
        await self._answer(key, version, scope, receive, send)

    def _get(self, key: Key) -> Answer | None:
        found = self.entries.get(key)
        if found is None:
            return None
        self.entries.move_to_end(key)
        return found[0]

    async def _answer(self, key: Key, version: Version, scope: Scope, receive: Receive,
                      send: Send) -> None:
        """Answer the request, keeping the answer when it may be kept."""
        waiting: asyncio.Future[Answer | None] = asyncio.get_running_loop().create_future()
        self.pending[key] = waiting
        kept: Answer | None = []
        size = 0
        done = False

        async def keep(message: Message) -> None:
            nonlocal kept, size, done
            if kept is not None:
                if message["type"] == "http.response.start" and message["status"] != 200:
                    kept = None
                elif message["type"] == "http.response.body":
                    size += len(message.get("body", b""))
                    done = not message.get("more_body", False)
                    if size > self.max_item:
                        kept = None
                if kept is not None:
                    kept.append(_copy(message))
            await send(message)

        try:
            await self.app(scope, receive, keep)
        finally:
            answer = kept if done else None
            del self.pending[key]
            waiting.set_result(answer)
            if answer is not None and version == self.version:
                self._put(key, answer, size)

    def _put(self, key: Key, answer: Answer, size: int) -> None:
        if key in self.entries:
            self.size -= self.entries[key][1]
        self.entries[key] = (answer, size)
        self.size += size
        while self.size > self.max_bytes and self.entries:
            _, (_, dropped) = self.entries.popitem(last=False)
            self.size -= dropped


def _copy(message: Message) -> dict[str, Any]:
    """A message as sent (its headers list is not shared with the server)."""
    out = dict(message)
    if "headers" in out:
        out["headers"] = list(out["headers"])
    return out
