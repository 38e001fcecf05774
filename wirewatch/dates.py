"""The one place that turns a date phrase into a value.

Values are TIMEX3-style: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, or ``XXXX-MM-DD`` /
``XXXX-MM`` when the phrase names no year and no publication date anchors it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_MONTH = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE
)
_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_FILLER = re.compile(
    r"\b(?:a|an|on|in|at|by|since|from|until|of|the|early|late|mid|last|this|next|on or about)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(today|yesterday|tomorrow|tonight|ago|last|this|next|weekend|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|earlier|later)\b",
    re.IGNORECASE,
)
_WEEKEND = re.compile(r"\b(over|during|at|on) (the|this|last) weekend\b", re.IGNORECASE)
# An event date may come a few days after publication only for scheduled events.
FUTURE_SLACK = timedelta(days=7)
# A day and month a few weeks after publication are this year's (a schedule: "a meeting on
# 20 September" told on 4 September), not a year back; further on they are last year's.
UPCOMING = timedelta(days=45)
_SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


@cache
def _parser() -> DateDataParser:
    """dateparser's English parser, made when a phrase first needs it (importing dateparser
    takes a tenth of a second)."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=_SETTINGS)


def _parse(text: str, base: datetime | None = None) -> datetime | None:
    """dateparser's reading of a date phrase (English, dates from the past preferred),
    relative to ``base`` when given."""
    import dateparser

    settings = _SETTINGS if base is None else {**_SETTINGS, "RELATIVE_BASE": base}
    parsed: datetime | None = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed


def parse_date(text: str) -> str | None:
    """An absolute date (YYYY-MM-DD) from a dateline, a feed stamp or metadata; or None."""
    cleaned = _ORDINAL.sub(r"\1", text.strip())
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", cleaned[:10]):
        return cleaned[:10]
    match = re.search(
        r"(\d{1,2} [A-Za-z]{3,9}\.? \d{4}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2})",
        cleaned,
    )
    if not match:
        return None
    parsed = _parse(match.group(1))
    return parsed.date().isoformat() if parsed else None


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# a publication date this far after today is a misread stamp ("99999-01-01"), not a date
PUBLISHED_SLACK = timedelta(days=2)


def plausible_published(published: str | None, today: date | None = None) -> str | None:
    """A publication date (YYYY, YYYY-MM or YYYY-MM-DD…) as given, or None when no article
    can have it: one that begins after today (a time zone's worth of slack allowed) or is
    no calendar date ("2018-13-45")."""
    found = _ISO.match(published or "")
    if published is None or found is None:
        return published
    try:
        day = date(int(found[1]), int(found[2] or 1), int(found[3] or 1))
    except ValueError:
        return None
    return published if day <= (today or date.today()) + PUBLISHED_SLACK else None


def _anchor(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def resolve(phrase: str, published: str | None = None, future: bool = False) -> str | None:
    """The TIMEX3 value of a date phrase, anchored on the publication date when known.

    A phrase without a year takes the year that puts it before publication (news tells
    what happened), or after it when ``future`` (the event is announced or planned) or
    when it names a day within ``UPCOMING`` of publication."""
    anchor = _anchor(published)
    text = _ORDINAL.sub(r"\1", " ".join(phrase.split()))
    if _WEEKEND.search(text):
        if anchor is None:
            return None
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7 or 7)
        return saturday.isoformat()
    has_year = bool(_YEAR.search(text))
    has_month = bool(_MONTH.search(text))
    if not has_month and not has_year:
        return _relative(text, anchor)
    core = _FILLER.sub(" ", text).strip(" ,.")
    direct = _month_day(core)
    if direct is not None:
        month, day = direct
        year_match = _YEAR.search(core)
        found = date(int(year_match.group(1)) if year_match else 2000, month, day)
        has_day = day > 0
    else:
        data = _parser().get_date_data(core)
        if data.date_obj is None:
            return None
        found = data.date_obj.date()
        has_day = (data.period or "day") == "day" and bool(_DAY.search(_YEAR.sub(" ", core)))
    if has_year:
        year = found.year
    elif anchor is not None:
        year = anchor.year
        candidate = date(year, found.month, min(found.day, 28))
        if future and candidate < anchor - FUTURE_SLACK:
            year += 1
        elif not future and candidate > anchor + (UPCOMING if has_day else FUTURE_SLACK):
            year -= 1
    else:
        return f"XXXX-{found.month:02d}-{found.day:02d}" if has_day else f"XXXX-{found.month:02d}"
    if not has_month:
        return str(year)
    return f"{year}-{found.month:02d}-{found.day:02d}" if has_day else f"{year}-{found.month:02d}"


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY_MONTH = re.compile(r"\b(\d{1,2}) ([a-z]{3,9})\.?\b|\b([a-z]{3,9})\.? (\d{1,2})\b", re.I)


def _month_day(text: str) -> tuple[int, int] | None:
    """(month, day) written out ('4 August', 'Sept. 4'); None when there is none."""
    for m in _DAY_MONTH.finditer(text):
        word = (m.group(2) or m.group(3)).lower()
        day = int(m.group(1) or m.group(4))
        month = next((k + 1 for k, name in enumerate(_MONTHS) if word.startswith(name)), 0)
        if month and 1 <= day <= 31:
            try:
                date(2000, month, day)
            except ValueError:
                continue
            return month, day
    return None


def _relative(text: str, anchor: date | None) -> str | None:
    if anchor is None or not _RELATIVE.search(text):
        return None
    words = text.lower().split()
    days = [d for d in _WEEKDAYS if d in words]
    if days and not {"next", "ago"} & set(words):
        # news usage: "on Monday" is the latest Monday up to the publication day
        back = (anchor.weekday() - _WEEKDAYS.index(days[0])) % 7
        if "last" in words and back == 0:
            back = 7
        return (anchor - timedelta(days=back)).isoformat()
    base = datetime(anchor.year, anchor.month, anchor.day, 12)
    parsed = _parse(text, base)
    if parsed is None or parsed.date() > anchor + FUTURE_SLACK:
        return None
    return str(parsed.date().isoformat())


def day_of(value: str | None) -> date | None:
    """The day a TIMEX value names ("2026-03-26"), or None."""
    if not value or len(value) != 10 or value.startswith("X"):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def days_of(value: str) -> tuple[date, date] | None:
    """The first and last day a TIMEX value may mean: the day; every day of a month
    ("2026-03") or of a year ("2026"). None when unplaced ("XXXX-03-26")."""
    day = day_of(value)
    if day is not None:
        return day, day
    if value.startswith("X") or not value[:4].isdigit():
        return None
    year = int(value[:4])
    if not 1 <= year < 9999:
        return None
    if len(value) >= 7 and value[5:7].isdigit() and 1 <= int(value[5:7]) <= 12:
        month = int(value[5:7])
        return date(year, month, 1), date(year + month // 12, month % 12 + 1, 1) - timedelta(1)
    return date(year, 1, 1), date(year, 12, 31)
