"""kill -9 during ingest and the same command again: the store passes its integrity check
and holds what one uninterrupted ingest stores (bench/kill_resume.py runs it at scale)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.kill_resume import TABLES, run, subset


@pytest.mark.model
def test_killed_ingests_resume_to_the_same_store(shared: Path, tmp_path: Path) -> None:
    source = subset(shared / "data" / "news-sample" / "guardian_sample.csv", 8,
                    tmp_path / "input.csv")
    result = run(source, kills=3, seed=7, folder=tmp_path)
    assert result.landed and result.integrity == [("ok",)]
    assert result.last_exit == 0, result.last_stderr
    assert set(result.tables) == set(TABLES)
    for name, (got, want, same) in result.tables.items():
        assert same, f"{name}: {got} rows after the kills, {want} without"
