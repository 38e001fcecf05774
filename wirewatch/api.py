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
    retry_failed: bool = False,
    transport: Transport | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_document: Callable[[], None] | None = None,
) -> IngestReport:
    """Process inputs into the store: idempotent, and resumable after an interruption
    (each document is stored in one transaction; stored documents are not redone; one
    that met a defect in the parser or the event stage keeps what was stored of it, is
    recorded as a failure (``SqliteStore.failures``) and is done again by the next ingest
    of its input). With ``retry_failed`` the inputs of the recorded failures are read
    again too. With ``articles_only`` the articles are stored and grouped into stories,
    no events."""
    report = IngestReport()
    tell = on_error or _ignore
    tick = on_document or (lambda: None)
    hashes: dict[str, str] = {}
    sources: dict[str, str | None] = {}  # each fresh document's input

    def fresh(items: Iterable[Item]) -> Iterator[Item]:
        for item in items:
            if isinstance(item, Document):
                digest = content_hash(item)
                if store.has_document(item.doc_id, digest):
                    report.unchanged += 1
                    tick()
                    continue
                hashes[item.doc_id] = digest
                sources[item.doc_id] = item.source
            yield item

    unfinished: set[str] = set()  # documents a defect cut short: to be done again

    def failed(error: InputError) -> None:
        if error.retry is not None:
            unfinished.add(error.retry)
            store.add_failure(error.retry, sources.get(error.retry), error.reason)
        report.errors.append(error)
        tell(error)
        tick()

    def flush(doc_id: str, records: list[ArticleRecord]) -> None:
        try:
            report.new_articles += store.add_document(doc_id, hashes[doc_id], records,
                                                      done=doc_id not in unfinished)
        except WirewatchError:  # the store itself: locked too long, full, read-only
            raise
        except Exception as exc:  # a record the store cannot take: this document only
            failed(InputError(doc_id, f"could not be stored ({type(exc).__name__}: {exc}); "
                                      "please report this page", retry=doc_id))
            return
        report.documents += 1
        tick()

    inputs, unreadable = _with_failed(inputs, store) if retry_failed else (list(inputs), [])
    for error in unreadable:
        failed(error)
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


def _ignore(error: InputError) -> None:
    pass


def _with_failed(inputs: Iterable[str], store: SqliteStore
                 ) -> tuple[list[str], list[InputError]]:
    """The inputs and those of the store's failed documents, and an error for a failed
    document that was read from standard input (it cannot be read again)."""
    given = list(inputs)
    again = sorted({f["source"] or "-" for f in store.failures()} - set(given))
    return given + [name for name in again if name != "-"], [
        InputError("-", "a failed document read from standard input cannot be read again "
                        "by --retry-failed; pipe it in again") for name in again if name == "-"]
