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
# what the coder reads
PARSE: list[int | str] = ["LEMMA", "POS", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE"]


@registry.readers("wirewatch.parsed_triggers.v1")  # type: ignore[untyped-decorator]
def parsed_triggers(path: Path) -> Callable[[Language], Iterator[Example]]:
    def read(nlp: Language) -> Iterator[Example]:
        for ref in DocBin().from_disk(path).get_docs(nlp.vocab):
            predicted = Doc(nlp.vocab, words=[t.text for t in ref],
                            spaces=[bool(t.whitespace_) for t in ref])
            predicted.from_array(PARSE, ref.to_array(PARSE))  # type: ignore[arg-type]
            yield Example(predicted, ref)
    return read
