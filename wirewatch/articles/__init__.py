"""Articles: from a document (a page dump, an HTML page) to clean articles.

``find_articles`` is the stage function. It removes site chrome and comments, splits
section pages into their articles and reads titles, categories, captions and dates.
"""

from __future__ import annotations

from dataclasses import replace

from wirewatch import limits
from wirewatch.articles.html import extract_html
from wirewatch.articles.ids import article_id
from wirewatch.articles.textdump import segment
from wirewatch.dates import parse_date
from wirewatch.records import Article, Document

__all__ = ["find_articles"]

MIN_WORDS = 3


def find_articles(doc: Document) -> list[Article]:
    """The articles in a document, in page order (empty when it holds none)."""
    if doc.kind == "html":
        found = [
            _article(doc, a.title, a.body, a.category, a.captions, a.published, a.publisher)
            for a in extract_html(doc.content, doc.url)
        ]
    else:
        segs = segment(doc.content)
        if doc.kind == "article" and segs:  # one article's text (JSON Lines): never split
            segs[0].paragraphs = [line for s in segs for line in s.paragraphs]
            segs[0].captions = [c for s in segs for c in s.captions]
            segs = segs[:1]
        found = [
            _article(doc, s.title, s.body, s.category, s.captions,
                     parse_date(s.dateline) if s.dateline else None, None)
            for s in segs
        ]
        if not found and len(doc.content.split()) >= MIN_WORDS:  # a short plain text
            body = "\n\n".join(p.strip() for p in doc.content.split("\n\n") if p.strip())
            found = [_article(doc, None, body, None, [], None, None)]
    if doc.title and len(found) == 1:
        title = clip(doc.title)
        found[0] = replace(found[0], title=title, article_id=article_id(title, found[0].body))
    return [a for a in found if a.body.strip()]


def clip(text: str | None) -> str | None:
    """A title, category or publisher within ``limits.MAX_TITLE_CHARS``, cut at a word."""
    cap = limits.MAX_TITLE_CHARS
    if text is None or len(text) <= cap:
        return text
    cut = text.rfind(" ", cap // 2, cap)
    return text[: cut if cut > 0 else cap].rstrip()


def _article(doc: Document, title: str | None, body: str, category: str | None,
             captions: list[str], published: str | None, publisher: str | None) -> Article:
    title = clip(title)
    return Article(
        doc_id=doc.doc_id,
        article_id=article_id(title, body),
        title=title,
        body=body,
        category=clip(category),
        url=doc.url,
        publisher=clip(doc.publisher or publisher),
        published=doc.published or published,
        captions=captions,
    )
