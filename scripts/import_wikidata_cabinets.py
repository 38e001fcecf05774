"""Write ``data/knowledge/wikidata-ministers.csv`` from clones of the cabinet scrapers.

The sources are the public repositories of the organisation ``every-politician-scrapers``
named after a country and its cabinet (``us-cabinet``, ``iran-ministers``, ``nigeria``):
each runs a Wikidata query (CC0) for the members of the country's government in office,
again and again, and commits the answer, first as ``data/wikidata.csv`` (columns such as
``wdid,name,wdLabel,…,pid,position,start,psid``, which changed over the runs) and later as
``wikidata/results/current-cabinet.csv`` (``item,itemLabel,position,positionLabel,start,
psid``). Every committed version of both is read, so ministers who left between runs are
kept. A row is one person in one position; rows are merged per (country, position, person):

- ``first_seen``, ``last_seen``: the first and last commit dates the person was listed in
  that position;
- ``start``: the earliest start of the term Wikidata gave, when a run asked for it;
- ``person``, ``position``: the labels of the latest run; ``other_names``: the person's
  other English labels over the runs ("Michael S. Regan"), "|" between them.

A row whose label is only a Wikidata id, or has no Latin letter (the item had no English
label: "Q110042526", "Купешев Болотбек Душекович"), is skipped, and so is a clone whose
country the repository name does not give; both are said, and so is a person listed in
several countries' governments. A label in capitals alone is kept only as the person's
name, not as an other name ("CNBT", "NAKI MAYINA": vandalism). The country is the
repository name's, less ``-cabinet`` or ``-ministers``, as the gazetteer reads it.

    python scripts/import_wikidata_cabinets.py [NAME=]CLONE [[NAME=]CLONE ...]

NAME is the repository's name (``us-cabinet``); without it, the clone's folder name is.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from wirewatch.gazetteer import country_name, country_of

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "knowledge" / "wikidata-ministers.csv"
SOURCE_NOTE = OUT.with_suffix(".sources.txt")
FIELDS = ["country_code", "country", "position_qid", "position", "person_qid", "person",
          "first_seen", "last_seen", "start", "other_names"]
# the two files the scrapers committed, and their columns for (person id, person's label,
# position id, position's label, start of the term)
FILES = {"data/wikidata.csv": ("wdid", "wdLabel", "pid", "position", "start"),
         "wikidata/results/current-cabinet.csv": ("item", "itemLabel", "position",
                                                  "positionLabel", "start")}
# repository names the gazetteer does not read as a country
SLUGS = {"us": "USA", "uae": "ARE", "saudi": "SAU", "czech": "CZE", "congo-kinshasa": "COD",
         "congo-brazzaville": "COG", "bosnia-herzegovina": "BIH", "ivory-coast": "CIV",
         "swiss-federal-council": "CHE"}
_QID = re.compile(r"^Q\d+$")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass
class Term:
    """One person in one position of one country's government, over the runs."""
    country: str
    position_qid: str
    person_qid: str
    person: str
    position: str
    first_seen: str
    last_seen: str
    start: str = ""
    seen_at: tuple[str, int] = ("", -1)  # (date, file) of the run the labels are from
    labels: set[str] = field(default_factory=set)


def country(repo: str) -> str | None:
    """The alpha-3 code of a scraper's country, from its repository name."""
    slug = re.sub(r"-(cabinet|ministers)$", "", repo)
    if slug in SLUGS or repo in SLUGS:
        return SLUGS.get(slug) or SLUGS[repo]
    found = country_of(slug.replace("-", " "))
    return found.code if found else None


def versions(clone: Path, path: str) -> list[tuple[str, str]]:
    """(commit date, text) of every committed version of a file, oldest first."""
    log = subprocess.run(["git", "-C", str(clone), "log", "--all", "--reverse",
                          "--format=%H %cs", "--", path],
                         check=True, capture_output=True, text=True)
    out = []
    for line in log.stdout.splitlines():
        commit, day = line.split()
        shown = subprocess.run(["git", "-C", str(clone), "show", f"{commit}:{path}"],
                               capture_output=True, text=True, check=False)
        if shown.returncode == 0:
            out.append((day, shown.stdout))
    return out


def rows(text: str, columns: tuple[str, str, str, str, str]) -> list[tuple[str, ...]]:
    """(person id, label, position id, position label, start) of each row of a run; the
    oldest runs had no ``wdLabel`` column (their ``name`` was the label) and no start."""
    reader = csv.DictReader(io.StringIO(text))
    person, label, position, position_label, start = columns
    if label not in (reader.fieldnames or []):
        label = "name"
    out = []
    for row in reader:
        cells = [(row.get(c) or "").strip() for c in (person, label, position, position_label)]
        if all(cells):
            out.append((*cells, (row.get(start) or "")[:10]))
    return out


def read(clone: Path, code: str, terms: dict[tuple[str, str, str], Term],
         labels: dict[str, set[str]]) -> tuple[int, str, int, int]:
    """Add a clone's runs to the terms; (runs read, newest run's date, rows read, rows
    skipped)."""
    runs, newest, read, skipped = 0, "", 0, 0
    for order, (path, columns) in enumerate(FILES.items()):
        for day, text in versions(clone, path):
            runs, newest = runs + 1, max(newest, day)
            for person_qid, label, position_qid, position, start in rows(text, columns):
                if _QID.match(label) or not _LATIN.search(label) or not _QID.match(person_qid):
                    skipped += 1
                    continue
                read += 1
                labels.setdefault(person_qid, set()).add(label)
                key = (code, position_qid, person_qid)
                term = terms.get(key)
                if term is None:
                    term = terms[key] = Term(code, position_qid, person_qid, label, position,
                                             day, day)
                term.first_seen, term.last_seen = min(term.first_seen, day), max(term.last_seen,
                                                                                 day)
                if (day, order) >= term.seen_at:  # the later run's labels
                    term.person, term.seen_at = label, (day, order)
                    if not _QID.match(position):
                        term.position = position
                if _DATE.match(start) and (not term.start or start < term.start):
                    term.start = start
    return runs, newest, read, skipped


def parse_args(args: list[str]) -> list[tuple[str, Path]]:
    out = []
    for arg in args:
        name, _, path = arg.rpartition("=")
        clone = Path(path)
        out.append((name or clone.name.removesuffix(".git"), clone))
    return out


def main() -> int:
    clones = parse_args(sys.argv[1:])
    if not clones:
        print(__doc__, file=sys.stderr)
        return 2
    terms: dict[tuple[str, str, str], Term] = {}
    labels: dict[str, set[str]] = {}
    used: list[str] = []
    newest = ""
    for repo, clone in sorted(clones):
        code = country(repo)
        if code is None:
            print(f"{repo}: no country known by that name, skipped", file=sys.stderr)
            continue
        runs, last, count, skipped = read(clone, code, terms, labels)
        if not count:
            print(f"{repo}: no minister in {runs} committed runs, skipped", file=sys.stderr)
            continue
        used.append(f"{repo}\t{code}\t{runs} runs to {last}")
        newest = max(newest, last)
        if skipped:
            print(f"{repo}: {skipped} rows without an English label skipped", file=sys.stderr)
    several: dict[str, set[str]] = {}
    for t in terms.values():
        several.setdefault(t.person_qid, set()).add(t.country)
    for qid, codes in sorted(several.items()):
        if len(codes) > 1:
            print(f"{qid} is listed in the governments of {', '.join(sorted(codes))}",
                  file=sys.stderr)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(FIELDS)
        for t in sorted(terms.values(), key=lambda t: (t.country, t.position, t.person,
                                                       t.position_qid, t.person_qid)):
            others = {n for n in labels[t.person_qid] - {t.person} if n != n.upper()}
            writer.writerow([t.country, country_name(t.country) or "", t.position_qid,
                             t.position, t.person_qid, t.person, t.first_seen, t.last_seen,
                             t.start, "|".join(sorted(others))])
    SOURCE_NOTE.write_text(
        "# every-politician-scrapers repositories read by scripts/import_wikidata_cabinets.py "
        f"(Wikidata, CC0 1.0); newest run {newest}\n" + "\n".join(used) + "\n", encoding="utf-8")
    print(f"{len(terms)} ministers' terms from {len(used)} repositories (newest run {newest}) "
          f"→ {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
