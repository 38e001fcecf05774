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
    """Lower-case, digits folded to '#', outer punctuation and extra spaces removed."""
    text = _SPACES.sub(" ", _DIGITS.sub("#", line.lower())).strip()
    return _EDGE.sub("", text)


@dataclass(frozen=True, slots=True)
class ChromeLexicon:
    roles: dict[str, str]

    def role(self, line: str) -> str | None:
        """'end' when the line closes an article, 'skip' when it is chrome, else None."""
        return self.roles.get(normalise_line(line))


@cache
def chrome_lexicon() -> ChromeLexicon:
    return ChromeLexicon({row[0]: row[1] for row in read_table("chrome.tsv")})
