"""Event coding on PLOVER's gold-standard sentences (322 records, Open Event Data Alliance).

Every sentence is read as a one-paragraph document. Event type: micro precision, recall
and F1 over (sentence, type) pairs, with the old labels mapped as the ontology says.
Actor (recipient): the share of gold events found whose source (target) country codes
meet an actor's (recipient's) country. Mode: accuracy where the type is right and the
gold names a mode. ``actor_dict`` and ``recipient_dict``: the same with the Phoenix actor
dictionaries configured.

    python -m evaluation.plover
"""

from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from typing import Any
from unittest.mock import patch

from evaluation.common import prf, report
from wirewatch import dictionaries
from wirewatch.gazetteer import SUB_IGO
from wirewatch.nlp.model import load_model
from wirewatch.pipeline import run
from wirewatch.records import ArticleRecord, Document
from wirewatch.shared_data import shared_path

OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
              "FIGHT": "ASSAULT"}
OLD_MODES = {"DISAPPROVE": "disapprove", "INVESTIGATE": "investigate"}
# the gold's older mode names, in today's PLOVER vocabulary
MODE_NAMES = {"strike-hun": "hunger", "strike-gen": "strike", "host": "visit"}
MODE_PREFIXES = ("riot", "demo", "strike")


def _mode(mode: str | None) -> str | None:
    if not mode:
        return None
    if mode in MODE_NAMES:
        return MODE_NAMES[mode]
    return next((p for p in MODE_PREFIXES if mode.startswith(p + "-")), mode)


def gold_records() -> list[dict[str, Any]]:
    path = shared_path("data", "plover", "PLOVER_GSR_CAMEO.json")
    return [r for r in json.loads(path.read_text()) if r.get("event") != "DOCUMENT"]


def _codes(parties: Any) -> set[str]:
    """Country codes of a gold source or target list (which may be empty or a string)."""
    if not isinstance(parties, list):
        return set()
    return {a["code"] for a in parties if isinstance(a, dict) and a.get("code")}


def _ours(codes: set[str | None]) -> set[str | None]:
    """Our codes as the gold writes them: it codes the UN and the EU as IGO, and al-Qaeda
    or Islamic State as IMG where the annotation guide has ISM."""
    return codes | ({"IGO"} if codes & SUB_IGO else set()) | ({"IMG"} if "ISM" in codes
                                                                else set())


def score() -> dict[str, float]:
    records = gold_records()
    by_text: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        by_text[r["text"]].append(r)
    texts = sorted(by_text)
    docs = [Document(f"plover-{n}", "text", t) for n, t in enumerate(texts)]
    tp = fp = fn = 0
    actor_hits = actor_n = recipient_hits = recipient_n = mode_hits = mode_n = 0
    for text, result in zip(texts, run(docs, load_model()), strict=True):
        events = result.events if isinstance(result, ArticleRecord) else []
        gold_types = {OLD_LABELS.get(r["event"], r["event"]) for r in by_text[text]}
        found = {e.event_type for e in events}
        tp += len(found & gold_types)
        fp += len(found - gold_types)
        fn += len(gold_types - found)
        for r in by_text[text]:
            etype = OLD_LABELS.get(r["event"], r["event"])
            same = [e for e in events if e.event_type == etype]
            if not same:
                continue
            sources = _codes(r.get("source"))
            targets = _codes(r.get("target"))
            if sources:
                actor_n += 1
                actor_hits += any(sources & _ours({a.country for a in e.actors}) for e in same)
            if targets:
                recipient_n += 1
                recipient_hits += any(targets & _ours({a.country for a in e.recipients})
                                      for e in same)
            mode = _mode(r.get("mode") or OLD_MODES.get(r["event"]))
            if mode:
                mode_n += 1
                mode_hits += any(e.mode == mode for e in same)
    p, rec, f1 = prf(tp, fp, fn)
    return {
        "type_precision": p, "type_recall": rec, "type_f1": f1,
        "actor": actor_hits / max(1, actor_n), "recipient": recipient_hits / max(1, recipient_n),
        "mode": mode_hits / max(1, mode_n),
    }


def score_both() -> dict[str, float]:
    """The figures as wirewatch runs by default, and the actor figures with the Phoenix
    actor dictionaries of the shared data configured (``*_dict``)."""
    figures = score()
    setting = {dictionaries.ENV_VAR: str(shared_path("data", "actor-dictionaries"))}
    with patch.dict(os.environ, setting):
        with_dicts = score()
    figures.update({f"{k}_dict": with_dicts[k] for k in ("actor", "recipient")})
    return figures


def main() -> int:
    print(report("plover", score_both(), "PLOVER gold sentences, OEDA CC BY-SA 4.0"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
