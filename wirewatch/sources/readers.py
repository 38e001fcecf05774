"""Readers: raw bytes of one input → documents (or errors, as values)."""

from __future__ import annotations

import calendar
import csv
import io
import json
import re
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from wirewatch import limits
from wirewatch.errors import InputError
from wirewatch.records import Document
from wirewatch.sources.decode import decode
from wirewatch.sources.warc import html_records

Item = Document | InputError


def read_page(name: str, data: bytes, kind: str, content_type: str | None = None,
              url: str | None = None) -> Iterator[Item]:
    """A text dump or an HTML page: one document."""
    try:
        text = decode(data, _charset(content_type))
    except ValueError as exc:  # undecodable, or over a limit
        yield InputError(name, str(exc))
        return
    yield Document(doc_id=name, kind=kind, content=text, url=url)


def read_jsonl(name: str, data: bytes) -> Iterator[Item]:
    """JSON Lines: one document per line; a bad line is skipped with its line number."""
    try:
        text = decode(data)
    except ValueError as exc:  # undecodable, or over a limit
        yield InputError(name, str(exc))
        return
    for lineno, line in enumerate(text.split("\n"), 1):  # only \n ends a line
        if line.strip():
            yield _json_document(f"{name}:{lineno}", line)


def _json_document(where: str, line: str) -> Item:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return InputError(where, "invalid JSON (nested too deeply)")
    except ValueError:  # an integer of thousands of digits
        return InputError(where, "invalid JSON (a number too long to read)")
    if not isinstance(obj, dict):
        return InputError(where, "a JSON Lines document must be an object")
    return _document(where, obj)


def read_csv(name: str, data: bytes) -> Iterator[Item]:
    """A table of documents (CSV, or tab-separated for ``.tsv``) with a header row: one
    document per row, its columns named as a JSON Lines document's fields or by their
    common other names (``CSV_COLUMNS``); a bad row is skipped with its line number."""
    try:
        text = decode(data)
    except ValueError as exc:  # undecodable, or over a limit
        yield InputError(name, str(exc))
        return
    if csv.field_size_limit() < limits.MAX_INFLATED_BYTES:  # a cell may hold a whole page
        csv.field_size_limit(limits.MAX_INFLATED_BYTES)
    dialect = "excel-tab" if name.lower().removesuffix(".gz").endswith(".tsv") else "excel"
    rows = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = [CSV_COLUMNS.get(h.strip().lower(), h.strip().lower()) for h in next(rows)]
    except (StopIteration, csv.Error) as exc:
        yield InputError(name, f"no header row ({exc or 'empty'})")
        return
    if "text" not in header and "html" not in header:
        yield InputError(name, 'no "text" or "html" column in the header')
        return
    while True:
        where = f"{name}:{rows.line_num + 1}"
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(where, f"invalid CSV ({exc})")
            return
        if any(cell.strip() for cell in row):
            yield _document(where, {h: cell for h, cell in zip(header, row, strict=False)
                                    if cell.strip()})


def _document(where: str, obj: dict[str, Any]) -> Item:
    """One document from its fields (a JSON Lines object, a CSV row)."""
    body = obj.get("text") if obj.get("text") is not None else obj.get("html")
    if not isinstance(body, str) or not body.strip():
        return InputError(where, 'the document has no "text" or "html"')
    doc_id = obj.get("id")
    return Document(
        doc_id=_str(doc_id) or where,
        kind="article" if obj.get("text") is not None else "html",
        content=body,
        url=_str(obj.get("url")),
        title=_str(obj.get("title")),
        published=_str(obj.get("published")),
        publisher=_str(obj.get("publisher")),
    )


# a CSV column's other names → the document field it fills (the unnamed first column of a
# table exported with its index is the id)
CSV_COLUMNS = {"": "id", "doc_id": "id", "body": "text", "content": "text", "maintext": "text",
               "article": "text", "date": "published", "date_publish": "published",
               "pubdate": "published", "link": "url", "source_domain": "publisher",
               "source": "publisher", "outlet": "publisher", "headline": "title"}


def read_feed(name: str, data: bytes) -> Iterator[Item]:
    """RSS or Atom: each entry is a document whose id is its link. In a feed declared (or
    taken as) UTF-8 with bytes that are not, the entries those bytes fall in are skipped
    with an error; the others are read as UTF-8, not re-read in another charset."""
    damaged = _damaged_utf8(data)
    parsed: Any = feedparser.parse(data.decode("utf-8", "replace") if damaged else data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception") or "no entries"
        yield InputError(name, f"malformed or empty feed ({reason})")
        return
    publisher = _str(parsed.get("feed", {}).get("title"))
    for n, entry in enumerate(entries, 1):
        if damaged and REPLACED in repr(entry):
            yield InputError(f"{name}#{n}", f"bytes that are not UTF-8 in this entry "
                                            f"({damaged})")
            continue
        try:
            yield _feed_document(entry, f"{name}#{n}", publisher)
        except Exception as exc:  # an entry feedparser read in a shape not foreseen
            yield InputError(f"{name}#{n}", f"unreadable feed entry ({type(exc).__name__}: "
                                            f"{exc})")


REPLACED = "\ufffd"  # what an undecodable byte becomes
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")


def _damaged_utf8(data: bytes) -> str | None:
    """Why a feed that is UTF-8 by its declaration (or by default) does not decode as
    UTF-8, or None when it does (or declares another charset)."""
    declared = _XML_ENCODING.match(data[:200])
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"{exc.reason} at byte {exc.start}"
    return None


def _feed_document(entry: Any, where: str, publisher: str | None) -> Item:
    content = entry.get("content") or []
    body = content[0].get("value") if content else entry.get("summary")
    link = _str(entry.get("link"))
    if not body or not str(body).strip():
        return InputError(link or where, "feed entry has no content or summary")
    stamp = entry.get("published_parsed") or (  # (asked only when there, feedparser warns)
        entry.get("updated_parsed") if "updated_parsed" in entry else None)
    return Document(
        doc_id=link or where,
        kind="html",
        content=str(body),
        url=link,
        title=_str(entry.get("title")),
        published=_iso_date(stamp),
        publisher=publisher,
    )


def read_warc(name: str, data: bytes) -> Iterator[Item]:
    """WARC or WARC.gz: each HTML response record is a document whose id is its URL."""
    for entry in html_records(name, data):
        if isinstance(entry, InputError):
            yield entry
        else:
            url, payload, ctype = entry
            yield from read_page(url, payload, "html", ctype, url)


def _charset(content_type: str | None) -> str | None:
    if not content_type or "charset=" not in content_type.lower():
        return None
    return content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'") or None


def _iso_date(stamp: time.struct_time | None) -> str | None:
    """The date of a feed's time stamp; None for one no calendar has (year 0, month 13)."""
    if not stamp:
        return None
    try:
        return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(stamp)))
    except (ValueError, OverflowError, OSError, TypeError):
        return None


def _str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
