"""Articles from HTML: article pages through trafilatura, section pages teaser by teaser."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import html as lxml_html
from lxml.etree import _Element

from wirewatch import limits
from wirewatch.articles.lines import PROSE_WORDS
from wirewatch.articles.render import parse_html, render_element, slim, text_size
from wirewatch.articles.textdump import segment

HEADINGS = ("h1", "h2", "h3", "h4")
MAIN_STORY_SHARE = 0.6  # one teaser with more of the prose than this is the page's story


@dataclass(slots=True)
class HtmlArticle:
    title: str | None
    body: str
    captions: list[str] = field(default_factory=list)
    category: str | None = None
    published: str | None = None
    publisher: str | None = None


def extract_html(markup: str, url: str | None = None) -> list[HtmlArticle]:
    """The articles of an HTML page: several for a section page, one for an article page.
    A page whose text is over ``limits.MAX_DOCUMENT_CHARS`` is refused (LimitError)."""
    root = parse_html(markup)
    if root is None:
        return []
    size = text_size(root)
    if size > limits.MAX_DOCUMENT_CHARS:
        raise limits.over("a page's text", size, limits.MAX_DOCUMENT_CHARS, "document")
    if len(markup) > limits.MAX_ATTRIBUTE_CHARS and slim(root):
        markup = lxml_html.tostring(root, encoding="unicode")
    teasers = _teasers(root)
    if len(teasers) >= 2:
        site = _meta(root, "og:site_name")
        found = [a for a in (_teaser_article(t) for t in teasers) if a is not None]
        for a in found:
            a.publisher = site
        return found
    article = _article_page(markup, root, url)
    return [article] if article is not None else []


def _teasers(root: _Element) -> list[_Element]:
    """The teasers of a section page: repeated <article> blocks, each a linked headline
    with some prose, none of them the page's main story. Empty for an article page (which
    may still hold <article> cards for related stories or comments)."""
    if (_meta(root, "og:type") or "").lower() == "article":
        return []
    blocks = [el for el in root.iter("article") if el.find(".//article") is None]
    teasers = [el for el in blocks if _linked_heading(el) and _prose_words(el) >= PROSE_WORDS]
    words = [_prose_words(el) for el in teasers]
    if len(teasers) < 2 or max(words) > MAIN_STORY_SHARE * sum(words):
        return []
    return teasers


def _linked_heading(el: _Element) -> bool:
    heading = _heading(el)
    if heading is None:
        return False
    parent = heading.getparent()
    return heading.find(".//a") is not None or (parent is not None and parent.tag == "a")


def _heading(el: _Element) -> _Element | None:
    for tag in HEADINGS:
        found = el.find(f".//{tag}")
        if found is not None:
            return found
    return None


def _prose_words(el: _Element) -> int:
    return sum(len((p.text_content() or "").split()) for p in el.iter("p"))


def _teaser_article(el: _Element) -> HtmlArticle | None:
    segments = segment("\n\n".join(render_element(el)))
    if not segments:
        return None
    seg = segments[0]
    heading = _heading(el)
    title = " ".join(heading.text_content().split()) if heading is not None else seg.title
    return HtmlArticle(
        title=title,
        body=seg.body,
        captions=_captions(el) or seg.captions,
        category=seg.category,
        published=_time(el),
    )


def _article_page(markup: str, root: _Element, url: str | None) -> HtmlArticle | None:
    import trafilatura  # here: only HTML article pages need it, and it takes 0.1 s to import

    extracted = trafilatura.bare_extraction(
        markup, url=url, with_metadata=True, include_comments=False,
    )
    result = extracted.as_dict() if extracted is not None and not isinstance(extracted, dict) \
        else extracted
    if not isinstance(result, dict) or not (result.get("text") or "").strip():
        return _fragment(root)
    title = result.get("title")
    paragraphs = [p.strip() for p in str(result["text"]).split("\n") if p.strip()]
    if paragraphs and title and paragraphs[0] == title.strip():
        paragraphs = paragraphs[1:]
    categories = result.get("categories") or []
    scope = root.find(".//article")
    return HtmlArticle(
        title=title,
        body="\n\n".join(paragraphs),
        captions=_captions(scope if scope is not None else root),
        category=(categories[0] if isinstance(categories, list) and categories else None)
        or _meta(root, "article:section"),
        published=result.get("date"),
        publisher=result.get("sitename"),
    )


def _fragment(root: _Element) -> HtmlArticle | None:
    """A snippet too small for boilerplate removal (a feed summary): all its text."""
    lines = render_element(root)
    if not lines or sum(len(line.split()) for line in lines) < PROSE_WORDS:
        return None
    return HtmlArticle(title=None, body="\n\n".join(lines), captions=_captions(root))


def _captions(el: _Element) -> list[str]:
    seen: list[str] = []
    for node in el.iter("figcaption", "img"):
        text = node.get("alt") if node.tag == "img" else node.text_content()
        text = " ".join((text or "").split())
        if not text or any(text in other for other in seen):
            continue
        seen = [other for other in seen if other not in text]  # the fuller one stays
        seen.append(text)
    return seen


def _time(el: _Element) -> str | None:
    node = el.find(".//time")
    value = node.get("datetime") if node is not None else None
    return value[:10] if value and len(value) >= 10 else None


def _meta(root: _Element, prop: str) -> str | None:
    for node in root.iter("meta"):
        if node.get("property") == prop or node.get("name") == prop:
            return node.get("content") or None
    return None
