"""Segment a plain-text page dump into articles.

A dump holds site chrome (menus, share bars, comment forms) and one or more articles,
each a header (category, headline, image captions, byline, dateline) followed by prose.
The rules are structural: a prose block starts an article when the run of short lines
before it holds a headline; a known closing line (comments, related stories) or a new
header ends it. Which lines are chrome is learned data (``knowledge/chrome.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wirewatch.articles.lines import (
    Kind,
    Line,
    is_byline,
    is_category,
    is_dateline,
    is_title,
    split_lines,
)


@dataclass(slots=True)
class Segment:
    """One article as found on the page, before it becomes an Article record."""

    title: str | None = None
    category: str | None = None
    captions: list[str] = field(default_factory=list)
    dateline: str | None = None
    paragraphs: list[Line] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(line.text for line in self.paragraphs)


def _header(run: list[Line]) -> Segment | None:
    """Read a run of short lines as an article header, or None when it holds no headline."""
    titles = [i for i, line in enumerate(run) if is_title(line)]
    if not titles:
        return None
    # the headline is the fullest candidate: menus and captions are shorter
    t = max(titles, key=lambda i: (min(run[i].words, 16), -i))
    seg = Segment(title=run[t].text)
    if t > 0 and is_category(run[t - 1]):
        seg.category = run[t - 1].text
    for line in run[t + 1 :]:
        if line.kind in (Kind.CHROME, Kind.END) or line.text == seg.title:
            continue
        if is_dateline(line.text):
            seg.dateline = seg.dateline or line.text
        elif not is_byline(line.text) and line.kind is Kind.HEAD:
            seg.captions.append(line.text)
    return seg


def _opens_article(run: list[Line]) -> bool:
    """Does a run of short lines between two prose lines hold a new article's header?

    A lone short line is a subheading; a headline with a category, caption or other
    lines around it is a new teaser or article.
    """
    content = [line for line in run if line.kind not in (Kind.CHROME, Kind.END)]
    return len(content) >= 2 and any(is_title(line) for line in content)


def segment(page: str) -> list[Segment]:
    """The articles of a page dump, in page order."""
    segments: list[Segment] = []
    current: Segment | None = None
    closed = False  # the current article met a closing line (comments, related stories)
    run: list[Line] = []  # the short lines since the last prose line
    for line in split_lines(page):
        if line.kind is not Kind.PROSE:
            run.append(line)
            continue
        closed = closed or any(r.kind is Kind.END for r in run)
        if current is None or closed or _opens_article(run):
            header = _header(run)
            if header is None and current is not None:
                run = []  # prose after a closing line with no headline: comments, promos
                continue
            current = header or Segment()
            segments.append(current)
            closed = False
        else:
            current.paragraphs.extend(
                r for r in run if r.kind in (Kind.SENTENCE, Kind.HEAD) and r.words >= 2
            )
        current.paragraphs.append(line)
        run = []
    if current is not None and not closed:
        for r in run:  # short sentences right after the last paragraph still belong to it
            if r.kind is not Kind.SENTENCE:
                break
            current.paragraphs.append(r)
    return segments
