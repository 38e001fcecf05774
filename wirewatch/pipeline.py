"""The pipeline, stage by stage: documents → articles → annotated text → event records.

Each stage is a function over records; this module only chains them and batches the
language model. The distributed runner maps the same functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice

from spacy.language import Language

from wirewatch.articles import find_articles
from wirewatch.errors import InputError, WirewatchError
from wirewatch.events.extract import extract
from wirewatch.nlp.annotate import annotate
from wirewatch.records import AnnotatedArticle, Article, ArticleRecord, Document
from wirewatch.sources import NO_DEFAULTS, Defaults, Item

BATCH_DOCUMENTS = 64
Result = ArticleRecord | InputError


def articles_of(doc: Document, defaults: Defaults = NO_DEFAULTS) -> list[Article] | InputError:
    """Stage 2: the clean articles of one document, with the user's defaults filled in."""
    try:
        found = find_articles(doc)
    except Exception as exc:  # a page too broken to parse, or a defect: the batch goes on
        return InputError(doc.doc_id, f"unreadable page ({type(exc).__name__}: {exc})")
    if not found:
        return InputError(doc.doc_id, "no article text found")
    return [
        replace(
            a,
            published=a.published or defaults.published,
            publisher=a.publisher or defaults.publisher,
            url=a.url or defaults.url,
        )
        for a in found
    ]


def run(
    items: Iterable[Item],
    nlp: Language | None,
    defaults: Defaults = NO_DEFAULTS,
) -> Iterator[Result]:
    """Every article record (or input error) of the items, in input order.

    With ``nlp`` None the pipeline stops after cleaning and segmentation.
    """
    it = iter(items)
    while batch := list(islice(it, BATCH_DOCUMENTS)):
        pending: list[Article | InputError] = []
        for item in batch:
            if isinstance(item, InputError):
                pending.append(item)
                continue
            found = articles_of(item, defaults)
            if isinstance(found, InputError):
                pending.append(found)
            else:
                pending.extend(found)
        articles = [a for a in pending if isinstance(a, Article)]
        records = iter(
            [_extract(ann) for ann in annotate(articles, nlp)] if nlp is not None
            else [ArticleRecord(article=a) for a in articles]
        )
        for entry in pending:
            yield entry if isinstance(entry, InputError) else next(records)


def _extract(ann: AnnotatedArticle) -> Result:
    """Stage 4 for one article. A failure here is a defect in wirewatch, not in the input;
    it is reported with the article it happened on and the batch goes on, unless it is a
    WirewatchError (a bundled file missing or broken), which ends the command."""
    try:
        return extract(ann)
    except WirewatchError:  # wirewatch cannot work at all (a bundled file is missing): stop
        raise
    except Exception as exc:  # one article must not sink the batch
        where = f"{ann.article.doc_id} ({ann.article.title or ann.article.article_id})"
        return InputError(where, f"event extraction failed ({type(exc).__name__}: {exc}); "
                                 "please report this page")
