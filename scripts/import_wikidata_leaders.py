"""Write ``data/knowledge/wikidata-leaders.csv`` from a clone of the world-leaders scraper.

The source is the public repository ``every-politician-scrapers/world-leaders-2021``:
a Wikidata query (CC0) run again and again, each run committed as ``data/wikidata.csv``
(heads of state and government of every country, with the years they held office). Every
version in the clone's history is read, so leaders who left office between runs are kept;
rows for the same person and office are merged, a known end year winning over none, and
every English label a person had over the runs is kept ("Abiy Ahmed", "Abiy Ahmed Ali").

    python scripts/import_wikidata_leaders.py PATH_TO_CLONE
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "knowledge" / "wikidata-leaders.csv"
FIELDS = ["country_qid", "country", "position_qid", "position", "person_qid", "person",
          "start_year", "end_year"]
OUT_FIELDS = [*FIELDS, "other_names"]  # the person's other labels, "|" between them


def versions(clone: Path) -> list[str]:
    """Every committed text of the scraper's output, oldest first."""
    log = subprocess.run(["git", "-C", str(clone), "log", "--all", "--reverse", "--format=%H",
                          "--", "data/wikidata.csv"], check=True, capture_output=True, text=True)
    return [subprocess.run(["git", "-C", str(clone), "show", f"{commit}:data/wikidata.csv"],
                           check=True, capture_output=True, text=True).stdout
            for commit in log.stdout.split()]


def merged(texts: list[str]) -> list[dict[str, str]]:
    rows: dict[tuple[str, str, str, str], dict[str, str]] = {}
    labels: dict[str, set[str]] = {}  # a person's labels over the runs
    for text in texts:
        for cells in list(csv.reader(io.StringIO(text)))[1:]:  # headers were renamed once
            row = dict(zip(FIELDS, cells, strict=True))
            if row["person"] == row["person_qid"] or not row["start_year"]:
                continue  # no English label, or no start: nothing to match or date
            labels.setdefault(row["person_qid"], set()).add(row["person"])
            key = (row["country_qid"], row["position_qid"], row["person_qid"], row["start_year"])
            if key not in rows or (row["end_year"] and not rows[key]["end_year"]):
                rows[key] = row
            elif not row["end_year"] and rows[key]["end_year"]:
                continue
            else:
                rows[key]["person"] = row["person"]  # the later run's label
    for row in rows.values():
        row["other_names"] = "|".join(sorted(labels[row["person_qid"]] - {row["person"]}))
    return sorted(rows.values(), key=lambda r: (r["country"], r["position"], r["start_year"],
                                                r["person"]))


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    rows = merged(versions(Path(sys.argv[1])))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, OUT_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} office terms → {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
