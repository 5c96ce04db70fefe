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
from ..tokens import indexes_of, tokens
from ..tokens import words as all_words
from .numbers import is_quantity, word_counts

TYPES = ("correlation-causation", "prediction", "ranking", "comparison", "rule-or-law", "quantity-change", "quantity",
         "personal-experience", "event")

_THE_MORE = re.compile(r"\bthe\s+(?:more|less|fewer|higher|lower|bigger|greater)\b[^.]{3,120}?,\s*the\s+(?:more|less|fewer|higher|lower|bigger|greater)\b", re.I)
_QUESTION = re.compile(r"\?\s*[\"”’']?\s*$")


_NOT_SUPERLATIVE = {"interest", "forest", "protest", "request", "west", "test", "guest", "rest", "chest", "quest", "honest",
                    "modest", "harvest", "contest", "arrest", "suggest", "latest", "manifest", "digest", "invest", "nest",
                    "pest", "vest", "crest", "zest", "priest", "conquest", "unrest", "inquest", "behest", "bequest"}


def _is_superlative(word: str) -> bool:
    return (word.endswith("est") and len(word) > 5 and word not in _NOT_SUPERLATIVE) or word in ("most", "least", "first", "record")


@cache
def _phrases() -> tuple[dict[str, list[str]], dict[tuple[str, str], list[tuple[tuple[str, ...], str]]]]:
    """One-word phrases (word -> signals) and longer ones ((first, second word) -> [(words, signal)], longest first)."""
    single: dict[str, list[str]] = {}
    longer: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
    for signal, phrases in load_yaml("claim_signals.yml").items():
        for phrase in phrases:
            words = tuple(str(phrase).lower().split())
            if len(words) == 1:
                single.setdefault(words[0], []).append(signal)
            else:
                longer.setdefault(words[:2], []).append((words, signal))
    for entries in longer.values():
        entries.sort(key=lambda e: -len(e[0]))
    return single, longer


@cache
def _triggers() -> frozenset[str]:
    """The words at which a signal can start."""
    single, longer = _phrases()
    return frozenset(single) | {first for first, _ in longer} | _SUPERLATIVE_BEFORE | _PERFECT | {"than", "by", "up", "down"}


@dataclass
class Signals:
    numbers: list[Number]
    types: list[str] = field(default_factory=list)
    score: float = 0.0
    present: set[str] = field(default_factory=set)  # every signal found, for the model

    @property
    def type(self) -> str:
        return self.types[0] if self.types else "event"


_SUPERLATIVE_BEFORE = {"the", "its", "their", "his", "her", "a"}
_PERFECT = {"has", "have", "had", "was", "were"}
# a name inside a sentence: "sent by Scotland Yard", "the NHS"
_NAME_AFTER_LOWER = re.compile(r" (?<=[a-z,;:] )[A-Z]")  # the space first: the scan jumps from space to space
# not after a letter or digit; the look-behind follows the first capital so the scan can jump to capitals
_ACRONYM = re.compile(r"[A-Z](?<![^\W_].)[A-Z0-9]*[A-Z]\b")
_SPAN = re.Match.span


class SignalIndex:
    """Where each signal occurs in a text, found in one pass over the words that
    can start one.

    Scoring a sentence or clause then only looks up signals inside its span
    instead of searching every candidate again.
    """

    def __init__(self, text: str):
        self.text = text
        found: dict[str, list[tuple[int, int]]] = {}
        words = tokens(text)
        lower = all_words(text)
        (single, longer), triggers = _phrases(), _triggers()
        last = len(words) - 1

        def add(signal: str, i: int, j: int) -> None:
            found.setdefault(signal, []).append((words[i][1], words[min(j, last)][2]))

        for i in indexes_of(lower, triggers):
            word = lower[i]
            for signal in single.get(word, ()):
                add(signal, i, i)
            if i < last:
                for phrase, signal in longer.get((word, lower[i + 1]), ()):
                    if len(phrase) == 2 or lower[i:i + len(phrase)] == phrase:
                        add(signal, i, i + len(phrase) - 1)
            if i == last:
                continue
            after = lower[i + 1]
            if word in _PERFECT:
                participle = lower[i + 2] if after == "been" and i + 2 <= last else after
                if participle.endswith(("ed", "en")) and len(participle) > 4:
                    add("event", i, i + 1)  # "has risen", "were arrested"
            elif word == "than":
                if i and lower[i - 1] not in ("rather", "other"):
                    add("comparison", i, i)  # "higher in Leeds than in York"
            elif word in _SUPERLATIVE_BEFORE:
                if _is_superlative(after):
                    add("superlative_np", i, i + 1)  # "the hottest"
                    add("ranking", i, i + 1)
            elif word == "by":
                if len(after) == 4 and after.startswith("20") and after.isdigit():
                    add("prediction", i, i + 1)  # "by 2030"
            elif word in ("up", "down") and (after == "by" or after[0].isdigit()):
                add("change", i, i + 1)  # "up 5%", "down by a third"
        # names after a lower-case word are many: looked up per span instead (see _name_inside)
        acronyms = list(map(_SPAN, _ACRONYM.finditer(text)))
        self._acronym_starts = [a for a, _ in acronyms]
        self._acronym_ends = [b for _, b in acronyms]
        lower_text = text.lower()
        if "the more" in lower_text or "the less" in lower_text or "the higher" in lower_text:
            found.setdefault("the_more", []).extend(m.span() for m in _THE_MORE.finditer(text))
        # every occurrence in text order: a span's signals are then a short run of this list
        self._occurrences = sorted((a, b, name) for name, spans in found.items() for a, b in spans)
        self._occurrence_starts = [a for a, _, _ in self._occurrences]

    def present(self, start: int, end: int) -> set[str]:
        """The signals found inside ``text[start:end]``: those whose first occurrence at or after
        ``start`` ends by ``end``."""
        found = set()
        seen = set()
        occurrences = self._occurrences
        for i in range(bisect.bisect_left(self._occurrence_starts, start), len(occurrences)):
            a, b, name = occurrences[i]
            if a >= end:
                break
            if name not in seen:
                seen.add(name)
                if b <= end:
                    found.add(name)
        if self._name_inside(start, end):
            found.add("name_inside")
        return found

    def _name_inside(self, start: int, end: int) -> bool:
        """Whether the first name at or after ``start`` (a capital after a lower-case word, or an
        acronym) lies inside ``text[start:end]``."""
        m = _NAME_AFTER_LOWER.search(self.text, max(start - 1, 0), end)
        capital = m.start() + 1 if m else end
        i = bisect.bisect_left(self._acronym_starts, start)
        if i < len(self._acronym_starts) and self._acronym_starts[i] < capital:
            return self._acronym_ends[i] <= end
        return capital < end

    def read(self, start: int, end: int, numbers: list[Number], *, sourced: bool) -> Signals:
        """Type a candidate claim ``text[start:end]`` and score how check-worthy it is, in [0, 1]."""
        present = self.present(start, end)
        quantities = [n for n in numbers if is_quantity(n)]
        signals = Signals(numbers=numbers, present=present)
        score = 0.0
        found = set()
        the_more = "the_more" in present
        if the_more or "causal" in present:
            found.add("correlation-causation")
            score += 0.45
        if "prediction" in present:
            found.add("prediction")
            score += 0.15
        if "ranking" in present and (quantities or "superlative_np" in present):
            found.add("ranking")
            score += 0.3
        if "comparison" in present:
            found.add("comparison")
            score += 0.25
        if not quantities and word_counts(self.text, start, end):
            found.add("quantity-change" if "change" in present else "quantity")  # a type, but no score: see word_counts
        if quantities:
            if "change" in present:
                found.add("quantity-change")
                score += 0.6
            else:
                found.add("quantity")
                score += 0.55
        if "rule" in present:
            found.add("rule-or-law")
            score += 0.5
        if "experience" in present:
            found.add("personal-experience")
            score += 0.2
        if "event" in present and "name_inside" in present:
            found.add("event")
            score += 0.3
        if sourced:
            score += 0.2
            present.add("sourced")
        if "opinion" in present:
            score -= 0.35
        if _QUESTION.search(self.text, start, end):
            score -= 0.6
            present.add("question")
        if self.text.count(" ", start, end) < 4:
            score -= 0.3
        signals.types = [t for t in TYPES if t in found]
        if "prediction" in found and not the_more:
            signals.types.remove("prediction")
            signals.types.insert(0, "prediction")
            score -= 0.1  # predictions are harder to check than facts
        signals.score = max(0.0, min(1.0, score))
        return signals

