"""Writers that wait (issue 18): a busy store makes a writer wait, never fail with a
traceback; two writers of the same documents store them once; commits follow the input."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import cli
from wirewatch import api, limits
from wirewatch.errors import WirewatchError
from wirewatch.pipeline import run
from wirewatch.records import Document
from wirewatch.store import SqliteStore

SENTENCE = "The army attacked the town of Kismayo on Monday, officials said. "


def jsonl(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps({"id": f"d{k}", "text": f"{SENTENCE}Report {k} of {n} "
                                        f"from reporter number {k * 7919 % 1000}."}) + "\n"
                            for k in range(n)))
    return path


def hold_write_lock(path: Path, seconds: float) -> threading.Thread:
    """Another writer holding the store's write lock for a while, as a long ingest does."""
    ready = threading.Event()

    def hold() -> None:
        db = sqlite3.connect(path)
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT OR REPLACE INTO meta VALUES ('held', 'yes')")
        ready.set()
        time.sleep(seconds)
        db.commit()
        db.close()

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait()
    return thread


def test_the_default_wait_outlasts_sqlites() -> None:
    assert limits.BUSY_TIMEOUT_S >= 30  # SQLite's own 5 s failed a second ingest


def test_a_writer_waits_for_another(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    SqliteStore(db).close()
    holder = hold_write_lock(db, 1.5)
    store = SqliteStore(db, busy_timeout=20)
    started = time.monotonic()
    try:
        report = api.ingest([str(jsonl(tmp_path / "d.jsonl", 3))], store, articles_only=True)
        assert store.counts()["documents"] == 3
    finally:
        store.close()
        holder.join()
    assert report.errors == [] and time.monotonic() - started >= 1.0


def test_a_writer_that_waited_too_long_says_so_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    SqliteStore(db).close()
    docs = jsonl(tmp_path / "d.jsonl", 2)
    holder = hold_write_lock(db, 2.0)
    store = SqliteStore(db, busy_timeout=0.2)
    try:
        with pytest.raises(WirewatchError, match=r"another process held it for more than 0\.2 s"):
            api.ingest([str(docs)], store, articles_only=True)
    finally:
        store.close()
        holder.join()
    holder = hold_write_lock(db, 4.0)
    try:
        done = cli("ingest", "--articles-only", "--busy-timeout", "0.5", "--db", str(db),
                   str(docs))
    finally:
        holder.join()
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"wirewatch: cannot write to store {db}: another process")


def test_two_writers_of_the_same_documents_store_them_once(tmp_path: Path) -> None:
    db = tmp_path / "two.db"
    SqliteStore(db).close()
    docs = str(jsonl(tmp_path / "d.jsonl", 40))
    failures: list[BaseException] = []

    def writer() -> None:
        store = SqliteStore(db)
        try:
            api.ingest([docs], store, articles_only=True)
        except BaseException as exc:  # the test reports it
            failures.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=writer) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    alone = tmp_path / "alone.db"
    store = SqliteStore(alone)
    api.ingest([docs], store, articles_only=True)
    expected = store.counts()
    store.close()
    store = SqliteStore(db)
    try:
        assert store.counts() == expected
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()


def test_documents_are_read_as_the_pipeline_needs_them() -> None:
    """The first result comes before the batch is read, so the store commits as it goes
    (all the parsing of 64 documents ran before the first commit)."""
    pulled = 0

    def documents() -> Iterator[Document]:
        nonlocal pulled
        for k in range(200):
            pulled += 1
            yield Document(f"d{k}", "article", f"{SENTENCE}Report {k}.")

    results = run(documents(), None)
    next(results)
    assert pulled <= 2
    assert len(list(results)) == 199
