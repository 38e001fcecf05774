"""Which kind of input a file is: by content first, by extension where content is silent.

An extension that names a structured kind (JSON Lines, WARC, feed) wins over the content
when the first bytes have that kind's shape: a ``.jsonl`` file whose first line opens a
JSON object is JSON Lines even when that line is a whole HTML page longer than the part
of the file detection reads.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable

HEAD_BYTES = 65536  # how much of an input detection reads
KINDS = ("text", "html", "feed", "warc", "jsonl", "csv")
_HTML = re.compile(rb"<(?:!doctype html|html|head|body|article|div|p|h1|meta|title)\b", re.I)
_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
# whether the first bytes agree with the kind an extension names, so that it wins
_AGREES: dict[str, Callable[[bytes], bool]] = {
    "jsonl": lambda head: head.startswith(b"{"),
    "warc": lambda head: head.startswith(b"WARC/"),
    "feed": lambda head: head.startswith(b"<") and _FEED.search(head[:4096]) is not None,
    "csv": lambda head: not head.startswith((b"<", b"{")),
}
_OPENS_DOCUMENT = re.compile(rb'\{\s*"(?:[^"\\]|\\.)*"\s*:')
_EXTENSIONS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".warc": "warc", ".rss": "feed", ".atom": "feed",
    ".xml": "feed", ".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text",
    ".csv": "csv", ".tsv": "csv",
}


def by_extension(name: str) -> str | None:
    lowered = name.lower().removesuffix(".gz")
    for ext, kind in _EXTENSIONS.items():
        if lowered.endswith(ext):
            return kind
    return None


def sniff(data: bytes, name: str = "") -> str:
    """The input kind of these bytes; text when nothing else fits."""
    head = data[:HEAD_BYTES]
    if head.startswith(b"\x1f\x8b"):
        head = _partial_gunzip(head)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    named = by_extension(name)
    if named in _AGREES and _AGREES[named](stripped):
        return named
    if stripped.startswith(b"WARC/"):
        return "warc"
    if stripped.startswith(b"{") and _first_line_is_document(stripped, len(head) >= HEAD_BYTES):
        return "jsonl"
    if _FEED.search(stripped[:4096]) and (stripped.startswith(b"<?xml") or b"<rss" in stripped[:512]
                                          or b"<feed" in stripped[:512]):
        return "feed"
    if _HTML.search(stripped[:4096]):
        return "html"
    return by_extension(name) or "text"


def _partial_gunzip(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, HEAD_BYTES)
    except zlib.error:
        return b""


def _first_line_is_document(data: bytes, cut: bool) -> bool:
    """Does the first line hold a JSON Lines document? A first line longer than the bytes
    read (``cut``) is taken for one when it opens as an object: ``{"key":``."""
    if cut and b"\n" not in data:
        return _OPENS_DOCUMENT.match(data) is not None
    line = data.split(b"\n", 1)[0]
    try:
        obj = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and ("text" in obj or "html" in obj)
