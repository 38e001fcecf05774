"""Typed views of the knowledge tables the event stage uses, each loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from wirewatch.knowledge import read_table


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str  # the head word
    particle: str | None  # a required particle or preposition ("lean on" → "on")
    extra: str | None  # a required object word ("return to jail" → "jail")
    noun: bool
    event_type: str
    mode: str | None
    contexts: tuple[str, ...]
    frame: str  # act | give | receive | recip | ask
    conditions: frozenset[str]


@dataclass(frozen=True, slots=True)
class Weapon:
    term: str
    name: str
    kind: str
    assault_mode: str | None  # the PLOVER ASSAULT mode an attack with it has


def _opt(cell: str) -> str | None:
    return None if cell in ("", "-") else cell


@cache
def triggers() -> dict[tuple[str, bool], list[Trigger]]:
    """(head lemma, is noun) → trigger senses, the more specific ones first."""
    table: dict[tuple[str, bool], list[Trigger]] = {}
    for lemma, pos, etype, mode, contexts, frame, conditions in read_table("triggers.tsv"):
        words = lemma.split()
        noun = pos == "N"
        if noun:  # multi-word nouns are keyed on their last word ("air strike" → "strike")
            head, particle, extra = words[-1], " ".join(words[:-1]) or None, None
        else:
            head = words[0]
            particle = words[1] if len(words) > 1 else None
            extra = words[2] if len(words) > 2 else None
        trig = Trigger(head, particle, extra, noun, etype, _opt(mode),
                       tuple(c for c in contexts.split(",") if _opt(c)), frame,
                       frozenset(c for c in conditions.split(",") if _opt(c)))
        table.setdefault((head, noun), []).append(trig)
    for senses in table.values():
        senses.sort(key=lambda t: (t.particle is None, t.extra is None, t.event_type != "NONE"))
    return table


# a rule's events in a context the annotated training sentences confirmed less often than
# this are dropped (``rule_contexts.tsv``); at 0.1 PLOVER recipient country falls under its
# floor (docs/model-card.md)
UNCONFIRMED = 0.07


@cache
def unconfirmed_contexts() -> frozenset[tuple[str, ...]]:
    """The contexts (``triggers.rule_context``) in which the rules' events were confirmed by
    the annotation less than ``UNCONFIRMED`` of the time in the training sentences."""
    return frozenset(tuple(row[:5]) for row in read_table("rule_contexts.tsv")
                     if int(row[5]) < UNCONFIRMED * int(row[6]))


@cache
def sectors() -> dict[str, str]:
    """Title or sector word → sector: the PLOVER agents' words, ours over them."""
    table = {row[0]: row[1] for row in read_table("agents.tsv")}
    table.update((row[0], row[1]) for row in read_table("sectors.tsv"))
    return table


@cache
def weapons() -> dict[str, Weapon]:
    return {row[0]: Weapon(row[0], row[1], row[2], row[3] if len(row) > 3 and row[3] else None)
            for row in read_table("weapons.tsv")}


@cache
def assault_modes() -> dict[str, str]:
    """Normalised weapon name → the ASSAULT mode an attack with it has."""
    return {w.name: w.assault_mode for w in weapons().values() if w.assault_mode}


@cache
def speech_verbs() -> dict[str, str]:
    return {row[0]: row[1] for row in read_table("speech.tsv")}


@cache
def source_kinds() -> dict[str, str]:
    return {row[0]: row[1] for row in read_table("sources.tsv")}


@cache
def outlet_words() -> frozenset[str]:
    return frozenset(row[0] for row in read_table("outlets.tsv"))


@cache
def context_cues() -> dict[str, str]:
    return {row[0]: row[1] for row in read_table("contexts.tsv")}


@cache
def place_words() -> dict[str, str | None]:
    """Nouns naming a kind of place ("the town of X") → the gazetteer precision they
    imply (admin1, city), or None."""
    return {row[0]: _opt(row[1]) for row in read_table("place_words.tsv")}
