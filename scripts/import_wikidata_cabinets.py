"""Write ``data/knowledge/wikidata-ministers.csv`` from clones of the cabinet scrapers.

The sources are the public repositories of the organisation ``every-politician-scrapers``
named after a country and its cabinet (``us-cabinet``, ``iran-ministers``, ``nigeria``):
each runs a Wikidata query (CC0) for the members of the country's government in office,
again and again, and commits the answer, first as ``data/wikidata.csv`` (columns such as
``wdid,name,wdLabel,…,pid,position,start,psid``, which changed over the runs) and later as
``wikidata/results/current-cabinet.csv`` (``item,itemLabel,position,positionLabel,start,
psid``). Every committed version of both is read, so ministers who left between runs are
kept. The same repositories also commit ``html/holders21.csv``, the holders of each of
their positions whose term ended in 2000 or later, with the dates Wikidata gives for the
term (``position,person,personID,start,end``; a query of Wikidata's "position held"
statements run by the organisation's shared ``pcb/generate-html.sh``); every version of it
is read too, for the positions of the government the repository lists in
``wikidata/wanted-positions.csv`` at that commit (its title there names the position in
``holders21.csv``; a title two positions share is left out), with the position's English
label from ``html/positions.csv``. A row is one person in one position; rows of both files
are merged per (country, position, person):

- ``first_seen``, ``last_seen``: the first and last commit dates the person was listed in
  that position (by either file, a former holder too);
- ``start``: the earliest start of the term Wikidata gave, when a run asked for it (a year
  alone is its first day);
- ``end``: empty when the person was in office in the newest run of either file, else the
  end of the term Wikidata gave in the newest version of ``holders21.csv`` that gave one
  after the person was last listed in office (a year alone is its last day), else the
  date the person was last listed in office;
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

import calendar
import csv
import io
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from wirewatch.gazetteer import country_name, country_of

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "knowledge" / "wikidata-ministers.csv"
SOURCE_NOTE = OUT.with_suffix(".sources.txt")
FIELDS = ["country_code", "country", "position_qid", "position", "person_qid", "person",
          "first_seen", "last_seen", "start", "end", "other_names"]
# the two files the scrapers committed, and their columns for (person id, person's label,
# position id, position's label, start of the term)
FILES = {"data/wikidata.csv": ("wdid", "wdLabel", "pid", "position", "start"),
         "wikidata/results/current-cabinet.csv": ("item", "itemLabel", "position",
                                                  "positionLabel", "start")}
# the holders of the positions over the past two decades, the positions a repository wants
# (``position,title``) and their Wikidata labels (``id,position,…``)
HOLDERS, WANTED, POSITIONS = ("html/holders21.csv", "wikidata/wanted-positions.csv",
                              "html/positions.csv")
# repository names the gazetteer does not read as a country
SLUGS = {"us": "USA", "uae": "ARE", "saudi": "SAU", "czech": "CZE", "congo-kinshasa": "COD",
         "congo-brazzaville": "COG", "bosnia-herzegovina": "BIH", "ivory-coast": "CIV",
         "swiss-federal-council": "CHE"}
Columns = tuple[str, str, str, str, str]
# (person id, label, position id, position label, start, end) of one row
Holder = tuple[str, str, str, str, str, str]
_QID = re.compile(r"^Q\d+$")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# Wikidata's dates as the holders query writes them: a day, a month, a year or a decade
_WHEN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$|^(\d{3})0s$")


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
    in_office: dict[int, str] = field(default_factory=dict)  # lists → last date in office
    ended: tuple[str, str] = ("", "")  # (date of the run, end of the term) Wikidata gave last


def country(repo: str) -> str | None:
    """The alpha-3 code of a scraper's country, from its repository name."""
    slug = re.sub(r"-(cabinet|ministers)$", "", repo)
    if slug in SLUGS or repo in SLUGS:
        return SLUGS.get(slug) or SLUGS[repo]
    found = country_of(slug.replace("-", " "))
    return found.code if found else None


def versions(clone: Path, path: str, *beside: str) -> list[tuple[str, str, list[str]]]:
    """(commit date, text, texts of the ``beside`` files at that commit, "" when absent) of
    every committed version of a file, oldest first."""
    log = subprocess.run(["git", "-C", str(clone), "log", "--all", "--reverse",
                          "--format=%H %cs", "--", path],
                         check=True, capture_output=True, text=True)
    commits = [line.split() for line in log.stdout.splitlines()]
    texts = _blobs(clone, [f"{commit}:{p}" for commit, _ in commits for p in (path, *beside)])
    out = []
    for n, (_, day) in enumerate(commits):
        text, *others = texts[n * (1 + len(beside)):(n + 1) * (1 + len(beside))]
        if text is not None:
            out.append((day, text, [o or "" for o in others]))
    return out


def _blobs(clone: Path, specs: list[str]) -> list[str | None]:
    """The text of each ``commit:path``, None when there is no such file."""
    if not specs:
        return []
    done = subprocess.run(["git", "-C", str(clone), "cat-file", "--batch"],
                          input="\n".join(specs).encode() + b"\n", capture_output=True,
                          check=True)
    out: list[str | None] = []
    data, at = done.stdout, 0
    for _ in specs:
        end = data.index(b"\n", at)
        header = data[at:end].split()
        at = end + 1
        if len(header) != 3 or header[1] != b"blob":
            out.append(None)  # "missing", or not a file
            continue
        size = int(header[2])
        out.append(data[at:at + size].decode("utf-8", errors="replace"))
        at += size + 1
    return out


def rows(text: str, columns: Columns) -> list[tuple[str, str, str, str, str]]:
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
            out.append((cells[0], cells[1], cells[2], cells[3], (row.get(start) or "")[:10]))
    return out


def holders(text: str, wanted: str, positions: str) -> tuple[list[Holder], int]:
    """(person id, label, position id, position label, start, end) of each row of a version
    of ``holders21.csv`` whose position the repository wanted then, with the dates as days
    ("" for an open end); and how many rows had a position it did not want or could not
    tell (a title two wanted positions share)."""
    titles: dict[str, set[str]] = defaultdict(set)
    for row in csv.DictReader(io.StringIO(wanted)):
        if _QID.match((row.get("position") or "").strip()):
            titles[(row.get("title") or "").strip()].add(row["position"].strip())
    names = {(row.get("id") or "").strip(): (row.get("position") or "").strip()
             for row in csv.DictReader(io.StringIO(positions))}
    out: list[Holder] = []
    other = 0
    for row in csv.DictReader(io.StringIO(text)):
        qids = titles.get((row.get("position") or "").strip(), set())
        cells = [(row.get(c) or "").strip() for c in ("personID", "person", "start", "end")]
        if len(qids) != 1:
            other += 1
            continue
        (qid,) = qids
        person_qid, label, start, end = cells
        start, end = _day(start), _day(end, last=True)
        if person_qid and label and start and end is not None:
            out.append((person_qid, label, qid, names.get(qid) or row["position"].strip(),
                        start, end))
    return out, other


def _day(when: str, last: bool = False) -> str | None:
    """A date of the holders query as a day: the first (or ``last``) of a month, year or
    decade; "" stays "", anything else is None."""
    found = _WHEN.match(when)
    if not when or not found:
        return "" if not when else None
    if found[4]:
        return f"{found[4]}9-12-31" if last else f"{found[4]}0-01-01"
    year, month, day = found[1], found[2], found[3]
    if day:
        return f"{year}-{month}-{day}"
    if month:
        return (f"{year}-{month}-{calendar.monthrange(int(year), int(month))[1]:02d}" if last
                else f"{year}-{month}-01")
    return f"{year}-12-31" if last else f"{year}-01-01"


def read(clone: Path, code: str, terms: dict[tuple[str, str, str], Term],
         labels: dict[str, set[str]]) -> tuple[int, str, int, int, dict[int, str]]:
    """Add a clone's runs to the terms; (runs read, newest run's date, rows read, rows
    skipped, newest run's date of the cabinet lists (0) and of the holders (1))."""
    runs, newest, read, skipped = 0, "", 0, 0
    latest: dict[int, str] = {}
    sources: list[tuple[list[tuple[str, str, list[str]]], Columns | None]] = [
        (versions(clone, path), columns) for path, columns in FILES.items()]
    sources.append((versions(clone, HOLDERS, WANTED, POSITIONS), None))
    for order, (runs_of, columns) in enumerate(sources):
        for day, text, beside in runs_of:
            runs, newest = runs + 1, max(newest, day)
            kind = int(columns is None)  # the cabinet lists (both files) or the holders
            latest[kind] = max(latest.get(kind, ""), day)
            if columns is None:
                found, _ = holders(text, *beside)
            else:
                found = [(p, n, q, label, start, "") for p, n, q, label, start
                         in rows(text, columns)]
            for person_qid, label, position_qid, position, start, end in found:
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
                if end:  # a former holder: the end Wikidata gave in the latest version
                    if day >= term.ended[0]:
                        term.ended = (day, end)
                else:
                    term.in_office[kind] = max(term.in_office.get(kind, ""), day)
    return runs, newest, read, skipped, latest


def ended(term: Term, latest: dict[int, str]) -> str:
    """The end of a term: "" when the person was in office in the newest cabinet list or
    the newest holders list; else
    the end Wikidata gave after the person was last listed in office; else that date."""
    if any(day == latest[kind] for kind, day in term.in_office.items()):
        return ""
    last = max(term.in_office.values(), default="")
    return term.ended[1] if term.ended[0] > last else last


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
    ends: dict[tuple[str, str, str], str] = {}
    newest = ""
    for repo, clone in sorted(clones):
        code = country(repo)
        if code is None:
            print(f"{repo}: no country known by that name, skipped", file=sys.stderr)
            continue
        before = set(terms)
        runs, last, count, skipped, latest = read(clone, code, terms, labels)
        for key in set(terms) - before if count else ():
            ends[key] = ended(terms[key], latest)
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
                             t.start, ends[t.country, t.position_qid, t.person_qid],
                             "|".join(sorted(others))])
    SOURCE_NOTE.write_text(
        "# every-politician-scrapers repositories read by scripts/import_wikidata_cabinets.py "
        f"(Wikidata, CC0 1.0); newest run {newest}\n" + "\n".join(used) + "\n", encoding="utf-8")
    print(f"{len(terms)} ministers' terms from {len(used)} repositories (newest run {newest}) "
          f"→ {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
