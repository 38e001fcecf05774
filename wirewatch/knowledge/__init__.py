"""Knowledge as data: lexicons and tables that domain experts edit without Python.

Every table here is UTF-8, tab-separated, one entry a line, ``#`` starting a comment.
``event_types.json`` holds the weights of the event-type classifier, and
``gazetteer.sqlite`` the place and country names the geographic libraries give, built by
``scripts/build_gazetteer.py`` (``wirewatch.gazetteer_build``) and read by ``gazetteer_file``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def read_table(name: str) -> list[list[str]]:
    """Rows of a knowledge table, comments and blank lines dropped, cells stripped."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    rows = []
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        rows.append([cell.strip() for cell in raw.split("\t")])
    return rows


@cache
def sector_codes() -> frozenset[str]:
    """The sector codes in use: those of our own sector table (``sectors.tsv``)."""
    return frozenset(row[1] for row in read_table("sectors.tsv"))
