"""The explorer under load: many requests at once against `wirewatch serve`.

Starts the real server on a store (a free local port), sends a mix of requests one after
another (the baseline), then, on a newly started server (nothing cached), the same mix all
at once from ``--clients`` concurrent clients, then once more all at once (what the
server kept answers at once), and prints the latency of each: median, 95th percentile and
worst, and the ratio of the concurrent 95th percentile to the sequential one (the figure
that carries across machines). The mix: event pages with and without filters, facets,
single events, stories, the explorer's front page, CSV downloads; 64 kinds of request, so
that many clients ask the same thing at once, as the readers of one explorer do.

    python bench/api_load.py --db wirewatch.db [--clients 200] [--workers 1]
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
FILTERS = ("", "type=ASSAULT", "country=SYR", "text=missile", "type=AID&country=RUS",
           "since=2018-01-01&until=2018-12-31", "min_independent=2", "actor=Turkey")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _mix(client: httpx.Client, n: int) -> list[str]:
    """n request paths: filtered pages and facets, events and stories that exist."""
    events = client.get("/api/events", params={"limit": 50}).json()["items"]
    stories = client.get("/api/stories", params={"limit": 20}).json()["items"]
    paths = []
    for k in range(n):
        f = FILTERS[k % len(FILTERS)]
        kind = k // len(FILTERS) % 8
        if kind in (0, 1, 2):
            paths.append(f"/api/events?{f}")
        elif kind == 3:
            paths.append(f"/api/facets?by={('type', 'country', 'actor', 'source')[k % 4]}&{f}")
        elif kind == 4 and events:
            paths.append(f"/api/events/{events[k % len(events)]['event_id']}")
        elif kind == 5 and stories:
            paths.append(f"/api/stories/{stories[k % len(stories)]['story_id']}")
        elif kind == 6:
            paths.append(f"/?{f}")
        else:
            paths.append(f"/api/events.csv?{f or 'type=PROTEST'}")
    return paths


async def _get(port: int, path: str) -> float:
    """One request on a new connection, timed to the last byte of its answer. A bare
    HTTP/1.1 client: a full client library costs more time than the server's answer and,
    on the same cores, would be measured instead of it."""
    start = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                 .encode())
    await writer.drain()
    answer = await reader.read()
    writer.close()
    if not answer.startswith(b"HTTP/1.1 200"):
        raise RuntimeError(f"{path}: {answer[:80]!r}")
    return time.perf_counter() - start


async def _one_by_one(port: int, paths: list[str]) -> list[float]:
    return [await _get(port, p) for p in paths]


async def _at_once(port: int, paths: list[str]) -> list[float]:
    return list(await asyncio.gather(*(_get(port, p) for p in paths)))


def _figures(name: str, seconds: list[float]) -> float:
    ordered = sorted(seconds)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(f"{name:<12} n={len(ordered):4d}  median {statistics.median(ordered) * 1000:7.1f} ms  "
          f"p95 {p95 * 1000:7.1f} ms  worst {ordered[-1] * 1000:7.1f} ms")
    return p95


@contextmanager
def _server(db: str, workers: int) -> Iterator[int]:
    """A newly started `wirewatch serve` on the store, ready: its port."""
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "wirewatch.cli", "serve", "--db", db,
                               "--port", str(port), "--workers", str(workers)],
                              stderr=subprocess.DEVNULL)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for _ in range(200):
                try:
                    client.get("/api/counts").raise_for_status()
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="a store made by `wirewatch ingest`")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    args = parser.parse_args()
    with _server(args.db, args.workers) as port:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            paths = _mix(client, args.clients)
        alone = _figures("sequential", asyncio.run(_one_by_one(port, paths)))
    with _server(args.db, args.workers) as port:
        cold = _figures(f"{args.clients} at once", asyncio.run(_at_once(port, paths)))
        warm = _figures("again", asyncio.run(_at_once(port, paths)))
    print(f"p95 at once / p95 alone: {cold / alone:.1f} (again: {warm / alone:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
