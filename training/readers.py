"""The corpus reader of the coder's training (``spacy train --code training/readers.py``).

The stored documents hold the engine's parse and the trigger tags. The coder learns to
tag from the parse, so the document it predicts on is the same words with the same parse
and no tags: exactly what it is given at run time (``wirewatch.events.coder.coder_doc``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import registry

ATTRS = ["ORTH", "SPACY", "TAG", "LEMMA", "POS", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE"]


@registry.readers("wirewatch.parsed_triggers.v1")  # type: ignore[untyped-decorator]
def parsed_triggers(path: Path) -> Callable[[Language], Iterator[Example]]:
    def read(nlp: Language) -> Iterator[Example]:
        for ref in DocBin().from_disk(path).get_docs(nlp.vocab):
            predicted = Doc(nlp.vocab, words=[t.text for t in ref],
                            spaces=[bool(t.whitespace_) for t in ref],
                            lemmas=[t.lemma_ for t in ref], pos=[t.pos_ for t in ref],
                            deps=[t.dep_ for t in ref], heads=[t.head.i for t in ref],
                            ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I")
                                  else t.ent_iob_ for t in ref])
            yield Example(predicted, ref)
    return read
