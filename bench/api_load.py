"""The explorer under load: many requests at once against `wirewatch serve`.

Starts the real server on a store (a free local port), sends a mix of requests one after
another (the baseline), then the same mix all at once from ``--clients`` concurrent
clients, and prints the latency of each: median, 95th percentile and worst, and the ratio
of the concurrent 95th percentile to the sequential one (the figure that carries across
machines). The mix: event pages with and without filters, facets, single events, stories,
the explorer's front page, a CSV download.

    python bench/api_load.py --db wirewatch.db [--clients 200]
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import time
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
        kind = k % 8
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


async def _at_once(base: str, paths: list[str], clients: int) -> list[float]:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:
        async def one(path: str) -> float:
            start = time.perf_counter()
            response = await client.get(path)
            response.raise_for_status()
            return time.perf_counter() - start
        return list(await asyncio.gather(*(one(p) for p in paths)))


def _figures(name: str, seconds: list[float]) -> float:
    ordered = sorted(seconds)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(f"{name:<12} n={len(ordered):4d}  median {statistics.median(ordered) * 1000:7.1f} ms  "
          f"p95 {p95 * 1000:7.1f} ms  worst {ordered[-1] * 1000:7.1f} ms")
    return p95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="a store made by `wirewatch ingest`")
    parser.add_argument("--clients", type=int, default=200)
    args = parser.parse_args()
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "wirewatch.cli", "serve", "--db", args.db,
                               "--port", str(port)], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(200):
                try:
                    client.get("/api/counts").raise_for_status()
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            paths = _mix(client, args.clients)
            sequential = []
            for path in paths:
                start = time.perf_counter()
                client.get(path).raise_for_status()
                sequential.append(time.perf_counter() - start)
        alone = _figures("sequential", sequential)
        together = _figures(f"{args.clients} at once", asyncio.run(
            _at_once(base, paths, args.clients)))
        print(f"p95 at once / p95 alone: {together / alone:.1f}")
    finally:
        server.terminate()
        server.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
