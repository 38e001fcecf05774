"""Limits, in one place: how much of an input wirewatch reads, and what it refuses.

Each limit bounds one input's memory and time. What goes over a limit is reported on one
line naming it and the limit (``wirewatch: skipped INPUT: reason``) and the rest of the
batch goes on; nothing is cut silently. The modules read these values when they run
(``limits.NAME``), so a program or a test may change them.
"""

from __future__ import annotations

MB = 2**20

# --- bytes -----------------------------------------------------------------------------
MAX_INPUT_BYTES = 32 * MB  # read from one file, URL or standard input
MAX_INFLATED_BYTES = 32 * MB  # a gzipped page, feed or JSON Lines file, decompressed
MAX_ARCHIVE_BYTES = 1024 * MB  # a WARC, decompressed while it is read (never held whole)
MAX_RECORD_BYTES = 32 * MB  # one WARC record's payload, decompressed

# --- text ------------------------------------------------------------------------------
MAX_DOCUMENT_CHARS = 2_000_000  # the text of one document (a page's, a JSON line's)
MAX_ARTICLE_CHARS = 200_000  # one article's body (some 30,000 words)
MAX_ARTICLES_PER_DOCUMENT = 500  # articles read from one page; the rest are reported
MAX_TITLE_CHARS = 1_000  # a longer title (or publisher, category) is cut at a word
MAX_ATTRIBUTE_CHARS = 100_000  # a longer HTML attribute (an inline image) is dropped

# --- the parser ------------------------------------------------------------------------
PART_CHARS = 50_000  # the longest text the parser reads at once: longer bodies in parts
BATCH_CHARS = 100_000  # the characters of one parser batch (past its first text)

# --- the store and the network ---------------------------------------------------------
BUSY_TIMEOUT_S = 60.0  # how long a writer waits for another one to finish
TELLINGS_KEPT = 100_000  # stored mentions a writer keeps read for merging (about 1 KB each)
FETCH_DEADLINE_S = 30.0  # one URL, from connecting to the last byte
MAX_REDIRECTS = 5


class LimitError(ValueError):
    """An input over one of the limits; the message names the limit."""


def over(what: str, size: int, limit: int, per: str, unit: str = "characters") -> LimitError:
    """The error for ``what`` of ``size`` units where the limit is ``limit`` per ``per``."""
    return LimitError(f"{what} of {size:,} {unit} is over the limit of {limit:,} per {per}")


def mb(n: int) -> str:
    """A byte count as people read it: whole megabytes, or bytes below one."""
    return f"{n / MB:,.0f} MB" if n >= MB else f"{n:,} bytes"
