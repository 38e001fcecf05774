"""The language model as loaded: its own tokenizer rules, read from disk once."""

from __future__ import annotations

from spacy.language import Language


def test_the_model_tokenizes_by_its_own_rules(nlp: Language) -> None:
    words = [t.text for t in nlp("U.S. officials don't say, e.g. in Jan. reports, what's next.")]
    assert words[:5] == ["U.S.", "officials", "do", "n't", "say"]
    assert "e.g." in words and "Jan." in words and "'s" in words
    assert len(nlp.tokenizer.rules or {}) > 1000


def test_undoubled_verb_forms_keep_their_silent_e(nlp: Language) -> None:
    """"raped" is "rape" and "staged" "stage" (a doubled consonant makes "rapped"), so
    that the lexicon's verbs are found; verbs without the e keep their own lemma."""
    lemmas = {t.text: t.lemma_ for t in nlp(
        "Soldiers raped women, activists staged a sit-in, the court fined them and he hoped "
        "to win; they stopped, visited, barred and targeted them.")}
    assert [lemmas[w] for w in ("raped", "staged", "fined", "hoped")] == \
        ["rape", "stage", "fine", "hope"]
    assert [lemmas[w] for w in ("stopped", "visited", "barred", "targeted")] == \
        ["stop", "visit", "bar", "target"]
