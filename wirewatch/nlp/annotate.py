"""Annotated text: sentences, tokens with their parse, and named entities, as plain records.

A long body is parsed in parts (``limits.PART_CHARS`` at most, cut at paragraph breaks
where it can be) whose annotations are joined back into one record in the body's own
offsets, so a long article never meets spaCy's ``max_length`` and its parse needs the
memory of one part at a time. Parts are parsed in batches bounded in number and in
characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch import limits
from wirewatch.nlp.parts import split_parts
from wirewatch.records import AnnotatedArticle, Article, Entity, Sentence, Token

BATCH_SIZE = 32
_Part = tuple[Article, str, bool]  # an article, one part of its body, whether it is the last


@dataclass(frozen=True, slots=True)
class ParseFailure:
    """An article the parser failed on (alone, after its batch failed), and why."""

    article: Article
    reason: str


def annotate(articles: Iterable[Article], nlp: Language) -> Iterator[AnnotatedArticle]:
    """Parse article bodies in batches; the spaCy objects never leave this function."""
    for ann in parse(articles, nlp):
        if isinstance(ann, ParseFailure):
            raise ValueError(f"{ann.article.doc_id}: {ann.reason}")
        yield ann


def parse(articles: Iterable[Article], nlp: Language
          ) -> Iterator[AnnotatedArticle | ParseFailure]:
    """Each article's annotation, or its failure, in the order the articles came in, each
    as soon as its last part is parsed; one article's failure leaves the others alone."""
    parsed: list[AnnotatedArticle | ParseFailure] = []  # the parts of the current article
    for (article, _, last), ann in _parse(_parts(articles), nlp):
        parsed.append(ann)
        if last:
            failed = next((p for p in parsed if isinstance(p, ParseFailure)), None)
            done = [p for p in parsed if isinstance(p, AnnotatedArticle)]
            yield failed or (done[0] if len(done) == 1 else join(article, done))
            parsed = []


def _parts(articles: Iterable[Article]) -> Iterator[_Part]:
    for article in articles:
        parts = split_parts(article.body, limits.PART_CHARS)
        for k, part in enumerate(parts):
            yield article, part, k == len(parts) - 1


def _parse(parts: Iterator[_Part], nlp: Language
           ) -> Iterator[tuple[_Part, AnnotatedArticle | ParseFailure]]:
    """Each part with its annotation, in order. A batch holds at most BATCH_SIZE parts and,
    past its first part, at most ``limits.BATCH_CHARS`` characters."""
    batch: list[_Part] = []
    size = 0
    for part in parts:
        if batch and (len(batch) >= BATCH_SIZE or size + len(part[1]) > limits.BATCH_CHARS):
            yield from _run(batch, nlp)
            batch, size = [], 0
        batch.append(part)
        size += len(part[1])
    if batch:
        yield from _run(batch, nlp)


def _run(batch: list[_Part], nlp: Language
         ) -> Iterator[tuple[_Part, AnnotatedArticle | ParseFailure]]:
    try:
        docs = list(nlp.pipe((text for _, text, _ in batch), batch_size=len(batch)))
    except Exception:  # one text the parser cannot take: find it, parse the others
        for part in batch:
            yield part, _alone(part, nlp)
        return
    for part, doc in zip(batch, docs, strict=True):
        yield part, to_record(doc, part[0])


def _alone(part: _Part, nlp: Language) -> AnnotatedArticle | ParseFailure:
    try:
        return to_record(nlp(part[1]), part[0])
    except Exception as exc:
        return ParseFailure(part[0], f"the parser failed ({type(exc).__name__}: {exc})")


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


def join(article: Article, parts: list[AnnotatedArticle]) -> AnnotatedArticle:
    """One annotation from the annotations of consecutive parts of the article's body:
    token, sentence and entity positions moved to where each part starts."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    chars = 0
    for part in parts:
        n = len(tokens)
        tokens += [Token(t.i + n, t.text, t.idx + chars, t.lemma, t.pos, t.tag, t.dep,
                         t.head + n, t.ent_type, t.ent_iob, t.ws) for t in part.tokens]
        sentences += [Sentence(s.start + n, s.end + n, s.start_char + chars, s.end_char + chars)
                      for s in part.sentences]
        entities += [Entity(e.label, e.start + n, e.end + n, e.start_char + chars,
                            e.end_char + chars, e.text) for e in part.entities]
        chars += sum(len(t.text) + len(t.ws) for t in part.tokens)  # the part's text
    return AnnotatedArticle(article, tokens, sentences, entities)
