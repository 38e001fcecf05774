"""Actor dictionaries in the TABARI / PETRARCH format (the Phoenix files and their kin).

Knowledge about named people and organisations: who "Yoweri Museveni" or "Hamas" is
(country, sector), with the dates a code held. The package ships a knowledge base built by
``scripts/build_actors.py`` (``knowledge/actors.sqlite``: the Phoenix dictionaries and
Wikidata's heads of state and government and ministers); dictionaries of one's own, pointed at by
``$WIREWATCH_ACTOR_DICTIONARIES`` (files or folders separated like PATH), come first. Their
format, one entry per primary name::

    VLADIMIR_PUTIN_  # comment
    +PUTIN_                       (an alias)
        [RUSGOV >000507]          (a code, optionally dated: >from, <until, from-until)
    HAMAS_ [PSEREB]               (a code on the name line)
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from wirewatch.gazetteer import NON_STATE, SUB_IGO, country_name
from wirewatch.knowledge import read_table, sector_codes
from wirewatch.knowledge.readonly import ReadOnlyFile

ENV_VAR = "WIREWATCH_ACTOR_DICTIONARIES"
SHIPPED = "actors.sqlite"
_CODE = re.compile(r"\[([A-Z~]{3,})\s*([<>]?\s*\d{6,8}(?:-\d{6,8})?)?\s*\]")
# CAMEO's sector codes where the annotation guide uses the same letters otherwise: CAMEO's
# MED is the media (the guide's JRN), its HLH health (the guide's MED)
CAMEO_SECTORS = {"MED": "JRN", "HLH": "MED"}


@dataclass(frozen=True, slots=True)
class Coded:
    country: str | None
    sector: str | None
    start: str  # YYYYMMDD, "" when open
    end: str  # YYYYMMDD, "" when open


@dataclass(frozen=True, slots=True)
class Entry:
    id: str  # the primary name, as the dictionary spells it, or a Wikidata id
    codes: tuple[Coded, ...]
    name: str = ""  # how the entity is named for display ("Donald Trump" for "Trump")

    @property
    def label(self) -> str:
        return self.name or self.id.strip("_ ").replace("_", " ").title()

    def at(self, published: str | None) -> Coded | None:
        """The code that held on the publication date, else the latest one."""
        if not self.codes:
            return None
        return self.held(published) or max(
            self.codes, key=lambda c: (c.country is not None, not c.end, c.start))

    def held(self, published: str | None) -> Coded | None:
        """The code that held on the publication date (None without a date)."""
        day = (published or "").replace("-", "")[:8]
        held = [c for c in self.codes if day and (not c.start or c.start <= day) and
                (not c.end or day <= c.end)]
        return max(held, key=lambda c: c.start) if held else None


# the endings that transliterations of one name differ in ("Zelenskyy", "Zelenskyi",
# "Zelensky"; "Dmitriy", "Dmitry"; "Sergei", "Sergey"), folded to one
_ENDINGS = re.compile(r"(?<=\w\w)(YY|YI|IY|EI)$")
_FOLDED = {"YY": "Y", "YI": "Y", "IY": "Y", "EI": "EY"}


def key(name: str) -> str:
    """A name as dictionaries and texts are matched: upper case without accents, words split
    on _, - or space, no article, no possessive, transliterated endings folded ("Erdoğan’s"
    → "ERDOGAN", "Kim Jong-un" → "KIM JONG UN", "Zelenskyy" → "ZELENSKY")."""
    folded = unicodedata.normalize("NFKD", name.replace("’", "'"))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    words = re.sub(r"[_\s-]+", " ", folded).strip(" .").upper().split()
    if words and words[-1].endswith("'S"):
        words[-1] = words[-1][:-2]
    return " ".join(_ENDINGS.sub(lambda m: _FOLDED[m.group(1)], w) for w in words
                    if w not in ("THE",))


def _date(text: str) -> str:
    if len(text) == 8:
        return text
    year = int(text[:2])
    return f"{19 if year > 30 else 20}{text}"


def _coded(code: str, dates: str | None) -> Coded:
    head, rest = code[:3], code[3:]
    if head == "IGO" and rest[:3] in SUB_IGO:
        head, rest = rest[:3], rest[3:]
    if head not in NON_STATE and country_name(head) is None:  # "[ELI]": a sector alone
        head, rest = "", code
    country = head or None
    letters = CAMEO_SECTORS.get(rest[:3], rest[:3])
    sector = letters if letters in sector_codes() else None
    start = end = ""
    if dates:
        dates = dates.replace(" ", "")  # "[EGYGOV > 140608]"
        if dates.startswith(">"):
            start = _date(dates[1:])
        elif dates.startswith("<"):
            end = _date(dates[1:])
        elif "-" in dates:
            first, last = dates.split("-")
            start, end = _date(first), _date(last)
    return Coded(country, sector, start, end)


def parse(text: str) -> dict[str, Entry]:
    """Every name and alias of a dictionary file → its entry."""
    out: dict[str, Entry] = {}
    names: list[str] = []
    codes: list[Coded] = []

    def close() -> None:
        if names and codes:
            entry = Entry(names[0], tuple(codes))
            for n in names:
                out.setdefault(key(n), entry)

    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        found = [_coded(c, d) for c, d in _CODE.findall(line)]
        # the name is the line's first field: a company's trade and turnover, or a code
        # the pattern does not read, may follow it after a tab ("A.H._BELO_CORPORATION_
        # \t[MNCMED]\tNewspapers/Magazines") or a space and a bracket ("INDIAN_OCEAN [---]")
        name = re.split(r"\t|\s\[", _CODE.sub("", line).strip())[0].strip()
        if not name or name.startswith("["):  # codes alone, or a code that cannot be read
            codes.extend(found)
            continue
        if name.startswith("+"):
            names.append(name[1:])
        else:
            if codes:  # a new primary name after codes: the previous entry is complete
                close()
                names, codes = [], []
            names.append(name)
        codes.extend(found)
    close()
    return out


def _files(setting: str) -> list[Path]:
    out: list[Path] = []
    for part in setting.split(os.pathsep):
        path = Path(part).expanduser()
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.name.endswith(".actors.txt")))
        elif path.is_file():
            out.append(path)
    return out


@cache
def _load(setting: str) -> dict[str, Entry]:
    index: dict[str, Entry] = {}
    for path in _files(setting):
        for name, entry in parse(path.read_text(encoding="utf-8", errors="replace")).items():
            index.setdefault(name, entry)
    return index


@cache
def _shipped() -> ReadOnlyFile:
    return ReadOnlyFile(Path(__file__).parent / "knowledge" / SHIPPED,
                        "actor knowledge base", "python scripts/build_actors.py")


@cache
def _known(name: str, table: Literal["alias", "surname"] = "alias") -> Entry | None:
    found = _shipped().rows(f"SELECT entity FROM {table} WHERE key = ?", (name,))
    return _entity(str(found[0][0])) if found else None


@cache
def _entity(ident: str) -> Entry | None:
    db = _shipped()
    found = db.rows("SELECT name FROM entity WHERE id = ?", (ident,))
    if not found:
        return None
    codes = db.rows("SELECT country, sector, start, end FROM code WHERE entity = ?", (ident,))
    return Entry(ident, tuple(Coded(str(c) or None, str(s) or None, str(b), str(e))
                              for c, s, b, e in codes), str(found[0][0]))


# the kinds of the knowledge base's entities that are people
PERSON_KINDS = frozenset({"heads of state and government", "members of governments since 2000",
                          "people"})


@cache
def is_person(ident: str | None) -> bool:
    """Is the shipped knowledge base's entity of this id a person ("Rodrigo Duterte", even
    where the parser took his name for an organisation's)? No id is no one known."""
    if ident is None:
        return False
    found = _shipped().rows("SELECT kind FROM entity WHERE id = ?", (ident,))
    return bool(found) and str(found[0][0]) in PERSON_KINDS


@cache
def _posts() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), post) for pattern, post in read_table("posts.tsv"))


def post_of(title: str) -> str | None:
    """The post a title or a post's name names ("Iran's foreign minister", "Minister of
    Foreign Affairs" → "foreign minister"; "the vice president" → None): ``posts.tsv``."""
    words = " ".join(title.lower().replace("’", "'").split())
    for pattern, post in _posts():
        if pattern.search(words):
            return None if post == "-" else post
    return None


def holder(post: str, country: str, published: str | None) -> tuple[Entry, Coded] | None:
    """Who held a country's post ("president", "foreign minister") on the publication
    date, by the knowledge base's ``post`` table, with the code they held then."""
    day = (published or "").replace("-", "")[:8]
    if not day:
        return None
    terms = _shipped().rows("SELECT start, entity FROM post WHERE post = ? AND country = ? AND "
                            "start <= ? AND (end = '' OR ? <= end)", (post, country, day, day))
    entry = _entity(str(max(terms)[1])) if terms else None  # the latest to take it up
    coded = entry.held(published) if entry is not None else None
    return (entry, coded) if entry is not None and coded is not None and \
        coded.country == country else None


def lookup(name: str) -> Entry | None:
    """The entry for a name: in the configured dictionaries first, then in the shipped
    knowledge base."""
    wanted = key(name)
    setting = os.environ.get(ENV_VAR, "")
    for form in (wanted, *_given_name_forms(wanted)):
        found = (_load(setting).get(form) if setting else None) or (
            _known(form) if form else None)
        if found is not None:
            return found
    return None


@cache
def _given_names() -> dict[str, tuple[str, ...]]:
    """Given name ↔ its short forms, each way ("JAMES" → "JIM", "JIM" → "JAMES")."""
    pairs: dict[str, set[str]] = {}
    for given, short in read_table("given_names.tsv"):
        pairs.setdefault(key(given), set()).add(key(short))
        pairs.setdefault(key(short), set()).add(key(given))
    return {name: tuple(sorted(forms)) for name, forms in pairs.items()}


def _given_name_forms(wanted: str) -> list[str]:
    """A person's name with its given name in its other forms ("JIM MATTIS" → "JAMES
    MATTIS"); none for a name of one word."""
    first, _, rest = wanted.partition(" ")
    return [f"{form} {rest}" for form in _given_names().get(first, ())] if rest else []


def in_office(surname: str, published: str | None) -> tuple[Entry, Coded] | None:
    """The member of a government known by this surname alone (the knowledge base's
    ``surname`` table) with their code, when the article was published during their term."""
    entry = _known(key(surname), "surname") if published and key(surname) else None
    coded = entry.held(published) if entry is not None else None
    return (entry, coded) if entry is not None and coded is not None else None
