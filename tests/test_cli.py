"""The command line as users call it: help, formats, errors without tracebacks, stdin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SAMPLES, cli
from wirewatch.schema import errors


@pytest.mark.parametrize("command", ["extract", "ingest", "events", "stories", "export"])
def test_every_command_has_help(command: str) -> None:
    run = cli(command, "--help")
    assert run.returncode == 0
    assert "usage: wirewatch " + command in run.stdout


def test_help_loads_no_pipeline() -> None:
    """`wirewatch --help` builds its parser without spaCy, the store or the readers."""
    code = ("import sys; from wirewatch.cli import build_parser; build_parser(); "
            "print(sorted(m for m in ('spacy', 'datasketch', 'wirewatch.sources', "
            "'wirewatch.store') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert run.stdout.strip() == "[]"


def test_opening_the_store_loads_no_minhash() -> None:
    """Queries need no MinHash: datasketch (and the scipy it imports) load on ingest only."""
    code = ("import sys; import wirewatch.store; "
            "print('datasketch' in sys.modules, 'scipy' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert run.stdout.strip() == "False False"


def test_input_kinds_match_the_readers() -> None:
    from wirewatch.cli import INPUT_KINDS
    from wirewatch.sources.detect import KINDS

    assert INPUT_KINDS == KINDS


def test_bad_arguments_are_one_line_without_traceback(tmp_path: Path) -> None:
    run = cli("extract", str(FIXTURES / "dump_plain.txt"), "--published", "last week")
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert run.stdout == ""
    run = cli("export", "--db", str(tmp_path / "x.db"), "--format", "xml", "-o", "x")
    assert run.returncode == 2 and "Traceback" not in run.stderr


@pytest.mark.model
def test_extract_reads_stdin() -> None:
    text = (FIXTURES / "dump_plain.txt").read_bytes()
    run = cli("extract", "-", stdin=text)
    assert run.returncode == 0, run.stderr
    record = json.loads(run.stdout)
    assert record["doc_id"] == "-"
    assert record["title"] == "Ministers meet to discuss river dispute"
    assert record["published"] == "2023-06-12"  # from the page's own dateline


@pytest.mark.model
def test_extract_formats_and_schema() -> None:
    inputs = [str(SAMPLES / n) for n in ("north-wire.rss", "harbor-ledger-section.txt")]
    lines = cli("extract", *inputs).stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 4
    for record in records:
        assert errors("article", record) == []
    as_json = json.loads(cli("extract", *inputs, "--format", "json").stdout)
    assert as_json == records
    table = cli("extract", *inputs, "--format", "table").stdout
    assert "Ethiopia sends food aid to Somalia" in table


def test_articles_only_loads_no_model() -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "WIREWATCH_MODEL": "no_such_model_installed"}
    run = subprocess.run([sys.executable, "-m", "wirewatch.cli", "extract", "--articles-only",
                          str(FIXTURES / "section.html")], capture_output=True, text=True,
                         env=env)
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(records) == 3 and all(r["events"] == [] for r in records)
    run = subprocess.run([sys.executable, "-m", "wirewatch.cli", "extract",
                          str(FIXTURES / "section.html")], capture_output=True, text=True,
                         env=env)
    assert run.returncode == 1
    assert "no_such_model_installed" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.model
def test_user_values_for_what_pages_lack() -> None:
    run = cli("extract", str(SAMPLES / "harbor-ledger-section.txt"), "--published",
              "2025-03-05", "--publisher", "Harbor Ledger", "--url", "https://h.example/africa")
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert {(r["published"], r["publisher"], r["url"]) for r in records} == {
        ("2025-03-05", "Harbor Ledger", "https://h.example/africa")}
    chain = records[0]["events"][0]["attribution"]
    assert chain[0]["name"] == "Harbor Ledger" and chain[0]["kind"] == "outlet"


def test_input_format_override(tmp_path: Path) -> None:
    page = tmp_path / "page.data"
    page.write_text("<p>A page that claims nothing.</p>")
    run = cli("extract", "--articles-only", "--input-format", "text", str(page))
    assert json.loads(run.stdout)["body"].startswith("<p>")


def test_a_long_ingest_off_a_terminal_reports_progress() -> None:
    import io

    from wirewatch.cli.progress import Progress
    from wirewatch.errors import InputError

    out = io.StringIO()  # not a terminal: a line now and then instead of a bar
    progress = Progress(stream=out, every=0.0)
    for _ in range(3):
        progress.document()
    progress.error(InputError("bad.html", "no article text found"))
    progress.document()
    progress.close()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("wirewatch: ingesting: 1 documents in ")
    assert lines[3] == "wirewatch: skipped bad.html: no article text found"
    assert lines[4].startswith("wirewatch: ingesting: 4 documents") and "1 skipped" in lines[4]
    quiet = io.StringIO()
    progress = Progress(quiet=True, stream=quiet, every=0.0)
    progress.document()
    assert quiet.getvalue() == ""
