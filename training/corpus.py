"""The real news texts the training annotations point into.

Annotations keep no copy of the text: each names a source, a document and character
offsets. The texts are read from the shared material (``../shared/data`` or
``$WIREWATCH_SHARED``); a missing source raises ``FileNotFoundError`` naming the path.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from functools import cache
from xml.etree import ElementTree

from wirewatch.shared_data import shared_path

SOURCES = ("guardian", "ecbplus", "scrapinghub", "geovirus", "ngec")


def _guardian() -> Iterator[tuple[str, str, str | None]]:
    csv.field_size_limit(1 << 30)
    path = shared_path("data", "news-sample", "guardian_sample.csv")
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            yield f"guardian-{row['']}", row["text"], row["date"] or None


def _ecbplus() -> Iterator[tuple[str, str, str | None]]:
    path = shared_path("data", "same-event", "ecbplus_dev.jsonl")
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            yield record["id"], record["text"], None


def _scrapinghub() -> Iterator[tuple[str, str, str | None]]:
    path = shared_path("data", "article-extraction", "ground-truth.json")
    for key, record in json.loads(path.read_text(encoding="utf-8")).items():
        yield key, record["articleBody"], None


def _geovirus() -> Iterator[tuple[str, str, str | None]]:
    """WikiNews articles on outbreaks (GeoVirus): another outlet and other topics."""
    path = shared_path("data", "geo", "GeoVirus.xml")
    root = ElementTree.parse(path).getroot()
    for n, article in enumerate(root.iter("article")):
        yield f"geovirus-{n}", article.findtext("text") or "", None


def _ngec() -> Iterator[tuple[str, str, str | None]]:
    """NGEC's synthetic stories: variety for the rarer types, never the bulk."""
    path = shared_path("data", "ngec", "synthetic_events.csv")
    with path.open(newline="", encoding="utf-8") as handle:
        for n, row in enumerate(csv.DictReader(handle)):
            yield f"ngec-{n}", row["text"], None


@cache
def documents(source: str) -> dict[str, tuple[str, str | None]]:
    """``doc id -> (text, publication date or None)`` for one source."""
    readers = {"guardian": _guardian, "ecbplus": _ecbplus, "scrapinghub": _scrapinghub,
               "geovirus": _geovirus, "ngec": _ngec}
    if source not in readers:
        raise ValueError(f"unknown training source {source!r} (known: {', '.join(SOURCES)})")
    return {doc: (text, date) for doc, text, date in readers[source]()}
