"""The trained pipelines: which words of a text are event triggers, of what type, and how
each event is reported.

Two small spaCy taggers trained on real news sentences annotated by the annotation guide
(``training/``; model card in ``docs/model-card.md``). The event coder tags the head word
of each trigger with its PLOVER type: parsed words go in, each word's probability of
triggering each type comes out, and ``added`` says which types a word triggers; the event
stage reads those events where the rules read none. The factuality reader tags the
trigger of each event found with how it is reported (``fact_scores``, ``reported``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
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
# a word is a trigger from ADD up, or from ADD_SENSED up when the lexicon knows it in a
# sense of that type (whose frame then reads its parties); chosen on the real-news dev
# split with every textbook gate held (docs/model-card.md)
ADD = 0.8
ADD_SENSED = 0.2
FLOOR = 0.05  # scores below this are not reported
# the factuality reader is taken from this probability up (chosen on the real-news dev
# split: docs/model-card.md)
SURE = 0.9
# index of a word → its likely types
Scores = dict[int, dict[str, float]]
Coder = Callable[[Sequence[Sequence[Token]]], Scores]
FactReader = Callable[[Sequence[Sequence[Token]], Collection[int]], Scores]


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
               deps=[t.dep for t in tokens],
               heads=[t.head - base if base <= t.head < base + len(tokens) else t.i - base
                      for t in tokens],  # a cut sentence: a head outside is not read
               ents=ents, tags=list(tags) if tags is not None else None)


def _tag_scores(name: str, sentences: Sequence[Sequence[Token]]
                ) -> Iterator[tuple[Sequence[Token], list[dict[str, float]]]]:
    """Each sentence with its words' tag probabilities, from the trained pipeline ``name``
    (a tok2vec and a tagger); each sentence is read alone, as in training."""
    sentences = [s for s in sentences if s]
    if not sentences:
        return
    nlp = load_coder(name)
    tok2vec: Any = nlp.get_pipe("tok2vec")
    tagger: Any = nlp.get_pipe(nlp.pipe_names[-1])
    docs = list(tok2vec.pipe(coder_doc(nlp.vocab, s) for s in sentences))
    labels = list(tagger.labels)
    for tokens, logits in zip(sentences, tagger.model.predict(docs), strict=True):
        raw = numpy.asarray(logits)
        exp = numpy.exp(raw - raw.max(axis=1, keepdims=True))
        yield tokens, [dict(zip(labels, row, strict=True))
                       for row in (exp / exp.sum(axis=1, keepdims=True)).tolist()]


def reach(name: str) -> int:
    """How many words each side a trained pipeline's convolution sees (depth × window)."""
    encode = load_coder(name).config["components"]["tok2vec"]["model"]["encode"]
    return int(encode["depth"]) * int(encode["window_size"])


def trigger_scores(sentences: Sequence[Sequence[Token]]) -> Scores:
    """P(each word triggers an event of each type), by the word's index in its article,
    for the content words and types that reach ``FLOOR``."""
    out: Scores = {}
    for tokens, rows in _tag_scores("event_coder", sentences):
        for tok, row in zip(tokens, rows, strict=True):
            if tok.pos in CONTENT:
                likely = {label: p for label, p in row.items()
                          if label != NO_EVENT and p >= FLOOR}
                if likely:
                    out[tok.i] = likely
    return out


def fact_scores(sentences: Sequence[Sequence[Token]], words: Collection[int]) -> Scores:
    """How the events whose triggers are ``words`` are reported: P(asserted, negated,
    future, hypothetical, historical) for each of those words, by its index. Each word is
    read within the words its convolution sees (``reach``): the probabilities its whole
    sentence gives, at a fraction of the cost."""
    span = reach("event_facts")
    windows: list[Sequence[Token]] = []
    centres: list[int] = []
    for sentence in sentences:
        for at, tok in enumerate(sentence):
            if tok.i in words:
                start = max(0, at - span)
                windows.append(sentence[start:at + span + 1])
                centres.append(at - start)
    return {window[c].i: rows[c] for (window, rows), c in
            zip(_tag_scores("event_facts", windows), centres, strict=True)}


def reported(likely: dict[str, float]) -> str | None:
    """How the factuality reader finds an event reported, when it is sure enough."""
    best = max(likely, key=lambda label: likely[label], default=None)
    return best if best is not None and likely[best] >= SURE else None


def added(likely: dict[str, float], least: float = ADD) -> list[str]:
    """The types the coder finds a word triggers (from ``least`` up), likeliest first."""
    return sorted((t for t, p in likely.items() if p >= least), key=lambda t: -likely[t])
