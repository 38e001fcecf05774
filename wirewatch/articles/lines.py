"""Line kinds of a rendered page: prose, short sentences, headings and site chrome."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from wirewatch.articles.chrome import chrome_lexicon

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_INNER_STOP = re.compile(r"[a-z0-9)][.!?] +[A-Z]")
_DATE_LINE = re.compile(
    r"\b(?:\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? "
    r"\d{1,2},? \d{4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4})\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by)\s+\S", re.IGNORECASE)

PROSE_WORDS = 8
LONG_WORDS = 20
TITLE_MIN_WORDS = 4
TITLE_MAX_WORDS = 30
CATEGORY_MAX_WORDS = 4


class Kind(Enum):
    PROSE = "prose"  # a paragraph of running text
    SENTENCE = "sentence"  # a short line that reads as a sentence
    HEAD = "head"  # titles, categories, captions, menus
    CHROME = "chrome"  # a known site-chrome line that is skipped
    END = "end"  # a known site-chrome line that closes an article (comments, related)


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    start: int  # character offset in the page
    kind: Kind

    @property
    def words(self) -> int:
        return len(self.text.split())


def classify(text: str) -> Kind:
    role = chrome_lexicon().role(text)
    if role is not None:
        return Kind.END if role == "end" else Kind.CHROME
    words = len(text.split())
    sentence_like = bool(_SENTENCE_END.search(text)) and any(c.islower() for c in text)
    if words >= LONG_WORDS or (sentence_like and words >= PROSE_WORDS):
        return Kind.PROSE
    if sentence_like and words >= 3 and not text.endswith("..."):
        return Kind.SENTENCE
    return Kind.HEAD


_BULLET = re.compile(r"\s+•\s+")  # "Join the debate – email … • Read more letters …"


def split_lines(page: str) -> list[Line]:
    """The page's non-blank lines with their offsets and kinds; items a line lists between
    bullets ("•") are lines of their own."""
    out = []
    pos = 0
    for raw in page.splitlines(keepends=True):
        start = 0
        for found in [*_BULLET.finditer(raw), None]:
            end = found.start() if found is not None else len(raw)
            text = raw[start:end].strip()
            if text:
                out.append(Line(text, pos + raw.index(text, start), classify(text)))
            start = found.end() if found is not None else end
        pos += len(raw)
    return out


def is_title(line: Line) -> bool:
    """Could this line be an article's headline?"""
    if line.kind not in (Kind.HEAD, Kind.SENTENCE):
        return False
    text = line.text
    if not TITLE_MIN_WORDS <= line.words <= TITLE_MAX_WORDS:
        return False
    if text.endswith((":", "*", "|", "»", ".")) or _INNER_STOP.search(text):
        return False
    return not (is_dateline(text) or _BYLINE.match(text))


def is_category(line: Line) -> bool:
    return line.kind in (Kind.HEAD, Kind.CHROME) and line.words <= CATEGORY_MAX_WORDS


_DATE_CUES = re.compile(r"\b(posted|published|updated|modified|on|by)\b|^\W*(mon|tue|wed|thu|fri|"
                        r"sat|sun)[a-z]*\b", re.IGNORECASE)


def is_dateline(text: str) -> bool:
    """A line that dates the article ('Posted on March 4, 2024 by …', '12 June 2023'),
    not a caption that happens to hold a date."""
    found = _DATE_LINE.search(text)
    if not found or len(text.split()) > 12:
        return False
    return found.start() <= 1 or bool(_DATE_CUES.search(text))


def is_byline(text: str) -> bool:
    return bool(_BYLINE.match(text))
