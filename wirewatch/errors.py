"""Errors, in one place.

``InputError`` is a value, not an exception: readers yield it for a bad input and the
batch goes on. ``WirewatchError`` stops a command with a one-line message.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_TEXT_CHARS = 300  # a name or reason (quoting a library's message) is cut to this
# the characters str.splitlines breaks at, escaped in an input's name
_BREAKS = {ord(c): repr(c)[1:-1] for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


@dataclass(frozen=True, slots=True)
class InputError:
    """A document or input that could not be read, and why."""

    input: str
    reason: str
    # a document that met a defect (not a fault of its input): stored as far as it went
    # but not marked as ingested, so that the next ingest processes it again
    retry: str | None = None

    def __str__(self) -> str:
        name = _cut(self.input.translate(_BREAKS))
        return f"wirewatch: skipped {name}: {one_line(self.reason)}"


def one_line(text: str) -> str:
    """A message on one line: whitespace and line breaks folded, cut to a readable length."""
    return _cut(" ".join(text.split()))


def _cut(text: str) -> str:
    return text if len(text) <= MAX_TEXT_CHARS else text[: MAX_TEXT_CHARS - 1] + "…"


class WirewatchError(Exception):
    """A failure that ends a command: bad arguments, an unusable store, a missing model."""
