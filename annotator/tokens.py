"""Word tokens of an article's text, found once and shared by the stages that scan for words.

A token is a run of letters, digits, apostrophes and hyphens; its ``lower``
form is what word lists are matched against.
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache
from operator import itemgetter

_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")  # applied to lower-cased text too: [a-z] matches there


# A token is a plain (lower, start, end) tuple: building named tuples costs more than
# the whole scan on long articles.
Token = tuple[str, int, int]
LOWER, START, END = 0, 1, 2


@lru_cache(maxsize=8)
def tokens(text: str) -> tuple[Token, ...]:
    """All word tokens of ``text`` (cached: every stage of one article asks for the same text)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters change length when lowered ("İ"): do it per token
        return tuple([(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)])
    found = list(_WORD.finditer(lowered))  # the match methods mapped at C speed, not called per token
    return tuple(zip(map(_GROUP, found), map(_START, found), map(_END, found)))


_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end


def token_range(text: str, start: int, end: int) -> tuple[int, int]:
    """The indexes ``i, j`` such that ``tokens(text)[i:j]`` are the tokens starting in ``text[start:end]``."""
    starts = token_starts(text)
    return bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)


@lru_cache(maxsize=8)
def token_starts(text: str) -> tuple[int, ...]:
    return tuple(map(itemgetter(START), tokens(text)))


@lru_cache(maxsize=8)
def words(text: str) -> tuple[str, ...]:
    """The lower-case forms of ``tokens(text)``."""
    return tuple(map(itemgetter(LOWER), tokens(text)))


def indexes_of(words: tuple[str, ...] | list[str], wanted: frozenset[str] | set[str] | dict) -> list[int]:
    """The positions of the words that are in ``wanted`` (a C-speed filter: most words are not)."""
    return list(itertools.compress(range(len(words)), map(wanted.__contains__, words)))


@lru_cache(maxsize=32)
def _positions(text: str, wanted: frozenset[str]) -> list[int]:
    return indexes_of(words(text), wanted)


def indexes_within(text: str, first: int, last: int, wanted: frozenset[str]) -> list[int]:
    """``indexes_of(words(text)[first:last], wanted)``, from one pass over the whole text per word
    list: stages that ask paragraph by paragraph then only bisect."""
    found = _positions(text, wanted)
    return [k - first for k in found[bisect.bisect_left(found, first):bisect.bisect_left(found, last)]]
