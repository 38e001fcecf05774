"""Render HTML to plain text lines the way a text-mode browser does.

Block elements start new lines, scripts and styles vanish, images leave their alt text.
Used to read section pages with several teasers and to turn real pages into text dumps.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html
from lxml.etree import ParserError, _Comment, _Element, _ProcessingInstruction

from wirewatch import limits

BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre "
    "section summary table tbody td tfoot th thead tr ul title option button label".split()
)
DROP_TAGS = frozenset("script style noscript template svg iframe head object canvas".split())
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
# libxml2 cuts a text or attribute over 10 MB (an inline image) and loses the rest of the
# page; HTML has no entities to expand, so lifting that cap risks nothing (the input's
# size is capped before)
_PARSER = lxml_html.HTMLParser(huge_tree=True)


def parse_html(markup: str) -> _Element | None:
    """Parse markup leniently; None when there is nothing to parse."""
    if not markup.strip():
        return None
    try:
        return lxml_html.document_fromstring(markup, parser=_PARSER)
    except (ParserError, ValueError):
        return None


def text_size(root: _Element) -> int:
    """The characters of text a page shows (scripts, styles and comments not counted)."""
    size = 0
    for el in root.iter():
        if el.text and isinstance(el.tag, str) and el.tag not in DROP_TAGS:
            size += len(el.text)
        if el.tail:
            size += len(el.tail)
    return size


def slim(root: _Element) -> bool:
    """Drop what no article is made of and may be huge: attribute values (inline images)
    and script or style texts longer than ``limits.MAX_ATTRIBUTE_CHARS``. Whether any
    was dropped."""
    cap = limits.MAX_ATTRIBUTE_CHARS
    dropped = False
    for el in root.iter():
        for name in [k for k, v in el.attrib.items() if len(v) > cap]:
            del el.attrib[name]
            dropped = True
        if el.tag in DROP_TAGS and el.text and len(el.text) > cap:
            el.text = ""
            dropped = True
    return dropped


def render_element(root: _Element) -> list[str]:
    """The text lines of an element, one per block, blank-free and whitespace-folded.
    The tree is walked with a stack of its own, so a page nested thousands deep is read."""
    parts: list[str] = []
    stack: list[tuple[_Element, bool]] = [(root, False)]  # an element, whether it is done
    while stack:
        el, done = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if done:
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if el.tail:
                parts.append(el.tail)
            continue
        if isinstance(el, _Comment | _ProcessingInstruction) or tag in DROP_TAGS:
            if el.tail:
                parts.append(el.tail)
            continue
        if tag in BLOCK_TAGS:
            parts.append("\n")
        if tag == "img":
            alt = (el.get("alt") or "").strip()
            if alt:
                parts.append(f"\n{alt}\n")
        if el.text:
            parts.append(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def html_to_text(markup: str) -> str:
    """A page dump: block lines separated by blank lines, as the seed page looks."""
    root = parse_html(markup)
    if root is None:
        return ""
    body = root.find("body")
    return "\n\n".join(render_element(body if body is not None else root))
