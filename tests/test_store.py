"""The store: idempotent, resumable ingest; merged events; stories; queries; exports."""

from __future__ import annotations

import csv
import json
import sqlite3
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from spacy.language import Language

from tests.conftest import SAMPLES, cli
from wirewatch import api
from wirewatch.schema import errors
from wirewatch.store import EventFilter, SqliteStore
from wirewatch.store.explore import Explorer


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    path = tmp_path_factory.mktemp("store") / "samples.db"
    store = SqliteStore(path)
    report = api.ingest([str(SAMPLES)], store)
    store.close()
    assert not report.errors
    return path


def counts(path: Path) -> dict[str, int]:
    store = SqliteStore(path)
    try:
        return store.counts()
    finally:
        store.close()


def test_store_is_wal_with_fts5(sample_db: Path) -> None:
    db = sqlite3.connect(sample_db)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Nairobi'"
                      ).fetchone()[0] > 0


def test_reingesting_adds_nothing(sample_db: Path) -> None:
    before = counts(sample_db)
    store = SqliteStore(sample_db)
    report = api.ingest([str(SAMPLES)], store)
    store.close()
    assert report.documents == 0 and report.unchanged == before["documents"]
    assert counts(sample_db) == before


def test_interrupted_ingest_resumes(tmp_path: Path, sample_db: Path, nlp: Language) -> None:
    path = tmp_path / "resume.db"
    store = SqliteStore(path)
    seen = 0

    def stop_after_two() -> None:
        nonlocal seen
        seen += 1
        if seen == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        api.ingest([str(SAMPLES)], store, on_document=stop_after_two)
    store.close()
    partial = counts(path)
    assert 0 < partial["documents"] < counts(sample_db)["documents"]
    store = SqliteStore(path)
    api.ingest([str(SAMPLES)], store)
    store.close()
    assert counts(path) == counts(sample_db)


def test_one_event_many_outlets(sample_db: Path) -> None:
    store = SqliteStore(sample_db, readonly=True)
    aid = [e for e in store.events(EventFilter(type="AID", country="SOM"))]
    assert aid, "the food-aid event should be found"
    best = max(aid, key=lambda e: e["n_sources"])
    assert best["n_sources"] >= 2
    assert len({m["publisher"] for m in best["mentions"]}) == best["n_sources"]
    assert best["first_reported"] <= best["last_reported"]


def test_every_stored_record_validates(sample_db: Path) -> None:
    store = SqliteStore(sample_db, readonly=True)
    for event in store.events():
        assert errors("merged_event", event) == []
    for story in store.stories():
        assert errors("story", story) == []
    for article in store.articles():
        assert errors("article", article) == []


def test_stories_group_retellings(sample_db: Path) -> None:
    store = SqliteStore(sample_db, readonly=True)
    stories = list(store.stories())
    kenya = [s for s in stories if any("Nairobi" in (s["title"] or "") or "Kenya" in
                                       (s["title"] or "") for _ in [0])]
    assert len(stories) == 2, [s["title"] for s in stories]
    assert all(len(s["article_ids"]) >= 3 for s in stories)
    assert kenya


@pytest.mark.parametrize(("flt", "check"), [
    (EventFilter(type="coerce"), lambda e: e["event_type"] == "COERCE"),
    (EventFilter(country="KEN"), lambda e: "KEN" in {a["country"] for a in e["actors"] +
                                                      e["recipients"]}),
    (EventFilter(actor="ethiopia"), lambda e: any("ethiopia" in (a["name"] or a["text"]).lower()
                                                  for a in e["actors"] + e["recipients"])),
    (EventFilter(since="2025-03-05"), lambda e: (e["date"] if e["date"] and e["date"][0].isdigit()
                                                 else e["first_reported"]) >= "2025-03-05"),
    (EventFilter(until="2025-03-03"), lambda e: (e["date"] if e["date"] and e["date"][0].isdigit()
                                                 else e["first_reported"]) <= "2025-03-03"),
    (EventFilter(source="north wire"), lambda e: any(
        "north wire" in " ".join(str(s.get("name") or s["text"]) for s in m["attribution"]
                                 ).lower() or (m["publisher"] or "").lower() == "north wire"
        for m in e["mentions"])),
    (EventFilter(text="tear gas"), lambda e: any("tear gas" in m["evidence"]["text"]
                                                 for m in e["mentions"])),
])
def test_filters(sample_db: Path, flt: EventFilter, check: Any) -> None:
    store = SqliteStore(sample_db, readonly=True)
    found = list(store.events(flt))
    assert found, flt
    assert all(check(e) for e in found)
    assert len(found) < len(list(store.events()))


def test_cli_queries_and_exports(sample_db: Path, tmp_path: Path) -> None:
    run = cli("events", "--db", str(sample_db), "--type", "AID", "--format", "csv")
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(run.stdout.splitlines()))
    assert rows and all(r["event_type"] == "AID" for r in rows)
    for fmt in ("jsonl", "csv", "parquet", "geojson", "gexf"):
        out = tmp_path / f"export.{fmt}"
        run = cli("export", "--db", str(sample_db), "--format", fmt, "-o", str(out))
        assert run.returncode == 0, run.stderr
        assert out.stat().st_size > 0
    lines = (tmp_path / "export.jsonl").read_text().splitlines()
    assert len(lines) == counts(sample_db)["events"]
    geo = json.loads((tmp_path / "export.geojson").read_text())
    assert geo["type"] == "FeatureCollection"
    assert all(-180 <= f["geometry"]["coordinates"][0] <= 180 for f in geo["features"])
    graph = ET.parse(tmp_path / "export.gexf").getroot()
    assert graph.tag.endswith("gexf")
    table = pq.read_table(tmp_path / "export.parquet")  # read back: the CSV's rows and columns
    flat = list(csv.DictReader((tmp_path / "export.csv").read_text().splitlines()))
    assert table.num_rows == len(lines) == len(flat)
    assert table.column_names == list(flat[0])
    assert table.column("event_id").to_pylist() == [r["event_id"] for r in flat]


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    run = cli("events", "--db", str(tmp_path / "nope.db"))
    assert run.returncode == 1
    assert run.stderr.strip().startswith("wirewatch: no store at")
    assert "Traceback" not in run.stderr


def test_each_facet_count_is_the_total_its_link_returns(sample_db: Path) -> None:
    """A facet value's count is what filtering by it returns (the actor and source facets
    link to their exact value), under any filter already set."""
    explorer = Explorer(SqliteStore(sample_db))
    checked = 0
    for base in (EventFilter(), EventFilter(type="ASSAULT")):
        for by in ("type", "country", "actor", "source"):
            for value in explorer.facet(base, by, 100):
                narrowed = replace(base, **{by: value["filter"]})
                assert explorer.count(narrowed) == value["count"], (by, value)
                checked += 1
    assert checked > 20
    assert explorer.count(EventFilter(actor='"nobody at all"')) == 0


def test_check_finds_what_breaks_an_invariant(sample_db: Path, tmp_path: Path) -> None:
    run = cli("check", "--db", str(sample_db))
    assert run.returncode == 0 and run.stdout.count(": ok") == 5, run.stdout
    broken = tmp_path / "broken.db"
    broken.write_bytes(sample_db.read_bytes())
    db = sqlite3.connect(broken)
    with db:
        db.execute("UPDATE events SET n_independent = n_sources + 1 WHERE rowid = "
                   "(SELECT min(rowid) FROM events)")
        db.execute("UPDATE mentions SET record = json_set(record, '$.evidence.start', "
                   "json_extract(record, '$.evidence.start') + 1) WHERE rowid = "
                   "(SELECT min(rowid) FROM mentions)")
    db.close()
    run = cli("check", "--db", str(broken))
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert lines[1].startswith("independent origins never outnumber sources: BROKEN by 1")
    assert lines[3].startswith("every mention's offsets select its evidence and trigger: "
                               "BROKEN by 1")
