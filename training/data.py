"""The annotated training sentences: pointers into the shared texts, and their events.

``data/training/sentences.jsonl`` names each sentence (the annotation round that drew it,
source, document, offsets of the sentence and of the one before it);
``data/training/annotations.jsonl`` holds the events each annotator coded by
``docs/annotation.md`` (one line an annotation; a sentence coded twice, independently, has
two lines). The texts are read from the shared material.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from training.corpus import documents

ROOT = Path(__file__).resolve().parent.parent / "data" / "training"
SENTENCES = ROOT / "sentences.jsonl"
ANNOTATIONS = ROOT / "annotations.jsonl"


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    round: int
    source: str
    doc: str
    text: str
    context: str
    published: str | None
    annotator: str
    events: tuple[dict[str, Any], ...]

    @property
    def types(self) -> frozenset[str]:
        return frozenset(e["type"] for e in self.events)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def examples(annotations: Path = ANNOTATIONS) -> list[Example]:
    """Every annotation with its sentence's text, in the annotations' order."""
    pointers = {s["id"]: s for s in read_jsonl(SENTENCES)}
    out = []
    for ann in read_jsonl(annotations):
        s = pointers[ann["id"]]
        text, published = documents(s["source"])[s["doc"]]
        ctx = s["context"]
        out.append(Example(
            id=ann["id"], round=s["round"], source=s["source"], doc=s["doc"],
            text=text[s["start"]:s["end"]].strip(),
            context=text[ctx[0]:ctx[1]].strip() if ctx else "",
            published=published, annotator=ann["annotator"], events=tuple(ann["events"]),
        ))
    return out


def first_annotations(items: list[Example]) -> list[Example]:
    """One annotation a sentence: the first annotator's where it was coded twice."""
    seen: set[str] = set()
    out = []
    for ex in items:
        if ex.id not in seen:
            seen.add(ex.id)
            out.append(ex)
    return out
