"""What makes two articles copies: the five-word runs of their bodies.

A reprint keeps most of the original's sentences, so most of its five-word runs
(shingles).  Two reports of the same story share names and facts, but seldom
five words in a row outside a quotation.  A MinHash of the shingles (datasketch)
estimates how alike two bodies are in microseconds; the few pairs that look
alike are then measured exactly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

SHINGLE_WORDS = 5
PERMUTATIONS = 128
SEED = 1
SCHEME = "affine32"  # datasketch 2's 32-bit permutations: the signature is stored as uint32
_WORD = re.compile(r"\w+")


def shingles(text: str) -> frozenset[str]:
    """The body's five-word runs, case and punctuation ignored."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) < SHINGLE_WORDS:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))


def signature(runs: frozenset[str]) -> np.ndarray:
    """The MinHash of a set of shingles: PERMUTATIONS 32-bit values."""
    from datasketch import MinHash

    sketch = MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME)
    if runs:
        sketch.update_batch([r.encode("utf-8") for r in runs])
    return sketch.hashvalues


@dataclass(frozen=True)
class Likeness:
    jaccard: float  # shared runs over all runs of the two
    containment: float  # shared runs over the runs of the shorter body: a trimmed reprint keeps this high

    @property
    def similarity(self) -> float:
        return round(self.containment, 2)


def likeness(a: frozenset[str], b: frozenset[str]) -> Likeness:
    if not a or not b:
        return Likeness(0.0, 0.0)
    shared = len(a & b)
    return Likeness(shared / len(a | b), shared / min(len(a), len(b)))
