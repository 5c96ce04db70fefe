"""Reporting cues ("said", "told", "according to") and the words around them; ``Cues``, every cue of a text found once."""

from __future__ import annotations

import bisect
import re
from functools import cache

from ..lexicon import load_yaml
from ..tokens import indexes_of, tokens
from ..tokens import words as all_words

# Adverbs and auxiliaries that may stand between a speaker and the cue: "he also said",
# "she has previously said", "the minister later told".
ADVERBS = frozenset("""
also later then previously earlier recently once again further repeatedly publicly privately separately reportedly
allegedly simply quickly immediately subsequently initially originally famously frequently often has have had was
were is would will could did does do since long angrily bluntly candidly flatly firmly openly tearfully proudly
cheerfully calmly softly quietly loudly jokingly sarcastically confidently defiantly categorically emphatically
specifically explicitly personally directly never always now still even already
""".split())
PASSIVE = frozenset("was were is are been be being get got".split())

# Phrases between a cue and what was said: "said in a statement", "told reporters on Monday".
ADJUNCT = (
    r"(?:(?:in|on|at|during|via|through|over|after|before|to|with|from|by|via|of|about|late|early|last|this|earlier)\b[^,:;\"“”]{0,60}?"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)\b(?:\s+(?:morning|afternoon|evening|night))?)"
)

# Nouns for the way something was said; "The Met email says" names the Met as speaker.
CHANNELS = {
    "email": "email", "e-mail": "email", "emails": "email", "letter": "letter", "statement": "statement",
    "press release": "statement", "release": "statement", "memo": "memo", "tweet": "tweet", "post": "post",
    "blog": "blog post", "blog post": "blog post", "report": "report", "filing": "court filing", "spokesman": "spokesperson",
    "spokeswoman": "spokesperson", "spokesperson": "spokesperson", "website": "website", "interview": "interview",
    "message": "message", "note": "note", "announcement": "announcement", "notice": "notice", "briefing": "briefing",
    "book": "book", "memoir": "book", "column": "column", "database": "database", "minutes": "minutes",
    "study": "study",
}


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def last_word(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The word of ASCII letters just before ``end`` and any space (lower case), and where it
    starts; looking back at most 40 characters."""
    lowest = max(start, end - 40)
    word_end = end
    while word_end > lowest and text[word_end - 1].isspace():
        word_end -= 1
    word_start = word_end
    while word_start > lowest and text[word_start - 1] in _LETTERS:
        word_start -= 1
    return (text[word_start:word_end].lower(), word_start) if word_start < word_end else None


@cache
def cue_forms() -> dict[str, tuple[str, str]]:
    """Surface form -> (lemma, kind); kind is speech, belief or evidence."""
    forms: dict[str, tuple[str, str]] = {}
    for lemma, entry in load_yaml("speech_verbs.yml").items():
        for form in entry["forms"]:
            forms[form] = (lemma, entry.get("kind", "speech"))
    return forms


@cache
def cue_words(kinds: tuple[str, ...] = ("speech",)) -> dict[str, list[list[str]]]:
    """First word of each cue form -> the forms' words, longest first: "pointed" -> [["pointed", "out"]]."""
    index: dict[str, list[list[str]]] = {}
    for form, (_, kind) in cue_forms().items():
        if kind in kinds:
            words = form.split()
            index.setdefault(words[0], []).append(words)
    for entries in index.values():
        entries.sort(key=len, reverse=True)
    return index


@cache
def _cue_entry(form: str) -> tuple[str, str] | None:
    return cue_forms().get(re.sub(r"\s+", " ", form.lower()))


def cue_lemma(form: str) -> str | None:
    entry = _cue_entry(form)
    return entry[0] if entry else None


def cue_kind(form: str) -> str | None:
    """speech, belief, evidence or label."""
    entry = _cue_entry(form)
    return entry[1] if entry else None


# cue forms that are nouns too, and the words that open a noun phrase before them
_NOUN_TOO = frozenset(("claim", "claims", "estimates", "notes", "reports", "warning", "call", "calls"))
_NOUN_OPENERS = frozenset("a an the this that these those its his her their our my your no any such civil new latest "
                          "false similar recent earlier media news press".split())


@cache
def _cue_triggers() -> frozenset[str]:
    """The words a reporting cue can start with."""
    return frozenset(cue_words()) | frozenset(cue_words(("label",))) | frozenset(cue_words(_VIEWS)) | {"according"}


_FINDINGS = frozenset(("found", "finds", "shows", "showed"))
_FINDERS = frozenset("report reports study studies survey surveys poll polls analysis review research inquiry investigation "
                     "audit census paper findings data figures statistics".split())
_VIEWS = ("belief", "evidence")  # "believes …", "a report by X found …": only with the speaker first


def _used_as_noun(lower: tuple[str, ...], i: int) -> bool:
    before = lower[i - 1] if i else ""
    after = lower[i + 1] if i + 1 < len(lower) else ""
    return before in _NOUN_OPENERS or before.endswith(("'s", "’s")) or after in ("of", "for", "against", "by")


class Cues:
    """Every reporting cue in a text, found once; ranges are then looked up, not searched."""

    def __init__(self, text: str):
        words = tokens(text)
        lower = all_words(text)
        forms = cue_words()
        labels = cue_words(("label",))
        views = cue_words(_VIEWS)
        self.labels = []  # "called", "described ... as": only ever before a direct quote
        self.views = []  # "believes", "found": a view or a finding, reported only as "X believes (that) …"
        self.matches = []
        self.according = []
        triggers = _cue_triggers()
        for i in indexes_of(lower, triggers):
            word, start = lower[i], words[i][1]
            if word in _NOUN_TOO and _used_as_noun(lower, i):
                continue  # "a notice of civil claim", "reports of talks": a noun, not a cue
            if word == "according" and lower[i + 1:i + 2] == ("to",):
                self.according.append(start)
            for index, found in ((forms, self.matches), (labels, self.labels), (views, self.views)):
                for parts in index.get(word, ()):
                    last = i + len(parts) - 1
                    if len(parts) == 1 or list(lower[i:last + 1]) == parts:
                        if found is self.views and word in _FINDINGS and _FINDERS.isdisjoint(lower[max(0, i - 12):i]):
                            break  # "police found the body": a finding is reported only of a report or a study
                        found.append((start, words[last][2], text[start:words[last][2]]))
                        break
        self.starts = [m[0] for m in self.matches]
        self.label_starts = [m[0] for m in self.labels]
        self.view_starts = [m[0] for m in self.views]

    def any_cue_or_view_within(self, start: int, end: int) -> bool:
        """Any cue, label, view or finding inside ``text[start:end]``: the sentence may report words."""
        i = bisect.bisect_left(self.view_starts, start)
        return self.any_within(start, end) or self.any_label_within(start, end) \
            or (i < len(self.view_starts) and self.view_starts[i] < end)

    def any_label_within(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.label_starts, start)
        return i < len(self.label_starts) and self.label_starts[i] < end

    def labels_within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return self.labels[bisect.bisect_left(self.label_starts, start):bisect.bisect_left(self.label_starts, end)]

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return self.matches[i:j]

    def with_views_within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The cues inside ``text[start:end]``, views and findings ("believes", "found") among them."""
        views = self.views[bisect.bisect_left(self.view_starts, start):bisect.bisect_left(self.view_starts, end)]
        return sorted(self.within(start, end) + views) if views else self.within(start, end)

    def at(self, start: int) -> tuple[int, int, str] | None:
        i = bisect.bisect_left(self.starts, start)
        return self.matches[i] if i < len(self.starts) and self.starts[i] == start else None

    def according_within(self, start: int, end: int) -> list[int]:
        """Where "according to" begins inside ``text[start:end]``."""
        return self.according[bisect.bisect_left(self.according, start):bisect.bisect_left(self.according, end)]

    def any_within(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, start)
        k = bisect.bisect_left(self.according, start)
        return (i < len(self.starts) and self.starts[i] < end) or (k < len(self.according) and self.according[k] < end)
