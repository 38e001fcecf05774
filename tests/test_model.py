"""The language model as loaded: its own tokenizer rules, read from disk once."""

from __future__ import annotations

from spacy.language import Language


def test_the_model_tokenizes_by_its_own_rules(nlp: Language) -> None:
    words = [t.text for t in nlp("U.S. officials don't say, e.g. in Jan. reports, what's next.")]
    assert words[:5] == ["U.S.", "officials", "do", "n't", "say"]
    assert "e.g." in words and "Jan." in words and "'s" in words
    assert len(nlp.tokenizer.rules or {}) > 1000
