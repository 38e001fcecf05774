"""The training data's size: sentences, sentences with events and events, by source and
by type (one annotation a sentence: the first where it was coded twice).

    python -m training.stats
"""

from __future__ import annotations

import sys
from collections import Counter

from training.data import ANNOTATIONS, SENTENCES, read_jsonl


def main() -> int:
    source = {s["id"]: s["source"] for s in read_jsonl(SENTENCES)}
    seen: set[str] = set()
    sentences: Counter[str] = Counter()
    eventful: Counter[str] = Counter()
    events: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for ann in read_jsonl(ANNOTATIONS):
        if ann["id"] in seen:
            continue
        seen.add(ann["id"])
        where = source[ann["id"]]
        sentences[where] += 1
        eventful[where] += bool(ann["events"])
        events[where] += len(ann["events"])
        types.update(e["type"] for e in ann["events"])
    print("| source | sentences | with events | events |\n| --- | --- | --- | --- |")
    for where in sorted(sentences):
        print(f"| {where} | {sentences[where]} | {eventful[where]} | {events[where]} |")
    print(f"| all | {sentences.total()} | {eventful.total()} | {events.total()} |")
    print(" ".join(f"{t}={n}" for t, n in types.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
