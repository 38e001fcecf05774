"""Build, train and install the event coder with spaCy's own training system.

    python -m training.build [--out build/coder]

Parses the annotated sentences as the engine does and writes them as spaCy corpora, the
head word of each trigger tagged with its event type (``trigger_heads``), a tenth of the
documents held out as spaCy's development set; trains ``training/coder.cfg`` from its
fixed seed for its fixed number of steps and copies the last pipeline into the package
(``wirewatch/models/event_coder``). Never reads the real-news dev file: that one judges
the result (``python -m evaluation.realnews``).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from spacy.tokens import DocBin

from training.data import Example, examples, first_annotations
from training.readers import ATTRS
from wirewatch.events.coder import CONTENT, NO_EVENT, coder_doc
from wirewatch.nlp.annotate import annotate
from wirewatch.nlp.model import CODER_DIR, load_model
from wirewatch.records import AnnotatedArticle, Article

CONFIG = Path(__file__).with_name("coder.cfg")
MISSING = ""  # no tag: no loss
HELD_OUT = 10  # one document in ten is spaCy's development set
KEPT = ("config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "triggers")


def held_out(doc: str) -> bool:
    return int(hashlib.sha256(doc.encode()).hexdigest(), 16) % HELD_OUT == 0


def trigger_heads(ann: AnnotatedArticle, events: tuple[dict[str, Any], ...]) -> list[str]:
    """The word tags of one annotated sentence: the head word of each event's trigger (the
    first occurrence not taken by an earlier event, as written or in any case) carries the
    event's type, every other content word ``NO_EVENT``; function words are left untagged
    (no loss: the rare triggers are not drowned in words that never are). A trigger not
    found is left out."""
    tokens = ann.tokens
    text = ann.article.body
    tags = [NO_EVENT if t.pos in CONTENT else MISSING for t in tokens]
    used: list[tuple[int, int]] = []
    for event in events:
        words = (event.get("trigger") or "").strip()
        if not words:
            continue
        for haystack, needle in ((text, words), (text.lower(), words.lower())):
            at = haystack.find(needle)
            while at >= 0 and any(s < at + len(needle) and at < e for s, e in used):
                at = haystack.find(needle, at + 1)
            if at >= 0:
                break
        if at < 0:
            continue
        used.append((at, at + len(needle)))
        inside = [t.i for t in tokens if at <= t.idx < at + len(needle)]
        if inside:  # the word whose head lies outside the trigger: its syntactic head
            head = next((i for i in inside if tokens[i].head not in inside or
                         tokens[i].head == i), inside[0])
            if tags[head] in (NO_EVENT, MISSING):
                tags[head] = event["type"]
    return tags


def corpus(items: list[Example], path: Path) -> None:
    """Each sentence parsed as the engine parses it, its words tagged by
    ``trigger_heads``."""
    bin_ = DocBin(attrs=ATTRS, store_user_data=False)
    articles = [Article(ex.id, ex.id, None, ex.text) for ex in items]
    nlp = load_model()
    for ex, ann in zip(items, annotate(articles, nlp), strict=True):
        bin_.add(coder_doc(nlp.vocab, ann.tokens, trigger_heads(ann, ex.events)))
    path.parent.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("build/coder"))
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--no-install", action="store_true",
                        help="train only; leave the packaged model as it is")
    args = parser.parse_args()
    items = first_annotations(examples())
    train = [ex for ex in items if not held_out(ex.doc)]
    dev = [ex for ex in items if held_out(ex.doc)]
    corpus(train, args.out / "train.spacy")
    corpus(dev, args.out / "dev.spacy")
    print(f"{len(train)} training sentences, {len(dev)} held out", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "spacy", "train", str(args.config),
                    "--code", str(Path(__file__).with_name("readers.py")),
                    "--output", str(args.out / "model"),
                    "--paths.train", str(args.out / "train.spacy"),
                    "--paths.dev", str(args.out / "dev.spacy")], check=True)
    if not args.no_install:
        shutil.rmtree(CODER_DIR, ignore_errors=True)
        CODER_DIR.mkdir(parents=True)
        last = args.out / "model" / "model-last"
        for name in KEPT:
            src = last / name
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, CODER_DIR / name)
        print(f"installed {CODER_DIR}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
