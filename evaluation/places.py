"""Geocoding on GeoVirus (229 WikiNews articles with gold place names, offsets, coordinates).

A gold place counts as found when a place wirewatch reads overlaps its characters, and as
resolved when that place also lies within 161 km (100 miles) of its coordinates, the
measure GeoVirus reports. ``within_161km`` is end to end (finding and resolving, the
gated figure); ``resolved_of_found`` is resolution alone, the setting of the published
anchors, which geocode the gold's own place names.

    python -m evaluation.places
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

from evaluation.common import report
from wirewatch.events.places import find_places
from wirewatch.events.tree import Parse
from wirewatch.gazetteer import distance_km
from wirewatch.nlp.annotate import annotate
from wirewatch.nlp.model import load_model
from wirewatch.records import Article
from wirewatch.shared_data import shared_path

KM = 161.0


def score() -> dict[str, float]:
    root = ET.parse(shared_path("data", "geo", "GeoVirus.xml")).getroot()
    articles, golds = [], []
    for n, node in enumerate(root.iter("article")):
        text = node.findtext("text") or ""
        articles.append(Article(f"geovirus-{n}", f"geovirus-{n}", None, text))
        golds.append([(int(loc.findtext("start") or 0), int(loc.findtext("end") or 0),
                       float(loc.findtext("lat") or 0), float(loc.findtext("lon") or 0))
                      for loc in node.iter("location")])
    found = total = resolved = 0
    for ann, gold in zip(annotate(articles, load_model()), golds, strict=True):
        places = list(find_places(Parse(ann)).values())
        for start, end, lat, lon in gold:
            total += 1
            hits = [p for p in places if p.start < end and start < p.end]
            if hits:
                found += 1
            if any(p.lat is not None and p.lon is not None and
                   distance_km(lat, lon, p.lat, p.lon) <= KM for p in hits):
                resolved += 1
    return {"found": found / max(1, total), "within_161km": resolved / max(1, total),
            "resolved_of_found": resolved / max(1, found)}


def main() -> int:
    print(report("places", score(), "GeoVirus; anchors: CamCoder 0.82, population 0.80"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
