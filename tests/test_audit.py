"""The lock's audit (scripts/audit_lock.py) against an OSV server on loopback made here."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VULNERABLE = "jinja2"


def advisory(name: str) -> dict[str, object]:
    return {
        "id": "TEST-2026-1",
        "summary": f"a made-up flaw in {name}",
        "affected": [{"package": {"name": name, "ecosystem": "PyPI"},
                      "ranges": [{"type": "ECOSYSTEM",
                                  "events": [{"introduced": "0"}, {"fixed": "999"}]}]}],
    }


@pytest.fixture
def osv() -> Iterator[tuple[str, list[str]]]:
    """An OSV query endpoint that knows one flaw, in ``VULNERABLE`` when asked to."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            name = query["package"]["name"]
            asked.append(name)
            flawed = self.path.startswith("/flawed") and name == VULNERABLE
            body = json.dumps({"vulns": [advisory(name)]} if flawed else {}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", asked
    finally:
        server.shutdown()
        server.server_close()


def audit(url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "scripts/audit_lock.py", "--osv-url", url],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


def pins() -> set[str]:
    lock = (ROOT / "requirements.lock").read_text().splitlines()
    return {line.split("==")[0] for line in lock if "==" in line and not line.startswith(" ")}


def test_a_known_flaw_in_a_pin_fails_the_audit(osv: tuple[str, list[str]]) -> None:
    url, asked = osv
    run = audit(f"{url}/flawed")
    assert run.returncode == 1, run.stderr
    assert VULNERABLE in run.stdout and "TEST-2026-1" in run.stdout
    assert set(asked) == pins()  # every pin of the lock was asked about


def test_a_clean_answer_passes(osv: tuple[str, list[str]]) -> None:
    url, _ = osv
    run = audit(f"{url}/clean")
    assert run.returncode == 0, run.stdout + run.stderr


def test_no_service_is_one_line_and_no_failure() -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    run = audit(f"http://127.0.0.1:{port}/v1/query")
    assert run.returncode == 0
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("audit of requirements.lock not made")
