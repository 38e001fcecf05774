"""Sources: turn command-line inputs (files, folders, globs, URLs, stdin) into documents.

Everything here yields ``Document`` or ``InputError`` values; nothing raises for a bad
input, so one broken page never stops a batch.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from wirewatch.errors import InputError
from wirewatch.sources.decode import MAX_BYTES
from wirewatch.sources.detect import KINDS, sniff
from wirewatch.sources.fetch import Transport, UrllibTransport
from wirewatch.sources.readers import Item, read_feed, read_jsonl, read_page, read_warc

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
    max_bytes: int = MAX_BYTES,
) -> Iterator[Item]:
    """Every document of every input, in order. Documents keep what they state about
    themselves; the articles stage fills in the user's defaults where they are silent."""
    for name, data, content_type in _expand(inputs, transport or UrllibTransport(), max_bytes):
        if isinstance(data, InputError):
            yield data
            continue
        kind = input_format or sniff(data, name)
        yield from _read(name, data, kind, content_type)


def _read(name: str, data: bytes, kind: str, content_type: str | None) -> Iterator[Item]:
    if kind == "jsonl":
        return read_jsonl(name, data)
    if kind == "feed":
        return read_feed(name, data)
    if kind == "warc":
        return read_warc(name, data)
    url = name if name.startswith(("http://", "https://")) else None
    return read_page(name, data, kind, content_type, url)


def _expand(
    inputs: Iterable[str], transport: Transport, max_bytes: int
) -> Iterator[tuple[str, bytes | InputError, str | None]]:
    for spec in inputs:
        if spec == "-":
            yield "-", sys.stdin.buffer.read(max_bytes + 1), None
        elif spec.startswith(("http://", "https://")):
            try:
                reply = transport.get(spec)
            except (OSError, ValueError) as exc:
                yield spec, InputError(spec, f"could not fetch ({exc})"), None
                continue
            yield spec, reply.body, reply.content_type
        else:
            paths = _paths(spec)
            if not paths:
                yield spec, InputError(spec, "no such file, folder or glob match"), None
            for path in paths:
                yield path, _read_file(path, max_bytes), None


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
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        return InputError(path, f"cannot read ({exc.strerror or exc})")
