"""The `wirewatch` command. Each sub-command mirrors a function of the Python API."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from wirewatch import limits
from wirewatch.errors import WirewatchError, one_line

DEBUG_VAR = "WIREWATCH_DEBUG"

# the input kinds --input-format takes (``sources.detect.KINDS``, checked by a test): the
# parser is built without importing the readers, so ``--help`` stays instant
INPUT_KINDS = ("text", "html", "feed", "warc", "jsonl", "csv")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wirewatch",
        description="Turn raw news pages into sourced event data.",
    )
    parser.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm 3.8.0; "
                        "or set WIREWATCH_MODEL)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def inputs(p: argparse.ArgumentParser, nargs: str = "+") -> None:
        p.add_argument("inputs", nargs=nargs, metavar="INPUT",
                       help="files, folders, globs, URLs, or - for standard input")
        p.add_argument("--input-format", choices=INPUT_KINDS, help="override input detection")
        p.add_argument("--published", help="publication date (YYYY-MM-DD) for documents "
                       "that do not state one")
        p.add_argument("--publisher", help="publisher for documents that do not name one")
        p.add_argument("--url", help="URL for documents that do not carry one")
        p.add_argument("--allow-private-addresses", action="store_true",
                       help="fetch URLs of loopback, private and link-local addresses too "
                       "(refused by default)")

    p = sub.add_parser("extract", help="print article records with events, quotes and places")
    inputs(p)
    p.add_argument("--format", choices=("jsonl", "json", "table"), default="jsonl")
    p.add_argument("--articles-only", action="store_true",
                   help="stop after cleaning and segmentation (no language model)")

    p = sub.add_parser("ingest", help="process inputs into the store")
    inputs(p, nargs="*")
    p.add_argument("--db", default="wirewatch.db", help="store path (default ./wirewatch.db)")
    p.add_argument("--retry-failed", action="store_true",
                   help="also read again the inputs of the documents a defect cut short "
                   "(listed by `wirewatch status`)")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    p.add_argument("--articles-only", action="store_true",
                   help="store articles, copies and stories without extracting events")
    p.add_argument("--busy-timeout", type=float, metavar="SECONDS",
                   help="how long to wait for another process writing to the store "
                   f"(default {limits.BUSY_TIMEOUT_S:g})")

    p = sub.add_parser("events", help="query merged events")
    p.add_argument("--db", default="wirewatch.db")
    p.add_argument("--type", help="PLOVER event type, e.g. AID")
    p.add_argument("--actor", help="actor or recipient name, text or country code")
    p.add_argument("--country", help="ISO 3166-1 alpha-3 code of a party or the location")
    p.add_argument("--since", help="events on or after this date (YYYY-MM-DD)")
    p.add_argument("--until", help="events on or before this date (YYYY-MM-DD)")
    p.add_argument("--source", help="publisher or cited source")
    p.add_argument("--text", help="full-text search in evidence and names")
    p.add_argument("--story", help="events of this story id")
    p.add_argument("--min-independent", type=int, metavar="N",
                   help="events told by at least N independent origins")
    p.add_argument("--limit", type=int, help="at most this many events")
    p.add_argument("--format", choices=("jsonl", "csv", "table"), default="jsonl")

    p = sub.add_parser("stories", help="articles grouped by the happening they report")
    p.add_argument("--db", default="wirewatch.db")
    p.add_argument("--format", choices=("jsonl", "table"), default="jsonl")

    p = sub.add_parser("export", help="export the whole store")
    p.add_argument("--db", default="wirewatch.db")
    p.add_argument("--format", required=True,
                   choices=("jsonl", "csv", "parquet", "geojson", "gexf"))
    p.add_argument("-o", "--output", required=True, help="output file")

    p = sub.add_parser("status", help="what the store holds, and the documents that failed")
    p.add_argument("--db", default="wirewatch.db")
    p.add_argument("--format", choices=("table", "jsonl"), default="table")

    p = sub.add_parser("check", help="check that the store holds what it must (counts add "
                       "up, offsets select their text); exit 1 if not")
    p.add_argument("--db", default="wirewatch.db")

    p = sub.add_parser("serve", help="explore the store in a browser (read-only HTTP server)")
    p.add_argument("--db", default="wirewatch.db")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1,
                   help="server processes answering at once (default 1; one per core "
                   "answers many readers sooner)")
    p.add_argument("--tile-url", help="map tile URL template, e.g. "
                   "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png (default: none, the "
                   "bundled country shapes only)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:  # a command's modules (spaCy, the store, the server) load only when it runs
        commands = importlib.import_module("wirewatch.cli.commands")
        return int(getattr(commands, args.command)(args))
    except WirewatchError as exc:
        print(f"wirewatch: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("wirewatch: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a defect: one line, the traceback only on request
        if os.environ.get(DEBUG_VAR):
            raise
        print(f"wirewatch: internal error ({type(exc).__name__}: {one_line(str(exc))}); "
              f"set {DEBUG_VAR}=1 for the traceback and please report it", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
