"""Which kind of input a file is: by content first, by extension where content is silent."""

from __future__ import annotations

import json
import re

from wirewatch.sources.decode import gunzip

KINDS = ("text", "html", "feed", "warc", "jsonl")
_HTML = re.compile(rb"<(?:!doctype html|html|head|body|article|div|p|h1|meta|title)\b", re.I)
_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_EXTENSIONS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".warc": "warc", ".rss": "feed", ".atom": "feed",
    ".xml": "feed", ".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text",
}


def by_extension(name: str) -> str | None:
    lowered = name.lower().removesuffix(".gz")
    for ext, kind in _EXTENSIONS.items():
        if lowered.endswith(ext):
            return kind
    return None


def sniff(data: bytes, name: str = "") -> str:
    """The input kind of these bytes; text when nothing else fits."""
    head = data[:65536]
    if head.startswith(b"\x1f\x8b"):
        try:
            head = gunzip(head)
        except ValueError:
            head = _partial_gunzip(head)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/"):
        return "warc"
    if stripped.startswith(b"{") and _first_line_is_document(stripped):
        return "jsonl"
    if _FEED.search(stripped[:4096]) and (stripped.startswith(b"<?xml") or b"<rss" in stripped[:512]
                                          or b"<feed" in stripped[:512]):
        return "feed"
    if _HTML.search(stripped[:4096]):
        return "html"
    return by_extension(name) or "text"


def _partial_gunzip(data: bytes) -> bytes:
    import zlib

    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, 65536)
    except zlib.error:
        return b""


def _first_line_is_document(data: bytes) -> bool:
    line = data.split(b"\n", 1)[0]
    try:
        obj = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and ("text" in obj or "html" in obj)
