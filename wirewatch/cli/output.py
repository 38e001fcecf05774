"""Terminal tables and CSV."""

from __future__ import annotations

import csv
import shutil
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO


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


def write_csv(out: TextIO, rows: Iterable[dict[str, Any]]) -> int:
    writer: csv.DictWriter[str] | None = None
    n = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        n += 1
    return n
