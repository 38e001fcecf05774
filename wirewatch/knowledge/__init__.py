"""Knowledge as data: lexicons and tables that domain experts edit without Python.

Every file here is UTF-8, tab-separated, one entry a line, ``#`` starting a comment.
"""

from __future__ import annotations

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
