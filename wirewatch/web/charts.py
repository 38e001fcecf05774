"""Chart geometry computed on the server, drawn as SVG by the templates (no script)."""

from __future__ import annotations

from datetime import date
from typing import Any

WIDTH, HEIGHT, MARGIN = 760, 220, 30
ROW = 28  # height of one outlet's row on a story timeline
TICK_GAP = 80  # the least room between two date labels


def bars(counts: list[dict[str, Any]]) -> dict[str, Any]:
    """Bars for counts per period, in the order given."""
    top = max((c["count"] for c in counts), default=0) or 1
    step = (WIDTH - 2 * MARGIN) / max(len(counts), 1)
    out = []
    for i, c in enumerate(counts):
        h = (HEIGHT - 2 * MARGIN) * c["count"] / top
        out.append({"x": round(MARGIN + i * step + 1, 1), "y": round(HEIGHT - MARGIN - h, 1),
                    "w": round(max(step - 2, 1), 1), "h": round(h, 1),
                    "label": c["value"], "count": c["count"]})
    labels = out if len(out) <= 12 else out[:: max(len(out) // 8, 1)]
    return {"width": WIDTH, "height": HEIGHT, "bars": out, "top": top,
            "labels": [{"x": b["x"], "text": b["label"]} for b in labels]}


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def publication_timeline(appearances: list[dict[str, Any]]) -> dict[str, Any]:
    """Which outlet published when: one row per publisher, one dot per appearance."""
    dated = [(d, a) for a in appearances if (d := _day(a["published"]))]
    publishers = sorted({a["publisher"] or a["doc_id"] for _, a in dated})
    rows = {p: MARGIN + i * ROW for i, p in enumerate(publishers)}
    first = min((d for d, _ in dated), default=None)
    last = max((d for d, _ in dated), default=None)
    span = max(((last - first).days if first and last else 0), 1)
    left, right = 190, WIDTH - MARGIN

    def x(d: date) -> float:
        assert first is not None
        return round(left + (right - left) * (d - first).days / span, 1)

    dots = [{"x": x(d), "y": rows[a["publisher"] or a["doc_id"]], "day": d.isoformat(),
             "title": a["title"] or a["doc_id"], "article_id": a["article_id"],
             "publisher": a["publisher"] or a["doc_id"]} for d, a in dated]
    ticks: list[tuple[float, str]] = []
    for at, day in sorted({(x(d), d.isoformat()) for d, _ in dated}):
        if not ticks or at - ticks[-1][0] >= TICK_GAP:  # labels that would overlap are left out
            ticks.append((at, day))
    return {"width": WIDTH, "height": MARGIN * 2 + ROW * len(publishers), "left": left,
            "right": right, "rows": [{"name": p, "y": y} for p, y in rows.items()],
            "dots": dots, "ticks": [{"x": t, "text": d} for t, d in ticks],
            "undated": [a for a in appearances if not _day(a["published"])]}
