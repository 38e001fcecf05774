"""How many: the exact number a phrase gives ("40", "1,200", "twenty-three", "3 million"),
or None when it gives none or only a vague one ("dozens", "scores", "several")."""

from __future__ import annotations

import re

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")


def number(words: list[str]) -> int | None:
    """The whole number these words spell, or None if they do not spell one exactly."""
    words = [w for w in (x.lower().replace("-", " ") for x in words) for w in w.split()]
    total = current = 0.0
    seen = False
    for word in words:
        if word == "and" and seen:
            continue
        if _DIGITS.match(word):
            current += float(word.replace(",", ""))
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES and seen:
            current = (current or 1) * _SCALES[word]
            if _SCALES[word] > 100:
                total, current = total + current, 0
        else:
            return None
        seen = True
    value = total + current
    return int(value) if seen and value == int(value) else None
