"""WARC archives: each HTML response record is a document, read within the limits.

The archive is decompressed as it is read (gzipped record by record, as one whole, or in
any members), never held decompressed; a record's payload is de-chunked and decoded
here, not by warcio, so that neither its transfer coding nor its content coding can
inflate past ``limits.MAX_RECORD_BYTES`` before the check.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from wirewatch import limits
from wirewatch.errors import InputError
from wirewatch.limits import LimitError
from wirewatch.sources.decode import Inflater, is_gzip

_WBITS = {"gzip": (16 + zlib.MAX_WBITS,), "x-gzip": (16 + zlib.MAX_WBITS,),
          "deflate": (zlib.MAX_WBITS, -zlib.MAX_WBITS)}  # zlib-wrapped, or raw as some send


def html_records(name: str, data: bytes) -> Iterator[InputError | tuple[str, bytes, str | None]]:
    """Each HTML record as (URL, payload, content type), or an error: a record over the
    limit is one error and the archive goes on; damage ends it with one error."""
    count = 0
    try:
        stream = Inflater(data, limits.MAX_ARCHIVE_BYTES) if is_gzip(data) else io.BytesIO(data)
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            headers = record.http_headers
            ctype = headers.get_header("Content-Type") if headers else record.content_type
            if ctype and "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or f"{name}#{count + 1}"
            try:
                payload = payload_of(record)
            except LimitError as exc:
                yield InputError(url, str(exc))
                continue
            if getattr(record.raw_stream, "limit", 0):  # the record ends before its length
                raise EOFError(f"record {url} is cut short")
            count += 1
            yield url, payload, ctype
    except Exception as exc:  # warcio raises many kinds on damaged archives
        yield InputError(name, f"truncated or corrupt WARC after {count} records ({exc})")
        return
    if count == 0:
        yield InputError(name, "WARC holds no HTML response records")


def payload_of(record: Any) -> bytes:
    """A record's payload, de-chunked and decoded, within ``limits.MAX_RECORD_BYTES``."""
    cap = limits.MAX_RECORD_BYTES
    raw = record.raw_stream.read(cap + 1)
    if len(raw) > cap:
        raise _too_large(cap)
    headers = record.http_headers
    if headers is None:
        return bytes(raw)
    if (headers.get_header("Transfer-Encoding") or "").lower() == "chunked":
        raw = dechunk(raw)
    coding = (headers.get_header("Content-Encoding") or "").strip().lower()
    return inflate(raw, _WBITS[coding], cap) if coding in _WBITS else bytes(raw)


def dechunk(data: bytes) -> bytes:
    """The body of an HTTP chunked transfer coding; data that is not one is left as it is."""
    out = bytearray()
    pos = 0
    while pos < len(data):
        end = data.find(b"\r\n", pos)
        try:
            size = int(data[pos:end].split(b";")[0], 16) if end != -1 else -1
        except ValueError:
            size = -1
        if size < 0:
            return data if pos == 0 else bytes(out)  # not chunked, or cut short: what came
        if size == 0:
            break
        out += data[end + 2 : end + 2 + size]
        pos = end + 2 + size + 2
    return bytes(out)


def inflate(data: bytes, wbits: tuple[int, ...], cap: int) -> bytes:
    """Content-coded data decompressed within ``cap``; data that does not decompress at
    all is taken as sent (a server that says gzip and does not)."""
    for bits in wbits:
        inflater = zlib.decompressobj(bits)
        try:
            out = inflater.decompress(data, cap + 1)
        except zlib.error:
            continue
        if len(out) > cap:
            raise _too_large(cap)
        return out
    return data


def _too_large(cap: int) -> LimitError:
    return LimitError(f"record payload too large (over {limits.mb(cap)}, the limit)")
