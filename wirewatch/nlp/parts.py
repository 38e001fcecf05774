"""Cutting a long text into parts for the parser, at the most natural break there is."""

from __future__ import annotations

# where a part may end, best first: after a paragraph, a line, a sentence, a space
_BREAKS = ("\n\n", "\n", ". ", " ")


def split_parts(text: str, max_chars: int) -> list[str]:
    """Consecutive parts of the text, none longer than ``max_chars``, that join back into
    it. Each part ends at the last paragraph break of its second half, else at the last
    line break, sentence end or space there, else (one long word) after ``max_chars``."""
    parts: list[str] = []
    start = 0
    while len(text) - start > max_chars:
        end = _cut(text, start + max_chars // 2, start + max_chars)
        parts.append(text[start:end])
        start = end
    parts.append(text[start:])
    return parts


def _cut(text: str, low: int, high: int) -> int:
    for mark in _BREAKS:
        found = text.rfind(mark, low, high)
        if found != -1:
            return found + len(mark)
    return high
