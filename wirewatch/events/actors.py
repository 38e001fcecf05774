"""Actors: noun phrases → who they are (name, country, sector), with in-article coreference.

One resolver per article reads its noun phrases in order and remembers them
(``coreference.Memory``), so that "the militias", "they" or "Hashd al-Shaabi" later in the
text resolve to what the text said about them before. Values taken from context rather
than read in the phrase are listed in ``Actor.inferred``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from wirewatch.dictionaries import holder, in_office, post_of
from wirewatch.events.coreference import Memory
from wirewatch.events.focus import abroad, focal_country
from wirewatch.events.known import BODIES, Known, body_sector, named
from wirewatch.events.naming import dateline_end, of_country
from wirewatch.events.phrases import (
    ANAPHORS,
    TEXT_SKIP,
    aliases,
    anaphor_owner,
    anaphor_place,
    behind_preposition,
    capitalised_run,
    exact_count,
    named_modifiers,
    not_own,
    proper_run,
    standing,
    text_indices,
)
from wirewatch.events.sector_words import TITLES, phrase_sector
from wirewatch.events.tree import Parse
from wirewatch.gazetteer import (
    NON_STATE,
    CountryMatch,
    country_name,
    country_of,
    demonym_of,
    is_water,
    name_key,
    place_of,
)
from wirewatch.records import Actor, Entity, Place

NP_POS = frozenset({"NOUN", "PROPN", "PRON"})
NOT_HEADS = frozenset({"compound", "amod", "det", "nummod", "flat", "case", "punct"})
AFFILIATED = frozenset({"affiliate", "affiliated", "belong", "belonging", "loyal", "link",
                        "linked", "tie", "tied", "attach", "attached", "allied"})
STATE_SECTORS = frozenset({"GOV", "COP", "MIL", "JUD", "LEG", "SPY"})
# bodies of one country, whose owner's country is theirs ("his party", "its army")
NATIONAL = STATE_SECTORS | {"PTY", "OPP"}
NOT_ACTORS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
NAMED = frozenset({"PERSON", "ORG"})
QUANTITIES = frozenset("thousand hundred dozen million score some many several few number "
                       "group couple most all one two three four five six seven eight nine ten "
                       "tens".split())


class ActorResolver:
    """Resolves the noun phrases of one article, in reading order."""

    def __init__(self, parse: Parse, title: str | None = None,
                 places: Mapping[int, Place] | None = None) -> None:
        self.p = parse
        self.places = places or {}  # the article's place readings, by last token
        self.cache: dict[int, Actor | None] = {}
        self.memory = Memory(parse)
        self.focal = focal_country(parse, title)  # whose story: a title alone is of it
        # where the story happens, the towns it names counting too: unnamed parties are of it
        self.scene = focal_country(parse, title, self.places.values())
        self.dateline = dateline_end(parse.body)
        for tok in parse.tokens:
            if tok.pos in NP_POS and tok.dep not in NOT_HEADS:
                self.resolve(tok.i)

    # --- public ----------------------------------------------------------------------
    def resolve(self, head: int) -> Actor | None:
        """The actor a noun phrase headed at token ``head`` stands for (None for non-actors)."""
        if head in self.cache:
            return self.cache[head]
        actor = self._resolve(head)
        self.cache[head] = actor
        if actor is not None and not self.p.is_pronoun(head) and \
                self.p.tokens[head].dep != "appos":  # "Ana Ruiz, the mayor": one person
            self.memory.remember(head, actor)
        return actor

    def resolve_span(self, start: int, end: int) -> Actor | None:
        """The actor of a token range (its syntactic head), keeping the range as text."""
        head = self.p.span_head(start, end)
        if head is None:
            return None
        actor = self.resolve(head)
        text_start, text_end = self.p.span(range(start, end))
        text = self.p.body[text_start:text_end].strip(" ,“”\"")
        if actor is None:
            return Actor(text=text, start=text_start, end=text_end)
        return replace(actor, text=text, start=text_start, end=text_end)

    # --- resolution ------------------------------------------------------------------
    def _resolve(self, head: int) -> Actor | None:
        p = self.p
        tok = p.tokens[head]
        if p.is_pronoun(head):
            return self.memory.pronoun(head, self.resolve)
        if tok.ent_type in NOT_ACTORS or tok.idx < self.dateline or (
                tok.ent_type == "LOC" and is_water(p.text(p.subtree(head)))):
            return None  # a date, a sum, a sea, a wire's dateline: no party
        if p.lemma(head) in QUANTITIES or tok.pos == "NUM":  # "thousands of students"
            for prep, obj in p.preps(head):
                if prep == "of":
                    inner = self.resolve(obj)
                    if inner is None:
                        return None
                    start, end = p.span(text_indices(p, head) + text_indices(p, obj))
                    return replace(inner, text=p.body[start:end], start=start, end=end)
        indices = text_indices(p, head)
        whole = self._cut_name(head, indices)
        if whole is not None:
            return whole
        start, end = p.span(indices)
        text = p.body[start:end]
        country, sector, name, inferred = self._read(head, indices)
        own = p.ent_at[head]  # "Yoweri Museveni": the knowledge base knows him
        named = (own is not None and own.label in NAMED) or (own is None and tok.pos == "PROPN")
        known = self._known(head, text) if country is None or named else None
        if known is not None:
            name = known.name  # "Trump" is "Donald Trump", one actor however named
            if named and known.country in NON_STATE:  # "the Organization of American
                country = known.country                # States": of no one country
            country = country or known.country  # "Scotland Yard": Scotland's, and police
            sector = sector or known.sector
        if country is None:
            country = self._affiliation(head)
        country, sector = self._appositive(head, country, sector)
        if sector is None:
            sector = phrase_sector(p, head)
        sector = body_sector(country, sector)
        if country is None and not abroad(text):  # "foreign ministers": of no country here
            country = self._from_context(head, indices, sector, inferred)
        owned = anaphor_owner(p, head) is not None  # "its state"
        held = None if name or known else self._holder(head, indices, country)
        if held is not None:  # "the president": who held the post then
            known, name, sector = held, held.name, sector or held.sector
        if name is None and (own.label == "PERSON" if own else tok.pos == "PROPN"):
            name = p.text(sorted(j for j in p.subtree(head, skip=TEXT_SKIP | {"det", "amod"})
                                 if p.tokens[j].pos == "PROPN") or [head])
        if sector is None and name is None and tok.pos != "PROPN" and (
                country is None or (p.ent_at[head] is None and not owned)):
            return None  # a common noun with no actor word is no actor ("a crackdown")
        if country is None and sector is None and name is None:
            name = p.text(indices)
        return Actor(text=text, name=name, country=country, sector=sector, start=start, end=end,
                     inferred=tuple(inferred), id=known.id if known is not None else None,
                     count=exact_count(p, head))

    def _from_context(self, head: int, indices: list[int], sector: str | None,
                      inferred: list[str]) -> str | None:
        """The country of a phrase that names none, from the text around it: the body's
        code for an unnamed NGO or IGO; the story's for "the country"; the first of a pair
        ("the Iraqi government and army"); for civilians, the country of a place their
        sentence names; what came before; the story's for a state body or civilians."""
        p = self.p
        tok = p.tokens[head]
        if sector in BODIES:  # "a human rights group": an NGO, of no country
            return sector
        owner = anaphor_owner(p, head)
        mine = p.child(head, "poss")
        if owner is None and sector in NATIONAL and mine is not None and p.is_pronoun(mine):
            owner = mine  # "his own party", "their army": of the country of whose they are
        if owner is not None:  # "his country", "its regime": the owner's
            said = self.resolve(owner)
            if said is not None and said.country:
                inferred.append("country")
                return said.country
        if self.focal and (p.lemma(head) in ANAPHORS or anaphor_place(p, indices)):
            return self.focal
        if tok.dep == "conj":
            first = self.cache.get(tok.head)
            if first is not None and first.country:
                return first.country
        sent = p.sentence(head)  # civilians: of the country where their sentence is
        here = [pl.country for end, pl in sorted(self.places.items())
                if sent.start <= end < sent.end and pl.country and not _elsewhere(p, end)]
        if sector == "CVL" and here:
            inferred.extend(("country", "place"))  # from a place, not the story's focus
            return here[0]
        key = name_key(p.text(indices))
        country, how = self.memory.country(head, key, sector)
        if how:
            inferred.append(how)
        if country is None and sector is not None and sector not in BODIES.values() and \
                self.focal:  # unnamed officials, civilians, rebels, clerics: of the country
            country = self.focal  # the story is about
            inferred.append("country")
        return country

    def _affiliation(self, head: int) -> str | None:
        """The country of the body a group is tied to: "workers affiliated with the Serbian
        union", "gunmen loyal to the Libyan government"."""
        for acl in self.p.children(head, "acl", "amod"):
            if self.p.lemma(acl) in AFFILIATED:
                for _, obj in self.p.preps(acl):
                    body = self.resolve(obj)
                    if body is not None and body.country:
                        return body.country
        return None

    def _known(self, head: int, text: str) -> Known | None:
        """What the actor knowledge base says about a named person or group (countries,
        their people and capitals are the gazetteer's: "Iranian-backed" is not Iran); a
        member of a government by surname alone while in office ("Tillerson" in 2017); a
        name the article gave a known body before ("the KGB" after "Belarus's KGB")."""
        ent = self.p.ent_at[head]
        said = self.memory.names.get(name_key(ent.text)) if ent is not None else None
        if said is not None and said.id is not None and said.name and said.country:
            return Known(said.id, said.name, said.country, said.sector)
        forms = [text]
        if ent is not None and ent.label in NAMED:  # "Belarus's KGB": the Belarusian KGB;
            forms = [of_country(self.p, ent.start, ent.text), ent.text, *forms]  # "the KGB"
            adjective = demonym_of(self.focal) if ent.label == "ORG" and self.focal else None
            if adjective:  # in a story about Belarus: the same
                forms.append(f"{adjective} {name_key(ent.text)}")
        forms += [self.p.text(run) for run in named_modifiers(self.p, head)]  # "Hashd
        for form in forms:                                                   # fighters"
            found = named(form, self.p.ann.article.published)
            if found is not None:
                return found
        if ent is not None and ent.label in ("PERSON", "ORG") and len(ent.text.split()) == 1:
            # "Tillerson" (the tagger may read a lone surname as an organisation)
            held = in_office(ent.text, self.p.ann.article.published)
            if held is not None and held[1].country is not None:
                return Known.of(*held, held[1].country)
        return None

    def _appositive(self, head: int, country: str | None, sector: str | None
                    ) -> tuple[str | None, str | None]:
        """What an apposition says of a party: "Ana Ruiz, a Mexican lawyer", "the envoy, X",
        "the security service known as the FSB"."""
        for appos in [*self.p.children(head, "appos"), *aliases(self.p, head)]:
            said = self._read(appos, text_indices(self.p, appos))[:2]
            own = self.p.ent_at[appos]  # "the home secretary, Sajid Javid": whom it names
            if said[0] is None and own is not None and own.label in NAMED:
                known = self._known(appos, own.text)
                said = (known.country, known.sector) if known is not None else said
            if said[0] is not None and (country is None or said[0] in NON_STATE):
                return said[0], sector or said[1]
        return country, sector

    def _cut_name(self, head: int, indices: list[int]) -> Actor | None:
        """A name the knowledge base knows that the parse cut up ("Doctors Without
        Borders" read as some doctors): the capitalised words around the head, where they
        run past its phrase."""
        run = capitalised_run(self.p, head)
        if set(run) <= set(indices):
            return None
        whole = named(self.p.text(run), self.p.ann.article.published)
        if whole is None:
            return None
        start, end = self.p.span(run)
        return Actor(text=self.p.body[start:end], name=whole.name, country=whole.country,
                     sector=body_sector(whole.country, whole.sector), start=start, end=end,
                     id=whole.id)

    def _holder(self, head: int, indices: list[int], country: str | None) -> Known | None:
        """Who held the post a title names ("the president", "Iran's foreign minister")
        in the country on the article's date, by the knowledge base."""
        tok = self.p.tokens[head]
        if self.p.lemma(head) not in TITLES or tok.tag in ("NNS", "NNPS") or \
                country is None or country in NON_STATE:
            return None
        start, _ = self.p.span([i for i in indices if i <= head])
        post = post_of(self.p.body[start:tok.idx + len(tok.text)])
        held = holder(post, country, self.p.ann.article.published) if post else None
        return Known.of(*held, country) if held is not None else None

    def _read(self, head: int, indices: list[int]) -> tuple[str | None, str | None, str | None,
                                                          list[str]]:
        """(country, sector, name, inferred) from the words of the phrase itself."""
        p = self.p
        found: dict[str, tuple[str, str | None]] = {}  # role → (country, sector)
        name: str | None = None
        seen_ents = set()
        named = self._named_group(head, indices)
        if named is not None:
            found["head"] = (named.code, named.sector)
        for i in indices:
            ent = p.ent_at[i]
            if ent is not None and id(ent) not in seen_ents:
                seen_ents.add(id(ent))
                label_text = ent.text
                last = ent.end - 1
                if ent.label == "PERSON" and name is None and (ent.start <= head < ent.end or (
                        p.tokens[last].dep != "poss" and not behind_preposition(p, last, head))):
                    name = label_text  # not "Reagan's statement", "supporters of Reagan"
                if ent.label in ("ORG", "FAC", "WORK_OF_ART") and name is None and i == head:
                    name = label_text.removeprefix("the ").removeprefix("The ")
                match = None if not_own(p, last) else self._entity_country(ent)
                if match:
                    found.setdefault(standing(p, head, ent.start, ent.end), match)
                continue
            if ent is None and p.tokens[i].pos in ("PROPN", "ADJ", "NOUN") and not not_own(p, i):
                cm = country_of(p.tokens[i].text)
                if cm:
                    found.setdefault(standing(p, head, i, i + 1), (cm.code, cm.sector))
        for appos in p.children(head, "appos"):
            ent = p.ent_at[appos]
            if ent is not None and ent.label == "PERSON" and name is None:
                name = ent.text
        order = ("head", "owner", "place", "modifier")
        head_ent = p.ent_at[head]
        if head_ent is not None and head_ent.label == "NORP":
            order = ("place", "head", "owner", "modifier")  # "ethnic Albanians in Serbia"
        for role in order:
            if role in found:
                country, sector = found[role]
                sector = self._role_sector(head, role, sector)
                if role == "head" and head_ent is not None and head_ent.label == "NORP" and \
                        p.tokens[head].tag in ("NNPS", "NNS") and sector is None:
                    if any(p.lemma(j) == "ethnic" for j in p.children(head, "amod")):
                        return None, "CVL", name, []  # "ethnic Albanians": a people, no state
                    return country, "CVL", name, []  # "Young Algerians": people, not the state
                if role == "head" and name is None and country not in NON_STATE:
                    name = country_name(country)
                return country, sector, name, []
        return None, None, name, []

    def _role_sector(self, head: int, role: str, sector: str | None) -> str | None:
        """The sector a country word gives by where it stands: a capital is no metonym as a
        place ("demonstrators in Lima"), nor beside a word of its own sector ("a Moscow
        court" is a court's)."""
        if role == "place":
            return None
        if role != "head" and sector == "GOV":
            return phrase_sector(self.p, head) or sector
        return sector

    def _named_group(self, head: int, indices: list[int]) -> CountryMatch | None:
        """A state or group several proper nouns name together: "Islamic State", tagged as
        two entities; "Islamic State" of "Islamic State militants" (the group's fighters;
        one word alone is no group: "Syria decision")."""
        p = self.p
        for run in [proper_run(p, head, indices), *named_modifiers(p, head)]:
            named = country_of(p.text(run)) if len(run) > 1 else None
            if named is not None:
                return named
        return None

    def _entity_country(self, ent: Entity) -> tuple[str, str | None] | None:
        """(country, sector) a named entity in a phrase stands for: what the text said of
        it before, a country, a place ("police in Lagos"; a place the tagger took for a
        name), a country inside an organisation's name."""
        known = self.memory.names.get(name_key(ent.text))
        if known and known.country:
            return known.country, known.sector
        cm = country_of(ent.text)
        if cm:
            return cm.code, cm.sector
        place = self.places.get(ent.end - 1) or (
            place_of(ent.text) if ent.label in ("GPE", "LOC", "FAC") else None)
        if place and place.country:
            return place.country, None
        return self._named_inside(ent.start, ent.end) if ent.label in ("ORG", "FAC") else None

    def _named_inside(self, start: int, end: int) -> tuple[str, str | None] | None:
        """A country or body an organisation's name holds ("the Latvian Constitutional
        Court", "the United Nations Emergency Relief Coordinator")."""
        toks = self.p.tokens
        for k in range(start, end):
            for n in (3, 2, 1):
                if k + n > end:
                    continue
                words = self.p.body[toks[k].idx:toks[k + n - 1].idx + len(toks[k + n - 1].text)]
                cm = country_of(words)
                if cm and not not_own(self.p, k + n - 1):
                    return cm.code, None
        return None


# prepositions whose place is not where the people of a sentence are ("offences linked to
# Syria", "a war against Syria")
ELSEWHERE = frozenset({"to", "into", "toward", "towards", "against", "with", "about", "over",
                       "for"})


def _elsewhere(p: Parse, end: int) -> bool:
    """Is the place ending at token ``end`` not where its sentence's people are ("linked to
    Syria", "an Iran-backed militia", "a Guantánamo detainee")?"""
    tok = p.tokens[end]
    return not_own(p, end) or (tok.dep == "pobj" and p.tokens[tok.head].lower_text in ELSEWHERE)
