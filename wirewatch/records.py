"""The typed records that flow between pipeline stages.

Every stage is a function from some of these records to others. No stage passes a
spaCy object or a database row across its boundary; everything here is plain data
that pickles (so a stage can run in another process) and serialises to the public JSON contract.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = 1


@dataclass(slots=True, frozen=True)
class Document:
    """One unit read from an input: a page, a feed entry, a WARC record, a JSON line."""

    doc_id: str
    kind: str  # "text" (a page dump) | "html" | "article" (one article's plain text)
    content: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    source: str | None = None  # the input it was read from: a path, a URL or "-"


@dataclass(slots=True, frozen=True)
class Article:
    """One article found in a document, cleaned of site chrome."""

    doc_id: str
    article_id: str
    title: str | None
    body: str
    category: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    captions: list[str] = field(default_factory=list)


# --- annotated text -------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Token:
    i: int
    text: str
    idx: int  # character offset into the article body
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent_type: str
    ent_iob: str
    ws: str

    @property
    def lower_text(self) -> str:
        return self.text.lower()


@dataclass(slots=True, frozen=True)
class Sentence:
    start: int  # first token
    end: int  # one past the last token
    start_char: int
    end_char: int


@dataclass(slots=True, frozen=True)
class Entity:
    label: str
    start: int
    end: int
    start_char: int
    end_char: int
    text: str


@dataclass(slots=True, frozen=True)
class AnnotatedArticle:
    article: Article
    tokens: list[Token]
    sentences: list[Sentence]
    entities: list[Entity]


# --- extracted values -------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Actor:
    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    id: str | None = None
    start: int | None = None
    end: int | None = None
    inferred: tuple[str, ...] = ()  # fields taken from context, not read
    count: int | None = None  # how many, when the text says exactly ("40 protesters")


@dataclass(slots=True, frozen=True)
class Place:
    text: str
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str
    start: int
    end: int


@dataclass(slots=True, frozen=True)
class Source:
    text: str
    name: str | None
    kind: str  # outlet | person | organization | official | document | social-media
    anonymous: bool
    start: int | None = None
    end: int | None = None


@dataclass(slots=True, frozen=True)
class Instrument:
    text: str
    name: str
    kind: str
    start: int
    end: int


@dataclass(slots=True, frozen=True)
class Factuality:
    polarity: str = "positive"
    modality: str = "asserted"


@dataclass(slots=True, frozen=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(slots=True, frozen=True)
class Quote:
    text: str
    speaker: Actor | None
    start: int
    end: int


@dataclass(slots=True, frozen=True)
class EventMention:
    id: str
    event_type: str
    mode: str | None
    contexts: list[str]
    actors: list[Actor]
    recipients: list[Actor]
    instruments: list[Instrument]
    date: str | None
    date_text: str | None
    location: Place | None
    factuality: Factuality
    attribution: list[Source]
    evidence: Evidence
    trigger: Evidence
    confidence: float
    date_told: bool = False  # the date is the telling's ("officials said on Tuesday")


@dataclass(slots=True, frozen=True)
class ArticleRecord:
    article: Article
    events: list[EventMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "schema_version": SCHEMA_VERSION,
            "doc_id": a.doc_id,
            "article_id": a.article_id,
            "url": a.url,
            "publisher": a.publisher,
            "category": a.category,
            "title": a.title,
            "published": a.published,
            "body": a.body,
            "captions": list(a.captions),
            "events": [asdict(e) for e in self.events],
            "quotes": [asdict(q) for q in self.quotes],
            "places": [asdict(p) for p in self.places],
        }
