"""Bytes to text: charset detection, binary rejection, size limits."""

from __future__ import annotations

import codecs
import zlib

from charset_normalizer import from_bytes

MAX_BYTES = 32 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
_TEXT_CONTROL_OK = set(b"\t\n\r\f\b\x1b")


class DecodeError(ValueError):
    """The bytes are not text a news page could be made of."""


def gunzip(data: bytes, limit: int = MAX_BYTES) -> bytes:
    """Decompress gzip data (or return it as it is), refusing to inflate past the limit."""
    if not data.startswith(_GZIP_MAGIC):
        return data
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise DecodeError(f"corrupt gzip data ({exc})") from None
    if len(out) > limit:
        raise DecodeError(f"decompresses to more than {limit // 2**20} MB")
    if not inflater.eof:
        raise DecodeError("truncated gzip data")
    return out


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    control = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROL_OK)
    return control > len(sample) * 0.05


def decode(data: bytes, declared: str | None = None, limit: int = MAX_BYTES) -> str:
    """Text from bytes: the declared charset, else UTF-8, else the detected one."""
    if len(data) > limit:
        raise DecodeError(f"too large ({len(data) // 2**20} MB; the limit is {limit // 2**20} MB)")
    if not data.strip():
        raise DecodeError("empty input")
    if data.startswith(_GZIP_MAGIC):
        data = gunzip(data, limit)
    if looks_binary(data):
        raise DecodeError("binary data, not text")
    for encoding in (declared, "utf-8-sig"):
        if encoding:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise DecodeError("undecodable bytes (no text encoding fits)")
    try:
        return data.decode(best.encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"undecodable bytes ({exc.reason} at byte {exc.start})") from None
