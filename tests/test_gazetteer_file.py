"""The shipped gazetteer file: up to date with its build script, read back as built, and a
clear error when it is missing, stale or broken."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from wirewatch import cli, gazetteer, gazetteer_build
from wirewatch.errors import WirewatchError
from wirewatch.gazetteer import Gazetteer, fold, local_places, places_named
from wirewatch.knowledge import gazetteer_file
from wirewatch.knowledge.gazetteer_file import (
    BUILD_COMMAND,
    COUNTRY_KINDS,
    FORMAT,
    INDEXES,
    SCHEMA,
    SHIPPED,
    GazetteerFile,
    shipped,
)

SAMPLE_EVERY = 97  # of the sorted keys of each index, every 97th is read back
NAMES = ("Paris", "New York", "Georgia", "Sanliurfa", "Córdoba", "Khartoum", "Canton",
         "Springfield", "Africa", "Congo", "QLD", "Kupiansk")


@pytest.fixture(scope="module")
def tables() -> gazetteer_build.Tables:
    """The tables computed afresh from the installed libraries (some seconds)."""
    return gazetteer_build.compute()


@pytest.mark.slow
def test_shipped_file_is_what_the_build_script_writes(tables: gazetteer_build.Tables,
                                                      tmp_path: Path) -> None:
    fresh, again = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    gazetteer_build.write(tables, fresh)
    gazetteer_build.write(tables, again)
    assert fresh.read_bytes() == again.read_bytes()  # deterministic
    assert gazetteer_build.same_content(SHIPPED, fresh), \
        f"{SHIPPED.name} is stale: rebuild it with `{BUILD_COMMAND}`"


@pytest.mark.slow
def test_lookups_agree_with_a_direct_computation(tables: gazetteer_build.Tables) -> None:
    file = shipped()
    for name in INDEXES:
        index = tables.index(name)
        keys = sorted(index)[::SAMPLE_EVERY]
        keys += [fold(n) for n in NAMES] + ["no such place anywhere"]
        for key in keys:
            read = tuple(Gazetteer(*row) for row in file.places(name, key))
            assert read == index.get(key, ()), (name, key)
    for kind in COUNTRY_KINDS:
        assert file.country_forms(kind) == tables.country_forms[kind], kind
    assert sorted(file.borders()) == tables.borders
    assert ("ISR", "PSE") in tables.borders and ("PSE", "ISR") in tables.borders


def test_public_lookups_read_the_file() -> None:
    assert places_named("Sanliurfa")[0].name == "Şanlıurfa"
    assert places_named("Atlantis Prime") == ()
    qld = local_places("QLD", {"AUS"})
    assert qld and qld[0].precision == "admin1" and qld[0].country == "AUS"
    assert local_places("QLD", {"USA"}) == ()


def test_a_missing_file_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(WirewatchError, match=r"missing.*build_gazetteer"):
        GazetteerFile(tmp_path / "gazetteer.sqlite")


def test_a_stale_file_says_how_to_rebuild_it(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.sqlite"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    db.execute("INSERT INTO meta VALUES ('format', ?)", (str(FORMAT - 1),))
    db.commit()
    db.close()
    with pytest.raises(WirewatchError, match=rf"stale \(format {FORMAT - 1}.*build_gazetteer"):
        GazetteerFile(path)


def test_a_broken_file_says_how_to_rebuild_it(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.sqlite"
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(WirewatchError, match=r"unreadable.*build_gazetteer"):
        GazetteerFile(path)


def _forget_the_file() -> None:
    for cached in (shipped, gazetteer._countries, gazetteer._country_names, gazetteer._lookup):
        cached.cache_clear()


@pytest.fixture
def no_gazetteer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The shipped file's path pointed somewhere empty, for one test."""
    missing = tmp_path / "gazetteer.sqlite"
    monkeypatch.setattr(gazetteer_file, "SHIPPED", missing)
    _forget_the_file()
    yield missing
    monkeypatch.undo()
    _forget_the_file()


def test_extract_stops_with_the_message_when_the_file_is_missing(
        no_gazetteer: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "story.txt"
    text.write_text("Police arrested ten protesters in Nairobi on Monday.\n", encoding="utf-8")
    assert cli.main(["extract", str(text)]) == 1
    err = capsys.readouterr().err
    assert f"wirewatch: the gazetteer file {no_gazetteer} is missing" in err
    assert BUILD_COMMAND in err and "please report" not in err
