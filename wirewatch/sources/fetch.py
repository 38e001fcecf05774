"""Fetching pages by URL behind a transport seam, so tests never touch the network."""

from __future__ import annotations

import urllib.request
from dataclasses import dataclass
from typing import Protocol

USER_AGENT = "wirewatch/0.1 (+https://github.com/wirewatch/wirewatch)"


@dataclass(frozen=True, slots=True)
class Response:
    url: str
    body: bytes
    content_type: str | None


class Transport(Protocol):
    def get(self, url: str) -> Response: ...


class UrllibTransport:
    """The default transport: a plain HTTP GET with a timeout and a size cap."""

    def __init__(self, timeout: float = 30.0, max_bytes: int = 32 * 1024 * 1024) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes

    def get(self, url: str) -> Response:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        with urllib.request.urlopen(request, timeout=self.timeout) as reply:
            body = reply.read(self.max_bytes + 1)
            return Response(reply.geturl(), body, reply.headers.get("Content-Type"))


class MappingTransport:
    """A transport over a dict of URL → (body, content type), for tests and offline runs."""

    def __init__(self, pages: dict[str, tuple[bytes, str | None]]) -> None:
        self.pages = pages

    def get(self, url: str) -> Response:
        if url not in self.pages:
            raise OSError(f"no such page: {url}")
        body, content_type = self.pages[url]
        return Response(url, body, content_type)
