"""A small logistic-regression model of check-worthiness.

Features are the sentence's lower-cased words and word pairs (digits folded to
0) plus the claim signals of ``kinds`` (numbers, comparisons, causes, rules,
predictions, opinions ...).  The weights live in ``claim_model.json`` beside this
module, written by ``scripts/train_claim_model.py`` from the ClaimBuster and
CLEF CheckThat! 2019 sentences (see the README).  Scoring is plain Python: a
dictionary look-up per feature and a sigmoid.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path

from ..model import Number
from .numbers import is_quantity

MODEL_PATH = Path(__file__).with_name("claim_model.json")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|[%$£€?!]")
_DIGITS = re.compile(r"[0-9]+")


def features(text: str, numbers: list[Number], signals: set[str]) -> list[str]:
    """The feature names of one candidate claim."""
    words = _WORD.findall(_DIGITS.sub("0", text.lower()))
    feats = ["bias"]
    feats += ["w=" + w for w in words]
    feats += ["b=" + a + "_" + b for a, b in zip(words, words[1:])]
    if words:
        feats.append("first=" + words[0])
    kinds = {n.kind for n in numbers if is_quantity(n)}
    feats += ["num=" + k for k in kinds]
    if any(n.kind in ("year", "date") for n in numbers):
        feats.append("num=time")
    feats += ["sig=" + s for s in signals]
    length = len(words)
    feats.append("len=" + ("1-4" if length < 5 else "5-9" if length < 10 else "10-19" if length < 20 else "20-39" if length < 40 else "40+"))
    return feats


class ClaimModel:
    def __init__(self, weights: dict[str, float], threshold: float):
        self.weights = weights
        self.threshold = threshold

    def probability(self, feats: list[str]) -> float:
        w = self.weights
        z = sum(w.get(f, 0.0) for f in feats)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


@cache
def load_model() -> ClaimModel | None:
    if not MODEL_PATH.exists():
        return None
    with open(MODEL_PATH, encoding="utf-8") as fh:
        data = json.load(fh)
    return ClaimModel(data["weights"], data["threshold"])
