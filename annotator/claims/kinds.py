"""Claim types (after Full Fact's scheme) and the signals that make a sentence check-worthy.

Types, most specific first: correlation-causation, prediction, ranking,
comparison, quantity-change, quantity, rule-or-law, personal-experience, event.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from ..lexicon import load_yaml
from ..model import Number
from ..tokens import tokens
from .numbers import is_quantity

TYPES = ("correlation-causation", "prediction", "ranking", "comparison", "quantity-change", "quantity",
         "rule-or-law", "personal-experience", "event")

_THE_MORE = re.compile(r"\bthe\s+(?:more|less|fewer|higher|lower|bigger|greater)\b[^.]{3,120}?,\s*the\s+(?:more|less|fewer|higher|lower|bigger|greater)\b", re.I)
_QUESTION = re.compile(r"\?\s*[\"”’']?\s*$")
_PERFECT = {"has", "have", "had", "was", "were"}


_NOT_SUPERLATIVE = {"interest", "forest", "protest", "request", "west", "test", "guest", "rest", "chest", "quest", "honest",
                    "modest", "harvest", "contest", "arrest", "suggest", "latest", "manifest", "digest", "invest", "nest",
                    "pest", "vest", "crest", "zest", "priest", "conquest", "unrest", "inquest", "behest", "bequest"}


def _is_superlative(word: str) -> bool:
    return (word.endswith("est") and len(word) > 5 and word not in _NOT_SUPERLATIVE) or word in ("most", "least", "first", "record")


@cache
def _phrases() -> dict[str, list[tuple[list[str], str]]]:
    """First word -> [(phrase words, signal)], longest phrases first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for signal, phrases in load_yaml("claim_signals.yml").items():
        for phrase in phrases:
            words = str(phrase).lower().split()
            index.setdefault(words[0], []).append((words, signal))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


@dataclass
class Signals:
    numbers: list[Number]
    types: list[str] = field(default_factory=list)
    score: float = 0.0
    present: set[str] = field(default_factory=set)  # every signal found, for the model

    @property
    def type(self) -> str:
        return self.types[0] if self.types else "event"


class SignalIndex:
    """Where each signal occurs in a text, found in one pass over its words.

    Scoring a sentence or clause then only looks up signals inside its span
    instead of searching every candidate again.
    """

    def __init__(self, text: str):
        self.text = text
        found: dict[str, list[tuple[int, int]]] = {}
        words = tokens(text)
        lower = [w[0] for w in words]
        lower_text = text.lower()
        phrases = _phrases()
        for i, (word, start, _end) in enumerate(words):
            for phrase, signal in phrases.get(word, ()):
                n = len(phrase)
                if n == 1 or lower[i:i + n] == phrase:
                    found.setdefault(signal, []).append((start, words[min(i + n, len(words)) - 1][2]))
            if word in _PERFECT and i + 1 < len(words):
                nxt = words[i + 1][0] if words[i + 1][0] != "been" or i + 2 >= len(words) else words[i + 2][0]
                if nxt.endswith(("ed", "en")) and len(nxt) > 4:
                    found.setdefault("event", []).append((start, words[i + 1][2]))
            if text[start].isupper() and start >= 2:
                # a name mid-sentence ("sent by Scotland Yard") or an acronym
                before = text[start - 2]
                if text[start - 1] == " " and (before.islower() or before in ",;:") or (_end - start > 1 and text[start:_end].isupper()):
                    found.setdefault("name_inside", []).append((start, _end))
            if word == "than" and i and lower[i - 1] not in ("rather", "other"):
                found.setdefault("comparison", []).append((start, _end))  # "higher in Leeds than in York"
            if word in ("the", "its", "their", "his", "her", "a") and i + 1 < len(words) and _is_superlative(lower[i + 1]):
                found.setdefault("superlative_np", []).append((start, words[i + 1][2]))  # "the hottest"
                found.setdefault("ranking", []).append((start, words[i + 1][2]))
            if word == "by" and i + 1 < len(words) and len(lower[i + 1]) == 4 and lower[i + 1].startswith("20") and lower[i + 1].isdigit():
                found.setdefault("prediction", []).append((start, words[i + 1][2]))  # "by 2030"
            if word in ("up", "down") and i + 1 < len(words) and (lower[i + 1] == "by" or lower[i + 1][0].isdigit()):
                found.setdefault("change", []).append((start, words[i + 1][2]))  # "up 5%", "down by a third"
        if "the more" in lower_text or "the less" in lower_text or "the higher" in lower_text:
            found.setdefault("the_more", []).extend((m.start(), m.end()) for m in _THE_MORE.finditer(text))
        self._starts = {k: [a for a, _ in sorted(v)] for k, v in found.items()}
        self._ends = {k: [b for _, b in sorted(v)] for k, v in found.items()}

    def has(self, name: str, start: int, end: int) -> bool:
        starts = self._starts.get(name)
        if not starts:
            return False
        i = bisect.bisect_left(starts, start)
        return i < len(starts) and starts[i] < end and self._ends[name][i] <= end

    def read(self, start: int, end: int, numbers: list[Number], *, sourced: bool) -> Signals:
        """Type a candidate claim ``text[start:end]`` and score how check-worthy it is, in [0, 1]."""
        has = self.has
        quantities = [n for n in numbers if is_quantity(n)]
        signals = Signals(numbers=numbers)
        score = 0.0
        found = set()
        the_more = has("the_more", start, end)
        if the_more or has("causal", start, end):
            found.add("correlation-causation")
            score += 0.45
        if has("prediction", start, end):
            found.add("prediction")
            score += 0.15
        if has("ranking", start, end) and (quantities or has("superlative_np", start, end)):
            found.add("ranking")
            score += 0.3
        if has("comparison", start, end):
            found.add("comparison")
            score += 0.25
        if quantities:
            if has("change", start, end):
                found.add("quantity-change")
                score += 0.6
            else:
                found.add("quantity")
                score += 0.55
        if has("rule", start, end):
            found.add("rule-or-law")
            score += 0.5
        if has("experience", start, end):
            found.add("personal-experience")
            score += 0.2
        if has("event", start, end) and has("name_inside", start, end):
            found.add("event")
            score += 0.3
        if sourced:
            score += 0.2
        if has("opinion", start, end):
            score -= 0.35
        question = bool(_QUESTION.search(self.text, start, end))
        if question:
            score -= 0.6
        if self.text.count(" ", start, end) < 4:
            score -= 0.3
        signals.present = {name for name in self._starts if has(name, start, end)}
        if question:
            signals.present.add("question")
        if sourced:
            signals.present.add("sourced")
        signals.types = [t for t in TYPES if t in found]
        if "prediction" in found and not the_more:
            signals.types.remove("prediction")
            signals.types.insert(0, "prediction")
            score -= 0.1  # predictions are harder to check than facts
        signals.score = max(0.0, min(1.0, score))
        return signals


def read_signals(text: str, numbers: list[Number], *, sourced: bool) -> Signals:
    """Score a stand-alone piece of text (see SignalIndex.read)."""
    return SignalIndex(text).read(0, len(text), numbers, sourced=sourced)
