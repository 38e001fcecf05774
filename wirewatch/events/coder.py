"""The trained event coder: how likely each PLOVER type is to be reported by a sentence.

A spaCy text classifier trained on real news sentences annotated by the annotation guide
(``training/``; model card in ``docs/model-card.md``). It meets the rules at one seam:
sentences go in, a probability per type comes out, and ``decide`` keeps or drops what the
rules found.
"""

from __future__ import annotations

from collections.abc import Sequence

from wirewatch.nlp.model import load_coder

LABELS = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
          "ASSAULT")


def type_scores(sentences: Sequence[str]) -> list[dict[str, float]]:
    """P(the sentence reports an event of each type), one mapping a sentence."""
    nlp = load_coder()
    return [dict(doc.cats) for doc in nlp.pipe(sentences, batch_size=256)]
