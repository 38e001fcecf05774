"""Shared fixtures: the language model (loaded once), the shared data folder, the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from wirewatch.nlp.model import load_model
from wirewatch.shared_data import ENV_VAR, shared_root

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared evaluation folder; tests that need it skip, saying so, when it is absent."""
    root = shared_root()
    if not (root / "data").is_dir():
        pytest.skip(f"shared material not found at {root} (set {ENV_VAR} to its folder)")
    return root


def cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None
        ) -> subprocess.CompletedProcess[str]:
    """Run the real `wirewatch` command in a subprocess."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "wirewatch.cli", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True, text=True, env=env, cwd=cwd, timeout=600,
    )


@pytest.fixture
def tmp_db(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "test.db"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    """The store the explorer tests read: the bundled samples and a page full of markup."""
    from wirewatch import api
    from wirewatch.store import SqliteStore

    path = tmp_path_factory.mktemp("web") / "explorer.db"
    store = SqliteStore(path)
    try:
        report = api.ingest([str(SAMPLES), str(FIXTURES / "hostile_page.jsonl")], store)
    finally:
        store.close()
    assert not report.errors, report.errors
    return path


MODEL_FIXTURES = frozenset({"nlp", "web_db"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that takes the language model (or the store built with it) is marked
    ``model``: ``pytest -m "not model"`` runs the unit tests alone."""
    for item in items:
        if MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.model)
