"""Bad input: one line on stderr naming the input and the reason; the batch goes on."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SAMPLES, cli
from tests.test_sources import make_warc


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    paths = {name: tmp_path / name for name in (
        "empty.txt", "image.bin", "undecodable.txt", "truncated.warc.gz", "broken.rss",
        "huge.html", "bad.jsonl")}
    paths["empty.txt"].write_bytes(b"")
    paths["image.bin"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(4000))
    paths["undecodable.txt"].write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 200)
    warc = make_warc({"https://ok.example/1": (FIXTURES / "article_comments.html").read_bytes(),
                      "https://ok.example/2": (FIXTURES / "section.html").read_bytes()})
    paths["truncated.warc.gz"].write_bytes(warc[: len(warc) - 300])
    paths["broken.rss"].write_bytes(b"<?xml version='1.0'?><rss><channel><item><title>x</ti")
    with open(paths["huge.html"], "wb") as handle:  # 200 MB, sparse: nothing is written
        handle.truncate(200 * 1024 * 1024)
    paths["bad.jsonl"].write_text('{"id": "fine", "text": "The army attacked the town."}\n{oops\n')
    return paths


def test_each_bad_input_gets_one_line_and_the_rest_goes_on(bad_inputs: dict[str, Path]) -> None:
    good = FIXTURES / "dump_plain.txt"
    run = cli("extract", "--articles-only", str(good), *map(str, bad_inputs.values()))
    assert run.returncode == 3
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    for name, path in bad_inputs.items():
        mine = [line for line in lines if str(path) in line]
        assert mine, f"no error line for {name}: {run.stderr}"
        assert all(line.startswith("wirewatch: skipped ") for line in mine)
    records = [json.loads(line) for line in run.stdout.splitlines()]
    doc_ids = [r["doc_id"] for r in records]
    assert str(good) in doc_ids
    assert "fine" in doc_ids  # the good line of a bad JSON Lines file
    assert "https://ok.example/1" in doc_ids  # the intact record of a truncated WARC


def test_reasons_are_specific(bad_inputs: dict[str, Path]) -> None:
    run = cli("extract", "--articles-only", *map(str, bad_inputs.values()))
    text = run.stderr
    assert "empty input" in text
    assert "binary data" in text
    assert "too large" in text
    assert "truncated or corrupt WARC after 1 records" in text
    assert "invalid JSON" in text


@pytest.mark.model
def test_ingest_with_bad_inputs_keeps_what_was_stored(bad_inputs: dict[str, Path],
                                                      tmp_db: Path) -> None:
    first = cli("ingest", "--db", str(tmp_db), str(SAMPLES / "north-wire.rss"))
    assert first.returncode == 0, first.stderr
    again = cli("ingest", "--db", str(tmp_db), str(SAMPLES / "north-wire.rss"),
                *map(str, bad_inputs.values()), str(SAMPLES / "wire.jsonl"))
    assert again.returncode == 3
    assert "Traceback" not in again.stderr
    stories = cli("stories", "--db", str(tmp_db))
    docs = {d for line in stories.stdout.splitlines() for d in json.loads(line)["doc_ids"]}
    assert "https://north-wire.example/2025/03/ethiopia-aid-somalia" in docs
    assert "sample-wire-001" in docs and "fine" in docs
    before = cli("events", "--db", str(tmp_db)).stdout
    cli("ingest", "--db", str(tmp_db), *map(str, bad_inputs.values()))
    assert cli("events", "--db", str(tmp_db)).stdout == before
