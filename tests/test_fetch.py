"""Fetching URLs safely (issue 18): addresses checked before connecting (also after each
redirect), a redirect limit, one deadline per download, framing errors in one line.

Servers run on loopback inside the test; refusals of other addresses use a resolver stub,
so nothing ever leaves the machine.
"""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

import pytest

from tests.conftest import cli
from wirewatch.errors import InputError
from wirewatch.records import Document
from wirewatch.sources import fetch, read_inputs
from wirewatch.sources.fetch import FetchError, UrllibTransport, not_public

PAGE = (b"<html><head><title>Army attacks Kismayo</title></head><body><article><h1>Army "
        b"attacks Kismayo</h1><p>" + b"The army attacked the town of Kismayo on Monday, "
        b"officials said. " * 5 + b"</p></article></body></html>")
Reply = Callable[[BinaryIO, str], None]


@contextmanager
def server(reply: Reply) -> Iterator[str]:
    """A raw TCP server on loopback: ``reply(wfile, path)`` writes whatever it likes."""
    requests: list[str] = []

    class Handler(socketserver.StreamRequestHandler):
        def handle(self) -> None:
            line = self.rfile.readline().decode("latin-1")
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass
            requests.append(line)
            path = line.split(" ")[1] if " " in line else "/"
            reply(self.wfile, path)  # type: ignore[arg-type]

    class Server(socketserver.ThreadingTCPServer):
        daemon_threads = True
        allow_reuse_address = True

        def handle_error(self, request: object, client_address: object) -> None:
            pass  # a client that gave up is the point of some tests

    srv = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


def ok(wfile: BinaryIO, path: str) -> None:
    wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                + str(len(PAGE)).encode() + b"\r\nConnection: close\r\n\r\n" + PAGE)


def allowed(**kw: object) -> UrllibTransport:
    return UrllibTransport(allow_private=True, **kw)  # type: ignore[arg-type]


def failure(transport: UrllibTransport, url: str) -> str:
    with pytest.raises(FetchError) as caught:
        transport.get(url)
    return str(caught.value)


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"),
    ("192.168.0.10", "private"), ("172.16.5.4", "private"), ("169.254.169.254", "link-local"),
    ("fe80::1%eth0", "link-local"), ("::ffff:127.0.0.1", "loopback"), ("0.0.0.0", "unspecified"),
    ("224.0.0.1", "multicast"), ("100.64.0.1", "non-public"), ("fd00::1", "private"),
])
def test_addresses_that_are_not_public(address: str, kind: str) -> None:
    assert not_public(address) == kind


def test_public_addresses_pass() -> None:
    assert not_public("93.184.216.34") is None and not_public("2606:2800:220:1::1") is None


def test_refused_before_any_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_connection(*args: object, **kw: object) -> socket.socket:
        raise AssertionError("connected")

    monkeypatch.setattr(socket, "create_connection", no_connection)
    stub = {"metadata.example": ["169.254.169.254"],
            "mixed.example": ["93.184.216.34", "10.0.0.5"],
            "localhost": ["127.0.0.1"]}
    transport = UrllibTransport(resolver=lambda host, port: stub[host])
    assert failure(transport, "http://metadata.example/latest/meta-data/") == (
        "refused: metadata.example is a link-local address (169.254.169.254); "
        "--allow-private-addresses allows it")
    assert "10.0.0.5" in failure(transport, "http://mixed.example/")  # every address counts
    assert "loopback" in failure(transport, "https://localhost:8443/")


def test_loopback_is_refused_unless_allowed() -> None:
    with server(ok) as base:
        found = list(read_inputs([base + "/page"]))
        assert isinstance(found[0], InputError) and "refused" in found[0].reason
        found = list(read_inputs([base + "/page"], transport=allowed()))
        assert isinstance(found[0], Document) and b"Kismayo" in PAGE


def test_a_redirect_to_a_refused_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "not_public",
                        lambda a: None if a == "127.0.0.1" else "link-local")

    def to_metadata(wfile: BinaryIO, path: str) -> None:
        wfile.write(b"HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/latest/meta-data/"
                    b"\r\nContent-Length: 0\r\n\r\n")

    with server(to_metadata) as base:
        assert failure(UrllibTransport(), base + "/").startswith(
            "refused: 169.254.169.254 is a link-local address")


def test_redirects_are_followed_a_few_times() -> None:
    def hop(wfile: BinaryIO, path: str) -> None:
        n = int(path.strip("/") or 0)
        if n >= 3:
            return ok(wfile, path)
        wfile.write(f"HTTP/1.1 301 Moved\r\nLocation: /{n + 1}\r\nContent-Length: 0\r\n\r\n"
                    .encode())

    with server(hop) as base:
        assert allowed().get(base + "/0").url == base + "/3"
        assert failure(allowed(max_redirects=2), base + "/0") == "more than 2 redirects"

    def loop(wfile: BinaryIO, path: str) -> None:
        wfile.write(b"HTTP/1.1 302 Found\r\nLocation: /again\r\nContent-Length: 0\r\n\r\n")

    with server(loop) as base:
        assert failure(allowed(), base + "/") == "more than 5 redirects"

    def elsewhere(wfile: BinaryIO, path: str) -> None:
        wfile.write(b"HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\n\r\n")

    with server(elsewhere) as base:
        assert failure(allowed(), base + "/") == "not an http(s) URL: file:///etc/passwd"


@pytest.mark.parametrize("where", ["headers", "body"])
def test_a_slow_drip_meets_one_deadline(where: str) -> None:
    def drip(wfile: BinaryIO, path: str) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nX-Slow: " + b"y" * 40 + b"\r\n\r\n"
        data = head + b"x" * 1000 if where == "headers" else head
        if where == "body":
            wfile.write(head)
            wfile.flush()
            data = b"x" * 1000
        for byte in data:
            wfile.write(bytes([byte]))
            wfile.flush()
            time.sleep(0.2)

    with server(drip) as base:
        started = time.monotonic()
        assert failure(allowed(timeout=1.0), base + "/") == "no complete answer within 1 s"
        assert time.monotonic() - started < 3.0


def test_a_response_cut_short_is_an_error() -> None:
    def short(wfile: BinaryIO, path: str) -> None:
        wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n"
                    b"\r\n" + b"x" * 2000)

    with server(short) as base:
        assert failure(allowed(), base + "/") == "response cut short (2,000 of 100,000 bytes)"


def test_bad_framing_and_non_http_are_one_line() -> None:
    def bad_chunk(wfile: BinaryIO, path: str) -> None:
        wfile.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n")

    def banner(wfile: BinaryIO, path: str) -> None:
        wfile.write(b"SSH-2.0-OpenSSH_9.6\r\n")

    def huge(wfile: BinaryIO, path: str) -> None:
        wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 999999999999\r\n\r\nxx")

    with server(bad_chunk) as base:
        assert failure(allowed(), base + "/").startswith("bad HTTP framing (")
    with server(banner) as base:
        assert failure(allowed(), base + "/") == "the server's reply is not HTTP"
    with server(huge) as base:
        assert failure(allowed(), base + "/") == (
            "too large (999,999,999,999 bytes; the limit is 32 MB)")


def test_the_cli_refuses_loopback_unless_allowed() -> None:
    with server(ok) as base:
        refused = cli("extract", "--articles-only", base + "/page")
        fetched = cli("extract", "--articles-only", "--allow-private-addresses", base + "/page")
    assert refused.returncode == 3 and "Traceback" not in refused.stderr
    assert refused.stderr == (f"wirewatch: skipped {base}/page: could not fetch (refused: "
                              "127.0.0.1 is a loopback address (127.0.0.1); "
                              "--allow-private-addresses allows it)\n")
    assert fetched.returncode == 0, fetched.stderr
    assert '"doc_id": "' + base + '/page"' in fetched.stdout
