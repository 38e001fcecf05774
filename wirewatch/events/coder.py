"""The trained event coder: which words of a text are event triggers, and of what type.

A spaCy tagger trained on real news sentences annotated by the annotation guide
(``training/``; model card in ``docs/model-card.md``) tags the head word of each trigger
with its PLOVER type. It meets the rules at one seam: parsed words go in, each word's
probability of triggering each type comes out, and ``added`` says which types a word
triggers; the event stage reads those events where the rules read none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from wirewatch.nlp.model import load_coder
from wirewatch.records import Token

NO_EVENT = "-"  # the tag of a word that is no trigger
# the parts of speech a trigger's head word may have: in training, other words carry no
# loss unless an annotated trigger's head is one; at run time they are never triggers
CONTENT = frozenset({"VERB", "NOUN", "PROPN", "ADJ", "AUX", "NUM"})
# a word is a trigger from ADD up (chosen on the real-news dev split with the textbook
# gates held: docs/model-card.md)
ADD = 0.8
FLOOR = 0.05  # scores below this are not reported
# index of a word → its likely types
Scores = dict[int, dict[str, float]]
Coder = Callable[[Sequence[Sequence[Token]]], Scores]


def coder_doc(vocab: Vocab, tokens: Sequence[Token], tags: Sequence[str] | None = None
              ) -> Doc:
    """The coder's view of a parsed sentence: its words' text, lemma, part of speech,
    syntactic relation and entity label (the same at training and at run time), with
    trigger tags when training."""
    base = tokens[0].i if tokens else 0
    ents = [f"{t.ent_iob}-{t.ent_type}" if t.ent_iob in ("B", "I") else t.ent_iob
            for t in tokens]
    if ents and ents[0].startswith("I-"):  # a name running in from the sentence before
        ents[0] = "B-" + ents[0][2:]
    return Doc(vocab, words=[t.text for t in tokens], spaces=[bool(t.ws) for t in tokens],
               lemmas=[t.lemma for t in tokens], pos=[t.pos for t in tokens],
               deps=[t.dep for t in tokens], heads=[t.head - base for t in tokens],
               ents=ents, tags=list(tags) if tags is not None else None)


def trigger_scores(sentences: Sequence[Sequence[Token]]) -> Scores:
    """P(each word triggers an event of each type), by the word's index in its article,
    for the content words and types that reach ``FLOOR``. Each sentence is read alone, as
    in training."""
    sentences = [s for s in sentences if s]
    if not sentences:
        return {}
    nlp = load_coder()
    tok2vec: Any = nlp.get_pipe("tok2vec")
    tagger: Any = nlp.get_pipe("triggers")
    docs = list(tok2vec.pipe(coder_doc(nlp.vocab, s) for s in sentences))
    labels = list(tagger.labels)
    out: Scores = {}
    for tokens, logits in zip(sentences, tagger.model.predict(docs), strict=True):
        raw = numpy.asarray(logits)
        exp = numpy.exp(raw - raw.max(axis=1, keepdims=True))
        for tok, row in zip(tokens, (exp / exp.sum(axis=1, keepdims=True)).tolist(),
                            strict=True):
            if tok.pos not in CONTENT:
                continue
            likely = {label: p for label, p in zip(labels, row, strict=True)
                      if label != NO_EVENT and p >= FLOOR}
            if likely:
                out[tok.i] = likely
    return out


def added(likely: dict[str, float]) -> list[str]:
    """The types the coder finds a word triggers, likeliest first."""
    return sorted((t for t, p in likely.items() if p >= ADD), key=lambda t: -likely[t])
