"""Render HTML to plain text lines the way a text-mode browser does.

Block elements start new lines, scripts and styles vanish, images leave their alt text.
Used to read section pages with several teasers and to turn real pages into text dumps.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html
from lxml.etree import ParserError, _Comment, _Element, _ProcessingInstruction

BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre "
    "section summary table tbody td tfoot th thead tr ul title option button label".split()
)
DROP_TAGS = frozenset("script style noscript template svg iframe head object canvas".split())
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")


def parse_html(markup: str) -> _Element | None:
    """Parse markup leniently; None when there is nothing to parse."""
    if not markup.strip():
        return None
    try:
        return lxml_html.document_fromstring(markup)
    except (ParserError, ValueError):
        return None


def render_element(root: _Element) -> list[str]:
    """The text lines of an element, one per block, blank-free and whitespace-folded."""
    parts: list[str] = []

    def walk(el: _Element) -> None:
        if isinstance(el, _Comment | _ProcessingInstruction):
            if el.tail:
                parts.append(el.tail)
            return
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in DROP_TAGS:
            if el.tail:
                parts.append(el.tail)
            return
        block = tag in BLOCK_TAGS
        if block:
            parts.append("\n")
        if tag == "img":
            alt = (el.get("alt") or "").strip()
            if alt:
                parts.append(f"\n{alt}\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def html_to_text(markup: str) -> str:
    """A page dump: block lines separated by blank lines, as the seed page looks."""
    root = parse_html(markup)
    if root is None:
        return ""
    body = root.find("body")
    return "\n\n".join(render_element(body if body is not None else root))
