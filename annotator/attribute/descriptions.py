"""A speaker's role and affiliation, read where the article names them, not only where they speak.

News introduces a person once ("astronomer Anthony Boccaletti", "Graham Cluley,
senior technology consultant at Sophos,") and quotes them later by surname. A
speaker whose quotes gave no role or affiliation is described from the first
mentions of their name outside quotation marks, read as a speaker phrase; a
role is taken only when it names a job or relation (precision first).
"""

from __future__ import annotations

import bisect
import re

from .affiliations import affiliation_in_title
from .gazetteer import gazetteer
from .phrases import parse_phrase
from .speakers import Entities, Entity

_MENTIONS_READ = 2  # the first mentions hold the introduction
_CLAUSE_EDGE = re.compile(r"[,;:(—–\"“”]")
_APPOSITIVE_REACH = 100  # characters an appositive after the name may run to its closing comma
_ROLE_WORD = re.compile(r"[\w’'-]+")


def describe_speakers(text: str, entities: Entities, speakers: list[Entity], sentence_starts: list[int]) -> None:
    """Fill in the role and affiliation of ``speakers`` that have none, from their mentions."""
    wanted = {id(e): e for e in speakers if e.kind == "person" and not (e.role and e.affiliation)}
    if not wanted:
        return
    read: dict[int, int] = {}
    for m in entities.mentions:
        entity = wanted.get(id(m.entity))
        if entity is None or m.in_quote or read.get(id(entity), 0) >= _MENTIONS_READ:
            continue
        read[id(entity)] = read.get(id(entity), 0) + 1
        _describe(text, entity, m.at, sentence_starts)


def _describe(text: str, entity: Entity, at: int, sentence_starts: list[int]) -> None:
    surface = max((n for n in (entity.name, *entity.aliases) if text.startswith(n, at)), key=len, default=None)
    if surface is None:
        return
    name_end = at + len(surface)
    sentence_start = sentence_starts[max(0, bisect.bisect_right(sentence_starts, at) - 1)]
    title = _title_before(text, sentence_start, at)
    if title is not None:
        written = text[title[0]:title[1]]
        entity.role = entity.role or written
        if not entity.affiliation and entity.role == written:
            entity.affiliation = affiliation_in_title(text, title[0], at)  # "Labour MP": Labour
    if not entity.affiliation:
        # "… Mehrdad Pahlavanzadeh of the Iranian Chess Federation": the body the phrase around the name gives
        edges = [e.end() for e in _CLAUSE_EDGE.finditer(text, sentence_start, at)]
        phrase = parse_phrase(text, edges[-1] if edges else sentence_start, name_end)
        if _names(phrase, surface):
            entity.affiliation = phrase.affiliation
    if text.startswith(", ", name_end) and not (entity.role and entity.affiliation):
        closing = text.find(",", name_end + 2, name_end + _APPOSITIVE_REACH)
        if closing > 0 and text.find(".", name_end + 2, closing) < 0:
            # "Graham Cluley, senior technology consultant at Sophos,": the appositive describes them
            phrase = parse_phrase(text, at, closing)
            if _names(phrase, surface):
                if not entity.role and phrase.role and _names_a_job(phrase.role):
                    entity.role = phrase.role
                if not entity.affiliation and phrase.affiliation:
                    entity.affiliation = phrase.affiliation


def _names(phrase, surface: str) -> bool:
    """The phrase read around a mention is that person's (not someone else named nearby)."""
    return phrase is not None and phrase.kind == "name" and phrase.name is not None and phrase.name.text == surface


def _title_before(text: str, start: int, at: int) -> tuple[int, int] | None:
    """The title written right before a name: "astronomer", "French inventor", "lead author" (not
    "police arrested"): a job or relation word next to the name, and only title words before it."""
    words = list(_ROLE_WORD.finditer(text, max(start, at - 80), at))
    if not words or text[words[-1].end():at].strip():
        return None  # punctuation between: "…, Anthony Boccaletti"
    g = gazetteer()
    last = words[-1].group().lower()
    if not (last in g.roles or last in g.people_nouns):
        return None
    first = len(words) - 1
    while first > 0 and len(words) - first < _TITLE_WORDS and not text[words[first - 1].end():words[first].start()].strip():
        word = words[first - 1].group()
        lower = word.lower()
        if lower in _NOT_IN_TITLES or not word.isalpha() or not (word[0].isupper() or lower in _MODIFIERS or lower in g.roles):
            break
        first -= 1
    if first == 0 and words[0].start() == start and text[start:words[0].end()].istitle() and len(words) == 1:
        return None  # a sentence's first word: "Police John Smith" is no title
    return words[first].start(), words[-1].end()


_TITLE_WORDS = 5
_MODIFIERS = frozenset("lead senior chief deputy former acting assistant associate executive managing general local regional "
                       "state national professional veteran independent retired fellow principal head junior top interim "
                       "vice co".split())
_NOT_IN_TITLES = frozenset("the a an by of to for in on at with from and or as his her their its our said says told".split())


def _names_a_job(role: str) -> bool:
    """"astronomer", "Labour MP", "senior technology consultant at Sophos": a job or relation word in it."""
    g = gazetteer()
    words = [w.lower() for w in _ROLE_WORD.findall(role)]
    return 0 < len(words) <= 10 and any(w in g.roles or w in g.people_nouns for w in words)
