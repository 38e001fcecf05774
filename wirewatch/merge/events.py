"""Which event mentions are one event, and what the merged record says.

Mentions are one event when they have the same type, the same parties (by country, else
sector, else name) and dates no further apart than ``DATE_SLACK`` (or unknown). Mentions
without parties are merged only inside one story. The merged record keeps every mention's
own values: where mentions disagree (the date, the country of the place) it lists each
value with the mentions that gave it; an undated mention's "March 26" takes its year from
the dated reports of the same event, and says so.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from wirewatch.articles.ids import stable_id
from wirewatch.dates import day_of, days_of
from wirewatch.gazetteer import NON_STATE
from wirewatch.records import Actor, EventMention

DATE_SLACK = 3  # days: reports of one event may date it a day or two apart
UNDATED_WINDOW = 30  # days before its publication that an undated report may speak of
# days between the publications of an undated report and another of the same event: more
# apart, only dates the texts give can tell that they speak of one happening
UNDATED_SPAN = 45
ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)  # a name's leading article


def _party(actor: Actor) -> str:
    """A party as mentions of one event must agree on it: its country and sector ("PER/LAB":
    Peru's fishing unions are not Peru's government), else its name. A state named alone
    is its government: "the United States imposed" and "the US government imposed" agree."""
    if actor.country or actor.sector:
        sector = actor.sector or ("GOV" if actor.country not in NON_STATE else "")
        return f"{actor.country or ''}/{sector}"
    return (actor.name or actor.text).lower()


def block(m: EventMention) -> str | None:
    """The key under which mentions that may be one event meet; None without parties."""
    if not m.actors and not m.recipients:
        return None
    actors = ",".join(sorted({_party(a) for a in m.actors}))
    recipients = ",".join(sorted({_party(a) for a in m.recipients}))
    return stable_id("block", m.event_type, actors, recipients)


def new_event_id(m: EventMention) -> str:
    return stable_id("event", m.id)


def told(date: str | None, by_telling: bool) -> str | None:
    """A mention's date as merging reads it: a telling's day ("…, the paper reported on
    Tuesday") is a bound, written "<2022-04-12": it happened on or before that day."""
    return f"<{date}" if date and by_telling else date


def dates_agree(a: str | None, b: str | None, published_a: str | None = None,
                published_b: str | None = None) -> bool:
    """Could two date values be the same day, give or take ``DATE_SLACK``? A day without a
    year is read in the other value's year. A mention without a date happened at most
    ``UNDATED_WINDOW`` days before its publication (when that is known); one with neither
    agrees with anything."""
    if not a or not b or a.startswith("<") or b.startswith("<"):
        return _undated_agree(a, b, published_a, published_b)
    if a.startswith("X") and not b.startswith("X"):
        a, b = b, a
    if b.startswith("X") and len(b) == 10:
        if a.startswith("X"):
            return a[4:] == b[4:]
        b = a[:4] + b[4:]
    da, db = day_of(a), day_of(b)
    if da and db:
        return abs((da - db).days) <= DATE_SLACK
    return a.startswith(b) or b.startswith(a)  # 2024-03 and 2024-03-26


def _undated_agree(a: str | None, b: str | None, published_a: str | None,
                   published_b: str | None) -> bool:
    """Does an undated mention agree with another? Each is read as a span of days: its day
    when it has one, else the window before its publication; and the two were published
    within ``UNDATED_SPAN`` days of each other (a report a year later that dates the
    happening is no evidence that an undated one spoke of it)."""
    pa, pb = day_of((published_a or "")[:10]), day_of((published_b or "")[:10])
    if pa is not None and pb is not None and abs((pa - pb).days) > UNDATED_SPAN:
        return False
    span_a, span_b = _span(a, pa), _span(b, pb)
    if span_a is None or span_b is None:
        return True
    slack = timedelta(DATE_SLACK)
    return span_a[0] <= span_b[1] + slack and span_b[0] <= span_a[1] + slack


def _span(value: str | None, published: date | None) -> tuple[date, date] | None:
    """The days a date value may mean (``dates.days_of``); for no value, the window before
    the publication day. None when unplaced (a day without its year, or nothing known)."""
    if value and value.startswith("<"):  # on or before a telling's day
        days = days_of(value[1:])
        return (days[0] - timedelta(UNDATED_WINDOW), days[1]) if days else None
    if value:
        return days_of(value)
    return (published - timedelta(UNDATED_WINDOW), published) if published is not None else None


@dataclass(frozen=True, slots=True)
class Stored:
    """A stored mention that may report the same event as a new one."""

    event_id: str
    date: str | None
    country: str | None  # of its location
    story_id: str | None
    published: str | None = None  # of its article


def fitting_event(date: str | None, country: str | None, has_parties: bool,
                  story_id: str, stored: Sequence[Stored],
                  published: str | None = None) -> str | None:
    """The event, among those of the stored mentions, that a new mention reports: every
    mention of it agrees on the date (and, for mentions without parties, on the country);
    one in the same story first, then the most reported. None when none fits."""
    by_event: dict[str, list[Stored]] = defaultdict(list)
    for s in stored:
        by_event[s.event_id].append(s)
    fitting = [
        (any(s.story_id == story_id for s in group), len(group), event_id)
        for event_id, group in by_event.items()
        if all(dates_agree(date, s.date, published, s.published) for s in group)
        and (has_parties or all(not country or not s.country or s.country == country
                                for s in group))
    ]
    return max(fitting)[2] if fitting else None


@dataclass(frozen=True, slots=True)
class Report:
    """One mention as it appeared in one document."""

    mention: dict[str, Any]
    article_id: str
    doc_id: str
    url: str | None
    publisher: str | None
    published: str | None


def _source_key(text: str) -> str:
    return " ".join(ARTICLE.sub("", text.strip()).lower().split())


def origin(report: Report) -> dict[str, Any]:
    """Where a report's account comes from: the outermost named teller of its chain (an
    outlet it cites, a named person or body, a document); an anonymous teller is the
    outlet that cites them. A page telling an event in its own voice is its own origin."""
    chain = report.mention.get("attribution") or []
    for link in reversed(chain):
        if link.get("anonymous"):
            continue
        if link.get("name") or link.get("kind") in ("outlet", "document", "social-media"):
            name = link.get("name") or link["text"]
            return {"name": name, "kind": link.get("kind")}
    name = report.publisher or report.doc_id
    return {"name": name, "kind": "outlet"}


def tellers(mention: dict[str, Any]) -> list[dict[str, Any]]:
    """Who told a merged event's mention, outermost last: its publisher, then each link of
    its attribution chain (a chain that starts with the publisher does not repeat it)."""
    publisher = mention.get("publisher") or mention["doc_id"]
    out = [{"text": publisher, "name": publisher, "kind": "outlet", "anonymous": False}]
    for link in mention.get("attribution") or []:
        if (link.get("name") or link["text"]) != (out[-1]["name"] or out[-1]["text"]):
            out.append(link)
    return out


def merged_record(event_id: str, reports: Sequence[Report]) -> dict[str, Any]:
    """The merged event record of one event's reports (ordered by publication)."""
    mentions = [r.mention for r in reports]
    best = max(mentions, key=lambda m: (m["confidence"], -len(m["evidence"]["text"])))
    merged = {k: v for k, v in best.items() if k != "id"}
    merged["instruments"] = _union(m["instruments"] for m in mentions)
    surest = sorted(mentions, key=lambda m: (m is not best, -m["confidence"]))
    for role in ("actors", "recipients"):
        merged[role] = _parties(surest, role)
    dates = _resolved_dates(reports)
    merged["date"], merged["date_basis"] = dates[best["id"]]
    published = sorted(r.published for r in reports if r.published)
    origins = _origins(reports)
    merged.update(
        event_id=event_id,
        mentions=[
            {"mention_id": r.mention["id"], "article_id": r.article_id, "doc_id": r.doc_id,
             "url": r.url, "publisher": r.publisher, "published": r.published,
             "date": dates[r.mention["id"]][0], "date_basis": dates[r.mention["id"]][1],
             "evidence": r.mention["evidence"], "attribution": r.mention["attribution"],
             "actors": r.mention["actors"], "recipients": r.mention["recipients"]}
            for r in reports
        ],
        n_sources=len({r.publisher or r.doc_id for r in reports}),
        n_independent=independent(origins),
        origins=origins,
        disagreements=_disagreements(reports),
        first_reported=published[0] if published else None,
        last_reported=published[-1] if published else None,
    )
    return merged


def independent(origins: list[dict[str, Any]]) -> int:
    """How many origins stand behind an event independently: the most origins that can
    each be paired with a publisher of their own (a matching between origins and the
    publishers reporting them). One page citing two officials gives one line of reporting,
    not two; so there are never more independent origins than publishers."""
    taken: dict[str, int] = {}  # publisher → the origin it is paired with

    def pair(k: int, seen: set[str]) -> bool:
        for teller in origins[k]["reported_by"]:
            if teller in seen:
                continue
            seen.add(teller)
            if teller not in taken or pair(taken[teller], seen):
                taken[teller] = k
                return True
        return False

    return sum(pair(k, set()) for k in range(len(origins)))


def _origins(reports: Sequence[Report]) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for r in reports:
        o = origin(r)
        entry = found.setdefault(_source_key(o["name"]), {**o, "reported_by": []})
        teller = r.publisher or r.doc_id
        if teller not in entry["reported_by"]:
            entry["reported_by"].append(teller)
    return list(found.values())


def _resolved_dates(reports: Sequence[Report]) -> dict[str, tuple[str | None, Any]]:
    """Each mention's date and how it was reached: as read, or inferred (the year of an
    XXXX-MM-DD taken from the dated reports of the same event that give the same day)."""
    dated = Counter(r.mention["date"] for r in reports if day_of(r.mention.get("date")))
    out: dict[str, tuple[str | None, Any]] = {}
    for r in reports:
        value = r.mention.get("date")
        same_day = [v for v in dated if value and value.startswith("X") and v[4:] == value[4:]]
        if not same_day:
            out[r.mention["id"]] = (value, None)
            continue
        year_value = max(same_day, key=lambda v: (dated[v], v))
        sources = sorted({x.mention["id"] for x in reports if x.mention.get("date") == year_value})
        out[r.mention["id"]] = (year_value, {"inferred": True, "from_mentions": sources})
    return out


def _disagreements(reports: Sequence[Report]) -> dict[str, list[dict[str, Any]]]:
    """Fields on which the reports give different values, each value with its mentions."""
    out: dict[str, list[dict[str, Any]]] = {}
    by_field: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in reports:
        m = r.mention
        if day_of(m.get("date")):
            by_field["date"][m["date"]].add(m["id"])
        loc = m.get("location") or {}
        if loc.get("country"):  # a city and its country are no disagreement
            by_field["country"][loc["country"]].add(m["id"])
        for role in ("actors", "recipients"):  # how many: "40 protesters" against "35"
            counts = [a["count"] for a in m[role] if a.get("count") is not None]
            if counts:
                by_field[f"{role[:-1]}_count"][str(sum(counts))].add(m["id"])
    for name, values in by_field.items():
        if len(values) > 1:
            out[name] = [{"value": v, "mentions": sorted(ids)} for v, ids in sorted(values.items())]
    return out


def _parties(mentions: list[dict[str, Any]], role: str) -> list[dict[str, Any]]:
    """A role's parties: the best report's, unless it gives none a country and another
    report does (the surest such); each mention's own are in its entry."""
    return next((m[role] for m in mentions if any(party["country"] for party in m[role])),
                mentions[0][role])


def _union(groups: Any) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for group in groups:
        for item in group:
            seen.setdefault(item["name"].lower(), item)
    return list(seen.values())
