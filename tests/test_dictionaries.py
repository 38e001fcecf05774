"""Actor dictionaries in the TABARI / PETRARCH format: reading them and using them."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from wirewatch import dictionaries
from wirewatch.pipeline import run
from wirewatch.records import ArticleRecord, Document

FIXTURE = Path(__file__).parent / "fixtures" / "people.actors.txt"


def test_entries_aliases_and_dated_codes() -> None:
    index = dictionaries.parse(FIXTURE.read_text())
    kwambe = index[dictionaries.key("Kwambe")]
    assert kwambe is index[dictionaries.key("President Oda Kwambe")]
    assert kwambe.at("2005-06-01") == dictionaries.Coded("TZA", None, "19900101", "20101231")
    assert (kwambe.at("2015-06-01") or kwambe.codes[0]).sector == "GOV"
    assert (kwambe.at(None) or kwambe.codes[0]).start == "20110101"  # the latest code
    lions = index[dictionaries.key("Delta Lions")]
    assert (lions.at(None) or lions.codes[0]).country == "NGA"
    vellandi = index[dictionaries.key("Nora Vellandi")]
    assert (vellandi.at(None) or vellandi.codes[0]).country == "UNO"  # not the bare sector


def test_resolver_uses_configured_dictionaries(nlp: Language,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    text = "President Oda Kwambe accused the Delta Lions of attacking a convoy."
    doc = Document("d", "article", text, published="2016-02-01")

    def accuse() -> tuple[set[str | None], set[str | None]]:
        (record,) = run([doc], nlp)
        assert isinstance(record, ArticleRecord)
        event = next(e for e in record.events if e.event_type == "ACCUSE")
        return {a.country for a in event.actors}, {a.country for a in event.recipients}

    monkeypatch.delenv(dictionaries.ENV_VAR, raising=False)
    assert accuse() == ({None}, {None})
    monkeypatch.setenv(dictionaries.ENV_VAR, str(FIXTURE.parent))
    assert accuse() == ({"TZA"}, {"NGA"})
