"""What every scorer shares: the floors and a uniform one-line report."""

from __future__ import annotations

import json
from pathlib import Path

FLOORS = Path(__file__).with_name("floors.json")


def floors() -> dict[str, dict[str, float]]:
    return dict(json.loads(FLOORS.read_text()))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from true positives, false positives and misses."""
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(name: str, figures: dict[str, float], note: str = "") -> str:
    parts = " ".join(f"{k}={v:g}" if float(v).is_integer() else f"{k}={v:.3f}"
                     for k, v in figures.items())
    return f"{name}: {parts}" + (f"  ({note})" if note else "")
