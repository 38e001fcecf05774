"""Factuality: did the event happen (polarity), and is it asserted, hypothetical, future or
historical (modality)? PLOVER's auxiliary modes, read from negation, modal verbs,
conditionals and the verbs an event depends on."""

from __future__ import annotations

from wirewatch.dates import day_of, days_of
from wirewatch.events.coder import reported
from wirewatch.events.lexicon import speech_verbs
from wirewatch.events.tree import Parse
from wirewatch.records import Factuality

HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should", "can"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
NEGATORS = frozenset({"deny", "refute", "dismiss"})
FUTURE_HEADS = frozenset({"plan", "intend", "prepare", "vow", "pledge", "promise", "threaten",
                          "aim", "expect", "agree", "decide", "schedule", "set", "offer",
                          "willing", "ready", "prepared", "committed", "determined"})
HYPOTHETICAL_HEADS = frozenset({"ask", "urge", "call", "demand", "request", "want", "seek",
                                "lean", "press", "consider", "propose", "suggest", "try",
                                "attempt", "hope", "refuse", "reject", "allege", "accuse"})
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "prep", "pobj", "advcl", "conj"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
HISTORICAL_DAYS = 365  # "historical": background more than a year before the article


def factuality(p: Parse, trigger: int, date: str | None, published: str | None) -> Factuality:
    polarity = "positive"
    modality = "asserted"
    tok = p.tokens[trigger]
    if tok.pos in ("NOUN", "PROPN") and tok.dep in ("dobj", "nsubjpass"):
        trigger = tok.head  # "plans to impose martial law": the verb says when
    chain = [trigger, *_clause_heads(p, trigger)]
    own = chain[0]
    kids = [p.tokens[c] for c in p.kids[own]]
    if p.tokens[own].dep == "xcomp" or p.tokens[own].dep == "pcomp":
        kids += [p.tokens[c] for c in p.kids[p.tokens[own].head]]
    if any(k.dep == "neg" for k in kids) or any(k.lower_text in ("never", "no") for k in kids):
        polarity = "negative"
    aux = {k.lower_text for k in kids if k.dep in ("aux", "auxpass")}
    reported = p.tokens[own].dep == "ccomp" and p.lemma(p.tokens[own].head) in speech_verbs()
    if aux & FUTURE_AUX or ("going" in aux and "to" in aux) or ("would" in aux and reported):
        modality = "future"  # "they said they would boycott": the future of then
    elif aux & HYPOTHETICAL_AUX:
        modality = "hypothetical"
    if any(k.dep == "mark" and k.lower_text in CONDITIONAL_MARKS for k in kids):
        modality = "hypothetical"
    for head in chain[1:3]:
        lemma = p.lemma(head)
        if lemma in NEGATORS:
            polarity = "negative"
        elif modality == "asserted" and lemma in FUTURE_HEADS:
            modality = "future"
        elif modality == "asserted" and lemma in HYPOTHETICAL_HEADS:
            modality = "hypothetical"
    if modality == "asserted":
        modality = _by_date(date, published) or modality
    return Factuality(polarity=polarity, modality=modality)


def _clause_heads(p: Parse, i: int) -> list[int]:
    """The verbs an event's clause depends on, nearest first ("plans to attack" → plan)."""
    out = []
    tok = p.tokens[i]
    while tok.dep in CLAUSE_DEPS and tok.head != tok.i:
        tok = p.tokens[tok.head]
        if tok.pos in ("VERB", "NOUN", "ADJ"):
            out.append(tok.i)
    return out


def _by_date(date: str | None, published: str | None) -> str | None:
    """What an event's own date says of a report: "historical" when it ended more than a
    year before publication (the guide's background), "future" when it begins after it."""
    days = days_of(date) if date else None
    day = day_of((published or "")[:10])
    if days is None or day is None:
        return None
    first, last = days
    if (day - last).days > HISTORICAL_DAYS:
        return "historical"
    return "future" if first > day else None


def learned(rules: Factuality, likely: dict[str, float] | None) -> Factuality:
    """An event's factuality as the factuality reader finds it when it is sure
    (``coder.reported``), else as the rules read it. What the grammar says stands against
    a reader that finds the event plainly asserted: a negation ("had not fired") and a
    date more than a year back (the reader does not know the date)."""
    label = reported(likely) if likely else None
    if label is None or (label == "asserted" and (rules.modality == "historical" or
                                                  rules.polarity == "negative")):
        return rules
    if label == "negated":
        return Factuality("negative", "asserted")
    return Factuality("positive", label)
