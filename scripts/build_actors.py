"""Build the actor knowledge base shipped in the package (``wirewatch/knowledge/actors.sqlite``).

Sources (their licences are recorded in the database's ``source`` table and in
docs/knowledge.md):

- the Phoenix actor dictionaries (Open Event Data Alliance, MIT), read from
  ``../shared/data/actor-dictionaries``: country actors and their leaders with dated roles,
  international bodies, militant and non-state groups;
- ``data/knowledge/wikidata-leaders.csv`` (Wikidata, CC0; see
  ``scripts/import_wikidata_leaders.py``): heads of state and government with the years
  they held office, which carries the dictionaries past their 2014 end;
- ``data/knowledge/wikidata-ministers.csv`` (Wikidata, CC0; see
  ``scripts/import_wikidata_cabinets.py``): the members of 123 countries' governments
  in office between 2021 and 2023 (ministers, vice-presidents, attorneys general) and the
  holders of the same posts whose terms ended in 2000 or later, with the dates of their
  terms;
- ``data/knowledge/organisations.tsv``, the project's own table of 7,000 organisations
  (ministries, agencies, armed forces, police and intelligence services, courts,
  legislatures, parties, armed groups, companies, news media, international bodies and
  NGOs) with their aliases, country and sector; an organisation the dictionaries know by
  the same name becomes one entity with it;
- ``data/knowledge/people.tsv``, the project's own table of people the press names in
  politics and conflict whom the other sources miss or name otherwise (opposition leaders,
  leaders of armed groups, juntas and cartels, heads of international bodies, heads of
  government since 2023), each role with its country, sector and years, with the names the
  press uses ("Jokowi", "Hemedti"); a person the other sources know by the same full name
  becomes one entity with them;
- the PLOVER agents file (``../shared/data/ngec/PLOVER_agents.txt``, MIT): titles and
  sector words ("defense minister", "gendarmerie", "cattle thief") with their sector,
  written to ``wirewatch/knowledge/agents.tsv`` (``knowledge/sectors.tsv`` overrides it).

A person both sources know ("Recep Tayyip Erdoğan") is one entity with the roles of both.
A head of state or government is also found by surname alone ("Erdoğan") when no other
entity has that surname. A member of a government is found by surname alone ("Tillerson")
only in the ``surname`` table, which the resolver reads only for an article published while
that person held a post: no other entity may have that surname, and no name may end in it.
The output is the same bytes for the same inputs.

    python scripts/build_actors.py [--check]
"""

from __future__ import annotations

import argparse
import csv
import re
import sqlite3
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from wirewatch.dictionaries import Coded, Entry, key, parse, post_of
from wirewatch.gazetteer import country_of
from wirewatch.shared_data import shared_path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "wirewatch" / "knowledge" / "actors.sqlite"
AGENTS_OUT = ROOT / "wirewatch" / "knowledge" / "agents.tsv"
# sectors of the annotation guide and PLOVER's AGR; the agents file's PRM (heads of state) is GOV,
# and its JNK and NON (words that are no actor) are left out
GUIDE_SECTORS = frozenset("GOV MIL COP JUD LEG PTY REB UAF SPY OPP CVL JRN MED REL EDU LAB "
                          "BUS CRM REF NGO IGO ELI SOC AGR".split())
_AGENT = re.compile(r"^([^\[{#]+?)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]+)\]")
LEADERS = ROOT / "data" / "knowledge" / "wikidata-leaders.csv"
MINISTERS = ROOT / "data" / "knowledge" / "wikidata-ministers.csv"
MINISTERS_KIND = "members of governments since 2000"
ORGANISATIONS = ROOT / "data" / "knowledge" / "organisations.tsv"
HEADS = frozenset({"president", "prime minister", "chancellor", "monarch"})
ORGANISATIONS_KIND = "organisations"
PEOPLE = ROOT / "data" / "knowledge" / "people.tsv"
PEOPLE_KIND = "people"
# the kinds of entity whose surname alone names them while a role of theirs holds: people of
# the states' dictionary, members of governments, people of our own table
SURNAMED = frozenset({"states and their people", MINISTERS_KIND, PEOPLE_KIND})
# A member of a government is GOV, unless the post is an armed force's, a police force's or an
# intelligence service's command and no minister's or secretary's ("Commander of the
# Indonesian National Armed Forces": MIL; "Minister of Police": GOV).
_CIVIL = re.compile(r"\b(minister|ministry|secretary|adviser|advisor|president|premier|"
                    r"chancellor|cabinet)\b")
_POSTS = ((re.compile(r"\b(armed|defen[cs]e) forces\b|\barmy\b"), "MIL"),
          (re.compile(r"\bpolice\b"), "COP"),
          (re.compile(r"\bintelligence\b|\bsecurity service\b|\bcommittee for national security\b"),
           "SPY"))
# ... and a post that is a court's (JUD) or the chair of a legislature (LEG), where it is no
# minister's or secretary's ("Chief Justice of India", "Speaker of the Knesset", "President
# of the Parliament of Norway"; "Minister of Justice" and "Minister for Parliamentary
# Relations" are GOV). The lists of posts of some governments name them.
_OFFICE = re.compile(r"\b(minister|ministry|secretary|cabinet)\b")
_BENCHES = ((re.compile(r"\bchief justice\b|\bjustices? of\b|\bjudges?\b|\bcourt\b"), "JUD"),
            (re.compile(r"\bspeaker\b|\b(president|chair|chairman|chairperson) of the "
                        r"([\w'-]+ )*?(parliament|assembly|senate|house|knesset|seimas|sejm|"
                        r"saeima|riigikogu|duma|storting|congress)\b"), "LEG"))
PHOENIX = {"Phoenix.Countries.actors.txt": "states and their people",
           "Phoenix.International.actors.txt": "international bodies and their people",
           "Phoenix.MilNonState.actors.txt": "armed and non-state groups"}
# Wikidata's names for states the gazetteer spells otherwise; the rest it does not code
# (unrecognised or historical states) are left out.
STATES = {"Islamic Emirate of Afghanistan": "AFG", "Republic of Ireland": "IRL",
          "State of Palestine": "PSE", "São Tomé and Príncipe": "STP", "Danish Realm": "DNK",
          "realm of the United Kingdom": "GBR"}
# A monarch shared by several realms is coded to the one the others share him with.
SHARED_CROWN = "GBR"
SOURCES = [
    ("Phoenix actor dictionaries", "MIT (Open Event Data Alliance, 2014)",
     "https://github.com/openeventdata/petrarch2", "2014-01-30"),
    ("Wikidata heads of state and government", "CC0 1.0",
     "https://github.com/every-politician-scrapers/world-leaders-2021", "2024-10-23"),
    ("Wikidata members of governments and holders of their posts since 2000 "
     "(123 cabinet scrapers)", "CC0 1.0", "https://github.com/every-politician-scrapers",
     "2023-03-11"),
    ("PLOVER agents (titles and sector words)", "MIT (Open Event Data Alliance)",
     "https://github.com/openeventdata/PLOVER", "2019"),
    ("wirewatch's own table of organisations (data/knowledge/organisations.tsv)",
     "the project's licence", "data/knowledge/organisations.tsv", "2026-12-02"),
    ("wirewatch's own table of people and their roles (data/knowledge/people.tsv)",
     "the project's licence", "data/knowledge/people.tsv", "2026-12-02"),
]
SCHEMA = """
CREATE TABLE entity (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL);
CREATE TABLE code (entity TEXT NOT NULL, country TEXT, sector TEXT, start TEXT NOT NULL,
                   end TEXT NOT NULL);
CREATE INDEX code_entity ON code(entity);
CREATE TABLE alias (key TEXT PRIMARY KEY, entity TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE surname (key TEXT PRIMARY KEY, entity TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE post (post TEXT NOT NULL, country TEXT NOT NULL, entity TEXT NOT NULL,
                   start TEXT NOT NULL, end TEXT NOT NULL);
CREATE INDEX post_country ON post(post, country);
CREATE TABLE source (name TEXT, licence TEXT, url TEXT, date TEXT);
"""


@dataclass
class Entity:
    id: str
    name: str
    kind: str
    codes: list[Coded] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)


def phoenix(folder: Path) -> tuple[dict[str, Entity], dict[str, str]]:
    """Entities of the dictionaries and the alias → entity id index (first file wins)."""
    entities: dict[str, Entity] = {}
    index: dict[str, str] = {}
    for name, kind in PHOENIX.items():
        by_entry: dict[int, str] = {}
        for alias, entry in parse((folder / name).read_text(encoding="utf-8")).items():
            if alias in index:
                continue
            ident = by_entry.get(id(entry)) or _new_id(entry, kind, entities)
            by_entry[id(entry)] = ident
            index[alias] = ident
            entities[ident].aliases.add(alias)
    return entities, index


def _ours(code: Coded) -> Coded:
    """A dictionary code in the annotation guide's terms: al-Qaeda and Islamic State are
    ISM (the dictionaries' IMG)."""
    return replace(code, country="ISM") if code.country == "IMG" else code


def _new_id(entry: Entry, kind: str, entities: dict[str, Entity]) -> str:
    """The entity of a dictionary entry: one of its own, or the one already read under the
    same primary name (the dictionaries list some people twice)."""
    ident = key(entry.id).replace(" ", "_") or "UNNAMED"
    codes = [_ours(c) for c in entry.codes]
    if ident in entities:
        entities[ident].codes.extend(c for c in codes if c not in entities[ident].codes)
    else:
        entities[ident] = Entity(ident, entry.label, kind, codes)
    return ident


def leaders(path: Path) -> list[tuple[str, list[str], str, Coded]]:
    """(person qid, names, position, code) for each office term whose state is coded; the
    first name is the one Wikidata gives now."""
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    realms: dict[str, set[str]] = defaultdict(set)
    out = []
    for row in rows:
        found = country_of(row["country"])
        country = STATES.get(row["country"]) or (found.code if found else None)
        if country is None or "co-prince" in row["position"].lower():
            continue  # not a coded state; France's president is Andorra's prince ex officio
        realms[row["person_qid"]].add(country)
        sector = "MIL" if "military" in row["position"].lower() else "GOV"
        start = f"{row['start_year']}0101"
        end = f"{row['end_year']}1231" if row["end_year"] else ""
        names = [n.split(",")[0].strip() for n in [row["person"], *row["other_names"].split("|")]
                 if n]
        out.append((row["person_qid"], names, row["position"],
                    Coded(country, sector, start, end)))
    return [t for t in out if len(realms[t[0]]) < 3 or t[3].country == SHARED_CROWN]


def ministers(path: Path) -> list[tuple[str, list[str], str, Coded]]:
    """(person qid, names, position, code) for each person in each position of a government; the
    first name is the latest label. The term starts when Wikidata says it did, else when the
    person was first listed, and ends when the importer says it did (open: ""). A person
    listed in the governments of several countries (a wrong position in one run: Nigeria's
    finance minister in Belgium's; Kenya's vice-president as South Africa's minister) is kept
    in the one whose posts the terms say they held longest (an open term to the newest list
    read), and left out when two are equally long (the Queen of three realms); a term that
    ends before it starts is left out."""
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    newest = max(row["last_seen"] for row in rows)
    spans: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        days = _days(row["start"] or row["first_seen"], row["end"] or newest)
        spans[row["person_qid"]][row["country_code"]] += max(days, 0) + 1
    out = []
    for row in rows:
        longest = sorted(spans[row["person_qid"]].values())
        if len(longest) > 1 and (spans[row["person_qid"]][row["country_code"]] < longest[-1] or
                                 longest[-1] == longest[-2]):
            continue  # in several countries' governments: the one they served longest
        start = (row["start"] or row["first_seen"]).replace("-", "")
        end = row["end"].replace("-", "")
        if end and end < start:
            continue
        names = [n.split(",")[0].strip() for n in [row["person"], *row["other_names"].split("|")]
                 if n]
        out.append((row["person_qid"], names, row["position"],
                    Coded(row["country_code"], post_sector(row["position"]), start, end)))
    return out


def _days(first: str, last: str) -> int:
    return (date.fromisoformat(last) - date.fromisoformat(first)).days


def post_sector(position: str) -> str:
    label = position.lower()
    if not _OFFICE.search(label):
        for pattern, sector in _BENCHES:
            if pattern.search(label):
                return sector
    if not _CIVIL.search(label):
        for pattern, sector in _POSTS:
            if pattern.search(label):
                return sector
    return "GOV"


def surname(name: str) -> str | None:
    """The family name a head of state is called by ("Erdoğan", "Assad"), when there is one."""
    words = key(name).split()
    if " of " in name or len(words) < 2:
        return None
    return words[-1] if len(words[-1]) >= 4 else None


@dataclass
class Knowledge:
    entities: dict[str, Entity]
    index: dict[str, str]  # every name → its entity
    surnames: dict[str, str]  # surnames that only their own term of office may resolve
    posts: set[tuple[str, str, str, str, str]]  # (post, country, entity, start, end)


def knowledge(folder: Path, leaders_csv: Path, ministers_csv: Path | None = None,
              organisations_tsv: Path | None = None, people_tsv: Path | None = None
              ) -> Knowledge:
    """The entities, the index of their names, the surnames of members of governments
    that only their own term of office may resolve, and who held which post when."""
    entities, index = phoenix(folder)
    surnames: dict[str, set[str]] = defaultdict(set)
    by_qid: dict[str, str] = {}  # a Wikidata person → the entity it is
    posts: set[tuple[str, str, str, str, str]] = set()
    heads: set[tuple[str, str, str, str, str]] = set()  # terms of the heads, in years
    head_posts: set[tuple[str, str]] = set()  # (position, country) of the heads' list
    for qid, names, position, code in leaders(leaders_csv):
        ident = _joined(qid, names, code, entities, index, by_qid,
                        "heads of state and government")
        _held(heads, position, ident, code)
        head_posts.add((position, code.country or ""))
        for name in names:
            family = surname(name)
            if family:
                surnames[family].add(ident)
    # surnames are counted over the dictionaries and the leaders, as before the ministers
    taken = Counter(alias.split()[-1] for alias in index)  # how many names end in each word
    for family, owners in sorted(surnames.items()):
        if len(owners) == 1 and family not in index and taken[family] <= 2 and \
                country_of(family) is None:
            (ident,) = owners
            index[family] = ident
            entities[ident].aliases.add(family)
    if ministers_csv is not None:
        for qid, names, position, code in ministers(ministers_csv):
            ident = _joined(qid, names, code, entities, index, by_qid, MINISTERS_KIND)
            if post_of(position) not in HEADS or (position, code.country) in head_posts:
                _held(posts, position, ident, code)  # a territory's premier is no head
        for ident in [e.id for e in entities.values() if e.kind == MINISTERS_KIND and
                      not e.aliases]:  # every name of theirs is someone else's
            del entities[ident]
    if organisations_tsv is not None:
        for names, code in organisations(organisations_tsv):
            _organisation(names, code, entities, index)
    if people_tsv is not None:
        for names, code in people(people_tsv):
            _person(names, code, entities, index)
    dated = {(post, country) for post, country, *_ in posts}  # to the day: they win
    posts = {p for p in posts | heads if p[2] in entities and (p in posts or p[:2] not in dated)}
    return Knowledge(entities, index, _dated_surnames(entities, index), posts)


def _held(posts: set[tuple[str, str, str, str, str]], position: str, ident: str,
          code: Coded) -> None:
    """A term in one of the posts a title names ("the president": ``posts.tsv``)."""
    post = post_of(position)
    if post is not None and code.country:
        posts.add((post, code.country, ident, code.start, code.end))


def organisations(path: Path) -> list[tuple[list[str], Coded]]:
    """(names, code) of each organisation of the project's own table: its name, then its
    aliases; country (or IGO, UNO, EUR, NGO, MNC, ISM) and sector, undated."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, country, sector = line.split("\t")
        if sector not in GUIDE_SECTORS:
            raise ValueError(f"{path.name}: {name}: no sector of the guide: {sector!r}")
        names = [name, *(a.strip() for a in aliases.split("|") if a.strip())]
        out.append((names, Coded(country, sector, "", "")))
    return out


def _organisation(names: list[str], code: Coded, entities: dict[str, Entity],
                  index: dict[str, str]) -> None:
    """One organisation of the table: the dictionaries' entity of the same name (one that
    the table names by the entity's own name) takes its aliases (and its code, unless one
    of the entity's own codes is of the same country: those may be dated); else a new
    entity. Every name of the table is the organisation's,
    also where the dictionaries had given it to another entity."""
    keys = list(dict.fromkeys(k for k in map(key, names) if k))
    ident = index.get(keys[0])
    if ident is not None and entities[ident].kind == ORGANISATIONS_KIND:
        raise ValueError(f"{ORGANISATIONS.name}: {names[0]} is listed twice")
    if ident is not None and key(entities[ident].name) not in keys:
        ident = None  # an alias of another entity ("JCS" of the dictionaries' US military)
    if ident is None:
        ident = keys[0].replace(" ", "_")
        if ident in entities:
            ident = f"{ident}_{code.country}"
        entities[ident] = Entity(ident, names[0], ORGANISATIONS_KIND, [code])
    entity = entities[ident]
    entity.name = names[0]  # as the table writes it ("BBC", not the dictionaries' "Bbc")
    if not any(c.country == code.country for c in entity.codes):
        entity.codes = [code]
    entity.codes = [replace(c, sector=c.sector or code.sector) for c in entity.codes]
    for k in keys:
        before = index.get(k)
        if before is not None and before != ident:
            if entities[before].kind == ORGANISATIONS_KIND:
                raise ValueError(f"{ORGANISATIONS.name}: {k} names two organisations")
            entities[before].aliases.discard(k)
        index[k] = ident
        entity.aliases.add(k)


def people(path: Path) -> list[tuple[list[str], Coded]]:
    """(names, code) of each role of the project's table of people: the person's name, then
    the other names the press uses; the country (or IGO, UNO, EUR, ISM) and sector of the
    role, from the first day of its first year to the last day of its last."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, country, sector, start, end = line.split("\t")
        if sector not in GUIDE_SECTORS or not re.fullmatch(r"[A-Z]{3}", country):
            raise ValueError(f"{path.name}: {name}: no country and sector of the guide: "
                             f"{country!r} {sector!r}")
        names = [name, *(a.strip() for a in aliases.split("|") if a.strip())]
        out.append((names, Coded(country, sector, f"{start}0101" if start else "",
                                 f"{end}1231" if end else "")))
    return out


def _person(names: list[str], code: Coded, entities: dict[str, Entity],
            index: dict[str, str]) -> None:
    """One role of the table of people: the entity of the person's full name (another
    source's person, or this table's from an earlier row), else the person another name
    of theirs names in the same country, else a new entity; it takes the role's dated code
    and every name of the row no other entity has, but for the surname alone (read only
    while a role of theirs holds, ``_dated_surnames``)."""
    keys = list(dict.fromkeys(k for k in map(key, names) if k))
    ident = index.get(keys[0])
    if ident is not None and entities[ident].kind == ORGANISATIONS_KIND:
        raise ValueError(f"{PEOPLE.name}: {names[0]} names an organisation")
    if ident is None:
        ident = next((index[k] for k in keys[1:] if k in index and
                      entities[index[k]].kind != ORGANISATIONS_KIND and
                      any(c.country == code.country for c in entities[index[k]].codes)), None)
    if ident is None:
        ident = keys[0].replace(" ", "_")
        if ident in entities:
            ident = f"{ident}_{code.country}"
        entities[ident] = Entity(ident, names[0], PEOPLE_KIND)
    entity = entities[ident]
    family = keys[0].split()[-1]
    for k in keys:  # a surname alone ("Blinken") only while in office: the surname table
        if k not in index and (k != family or len(keys[0].split()) == 1):
            index[k] = ident
            entity.aliases.add(k)
    if code not in entity.codes:
        entity.codes.append(code)


def _dated(entity: Entity) -> bool:
    """Is every role of an entity dated (a person's, not a country's or a body's)?"""
    return bool(entity.codes) and all(c.start or c.end for c in entity.codes)


def _dated_surnames(entities: dict[str, Entity], index: dict[str, str]) -> dict[str, str]:
    """Surname → a person all of whose roles are dated (of the states' dictionary, a member
    of a government, of the project's table), where no other entity has that surname, no
    other entity's name ends in it and it names no country."""
    owners: dict[str, set[str]] = defaultdict(set)
    for e in entities.values():
        for name in (e.name, *e.aliases):
            family = surname(name)
            if family:
                owners[family].add(e.id)
    ends: dict[str, set[str]] = defaultdict(set)  # the entities a name ending in it names
    for alias, who in index.items():
        ends[alias.split()[-1]].add(who)
    return {family: ident for family, (ident,) in
            ((f, o) for f, o in sorted(owners.items()) if len(o) == 1)
            if entities[ident].kind in SURNAMED and _dated(entities[ident]) and
            re.fullmatch(r"[A-Z][A-Z'-]+", family) and family not in index and
            ends[family] <= {ident} and country_of(family) is None}


def _joined(qid: str, names: list[str], code: Coded, entities: dict[str, Entity],
            index: dict[str, str], by_qid: dict[str, str], kind: str) -> str:
    """The entity a Wikidata person is, given one more code and its names: for a minister,
    the one the person already is; else one of the same name in the same country (named now
    as Wikidata writes the name); else a new one."""
    ident = by_qid.get(qid) if kind == MINISTERS_KIND else None
    if ident is None:  # "John R. Bolton" is the dictionaries' "John Bolton"
        forms = [*names, *(_without_initials(n) for n in names)]
        known = [index[key(n)] for n in forms if key(n) in index]
        ident = next((i for i in known if any(c.country == code.country
                                              for c in entities[i].codes)), None)
        if ident is None:
            ident = qid
            entities.setdefault(qid, Entity(qid, names[0], kind))
        else:
            entities[ident].name = names[0]  # Wikidata spells names as they are written
        by_qid.setdefault(qid, ident)
    entity = entities[ident]
    for name in names:
        if key(name) not in index:
            index[key(name)] = ident
            entity.aliases.add(key(name))
    if code not in entity.codes:
        entity.codes.append(code)
    return ident


def _without_initials(name: str) -> str:
    """A name without its middle initials ("John R. Bolton" → "John Bolton")."""
    words = name.split()
    return " ".join(w for k, w in enumerate(words)
                    if k in (0, len(words) - 1) or len(w.rstrip(".")) > 1)


def agents(path: Path) -> dict[str, str]:
    """Title or sector word (lower case, words split by spaces) → its sector, from the
    PLOVER agents file: substitution sets (``!PERSON!``) expanded, irregular plurals
    (``{THIEVES}``) kept, the first code of a compound (GOVMIL → GOV) taken."""
    sets: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("!") and "=" in line:
            name, words = line.split("=", 1)
            sets[name.strip()] = [w.strip() for w in words.split(",") if w.strip()]
            continue
        found = _AGENT.match(line)
        if not found:
            continue
        sector = found[3][:3]
        sector = "GOV" if sector == "PRM" else sector
        if sector not in GUIDE_SECTORS:
            continue
        forms = [found[1], *(found[2] or "").split()]
        for form in forms:
            for phrase in _expanded(form.strip(), sets):
                words = phrase.replace("_", " ").lower().split()
                if words:
                    out.setdefault(" ".join(words), sector)
    return dict(sorted(out.items()))


def _expanded(form: str, sets: dict[str, list[str]]) -> list[str]:
    for name, words in sets.items():
        if name in form:
            return [x for w in words for x in _expanded(form.replace(name, w, 1), sets)]
    return [form]


def write_agents(table: dict[str, str], out: Path) -> None:
    lines = ["# title or sector word (lower case)\tPLOVER sector: generated by "
             "scripts/build_actors.py from the PLOVER agents file (MIT); edit "
             "sectors.tsv instead", *(f"{k}\t{v}" for k, v in table.items())]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write(kb: Knowledge, out: Path) -> None:
    out.unlink(missing_ok=True)
    db = sqlite3.connect(out)
    db.executescript(SCHEMA)
    db.executemany("INSERT INTO entity VALUES (?, ?, ?)",
                   sorted((e.id, e.name, e.kind) for e in kb.entities.values()))
    db.executemany("INSERT INTO code VALUES (?, ?, ?, ?, ?)",
                   sorted((e.id, c.country or "", c.sector or "", c.start, c.end)
                          for e in kb.entities.values() for c in e.codes
                          if c.country or c.sector))
    db.executemany("INSERT INTO alias VALUES (?, ?)", sorted(kb.index.items()))
    db.executemany("INSERT INTO surname VALUES (?, ?)", sorted(kb.surnames.items()))
    db.executemany("INSERT INTO post VALUES (?, ?, ?, ?, ?)", sorted(kb.posts))
    db.executemany("INSERT INTO source VALUES (?, ?, ?, ?)", SOURCES)
    db.commit()
    db.execute("VACUUM")
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="only say whether the shipped file is what the sources give")
    args = parser.parse_args()
    folder = shared_path("data", "actor-dictionaries")
    if not folder.is_dir():
        print(f"build_actors: {folder} not found (the shared data is needed)", file=sys.stderr)
        return 2
    kb = knowledge(folder, LEADERS, MINISTERS, ORGANISATIONS, PEOPLE)
    titles = agents(shared_path("data", "ngec", "PLOVER_agents.txt"))
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            fresh, fresh_agents = Path(tmp) / OUT.name, Path(tmp) / AGENTS_OUT.name
            write(kb, fresh)
            write_agents(titles, fresh_agents)
            same = all(new.read_bytes() == old.read_bytes() if old.is_file() else False
                       for new, old in ((fresh, OUT), (fresh_agents, AGENTS_OUT)))
        print("up to date" if same else "stale: run scripts/build_actors.py")
        return 0 if same else 1
    write(kb, OUT)
    write_agents(titles, AGENTS_OUT)
    print(f"{len(titles)} titles and sector words → {AGENTS_OUT}")
    kinds = Counter(e.kind for e in kb.entities.values())
    print(f"{len(kb.entities)} entities ({dict(kinds)}), {len(kb.index)} names, "
          f"{len(kb.surnames)} surnames read only in office, {len(kb.posts)} terms in "
          f"posts a title names → {OUT} ({OUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
