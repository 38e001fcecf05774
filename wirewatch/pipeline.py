"""The pipeline, stage by stage: documents → articles → annotated text → event records.

Each stage is a function over records; this module only chains them and feeds the
language model. Documents are read as the parser needs them, so results (and the store's
commits) follow the input closely and memory holds one parser batch, not the input.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language

from wirewatch import limits
from wirewatch.articles import find_articles
from wirewatch.dates import plausible_published
from wirewatch.errors import InputError, WirewatchError
from wirewatch.events.extract import extract
from wirewatch.limits import LimitError
from wirewatch.nlp.annotate import ParseFailure, parse
from wirewatch.records import AnnotatedArticle, Article, ArticleRecord, Document
from wirewatch.sources import NO_DEFAULTS, Defaults, Item

Result = ArticleRecord | InputError


def articles_of(doc: Document, defaults: Defaults = NO_DEFAULTS) -> list[Article] | InputError:
    """Stage 2: the clean articles of one document, with the user's defaults filled in."""
    if doc.kind != "html" and len(doc.content) > limits.MAX_DOCUMENT_CHARS:
        return InputError(doc.doc_id, str(limits.over(
            "a text", len(doc.content), limits.MAX_DOCUMENT_CHARS, "document")))
    try:
        found = find_articles(doc)
    except LimitError as exc:
        return InputError(doc.doc_id, str(exc))
    except Exception as exc:  # a page too broken to parse, or a defect: the batch goes on
        return InputError(doc.doc_id, f"unreadable page ({type(exc).__name__}: {exc})")
    if not found:
        return InputError(doc.doc_id, "no article text found")
    return [
        replace(
            a,
            published=plausible_published(a.published) or defaults.published,
            publisher=a.publisher or defaults.publisher,
            url=a.url or defaults.url,
        )
        for a in found
    ]


def entries(item: Item, defaults: Defaults = NO_DEFAULTS) -> list[Article | InputError]:
    """What one item gives the parser: its articles within the limits, and an error for
    each article or the part of the page that is over one."""
    if isinstance(item, InputError):
        return [item]
    found = articles_of(item, defaults)
    if isinstance(found, InputError):
        return [found]
    out: list[Article | InputError] = []
    for a in found[: limits.MAX_ARTICLES_PER_DOCUMENT]:
        if len(a.body) > limits.MAX_ARTICLE_CHARS:
            out.append(InputError(_where(a), str(limits.over(
                "an article", len(a.body), limits.MAX_ARTICLE_CHARS, "article"))))
        else:
            out.append(a)
    if len(found) > limits.MAX_ARTICLES_PER_DOCUMENT:
        out.append(InputError(item.doc_id, f"{len(found) - limits.MAX_ARTICLES_PER_DOCUMENT:,} "
                              f"articles after the first {limits.MAX_ARTICLES_PER_DOCUMENT:,} "
                              f"(the limit per document; it holds {len(found):,})"))
    return out


def run(
    items: Iterable[Item],
    nlp: Language | None,
    defaults: Defaults = NO_DEFAULTS,
) -> Iterator[Result]:
    """Every article record (or input error) of the items, in input order.

    With ``nlp`` None the pipeline stops after cleaning and segmentation.
    """
    queue: deque[Article | InputError] = deque()  # read, and not yet given out

    def articles() -> Iterator[Article]:
        for item in items:
            for entry in entries(item, defaults):
                queue.append(entry)
                if isinstance(entry, Article):
                    yield entry

    records: Iterator[Result] = (
        (_extract(ann) for ann in parse(articles(), nlp)) if nlp is not None
        else (ArticleRecord(article=a) for a in articles())
    )
    for record in records:  # the record of the first article in the queue
        entry = queue.popleft()
        while not isinstance(entry, Article):
            yield entry
            entry = queue.popleft()
        yield record
    yield from (entry for entry in queue if isinstance(entry, InputError))  # the last errors


def _where(a: Article) -> str:
    return f"{a.doc_id} ({a.title or a.article_id})"


def _extract(ann: AnnotatedArticle | ParseFailure) -> Result:
    """Stage 4 for one article. A failure here is a defect in wirewatch, not in the input;
    it is reported with the article it happened on and the batch goes on, unless it is a
    WirewatchError (a bundled file missing or broken), which ends the command."""
    if isinstance(ann, ParseFailure):
        return InputError(_where(ann.article), f"{ann.reason}; please report this page",
                          retry=ann.article.doc_id)
    try:
        return extract(ann)
    except WirewatchError:  # wirewatch cannot work at all (a bundled file is missing): stop
        raise
    except Exception as exc:  # one article must not sink the batch
        return InputError(_where(ann.article), f"event extraction failed "
                                               f"({type(exc).__name__}: {exc}); "
                                               "please report this page",
                          retry=ann.article.doc_id)
