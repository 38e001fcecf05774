"""The explorer's response cache: answers kept while the store is unchanged, identical
requests in flight answered once, nothing kept that should not be."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send

from tests.conftest import FIXTURES
from wirewatch import api
from wirewatch.store import SqliteStore
from wirewatch.web.app import create_app
from wirewatch.web.cache import ResponseCache


class Counting:
    """An ASGI app that answers a path with its text after a pause, counting its calls;
    '/missing' is a 404 and '/big' a body in chunks."""

    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.calls += 1
        await asyncio.sleep(0.01)
        status = 404 if scope["path"] == "/missing" else 200
        await send({"type": "http.response.start", "status": status, "headers": []})
        if scope["path"] == "/big":
            for _ in range(3):
                await send({"type": "http.response.body", "body": b"x" * 400, "more_body": True})
        body = f"{scope['path']}?{scope['query_string'].decode()}#{self.calls}".encode()
        await send({"type": "http.response.body", "body": body})


def _get(app: ResponseCache, path: str, query: str = "") -> tuple[int, bytes]:
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b""}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "query_string": query.encode()}
    asyncio.run(app(scope, receive, send))
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "s.db"
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("CREATE TABLE t (x)")
    return db


def test_an_answer_is_kept_until_the_store_changes(tmp_path: Path) -> None:
    db = _store(tmp_path)
    inner = Counting()
    cache = ResponseCache(inner, str(db))
    assert _get(cache, "/a", "q=1") == (200, b"/a?q=1#1")
    assert _get(cache, "/a", "q=1") == (200, b"/a?q=1#1")  # kept
    assert _get(cache, "/a", "q=2") == (200, b"/a?q=2#2")  # another query is another answer
    with sqlite3.connect(db) as con:  # a writer commits
        con.execute("INSERT INTO t VALUES (1)")
    assert _get(cache, "/a", "q=1") == (200, b"/a?q=1#3")
    assert inner.calls == 3


def test_failures_and_large_answers_are_not_kept(tmp_path: Path) -> None:
    inner = Counting()
    cache = ResponseCache(inner, str(_store(tmp_path)), max_item=1000)
    assert [_get(cache, "/missing")[0] for _ in range(2)] == [404, 404]
    assert _get(cache, "/big")[1].startswith(b"x" * 1200)
    _get(cache, "/big")
    assert inner.calls == 4
    small = ResponseCache(Counting(), str(tmp_path / "s.db"), max_bytes=16)  # two answers
    assert [_get(small, p)[1] for p in ("/one", "/two", "/three", "/one")] == [
        b"/one?#1", b"/two?#2", b"/three?#3", b"/one?#4"]  # the oldest left first
    assert small.size <= 16 and list(small.entries) == [("/three", b""), ("/one", b"")]


def test_identical_requests_at_once_are_answered_once(tmp_path: Path) -> None:
    inner = Counting()
    cache = ResponseCache(inner, str(_store(tmp_path)))

    async def many() -> list[bytes]:
        bodies: list[list[bytes]] = [[] for _ in range(50)]

        async def one(k: int) -> None:
            async def receive() -> Message:
                return {"type": "http.request", "body": b""}

            async def send(message: Message) -> None:
                bodies[k].append(message.get("body", b""))

            await cache({"type": "http", "method": "GET", "path": "/same",
                         "query_string": b""}, receive, send)

        await asyncio.gather(*(one(k) for k in range(50)))
        return [b"".join(b) for b in bodies]

    assert set(asyncio.run(many())) == {b"/same?#1"} and inner.calls == 1


def test_the_explorer_shows_what_an_ingest_adds(web_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(web_db, db)
    client = TestClient(create_app(db))
    before = client.get("/api/counts").json()
    assert client.get("/api/counts").json() == before
    store = SqliteStore(db)
    try:
        api.ingest([str(FIXTURES / "dump_wordpress.txt")], store, articles_only=True)
    finally:
        store.close()
    after = client.get("/api/counts").json()
    assert after != before and after["articles"] == before["articles"] + 1
