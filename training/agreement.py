"""Agreement between annotators on the sentences coded twice, independently.

(sentence, type) F1 between the two codings, the same for "has any event", and, where
both found the same type, how often some actor country of one is among the other's.

    python -m training.agreement
"""

from __future__ import annotations

import sys
from collections import defaultdict
from typing import Any

from evaluation.common import report
from training.data import ANNOTATIONS, read_jsonl


def twice() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    by_id: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ann in read_jsonl(ANNOTATIONS):
        by_id[ann["id"]].append(ann)
    return [(anns[0], anns[1]) for anns in by_id.values() if len(anns) >= 2]


def _countries(events: list[dict[str, Any]], kind: str) -> set[str]:
    return {a["country"] for e in events if e["type"] == kind for a in e["actor"]
            if a.get("country")}


def agreement() -> dict[str, float]:
    pairs = twice()
    both = one_only = event_both = event_one = 0
    same_country = compared = 0
    for a, b in pairs:
        ta = {e["type"] for e in a["events"]}
        tb = {e["type"] for e in b["events"]}
        both += len(ta & tb)
        one_only += len(ta ^ tb)
        event_both += bool(ta) and bool(tb)
        event_one += bool(ta) != bool(tb)
        for kind in ta & tb:
            ca, cb = _countries(a["events"], kind), _countries(b["events"], kind)
            if ca and cb:
                compared += 1
                same_country += bool(ca & cb)
    return {"sentences": len(pairs), "type_f1": 2 * both / max(1, 2 * both + one_only),
            "event_f1": 2 * event_both / max(1, 2 * event_both + event_one),
            "actor_country": same_country / max(1, compared)}


def main() -> int:
    print(report("agreement", agreement()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
