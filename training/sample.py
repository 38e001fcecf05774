"""Draw the sentences to annotate, as they come in articles.

Runs of consecutive sentences are taken from each document (not only sentences a keyword
flags), so the coder sees the no-event sentences that make up most of the news. Sentences
of the real-news dev file are never drawn. The result points into the texts (source,
document, offsets); ``--batches`` also writes the texts out for annotators, in batches,
with a share of the items in two batches for measuring agreement.

    python -m training.sample --out data/training/sentences.jsonl --batches /tmp/batches 8
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from evaluation.realnews import gold_items
from training.corpus import documents
from training.data import read_jsonl
from wirewatch.nlp.model import load_model

# per round and source: how many documents (None: all) and how long a run from each
ROUNDS: dict[int, dict[str, tuple[int | None, int]]] = {
    1: {"guardian": (None, 10), "ecbplus": (400, 3), "scrapinghub": (None, 5)},
    2: {"guardian": (None, 10), "ecbplus": (None, 3)},
    3: {"guardian": (None, 8), "geovirus": (None, 4), "ngec": (400, 2)},
    4: {"guardian": (None, 10), "ecbplus": (None, 4), "geovirus": (None, 6), "ngec": (800, 2)},
    5: {"guardian": (None, 20), "ecbplus": (None, 5), "geovirus": (None, 5),
        "scrapinghub": (None, 4)},
    6: {"ecbplus": (None, 6), "geovirus": (None, 6), "scrapinghub": (None, 6), "ngec": (600, 2)},
}
SEED = 20261201
MIN_CHARS = 20


def dev_spans() -> dict[str, list[tuple[int, int]]]:
    """Where the dev file's sentences sit in their Guardian articles."""
    texts = documents("guardian")
    spans: dict[str, list[tuple[int, int]]] = {}
    for item in gold_items():
        start = texts[item["doc"]][0].find(item["text"])
        spans.setdefault(item["doc"], []).append((start, start + len(item["text"])))
    return spans


def sentences(text: str) -> list[tuple[int, int]]:
    nlp = load_model()
    with nlp.select_pipes(disable=["ner"]):
        doc = nlp(text)
    return [(s.start_char, s.end_char) for s in doc.sents if s.text.strip()]


def sample(round_: int = 1, earlier: list[dict[str, object]] | None = None
           ) -> list[dict[str, object]]:
    """A round's sentences; later rounds skip those drawn before (``earlier``) and number
    on after them."""
    rng = random.Random(SEED + round_ - 1)
    excluded = dev_spans()
    taken = earlier or []
    for item in taken:
        excluded.setdefault(str(item["doc"]), []).append(
            (int(str(item["start"])), int(str(item["end"]))))
    items: list[dict[str, object]] = []
    for source, (n_docs, run) in ROUNDS[round_].items():
        docs = sorted(documents(source))
        chosen = sorted(rng.sample(docs, n_docs)) if n_docs else docs
        for doc in chosen:
            text = documents(source)[doc][0]
            sents = sentences(text)
            dev = excluded.get(doc, [])
            usable = [i for i, (s, e) in enumerate(sents)
                      if e - s >= MIN_CHARS and not any(s < de and ds < e for ds, de in dev)]
            if not usable:
                continue
            first = rng.randrange(max(1, len(usable) - run + 1))
            for i in usable[first:first + run]:
                start, end = sents[i]
                context = list(sents[i - 1]) if i else None
                items.append({"id": f"{source}-{len(taken) + len(items):05d}",
                              "round": round_, "source": source, "doc": doc,
                              "start": start, "end": end, "context": context})
    return items


def write_batches(items: list[dict[str, object]], folder: Path, n: int, twice: int) -> None:
    rng = random.Random(SEED + 1)
    order = items[:]
    rng.shuffle(order)
    batches: list[list[dict[str, object]]] = [order[k::n] for k in range(n)]
    for k, item in enumerate(rng.sample(order, twice)):
        home = next(b for b, batch in enumerate(batches) if item in batch)
        batches[(home + 1 + k % (n - 1)) % n].append(item)
    folder.mkdir(parents=True, exist_ok=True)
    for b, batch in enumerate(batches, 1):
        rng.shuffle(batch)
        with (folder / f"batch_{b}.jsonl").open("w", encoding="utf-8") as out:
            for item in batch:
                source, doc = str(item["source"]), str(item["doc"])
                text, date = documents(source)[doc]
                ctx = item["context"]
                out.write(json.dumps({
                    "id": item["id"], "doc": doc, "published": date,
                    "context": text[ctx[0]:ctx[1]] if isinstance(ctx, list) else "",
                    "text": text[int(str(item["start"])):int(str(item["end"]))],
                }, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--batches", nargs=2, metavar=("FOLDER", "N"))
    parser.add_argument("--twice", type=int, default=320)
    parser.add_argument("--round", type=int, default=1, choices=sorted(ROUNDS),
                        help="a later round adds to --out what earlier ones drew")
    args = parser.parse_args()
    earlier = read_jsonl(args.out) if args.round > 1 else []
    items = sample(args.round, earlier)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("a" if earlier else "w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item) + "\n")
    print(f"{len(items)} sentences -> {args.out}")
    if args.batches:
        write_batches(items, Path(args.batches[0]), int(args.batches[1]), args.twice)


if __name__ == "__main__":
    main()
