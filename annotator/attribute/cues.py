"""Reporting cues ("said", "told", "according to") and the words around them."""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import load_yaml

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
    "book": "book", "memoir": "book", "column": "column", "database": "database",
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
def cue_lemma(form: str) -> str | None:
    entry = cue_forms().get(re.sub(r"\s+", " ", form.lower()))
    return entry[0] if entry else None
