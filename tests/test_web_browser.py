"""The explorer in a real browser: Debian's Chromium, headless, driven by Playwright, against
the server on a local port. Screenshots go to artifacts/screenshots (or
$WIREWATCH_ARTIFACTS/screenshots)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import uvicorn
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

from wirewatch.web import create_app

ROOT = Path(__file__).resolve().parent.parent
SHOTS = Path(os.environ.get("WIREWATCH_ARTIFACTS", ROOT / "artifacts")) / "screenshots"
# (the pages' content policy forbids eval: tests wait on selectors, not on script strings)
# no background traffic: this machine's network is closed, and the explorer needs none
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium() -> str:
    found = os.environ.get("WIREWATCH_CHROMIUM") or shutil.which("chromium")
    if not found:
        message = ("no Chromium found (install Debian's chromium, or set WIREWATCH_CHROMIUM); "
                   "./run.sh test installs it when it can")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline, "the explorer did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium()
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda m: _note(errors, m))
    opened.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    opened.errors = errors  # type: ignore[attr-defined]
    yield opened
    context.close()


def _note(errors: list[str], message: ConsoleMessage) -> None:
    if message.type in ("error", "warning"):
        errors.append(f"{message.type}: {message.text}")


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def links(page: Page, server: str) -> dict[str, str]:
    """One event, story and article of the store, found through the API."""
    event = page.request.get(f"{server}/api/events?text=Nairobi&limit=1").json()["items"][0]
    return {"event": f"/events/{event['event_id']}", "story": f"/stories/{event['story_id']}",
            "article": f"/articles/{event['mentions'][0]['article_id']}"}


def test_every_page_loads_without_console_errors(page: Page, server: str) -> None:
    found = links(page, server)
    for name, path in [("search", "/"), ("stories", "/stories"), ("story", found["story"]),
                       ("event", found["event"]), ("article", found["article"]),
                       ("map", "/map"), ("network", "/network"), ("timeline", "/timeline"),
                       ("api", "/api")]:
        response = page.goto(server + path)
        assert response is not None and response.ok, path
        page.wait_for_load_state("networkidle")
        shot(page, name)
        assert page.errors == [], (path, page.errors)  # type: ignore[attr-defined]


def test_a_search_narrows_the_results(page: Page, server: str) -> None:
    page.goto(server + "/")
    everything = int(page.inner_text("#total"))
    page.fill("#q", "tear gas")
    expect(page.locator("#total")).not_to_have_text(str(everything))
    narrowed = int(page.inner_text("#total"))
    assert 0 < narrowed < everything
    # the search is in the address, to share or go back to
    assert parse_qs(urlsplit(page.url).query)["text"] == ["tear gas"]
    assert narrowed == page.request.get(f"{server}/api/events?text=tear+gas").json()["total"]
    assert page.locator(".event").count() == narrowed
    page.click(".facets a >> nth=0")
    page.wait_for_load_state("networkidle")
    assert int(page.inner_text("#total")) <= narrowed
    shot(page, "search-narrowed")
    assert page.errors == []  # type: ignore[attr-defined]


def test_clicking_an_event_opens_its_evidence(page: Page, server: str) -> None:
    page.goto(server + "/?text=Nairobi")
    evidence = page.locator(".event .evidence").first.inner_text()
    page.locator(".event-link").first.click()
    page.wait_for_url("**/events/*")
    assert page.inner_text(".lead") == evidence
    mark = page.locator("mark.evidence").first  # inside the first outlet's article text
    assert mark.is_visible() and mark.inner_text()
    assert page.locator(".chain .link").count() >= 1
    assert page.locator(".factuality").inner_text()
    page.wait_for_selector("#map[data-rendered='1']")
    shot(page, "event-evidence")
    assert page.errors == []  # type: ignore[attr-defined]


def test_the_map_draws_countries_and_events_offline(page: Page, server: str) -> None:
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
    page.goto(server + "/map")
    page.wait_for_selector("#map[data-rendered]")
    assert int(page.get_attribute("#map", "data-rendered") or 0) > 0
    shapes = page.locator(".leaflet-overlay-pane path").count()
    assert shapes > 150  # some 170 country shapes and a circle per place
    shot(page, "map")
    assert outside == [] and page.errors == []  # type: ignore[attr-defined]


def test_the_actor_network_renders(page: Page, server: str) -> None:
    page.goto(server + "/network")
    page.wait_for_selector("#network[data-rendered]")
    assert int(page.get_attribute("#network", "data-rendered") or 0) > 1
    assert page.locator("#network canvas").count() >= 1
    shot(page, "network")
    assert page.errors == []  # type: ignore[attr-defined]


def test_markup_in_an_article_never_runs(page: Page, server: str) -> None:
    event = page.request.get(f"{server}/api/events?text=Lima&limit=1").json()["items"][0]
    for path in (f"/events/{event['event_id']}",
                 f"/articles/{event['mentions'][0]['article_id']}", "/?text=Lima"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.pwned") is None, path
        if "/?" not in path:  # the article's text is on the page, markup shown as text
            assert "<script>window.pwned = 3</script>" in page.inner_text("body"), path
