"""The sub-commands: parse arguments into API calls, print results."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from wirewatch import api
from wirewatch.cli.output import print_table
from wirewatch.cli.progress import Progress
from wirewatch.errors import InputError, WirewatchError
from wirewatch.export import EXPORTERS, write_csv
from wirewatch.sources import Defaults
from wirewatch.sources.fetch import Transport, UrllibTransport
from wirewatch.store import EventFilter, SqliteStore

EXIT_SKIPPED = 3
ARTICLE_COLUMNS = ("doc_id", "title", "category", "published", "events", "quotes", "places")
EVENT_COLUMNS = ("event_id", "event_type", "date", "actors", "recipients", "n_sources",
                 "n_independent",
                 "evidence")


def _defaults(args: argparse.Namespace) -> Defaults:
    if args.published and not _is_date(args.published):
        raise WirewatchError(f"--published takes a date as YYYY-MM-DD, not {args.published!r}")
    return Defaults(published=args.published, publisher=args.publisher, url=args.url)


def _transport(args: argparse.Namespace) -> Transport:
    return UrllibTransport(allow_private=args.allow_private_addresses)


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _skip(error: InputError) -> None:
    print(str(error), file=sys.stderr, flush=True)


def extract(args: argparse.Namespace) -> int:
    results = api.extract(
        args.inputs, input_format=args.input_format, defaults=_defaults(args),
        articles_only=args.articles_only, model=args.model, transport=_transport(args),
    )
    skipped = 0
    collected: list[dict[str, Any]] = []
    for result in results:
        if isinstance(result, InputError):
            skipped += 1
            _skip(result)
            continue
        record = result.to_dict()
        if args.format == "jsonl":
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            collected.append(record)
    if args.format == "json":
        json.dump(collected, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "table":
        print_table([_article_row(r) for r in collected], ARTICLE_COLUMNS)
    return EXIT_SKIPPED if skipped else 0


def _article_row(r: dict[str, Any]) -> dict[str, Any]:
    return {"doc_id": r["doc_id"], "title": r["title"], "category": r["category"],
            "published": r["published"], "events": len(r["events"]),
            "quotes": len(r["quotes"]), "places": len(r["places"])}


def ingest(args: argparse.Namespace) -> int:
    if not args.inputs and not args.retry_failed:
        raise WirewatchError("ingest needs an INPUT (or --retry-failed)")
    store = SqliteStore(args.db, busy_timeout=args.busy_timeout)
    progress = Progress(quiet=args.quiet)
    try:
        report = api.ingest(
            args.inputs, store, input_format=args.input_format, defaults=_defaults(args),
            model=args.model, articles_only=args.articles_only,
            retry_failed=args.retry_failed, on_error=progress.error,
            on_document=progress.document, transport=_transport(args),
        )
    finally:
        progress.close()
    counts = store.counts()
    store.close()
    if not args.quiet:
        print(
            f"ingested {report.documents} documents ({report.new_articles} new articles, "
            f"{report.unchanged} unchanged, {len(report.errors)} skipped); the store holds "
            f"{counts['articles']} articles, {counts['events']} events, "
            f"{counts['stories']} stories",
            file=sys.stderr,
        )
    return EXIT_SKIPPED if report.errors else 0


def _event_row(e: dict[str, Any]) -> dict[str, Any]:
    def parties(group: list[dict[str, Any]]) -> str:
        return "; ".join(f"{a.get('name') or a['text']} ({a.get('country') or '?'})"
                         for a in group)

    return {"event_id": e["event_id"], "event_type": e["event_type"], "mode": e["mode"],
            "date": e["date"], "actors": parties(e["actors"]),
            "recipients": parties(e["recipients"]), "n_sources": e["n_sources"],
            "n_independent": e["n_independent"],
            "first_reported": e["first_reported"], "last_reported": e["last_reported"],
            "sources": "; ".join(s.get("name") or s["text"] for s in e["attribution"]),
            "evidence": e["evidence"]["text"]}


def events(args: argparse.Namespace) -> int:
    store = SqliteStore(args.db, readonly=True)
    f = EventFilter(type=args.type, actor=args.actor, country=args.country, since=args.since,
                    until=args.until, source=args.source, text=args.text, story=args.story,
                    min_independent=args.min_independent, limit=args.limit)
    found = store.events(f)
    if args.format == "jsonl":
        for e in found:
            sys.stdout.write(json.dumps(e, ensure_ascii=False) + "\n")
    elif args.format == "csv":
        write_csv(sys.stdout, (_event_row(e) for e in found))
    else:
        print_table([_event_row(e) for e in found], EVENT_COLUMNS)
    return 0


def stories(args: argparse.Namespace) -> int:
    store = SqliteStore(args.db, readonly=True)
    found = list(store.stories())
    if args.format == "jsonl":
        for s in found:
            sys.stdout.write(json.dumps(s, ensure_ascii=False) + "\n")
    else:
        print_table([{**s, "articles": len(s["article_ids"]),
                      "publishers": ", ".join(s["publishers"])} for s in found],
                    ("story_id", "title", "articles", "publishers", "first_published"))
    return 0


def export(args: argparse.Namespace) -> int:
    store = SqliteStore(args.db, readonly=True)
    count = EXPORTERS[args.format](store, args.output)
    print(f"exported {count} records to {args.output}", file=sys.stderr)
    return 0



def status(args: argparse.Namespace) -> int:
    store = SqliteStore(args.db, readonly=True)
    counts, failures = store.counts(), store.failures()
    store.close()
    if args.format == "jsonl":
        print(json.dumps({"store": args.db, **counts}, ensure_ascii=False))
        for f in failures:
            print(json.dumps(f, ensure_ascii=False))
        return 0
    print(f"{args.db}: {counts['documents']} documents, {counts['articles']} articles, "
          f"{counts['events']} events, {counts['stories']} stories; "
          f"{len(failures)} failed documents")
    if failures:
        print_table(failures, ("failed_at", "version", "doc_id", "reason"))
        print("(`wirewatch ingest --retry-failed` processes them again)")
    return 0


def check(args: argparse.Namespace) -> int:
    from wirewatch.store.check import check as run_checks

    findings = run_checks(SqliteStore(args.db, readonly=True))
    for f in findings:
        verdict = "ok" if not f.broken else f"BROKEN by {f.broken}, e.g. {f.example}"
        print(f"{f.check}: {verdict}")
    return 1 if any(f.broken for f in findings) else 0


def serve(args: argparse.Namespace) -> int:
    from wirewatch.web import serve as run_server  # the web stack loads only for `serve`

    run_server(args.db, host=args.host, port=args.port, tile_url=args.tile_url,
               workers=args.workers)
    return 0
