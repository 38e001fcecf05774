"""Evaluation gates: every scorer's figures stay at or above their pinned floors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from evaluation import actors, cases_scorer, maintext, places, plover, realnews, seed, stories
from evaluation.common import floors

SCORERS: dict[str, Callable[[], dict[str, float]]] = {
    "seed": seed.score, "maintext": maintext.score, "plover": plover.score_both,
    "places": places.score, "cases": cases_scorer.score, "stories": stories.score,
    "realnews": realnews.score, "actors": actors.score,
}


@pytest.mark.parametrize("name", sorted(SCORERS))
def test_gate(name: str, shared: Path, nlp: Language) -> None:
    figures = SCORERS[name]()
    below = {key: (figures[key], floor) for key, floor in floors()[name].items()
             if figures[key] < floor}
    assert not below, f"{name} below its floor (figure, floor): {below}"


def test_seed_has_no_extra_article(shared: Path) -> None:
    figures = seed.score()
    assert figures["articles"] == figures["gold_articles"]
