"""Near-duplicates: syndicated and lightly edited copies of one text (MinHash + LSH bands).

A copy is stored once, as another appearance of the article it copies; it adds no story
member, no event mention and no independent origin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from wirewatch.merge.text import words

if TYPE_CHECKING:  # datasketch imports scipy: loaded when a signature is first made or read
    from datasketch import LeanMinHash

NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: pairs at Jaccard 0.8 meet in a band with p > 0.999
ROWS = NUM_PERM // BANDS
SHINGLE = 5
COPY_JACCARD = 0.8  # estimated shingle Jaccard at which a text is a copy of another
MIN_WORDS = 40  # shorter texts (briefs, headlines) are too alike by chance to call copies
_SEED = 1
_SCHEME = "affine32"  # datasketch's hashing scheme: stored signatures need the same one


def signature(text: str) -> LeanMinHash | None:
    """The MinHash of a text's word 5-shingles; None for texts too short to compare."""
    from datasketch import LeanMinHash, MinHash

    tokens = words(text)
    if len(tokens) < MIN_WORDS:
        return None
    shingles = {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}
    sketch = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    sketch.update_batch([s.encode("utf-8") for s in shingles])
    return LeanMinHash(sketch)


def bands(sig: LeanMinHash) -> list[str]:
    """The LSH band keys of a signature: texts sharing one are candidate copies."""
    values = sig.hashvalues
    return [
        f"{b}:{values[b * ROWS : (b + 1) * ROWS].tobytes().hex()}" for b in range(BANDS)
    ]


def to_bytes(sig: LeanMinHash) -> bytes:
    return bytes(np.asarray(sig.hashvalues, dtype=np.uint64).tobytes())


def from_bytes(data: bytes) -> LeanMinHash:
    from datasketch import LeanMinHash

    return LeanMinHash(seed=_SEED, hashvalues=np.frombuffer(data, dtype=np.uint64),
                       scheme=_SCHEME)


def is_copy(a: LeanMinHash, b: LeanMinHash) -> bool:
    return float(a.jaccard(b)) >= COPY_JACCARD
