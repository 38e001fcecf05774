"""Terminal tables."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from typing import Any


def print_table(rows: list[dict[str, Any]], columns: Sequence[str]) -> None:
    width = shutil.get_terminal_size((160, 24)).columns
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    sizes = [max([len(c), *(len(row[k]) for row in cells)]) for k, c in enumerate(columns)]
    budget = max(10, width - 2 * (len(columns) - 1) - sum(sizes[:-1]))
    sizes[-1] = min(sizes[-1], budget)
    line = "  ".join(c.upper().ljust(sizes[k]) for k, c in enumerate(columns))
    print(line.rstrip())
    for row in cells:
        print("  ".join(v[: sizes[k]].ljust(sizes[k]) for k, v in enumerate(row)).rstrip())
    print(f"({len(rows)} rows)", file=sys.stderr)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return " ".join(str(value).split())
