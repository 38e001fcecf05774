"""Build, train and install the event coder with spaCy's own training system.

    python -m training.build [--out build/coder]

Writes the annotated sentences as spaCy corpora (one label per PLOVER type, several
allowed; a sentence with none reports no event), with a tenth of the documents held
out as spaCy's development set, trains ``training/coder.cfg`` from its fixed seed and
copies the best pipeline into the package (``wirewatch/models/event_coder``). Never reads
the real-news dev file: that one judges the result (``python -m evaluation.realnews``).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from training.data import Example, examples, first_annotations
from wirewatch.events.coder import LABELS
from wirewatch.nlp.model import CODER_DIR as MODEL_DIR

CONFIG = Path(__file__).with_name("coder.cfg")
HELD_OUT = 10  # one document in ten is spaCy's development set
KEPT = ("config.cfg", "meta.json", "tokenizer", "vocab", "textcat_multilabel")


def held_out(doc: str) -> bool:
    return int(hashlib.sha256(doc.encode()).hexdigest(), 16) % HELD_OUT == 0


def corpus(items: list[Example], path: Path) -> None:
    nlp = spacy.blank("en")
    bin_ = DocBin(store_user_data=False)
    for ex in items:
        doc = nlp.make_doc(ex.text)
        doc.cats = {label: float(label in ex.types) for label in LABELS}
        bin_.add(doc)
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
                    "--output", str(args.out / "model"),
                    "--paths.train", str(args.out / "train.spacy"),
                    "--paths.dev", str(args.out / "dev.spacy")], check=True)
    if not args.no_install:
        shutil.rmtree(MODEL_DIR, ignore_errors=True)
        MODEL_DIR.mkdir(parents=True)
        best = args.out / "model" / "model-best"
        for name in KEPT:
            src = best / name
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, MODEL_DIR / name)
        print(f"installed {MODEL_DIR}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
