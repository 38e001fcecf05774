"""The web pages: server-rendered (Jinja, every value escaped), light JavaScript."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from wirewatch.merge.events import tellers
from wirewatch.store.explore import Facet, paged
from wirewatch.web import charts
from wirewatch.web.deps import PAGE, Filter, Size, Store, or_404

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.globals["tellers"] = tellers
FILTERS = ("text", "type", "country", "actor", "source", "since", "until", "story",
           "min_independent")
SIDE_FACETS: tuple[Facet, ...] = ("type", "country", "actor", "source")


def compile_templates() -> None:
    """Compile every page's template now (once a process), not while the first requests
    for a page are answered (several arriving at once may each compile the same one)."""
    for name in templates.env.list_templates():
        templates.env.get_template(name)


def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def _query(request: Request, **changes: str | None) -> str:
    """The current filters with some changed (None drops one); never the cursor."""
    params = {k: v for k, v in request.query_params.items() if k in FILTERS and v}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return urlencode(params)


@router.get("/", response_class=HTMLResponse)
def search(request: Request, store: Store, f: Filter, limit: Size = PAGE) -> HTMLResponse:
    events, next_cursor = store.page(f, limit)
    facets = {by: store.facet(f, by, 10) for by in SIDE_FACETS}
    return _page(request, "search.html", events=events, total=store.count(f),
                 next=next_cursor, facets=facets, query=_query(request),
                 refine=lambda key, value: _query(request, **{key: value}),
                 params=request.query_params, counts=store.store.counts())


def _segments(body: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """The body cut into plain and marked pieces; each mark carries its label."""
    out: list[tuple[str, str | None]] = []
    at = 0
    for start, end, label in sorted(spans):
        if start < at or not 0 <= start < end <= len(body):
            continue  # overlapping or outside the text: left unmarked
        out += [(body[at:start], None), (body[start:end], label)]
        at = end
    out.append((body[at:], None))
    return [(text, label) for text, label in out if text]


def _article_text(found: dict[str, Any] | None,
                  spans: list[tuple[int, int, str]]) -> dict[str, Any] | None:
    """An article (as ``Explorer.article`` gives it) with its body cut at the spans."""
    if found is None:
        return None
    article = found["article"]
    return {"article": article, "segments": _segments(article["body"], spans)}


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, store: Store, event_id: str) -> HTMLResponse:
    event = or_404(store.store.event(event_id))
    texts: dict[str, dict[str, Any] | None] = {}
    for m in event["mentions"]:
        if m["article_id"] not in texts:
            ev = m["evidence"]
            texts[m["article_id"]] = _article_text(
                store.article(m["article_id"]), [(ev["start"], ev["end"], "evidence")])
    return _page(request, "event.html", event=event, texts=texts)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, store: Store,
                 after: Annotated[str | None, Query(max_length=40)] = None,
                 limit: Size = PAGE) -> HTMLResponse:
    page, after = paged(list(store.store.stories(after, limit + 1)), limit,
                        lambda s: str(s["story_id"]))
    return _page(request, "stories.html", stories=page, next=after)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, store: Store, story_id: str) -> HTMLResponse:
    story = or_404(store.story(story_id))
    return _page(request, "story.html", story=story,
                 timeline=charts.publication_timeline(story["appearances"]))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, store: Store, article_id: str) -> HTMLResponse:
    found = or_404(store.article(article_id))
    events = [e for e in (store.store.event(i) for i in found["event_ids"]) if e]
    spans = [(m["evidence"]["start"], m["evidence"]["end"], e["event_type"])
             for e in events for m in e["mentions"] if m["article_id"] == article_id]
    text = _article_text(found, spans)
    return _page(request, "article.html", found=found, text=text, events=events)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, f: Filter) -> HTMLResponse:
    return _page(request, "map.html", query=_query(request),
                 tile_url=request.app.state.tile_url or "")


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, f: Filter) -> HTMLResponse:
    return _page(request, "network.html", query=_query(request))


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, store: Store, f: Filter,
                  by: Literal["day", "week", "month"] = "day") -> HTMLResponse:
    counts = store.facet(f, by, 1000)
    return _page(request, "timeline.html", by=by, chart=charts.bars(counts),
                 query=_query(request), total=sum(c["count"] for c in counts))



@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    paths = request.app.openapi()["paths"]
    endpoints = [{"path": path, "summary": op.get("summary", ""),
                  "parameters": [p["name"] for p in op.get("parameters", [])]}
                 for path, item in paths.items() for op in item.values()]
    return _page(request, "api.html", endpoints=endpoints)
