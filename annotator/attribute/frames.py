"""The frame around a reporting cue, shared by direct and indirect quotes.

A quote found (``Found``: its parts, type, cue and speaker phrase), and the
readings both kinds need: the subject before a cue, a passive, an adverb run,
"was quoted as saying", the end of a speaker phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span
from ..segment import trimmed
from ..tokens import token_range
from ..tokens import words as all_words
from .cues import ADJUNCT, ADVERBS, PASSIVE, cue_lemma, last_word
from .gazetteer import gazetteer
from .names import Name, find_names
from .phrases import Phrase, is_introduction, parse_phrase, verb_start

# ", while", "; ", " — ": each written after one opening set of characters, which the scan can jump to
CLAUSE_SPLIT = re.compile(r"[,;\s](?:(?<=,)\s+(?:while|whereas|but|and|although|though|as|because|since)\s+|(?<=;)\s+|(?<=\s)\s*[—–]\s+(?=[a-z]))")
WORDS = re.compile(r"[\w’'-]+")
OBJECT_VERBS = {"tell", "warn", "urge", "assure", "inform", "remind", "ask", "advise", "promise"}
ACCORDING = re.compile(r"\baccording\s+to\s+", re.I)
_QUOTED_AS_WORDS = frozenset(("quoted", "reported", "heard"))  # _QUOTED_AS needs one: a cheap look first
_QUOTED_AS = re.compile(rf"\s+(?:was|is|were|are|has been|had been)\s+(?:{'|'.join(sorted(_QUOTED_AS_WORDS))})\s+(?:as\s+)?"
                        r"(?:saying|telling\s+[^,]{1,40}?)\s*(?:that\s+)?", re.I)
_STOPS = re.compile(r"[.!?]")
_ADJUNCTS_ONLY = re.compile(rf"(?:{ADJUNCT}(?:\s*,?\s*{ADJUNCT})*|simply|only|just|then|later|bluntly)(?:\s+that)?", re.I)
_PHRASE_STOP = re.compile(r",\s+(?:who|which|whose|adding|noting|referring|speaking|when|as|after|before|in)\b|\s+(?:in|on|at|during|after|before|when|via|through)\s+(?:a|an|the|his|her|their|its|this|last|[A-Z][\w-]*)\b|\s*\(")
LEADING_COMMA = re.compile(r"\s*(?:,\s*)?")
THAT_BEFORE = re.compile(r"\bthat\s*$")
_DETERMINER_OPENING = re.compile(r"(?:the|a|an)\s", re.I)
_PRONOUN_OPENING = re.compile(r"\s*(he|she|they|it|we)\b", re.I)
_PRONOUN_SUBJECT = re.compile(r"\b(he|she|they|it|we)\s*$", re.I)
_PREPOSITION_AFTER_CUE = re.compile(r"\s*(?:with|of|about|to|from|by|on|in|for)\s")


@dataclass(slots=True)
class Found:
    parts: list[Span]
    type: str  # direct | indirect | mixed
    cue: str | None
    phrase: Phrase | None
    paragraph: int
    continues: bool = False  # no cue: the previous speaker goes on
    cue_at: int | None = None

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end


def only_object_or_adjunct(tail: str, cue: str) -> bool:
    """What stands between a cue and the opening mark: "told the BBC:", "said in a statement:"."""
    tail = tail.strip()
    if not tail or tail in (":", ","):
        return True
    tail = tail.rstrip(":, ")
    if tail.lower() == "that":
        return True
    if len(WORDS.findall(tail)) > 9 or _STOPS.search(tail):
        return False
    lemma = cue_lemma(cue)
    if lemma in OBJECT_VERBS:
        return True
    return bool(_ADJUNCTS_ONLY.fullmatch(tail))


def before_adverbs(text: str, start: int, cue_start: int) -> int:
    """End of the speaker phrase: drop "also", "has", "later" before the cue."""
    end = cue_start
    while True:
        word = last_word(text, start, end)
        if word is None or word[0] not in ADVERBS or word[1] == start:
            return end
        end = word[1]


def is_passive(text: str, start: int, cue_start: int, form: str) -> bool:
    """"was told", "were later asked", "has been told": the subject did not say it
    (but "was saying" is active)."""
    if form.endswith("ing"):
        return False
    end = cue_start
    while (word := last_word(text, start, end)) is not None:
        if word[0] in PASSIVE:
            return True
        if word[0] not in ADVERBS:
            return False
        end = word[1]
    return False


def speaker_phrase_end(text: str, start: int, stop: int) -> int:
    """An inverted speaker phrase ends at a relative clause or an adjunct; none follows a cue that
    takes a preposition ("agreed with Sinclair's findings")."""
    if _PREPOSITION_AFTER_CUE.match(text, start, stop):
        return start
    m = _PHRASE_STOP.search(text, start, stop)
    return m.start() if m else stop


def strip_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,:;!?\"”’'"):
        end -= 1
    return end


def quoted_as_match(text: str, start: int, end: int) -> re.Match | None:
    """"was quoted as saying" in ``text[start:end]``, looked for only when one of its words is there."""
    first, last = token_range(text, start, end)
    return None if _QUOTED_AS_WORDS.isdisjoint(all_words(text)[first:last]) else _QUOTED_AS.search(text, start, end)


def ends_in_and(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends in "and" or "but": "… and said" is a second verb of the clause's subject."""
    before = last_word(text, start, end)
    return before is not None and before[0] in ("and", "but") and before[1] > start and text[before[1] - 1].isspace()


def subject_of_clause(text: str, start: int, end: int) -> Phrase | None:
    """The speaker in ``text[start:end]``, the words before a cue; when they are a long first clause
    and "and" ("the U.S. State Department called for their release on Dec. 21 and said …"), its subject."""
    if ends_in_and(text, start, end) and len(WORDS.findall(text, start, end)) > 6:
        phrase = coordinated_subject(text, start, end)
        if phrase:
            return phrase
    # ("In a 2006 interview with The Bark, Day said": the lone word after the last comma may be a surname)
    return parse_phrase(text, start, end) or lone_surname(text, text.rfind(",", start, end) + 1 or start, end)


def lone_surname(text: str, start: int, end: int) -> Phrase | None:
    """One capitalised word before the cue, opening its sentence, that the name finder took for a common word
    ("Guest said", "Young said"): a surname, if someone named earlier bears it (see ``resolve``)."""
    first, last = trimmed(text, start, end)
    if last - first < 2 or last - first > 30 or not text[first].isupper():
        return None
    word = WORDS.fullmatch(text, first, last)
    if word is None or word.group().lower() in gazetteer().stopwords \
            or gazetteer().lookup(word.group()) is not None or any(n.kind != "place" for n in find_names(text, first, last)):
        return None  # ("When told …" opens a clause; a known place, "Edmonton responded", is no one's surname;
        # a name the finder knows is parsed as one)
    name = Name(first, last, word.group(), "surname", run_start=first)
    return Phrase(first, last, "name", word.group(), name=name, number="sg")


def coordinated_subject(text: str, start: int, end: int) -> Phrase | None:
    """"Mike Pompeo praised China's support … and said …": the clause's subject, a name or pronoun
    opening it, says the second verb too."""
    pronoun = _PRONOUN_OPENING.match(text, start, end)
    if pronoun:
        return parse_phrase(text, pronoun.start(1), pronoun.end(1))
    name = next(iter(find_names(text, start, end)), None)
    if name and name.kind in ("person", "organisation", "bare") and len(WORDS.findall(text, start, name.run_start)) <= 1:
        return parse_phrase(text, start, name.end)  # at most one word ("But") before the name
    opening = trimmed(text, start, end)[0]
    verb = verb_start(text, start, end)
    if verb is not None and _DETERMINER_OPENING.match(text, opening):
        return parse_phrase(text, start, verb, loose=True)  # "The embassy declined the request and said …"
    comma = text.find(",", start, end)
    first = WORDS.match(text, opening)
    if comma > 0 and first and is_introduction(first.group().lower()):
        return coordinated_subject(text, comma + 1, end)  # "In an interview on Monday, Pompeo praised … and said"
    return None


def pronoun_before(text: str, start: int, end: int) -> Phrase | None:
    """A pronoun right before the cue stands for the speaker whatever precedes it."""
    m = _PRONOUN_SUBJECT.search(text, start, end)
    return parse_phrase(text, m.start(1), m.end(1)) if m else None
