"""Readers: raw bytes of one input → documents (or errors, as values)."""

from __future__ import annotations

import calendar
import io
import json
import time
from collections.abc import Iterator
from typing import Any

import feedparser
from warcio.archiveiterator import ArchiveIterator

from wirewatch.errors import InputError
from wirewatch.records import Document
from wirewatch.sources.decode import DecodeError, decode

Item = Document | InputError


def read_page(name: str, data: bytes, kind: str, content_type: str | None = None,
              url: str | None = None) -> Iterator[Item]:
    """A text dump or an HTML page: one document."""
    try:
        text = decode(data, _charset(content_type))
    except DecodeError as exc:
        yield InputError(name, str(exc))
        return
    yield Document(doc_id=name, kind=kind, content=text, url=url)


def read_jsonl(name: str, data: bytes) -> Iterator[Item]:
    """JSON Lines: one document per line; a bad line is skipped with its line number."""
    try:
        text = decode(data)
    except DecodeError as exc:
        yield InputError(name, str(exc))
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield InputError(where, "a JSON Lines document must be an object")
            continue
        body = obj.get("text") if obj.get("text") is not None else obj.get("html")
        if not isinstance(body, str) or not body.strip():
            yield InputError(where, 'the document has no "text" or "html"')
            continue
        doc_id = obj.get("id")
        yield Document(
            doc_id=str(doc_id) if doc_id not in (None, "") else where,
            kind="article" if obj.get("text") is not None else "html",
            content=body,
            url=_str(obj.get("url")),
            title=_str(obj.get("title")),
            published=_str(obj.get("published")),
            publisher=_str(obj.get("publisher")),
        )


def read_feed(name: str, data: bytes) -> Iterator[Item]:
    """RSS or Atom: each entry is a document whose id is its link."""
    parsed: Any = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception") or "no entries"
        yield InputError(name, f"malformed or empty feed ({reason})")
        return
    publisher = _str(parsed.get("feed", {}).get("title"))
    for n, entry in enumerate(entries, 1):
        content = entry.get("content") or []
        body = content[0].get("value") if content else entry.get("summary")
        link = _str(entry.get("link"))
        if not body or not str(body).strip():
            yield InputError(link or f"{name}#{n}", "feed entry has no content or summary")
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        yield Document(
            doc_id=link or f"{name}#{n}",
            kind="html",
            content=str(body),
            url=link,
            title=_str(entry.get("title")),
            published=_iso_date(stamp),
            publisher=publisher,
        )


def read_warc(name: str, data: bytes) -> Iterator[Item]:
    """WARC or WARC.gz: each HTML response record is a document whose id is its URL."""
    count = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type not in ("response", "resource"):
                continue
            headers = record.http_headers
            ctype = headers.get_header("Content-Type") if headers else record.content_type
            if ctype and "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or f"{name}#{count + 1}"
            payload = record.content_stream().read()
            if getattr(record.raw_stream, "limit", 0):  # the record ends before its length
                raise EOFError(f"record {url} is cut short")
            count += 1
            yield from read_page(url, payload, "html", ctype, url)
    except Exception as exc:  # warcio raises many kinds on damaged archives
        yield InputError(name, f"truncated or corrupt WARC after {count} records ({exc})")
        return
    if count == 0:
        yield InputError(name, "WARC holds no HTML response records")


def _charset(content_type: str | None) -> str | None:
    if not content_type or "charset=" not in content_type.lower():
        return None
    return content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'") or None


def _iso_date(stamp: time.struct_time | None) -> str | None:
    if not stamp:
        return None
    return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(stamp)))


def _str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
