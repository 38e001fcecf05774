"""Event coding on the annotated sentences the shipped pipelines never learn from.

    python -m training.heldout [--limit 2500] [--by-type]

The annotation rounds after ``training.build.ROUNDS`` (5 and 6) are read by neither the
trained pipelines nor the rules' contexts table. Their sentences from outlets other than
the Guardian's (the real-news dev split's) are scored as ``evaluation.realnews`` scores the
dev split, a fixed shuffled sample of them with ``--limit``: a check that what was chosen
on the dev split holds on other outlets and topics. The lexicon's senses were read from
every round (``training.senses``), so for them this is no clean held-out set.
"""

from __future__ import annotations

import argparse
import random
import sys
from typing import Any

from evaluation.common import report
from evaluation.realnews import by_type, figures, sentence_events, tally
from training.build import ROUNDS
from training.data import examples, first_annotations

SEED = 7


def items(limit: int | None = None) -> list[dict[str, Any]]:
    """The held-out sentences in the real-news gold's format, shuffled by ``SEED``."""
    out = [{"text": ex.text, "context": ex.context, "published": ex.published,
            "events": list(ex.events)}
           for ex in first_annotations(examples()) if ex.round > ROUNDS and
           ex.source != "guardian"]
    random.Random(SEED).shuffle(out)
    return out[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="score this many sentences")
    parser.add_argument("--by-type", action="store_true", help="also print a per-type table")
    args = parser.parse_args()
    gold = items(args.limit)
    t = tally(gold, sentence_events(gold))
    print(report("heldout", figures(t), f"{len(gold)} annotated sentences of rounds after "
                                        f"{ROUNDS}, other outlets"))
    if args.by_type:
        print(by_type(t))
    return 0


if __name__ == "__main__":
    sys.exit(main())
