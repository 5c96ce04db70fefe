"""Vague attributions: statements pinned on nobody in particular.

"critics warn ...", "experts say ...", "it is believed ...", "there are fears
that ...", "is said to ...".  Read from word tokens with small word sets, so a
paragraph is scanned once.
"""

from __future__ import annotations

import bisect
import re

from ..model import Span, Vague
from ..tokens import indexes_within, token_range, tokens

_GROUPS = {"critics", "experts", "observers", "analysts", "commentators", "sources", "insiders", "campaigners", "opponents",
           "detractors", "skeptics", "sceptics", "scientists", "economists", "researchers", "people", "others", "some",
           "many", "reports", "rumours", "rumors", "studies", "officials", "residents", "locals", "activists"}
_QUANTIFIERS = {"some", "many", "several", "most"}
_VERBS = {"say", "said", "warn", "warned", "argue", "argued", "believe", "believed", "claim", "claimed", "suggest",
          "suggested", "fear", "feared", "note", "noted", "predict", "predicted", "think", "thought", "contend", "insist",
          "allege", "alleged", "maintain", "worry", "worried", "speculate", "speculated", "estimate", "estimated"}
_PARTICIPLES = {"believed", "understood", "thought", "said", "claimed", "reported", "feared", "alleged", "suggested",
                "rumoured", "rumored", "estimated", "known", "expected", "argued"}
_PASSIVE_TO = {"believed", "thought", "said", "reported", "rumoured", "rumored", "alleged"}
_THERE_NOUNS = {"fears", "concerns", "claims", "reports", "suggestions", "rumours", "rumors", "allegations", "worries"}
_FIRST_WORDS = frozenset(_GROUPS | {"it", "there", "is", "are", "was", "were"})
_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)")  # (one character and the space after: matches never overlap)
_TWO_WORDS = re.compile(r"\s*\S+\s+\S")
# characters an attribution's words may run on for (the longest in 4,000 corpus articles is 435):
# each of many cues in a paragraph without a stop would otherwise hold the rest of the paragraph
_REACH = 1_000


def find_vague(text: str, paragraph: Span) -> list[Vague]:
    first_word, last_word = token_range(text, paragraph.start, paragraph.end)
    words = tokens(text)[first_word:last_word]
    found: list[Vague] = []
    after = 0  # a cue's words cannot start another
    clause_ends = None  # found once a cue is (searching from each cue is quadratic in a paragraph without stops)
    for i in indexes_within(text, first_word, last_word, _FIRST_WORDS):
        if i < after:
            continue
        span = _match_at(words, i)
        if span is None:
            continue
        first, last = span
        cue_start, cue_end = words[first][1], words[last][2]
        if clause_ends is None:
            clause_ends = [m.start() for m in _CLAUSE_END.finditer(text, paragraph.start, paragraph.end)]
        k = bisect.bisect_left(clause_ends, cue_end)
        end = clause_ends[k] if k < len(clause_ends) else paragraph.end
        if end - cue_end > _REACH:  # no clause runs on this long: a page-long paragraph without stops
            end = max(text.rfind(" ", cue_end, cue_end + _REACH), cue_end + 1)
        if _TWO_WORDS.match(text, cue_end, end):  # (as len(text[cue_end:end].split()) >= 2, without the copy)
            found.append(Vague(cue=text[cue_start:cue_end], text=text[cue_start:end], start=cue_start, end=end))
        after = last + 1
    return found


def _match_at(words, i: int) -> tuple[int, int] | None:
    """(first, last) word index of a vague cue starting at word i, if any."""
    w = [x[0] for x in words[i:i + 5]] + [""] * 5
    if w[0] in _GROUPS:
        first = i - 1 if i and words[i - 1][0] in _QUANTIFIERS else i
        j = 1 + (w[1] in ("have", "had"))
        if w[j] in _VERBS:
            return first, i + j
        if w[j] == "point" and w[j + 1] == "out":
            return first, i + j + 1
        return None
    if w[0] == "it" and w[1] in ("is", "was", "has", "had"):
        j = 2 if w[1] in ("is", "was") else (3 if w[2] == "been" else 99)
        if j < 5 and w[j] in ("widely", "generally", "now"):
            j += 1
        if j < 5 and w[j] in _PARTICIPLES:
            return i, i + j
        return None
    if w[0] == "there" and w[1] in ("are", "were", "have", "had"):
        j = 2 if w[1] in ("are", "were") else (3 if w[2] == "been" else 99)
        if j < 5 and w[j] in ("growing", "widespread"):
            j += 1
        if j < 5 and w[j] in _THERE_NOUNS:
            return i, i + j
        return None
    if w[0] in ("is", "are", "was", "were"):
        j = 2 if w[1] == "widely" else 1
        if w[j] in _PASSIVE_TO and w[j + 1] == "to":
            return i, i + j + 1
    return None
