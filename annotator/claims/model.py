"""A small logistic-regression model of check-worthiness.

Features are the sentence's lower-cased words and word pairs (the shared
tokens, digits folded to 0) plus the claim signals of ``kinds`` (numbers, comparisons, causes, rules,
predictions, opinions ...).  The weights live in ``claim_model.json`` beside this
module, written by ``scripts/train_claim_model.py`` from the ClaimBuster and
CLEF CheckThat! 2019 sentences (see the README).  Scoring is plain Python: a
dictionary look-up per feature and a sigmoid.
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
import operator
import re
from functools import cache
from pathlib import Path

from ..model import Number
from ..tokens import token_range, token_starts
from ..tokens import words as all_words
from .numbers import is_quantity

MODEL_PATH = Path(__file__).with_name("claim_model.json")
_DIGITS = re.compile(r"[0-9]+")


def words_of(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The model's words for ``text[start:end]``: the shared lower-case tokens, digits folded to 0."""
    i, j = token_range(text, start, len(text) if end is None else end)
    found = list(all_words(text)[i:j])
    for k in itertools.compress(range(len(found)), map(operator.not_, map(str.isalpha, found))):
        found[k] = _DIGITS.sub("0", found[k])
    return found


def features(first: str | None, length: int, numbers: list[Number], signals: set[str]) -> list[str]:
    """The feature names of one candidate claim besides its words and word pairs."""
    feats = ["bias"]
    if first:
        feats.append("first=" + first)
    kinds = {n.kind for n in numbers if is_quantity(n)}
    feats += ["num=" + k for k in kinds]
    if any(n.kind in ("year", "date", "time") for n in numbers):
        feats.append("num=time")
    feats += ["sig=" + s for s in signals]
    feats.append("len=" + ("1-4" if length < 5 else "5-9" if length < 10 else "10-19" if length < 20 else "20-39" if length < 40 else "40+"))
    return feats


def all_features(words: list[str], numbers: list[Number], signals: set[str]) -> list[str]:
    """Every feature name, as the training script stores them: words, word pairs and the rest."""
    return ["w=" + w for w in words] + ["b=" + a + " " + b for a, b in zip(words, words[1:])] + features(words[0] if words else None, len(words), numbers, signals)


class ClaimModel:
    def __init__(self, weights: dict[str, float], threshold: float):
        self.threshold = threshold
        self.words = {k[2:]: v for k, v in weights.items() if k.startswith("w=")}
        self.pairs: dict[tuple[str, str], float] = {}
        for k, v in weights.items():
            if k.startswith("b="):
                first, _, second = k[2:].partition(" ")
                self.pairs[first, second] = v
        self.other = {k: v for k, v in weights.items() if not k.startswith(("w=", "b="))}

    def scorer(self, text: str) -> TextScorer:
        return TextScorer(self, text)

    def _sigmoid(self, z: float, first: str | None, length: int, numbers: list[Number], signals: set[str]) -> float:
        z += sum(map(self.other.get, features(first, length, numbers, signals), itertools.repeat(0.0)))
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


class TextScorer:
    """The model over one whole text: word and word-pair weights summed once into
    running totals, so scoring any span of it is two subtractions."""

    def __init__(self, model: ClaimModel, text: str):
        self.model = model
        self.words = words_of(text)
        self.starts = token_starts(text)
        zero = itertools.repeat(0.0)
        self.word_totals = list(itertools.accumulate(map(model.words.get, self.words, zero), initial=0.0))
        pairs = zip(self.words, self.words[1:])
        self.pair_totals = list(itertools.accumulate(map(model.pairs.get, pairs, zero), initial=0.0))

    def probability(self, start: int, end: int, numbers: list[Number], signals: set[str]) -> float:
        """The model's probability that ``text[start:end]`` is check-worthy: the sum over its words
        (``words_of``) and word pairs, as the training script adds them up."""
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        z = self.word_totals[j] - self.word_totals[i]
        if j - i > 1:
            z += self.pair_totals[j - 1] - self.pair_totals[i]
        return self.model._sigmoid(z, self.words[i] if j > i else None, j - i, numbers, signals)


@cache
def load_model() -> ClaimModel | None:
    if not MODEL_PATH.exists():
        return None
    with open(MODEL_PATH, encoding="utf-8") as fh:
        data = json.load(fh)
    return ClaimModel(data["weights"], data["threshold"])
