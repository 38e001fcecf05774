"""Site chrome: the lines of a page that belong to the site, not to the article.

The knowledge is data (``knowledge/chrome.tsv``, learned from many real templates by
``scripts/mine_chrome.py``); this module only normalises lines and looks them up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from wirewatch.knowledge import read_table

_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def normalise_line(line: str) -> str:
    """Lower-case, numbers folded to '0', outer punctuation and extra spaces removed."""
    text = _SPACES.sub(" ", _DIGITS.sub("0", line.lower())).strip()
    return _EDGE.sub("", text)


@dataclass(frozen=True, slots=True)
class ChromeLexicon:
    roles: dict[str, str]
    patterns: tuple[tuple[re.Pattern[str], str], ...]

    def role(self, line: str) -> str | None:
        """'end' when the line closes an article, 'skip' when it is chrome, else None."""
        if len(line) > 120:
            return None
        key = normalise_line(line)
        found = self.roles.get(key)
        if found is None:
            folded = "© " + key if line.lstrip().startswith("©") else key
            found = next((role for pattern, role in self.patterns if pattern.match(folded)), None)
        return found


@cache
def chrome_lexicon() -> ChromeLexicon:
    return ChromeLexicon(
        {row[0]: row[1] for row in read_table("chrome.tsv")},
        tuple((re.compile(row[0], re.IGNORECASE), row[1])
              for row in read_table("chrome_patterns.tsv")),
    )
