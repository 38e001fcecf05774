"""The Python API. Each function is one `wirewatch` sub-command."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from wirewatch.errors import InputError, WirewatchError
from wirewatch.nlp.model import load_model
from wirewatch.pipeline import Result, run
from wirewatch.records import ArticleRecord, Document
from wirewatch.sources import NO_DEFAULTS, Defaults, Item, read_inputs
from wirewatch.sources.fetch import Transport
from wirewatch.store import SqliteStore


def extract(
    inputs: Iterable[str],
    *,
    input_format: str | None = None,
    defaults: Defaults = NO_DEFAULTS,
    articles_only: bool = False,
    model: str | None = None,
    transport: Transport | None = None,
) -> Iterator[Result]:
    """Article records (or input errors) for every input, nothing stored."""
    items = read_inputs(inputs, input_format, transport)
    nlp = None if articles_only else load_model(model)
    return run(items, nlp, defaults)


@dataclass(slots=True)
class IngestReport:
    documents: int = 0  # documents processed in this run
    unchanged: int = 0  # documents already in the store with the same content
    new_articles: int = 0
    errors: list[InputError] = field(default_factory=list)


def content_hash(doc: Document) -> str:
    h = hashlib.sha256()
    for part in (doc.kind, doc.content, doc.url, doc.title, doc.published, doc.publisher):
        h.update((part or "").encode("utf-8", "surrogatepass") + b"\x1f")
    return h.hexdigest()[:32]


def ingest(
    inputs: Iterable[str],
    store: SqliteStore,
    *,
    input_format: str | None = None,
    defaults: Defaults = NO_DEFAULTS,
    model: str | None = None,
    articles_only: bool = False,
    transport: Transport | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_document: Callable[[], None] | None = None,
) -> IngestReport:
    """Process inputs into the store: idempotent, and resumable after an interruption
    (each document is stored in one transaction; stored documents are not redone; one
    that met a defect in the parser or the event stage keeps what was stored of it and
    is done again by the next ingest).
    With ``articles_only`` the articles are stored and grouped into stories, no events."""
    report = IngestReport()
    hashes: dict[str, str] = {}

    def fresh(items: Iterable[Item]) -> Iterator[Item]:
        for item in items:
            if isinstance(item, Document):
                digest = content_hash(item)
                if store.has_document(item.doc_id, digest):
                    report.unchanged += 1
                    if on_document:
                        on_document()
                    continue
                hashes[item.doc_id] = digest
            yield item

    unfinished: set[str] = set()  # documents a defect cut short: to be done again

    def failed(error: InputError) -> None:
        if error.retry is not None:
            unfinished.add(error.retry)
        report.errors.append(error)
        if on_error:
            on_error(error)
        if on_document:
            on_document()

    def flush(doc_id: str, records: list[ArticleRecord]) -> None:
        try:
            report.new_articles += store.add_document(doc_id, hashes[doc_id], records,
                                                      done=doc_id not in unfinished)
        except WirewatchError:  # the store itself: locked too long, full, read-only
            raise
        except Exception as exc:  # a record the store cannot take: this document only
            failed(InputError(doc_id, f"could not be stored ({type(exc).__name__}: {exc}); "
                                      "please report this page"))
            return
        report.documents += 1
        if on_document:
            on_document()

    items = fresh(read_inputs(inputs, input_format, transport))
    current: str | None = None
    batch: list[ArticleRecord] = []
    for result in run(items, None if articles_only else load_model(model), defaults):
        if isinstance(result, InputError):
            failed(result)
            continue
        doc_id = result.article.doc_id
        if current is not None and doc_id != current:
            flush(current, batch)
            batch = []
        current = doc_id
        batch.append(result)
    if current is not None:
        flush(current, batch)
    return report
