"""Annotated text: sentences, tokens with their parse, and named entities, as plain records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.records import AnnotatedArticle, Article, Entity, Sentence, Token

BATCH_SIZE = 32


def annotate(articles: Iterable[Article], nlp: Language) -> Iterator[AnnotatedArticle]:
    """Parse article bodies in batches; the spaCy objects never leave this function."""
    pairs = ((a.body, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
        yield to_record(doc, article)


def to_record(doc: Doc, article: Article) -> AnnotatedArticle:
    tokens = [
        Token(t.i, t.text, t.idx, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_,
              t.ent_iob_, t.whitespace_)
        for t in doc
    ]
    sentences = [Sentence(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
    entities = [
        Entity(e.label_, e.start, e.end, e.start_char, e.end_char, e.text) for e in doc.ents
    ]
    return AnnotatedArticle(article, tokens, sentences, entities)
