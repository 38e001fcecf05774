"""Fetching pages by URL behind a transport seam, so tests never touch the network.

The default transport is careful with where it connects and how long it waits:

- the host is resolved first and each of its addresses checked: loopback, private,
  link-local (cloud metadata), multicast, reserved and other non-public addresses are
  refused before any connection unless the user allows them
  (``--allow-private-addresses``); the connection goes to the address that was checked,
  so a second lookup cannot swap it;
- redirects are followed at most ``limits.MAX_REDIRECTS`` times, each new location
  checked the same way, and only to http(s);
- one deadline (``limits.FETCH_DEADLINE_S``) covers the whole download, from connecting
  to the last byte, so a server dripping a byte at a time cannot hold it;
- a body over the size limit, or shorter than its ``Content-Length``, is an error, and so
  are bad chunked framing and a reply that is not HTTP. No proxy is used.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urljoin, urlsplit

from wirewatch import limits

USER_AGENT = "wirewatch/0.1 (+https://github.com/wirewatch/wirewatch)"
REDIRECTS = (301, 302, 303, 307, 308)
Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True, slots=True)
class Response:
    url: str
    body: bytes
    content_type: str | None


class Transport(Protocol):
    def get(self, url: str) -> Response: ...


class FetchError(Exception):
    """A URL that could not be fetched, and why, in one line."""


def resolve(host: str, port: int) -> list[str]:
    """The addresses of a host, in the order the system gives them."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def not_public(address: str) -> str | None:
    """Why an address may not be fetched without the user's leave; None when public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind, flag in (("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
                       ("multicast", ip.is_multicast), ("unspecified", ip.is_unspecified),
                       ("reserved", ip.is_reserved), ("private", ip.is_private)):
        if flag:
            return kind
    return None if ip.is_global else "non-public"


class UrllibTransport:
    """The default transport: HTTP(S) GET with address checks, a redirect limit, one
    deadline per download and a size cap (the name is kept from its first version)."""

    def __init__(self, timeout: float | None = None, max_bytes: int | None = None,
                 allow_private: bool = False, max_redirects: int | None = None,
                 resolver: Resolver = resolve) -> None:
        self.timeout = limits.FETCH_DEADLINE_S if timeout is None else timeout
        self.max_bytes = limits.MAX_INPUT_BYTES if max_bytes is None else max_bytes
        self.allow_private = allow_private
        self.max_redirects = limits.MAX_REDIRECTS if max_redirects is None else max_redirects
        self.resolver = resolver

    def get(self, url: str) -> Response:
        deadline = time.monotonic() + self.timeout
        for _ in range(self.max_redirects + 1):
            reply = self._once(url, deadline)
            if isinstance(reply, Response):
                return reply
            url = urljoin(url, reply)
        raise FetchError(f"more than {self.max_redirects} redirects")

    def _once(self, url: str, deadline: float) -> Response | str:
        """The response, or where it redirects to."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"not an http(s) URL: {url}")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise FetchError(f"bad port in {url}") from None
        address = self._address(parts.hostname, port)
        conn = _connection(parts.scheme, parts.hostname, port, address,
                           max(deadline - time.monotonic(), 0.001))
        fired = threading.Event()
        watchdog = threading.Timer(max(deadline - time.monotonic(), 0.0), _cut, (conn, fired))
        watchdog.daemon = True
        watchdog.start()
        late = FetchError(f"no complete answer within {self.timeout:g} s")
        try:
            reply = self._exchange(conn, url, parts.path or "/", parts.query)
        except FetchError:
            if fired.is_set():
                raise late from None
            raise
        except (OSError, http.client.HTTPException, ValueError) as exc:
            raise (late if fired.is_set() else FetchError(_framing(exc))) from None
        finally:
            watchdog.cancel()
            conn.close()
        if fired.is_set():  # the body ended because the deadline cut it
            raise late
        return reply

    def _address(self, host: str, port: int) -> str:
        try:
            addresses = self.resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise FetchError(f"cannot resolve {host} ({exc})") from None
        if not addresses:
            raise FetchError(f"cannot resolve {host}")
        if not self.allow_private:
            for address in addresses:
                kind = not_public(address)
                if kind is not None:
                    raise FetchError(f"refused: {host} is a {kind} address ({address}); "
                                     "--allow-private-addresses allows it")
        return addresses[0]

    def _exchange(self, conn: http.client.HTTPConnection, url: str, path: str,
                  query: str) -> Response | str:
        conn.request("GET", path + (f"?{query}" if query else ""),
                     headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
        reply = conn.getresponse()
        location = reply.getheader("Location")
        if reply.status in REDIRECTS and location:
            return location
        if reply.status >= 400:
            raise FetchError(f"HTTP {reply.status} {reply.reason}")
        length = _length(reply.getheader("Content-Length"))
        if length is not None and length > self.max_bytes:
            raise FetchError(f"too large ({length:,} bytes; the limit is "
                             f"{limits.mb(self.max_bytes)})")
        body = bytearray()
        while len(body) <= self.max_bytes and (chunk := reply.read1(1 << 16)):
            body += chunk
        if length is not None and len(body) < length:
            raise FetchError(f"response cut short ({len(body):,} of {length:,} bytes)")
        return Response(url, bytes(body[: self.max_bytes + 1]), reply.getheader("Content-Type"))


class _Pinned(http.client.HTTPConnection):
    """A connection to the address that was checked, whatever the name resolves to now."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedTLS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


def _connection(scheme: str, host: str, port: int, address: str, timeout: float
                ) -> http.client.HTTPConnection:
    if scheme == "https":
        return _PinnedTLS(host, port, address, timeout)
    return _Pinned(host, port, address, timeout)


def _cut(conn: http.client.HTTPConnection, fired: threading.Event) -> None:
    """The deadline passed: end whatever read the download is blocked in."""
    fired.set()
    sock = conn.sock
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _length(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _framing(exc: BaseException) -> str:
    if isinstance(exc, http.client.BadStatusLine | http.client.RemoteDisconnected):
        return "the server's reply is not HTTP"
    if isinstance(exc, http.client.IncompleteRead | ValueError):
        return f"bad HTTP framing ({type(exc).__name__})"
    return str(exc) or type(exc).__name__


class MappingTransport:
    """A transport over a dict of URL → (body, content type), for tests and offline runs."""

    def __init__(self, pages: dict[str, tuple[bytes, str | None]]) -> None:
        self.pages = pages

    def get(self, url: str) -> Response:
        if url not in self.pages:
            raise OSError(f"no such page: {url}")
        body, content_type = self.pages[url]
        return Response(url, body, content_type)
