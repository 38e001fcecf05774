"""Sources: turn command-line inputs (files, folders, globs, URLs, stdin) into documents.

Everything here yields ``Document`` or ``InputError`` values; nothing raises for a bad
input, so one broken page never stops a batch.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from wirewatch import limits
from wirewatch.errors import InputError
from wirewatch.records import Document
from wirewatch.sources.decode import gunzip, to_utf8
from wirewatch.sources.detect import KINDS, sniff
from wirewatch.sources.fetch import Transport, UrllibTransport
from wirewatch.sources.readers import Item, read_csv, read_feed, read_jsonl, read_page, read_warc

__all__ = ["KINDS", "NO_DEFAULTS", "Defaults", "Item", "read_inputs"]


@dataclass(frozen=True, slots=True)
class Defaults:
    """What the user supplies for documents that do not say it themselves."""

    published: str | None = None
    publisher: str | None = None
    url: str | None = None


NO_DEFAULTS = Defaults()


def read_inputs(
    inputs: Iterable[str],
    input_format: str | None = None,
    transport: Transport | None = None,
    max_bytes: int | None = None,
) -> Iterator[Item]:
    """Every document of every input, in order. Documents keep what they state about
    themselves and the input they came from (``source``); the articles stage fills in the
    user's defaults where they are silent. An input that fails in a way no reader foresaw
    is one error; the next input goes on."""
    cap = limits.MAX_INPUT_BYTES if max_bytes is None else max_bytes
    for name, data, content_type in _expand(inputs, transport or UrllibTransport(), cap):
        if isinstance(data, InputError):
            yield data
            continue
        try:
            for item in _read(name, data, input_format, content_type):
                yield replace(item, source=name) if isinstance(item, Document) else item
        except Exception as exc:  # a defect, or a case no reader foresaw: this input only
            yield InputError(name, f"unreadable ({type(exc).__name__}: {exc})")


def _read(name: str, data: bytes, input_format: str | None, content_type: str | None
          ) -> Iterator[Item]:
    kind = input_format or sniff(data, name)
    if kind != "warc":  # a WARC is decompressed as it is read
        try:
            plain = to_utf8(gunzip(data))
        except ValueError as exc:  # corrupt, or inflating past the limit
            yield InputError(name, str(exc))
            return
        if plain is not data:  # what the gzip or the wide encoding hid
            data, kind = plain, input_format or sniff(plain, name)
    if kind == "jsonl":
        yield from read_jsonl(name, data)
    elif kind == "feed":
        yield from read_feed(name, data)
    elif kind == "csv":
        yield from read_csv(name, data)
    elif kind == "warc":
        yield from read_warc(name, data)
    else:
        url = name if name.startswith(("http://", "https://")) else None
        yield from read_page(name, data, kind, content_type, url)


def _expand(
    inputs: Iterable[str], transport: Transport, max_bytes: int
) -> Iterator[tuple[str, bytes | InputError, str | None]]:
    for spec in inputs:
        if spec == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            yield "-", _capped("-", data, max_bytes), None
        elif spec.startswith(("http://", "https://")):
            try:
                reply = transport.get(spec)
            except Exception as exc:  # refused, unreachable, bad framing: one line
                yield spec, InputError(spec, f"could not fetch ({exc})"), None
                continue
            yield spec, _capped(spec, reply.body, max_bytes), reply.content_type
        else:
            paths = _paths(spec)
            if not paths:
                yield spec, InputError(spec, "no such file, folder or glob match"), None
            for path in paths:
                yield path, _read_file(path, max_bytes), None


def _capped(name: str, data: bytes, max_bytes: int) -> bytes | InputError:
    if len(data) > max_bytes:
        return InputError(name, f"too large (over {max_bytes // 2**20} MB, the limit)")
    return data


def _paths(spec: str) -> list[str]:
    if os.path.isdir(spec):
        return sorted(
            str(p) for p in Path(spec).rglob("*") if p.is_file() and not p.name.startswith(".")
        )
    if os.path.exists(spec):
        return [spec]
    if glob.has_magic(spec):
        return sorted(p for p in glob.glob(spec, recursive=True) if os.path.isfile(p))
    return []


def _read_file(path: str, max_bytes: int) -> bytes | InputError:
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            return InputError(
                path, f"too large ({size // 2**20} MB; the limit is {max_bytes // 2**20} MB)"
            )
        with open(path, "rb") as handle:  # a device or pipe may say 0 and never end
            return _capped(path, _read_up_to(handle, size, max_bytes + 1), max_bytes)
    except OSError as exc:
        return InputError(path, f"cannot read ({exc.strerror or exc})")


def _read_up_to(handle: BinaryIO, expected: int, most: int) -> bytes:
    """At most ``most`` bytes, in pieces when the file's size said nothing (a device)."""
    if expected > 0:
        return handle.read(min(expected + 1, most))
    chunks: list[bytes] = []
    got = 0
    while got < most and (chunk := handle.read(min(2**20, most - got))):
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)
