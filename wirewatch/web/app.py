"""The explorer application: a read-only store behind a JSON API and web pages."""

from __future__ import annotations

import ipaddress
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wirewatch import __version__
from wirewatch.errors import WirewatchError
from wirewatch.store import SqliteStore
from wirewatch.web import api, pages
from wirewatch.web.cache import ResponseCache

THREADS_PER_CPU = 2  # requests worked on at once (see ``worker_threads``)
DESCRIPTION = """Read-only access to a wirewatch store: merged events with every mention and
the chain of who said so, stories, articles, actors, places and counts. Lists are paged
with cursors (`next` in a page is the `after` of the following one)."""


def content_policy(tile_url: str | None) -> str:
    """The content security policy: everything from this server, map tiles from the
    configured tile server if there is one, nothing inline."""
    images = "'self' data:"
    if tile_url:
        parts = urlsplit(tile_url)  # {s}: the tile server's sub-domains
        images += f" {parts.scheme}://{parts.netloc.replace('{s}', '*')}"
    return ("default-src 'self'; script-src 'self'; style-src 'self'; "
            f"img-src {images}; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            "frame-ancestors 'none'; form-action 'self'")


class Headers:
    """ASGI middleware: these headers on every response (set over any the app set). Plain
    ASGI: it passes the body on as it comes, and costs nothing per request beyond that."""

    def __init__(self, app: ASGIApp, headers: dict[str, str]) -> None:
        self.app = app
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def worker_threads() -> int:
    """How many requests a server process works on at once (``THREADS_PER_CPU`` a
    processor): its work holds the interpreter lock but for its SQLite calls, so more
    threads only take turns, slower for each switch between them."""
    return THREADS_PER_CPU * (os.cpu_count() or 1)


def create_app(db: str | Path, tile_url: str | None = None, threads: int | None = None
               ) -> FastAPI:
    """The explorer over the store at ``db`` (opened read-only for every request), working
    on ``threads`` requests at once (default: ``worker_threads()``)."""
    SqliteStore(db, readonly=True).close()  # a missing or foreign file fails here, clearly
    limit = threads or worker_threads()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = limit
        yield

    # the interactive /docs pages load their scripts from a CDN: the API is described at
    # /openapi.json and listed on the /api page instead
    app = FastAPI(title="wirewatch explorer", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.db = str(db)
    app.state.tile_url = tile_url
    policy = content_policy(tile_url)

    app.add_middleware(Headers, headers={
        "Content-Security-Policy": policy, "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"})

    @app.exception_handler(WirewatchError)
    async def bad_request(request: Request, exc: WirewatchError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    app.mount("/static", StaticFiles(packages=[("wirewatch.web", "static")]), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    pages.compile_templates()
    app.add_middleware(ResponseCache, db=str(db))  # outermost: keeps the headers above too
    return app


DB_VAR, TILES_VAR = "WIREWATCH_SERVE_DB", "WIREWATCH_SERVE_TILES"


def from_environment() -> FastAPI:
    """The explorer each worker process of ``serve`` makes: the store and tile server it
    was given, passed on in the environment."""
    return create_app(os.environ[DB_VAR], os.environ.get(TILES_VAR) or None)


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000,
          tile_url: str | None = None, workers: int = 1) -> None:
    """Run the explorer until interrupted, in ``workers`` processes."""
    import uvicorn

    if workers < 1:
        raise WirewatchError(f"--workers must be at least 1, not {workers}")
    app = create_app(db, tile_url)
    if not _is_loopback(host):
        print(f"wirewatch: serving on {host}: anyone who can reach this address can read the "
              "store", file=sys.stderr)
    print(f"wirewatch explorer on http://{host}:{port}/ (API: /api)", file=sys.stderr)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    os.environ[DB_VAR] = str(Path(db).resolve())
    os.environ[TILES_VAR] = tile_url or ""
    uvicorn.run(f"{__name__}:from_environment", factory=True, workers=workers, host=host,
                port=port, log_level="warning")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
