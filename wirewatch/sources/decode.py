"""Bytes to text: decompression, charset detection, binary rejection, size limits."""

from __future__ import annotations

import codecs
import gzip
import io
import zlib

from charset_normalizer import from_bytes

from wirewatch import limits
from wirewatch.limits import LimitError

MAX_BYTES = limits.MAX_INPUT_BYTES  # the default; ``limits`` holds the one in force
_GZIP_MAGIC = b"\x1f\x8b"
_TEXT_CONTROL_OK = set(b"\t\n\r\f\b\x1b")
# byte-order marks of the wide encodings, the longer first (UTF-32 LE starts as UTF-16 LE)
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class DecodeError(ValueError):
    """The bytes are not text a news page could be made of."""


def is_gzip(data: bytes) -> bool:
    return data.startswith(_GZIP_MAGIC)


def gunzip(data: bytes, limit: int | None = None) -> bytes:
    """Decompress gzip data, every member of it (or return data that is not gzip as it
    is), refusing as soon as it inflates past the limit."""
    if not is_gzip(data):
        return data
    cap = limits.MAX_INFLATED_BYTES if limit is None else limit
    with Inflater(data, cap) as stream:
        return stream.read()


class Inflater:
    """A gzip stream (of one or many members) read in pieces, failing with DecodeError when
    it is corrupt or truncated and with LimitError once more than ``limit`` bytes came out:
    the check is made while decompressing, before the memory is spent."""

    def __init__(self, data: bytes, limit: int) -> None:
        self._gzip = gzip.GzipFile(fileobj=io.BytesIO(data))
        self.limit = limit
        self.total = 0

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (all that is left when negative); fewer only at the end or
        before a damaged part, so that what came before the damage is still read."""
        if size >= 0:
            return self._read1(size)
        chunks = []
        while chunk := self._read1(1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)

    def _read1(self, size: int) -> bytes:
        try:
            out = self._gzip.read1(min(size, self.limit + 1 - self.total))
        except EOFError:
            raise DecodeError("truncated gzip data") from None
        except (OSError, zlib.error) as exc:
            raise DecodeError(f"corrupt gzip data ({exc})") from None
        self.total += len(out)
        if self.total > self.limit:
            raise LimitError(f"decompresses to more than {limits.mb(self.limit)}, the limit")
        return out

    def __enter__(self) -> Inflater:
        return self

    def __exit__(self, *_: object) -> None:
        self._gzip.close()


def to_utf8(data: bytes) -> bytes:
    """UTF-16 or UTF-32 text with its byte-order mark as UTF-8 (other bytes as they are),
    so that detection and the readers see the text's own shape."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).encode("utf-8")
            except UnicodeDecodeError as exc:
                raise DecodeError(f"undecodable {encoding.upper()} ({exc.reason} at byte "
                                  f"{exc.start})") from None
    return data


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    control = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROL_OK)
    return control > len(sample) * 0.05


def decode(data: bytes, declared: str | None = None, limit: int | None = None) -> str:
    """Text from bytes: the declared charset, else UTF-8, else the detected one."""
    cap = limits.MAX_INPUT_BYTES if limit is None else limit
    if len(data) > cap:
        raise DecodeError(f"too large ({len(data) // 2**20} MB; the limit is "
                          f"{cap // 2**20} MB)")
    if not data.strip():
        raise DecodeError("empty input")
    inflated = gunzip(data)
    data = to_utf8(inflated)
    if data is not inflated:  # it was UTF-16 or UTF-32: whatever the page declared
        declared = "utf-8"
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
