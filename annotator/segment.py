"""Segment: split body paragraphs into sentences (a stage, and helpers for others).

A sentence ends at . ! ? or … (with any closing quotes or brackets) followed by
space and a capital, digit or opening quote, unless the word before the full
stop is a known abbreviation ("Mr.", "U.S.", "Jan.") or a single initial.
"""

from __future__ import annotations

import re

from .lexicon import load_words
from .model import Article, Span

# a new sentence opens with a capital or digit, perhaps after an opening mark or a bracket ("( Photo / CBC )")
# (written to start with one set of stops, so the scan jumps from stop to stop)
_BOUNDARY = re.compile(r"[.!?…](?:[.!?…]*[\"”’'»)\]]*(?=\s+(?:[\"“‘'«]|[(\[]\s*)?[A-Z0-9])|(?<=[!?…])[\"”’'»)\]]*(?=\s+[a-z]))")


def segment(article: Article) -> Article:
    sentences: list[Span] = []
    for p in article.paragraphs:
        sentences.extend(split_sentences(article.text, dateline_end(article.text, p.start, p.end), p.end))
    return article.with_(sentences=sentences)


# A wire dateline before the first sentence: "LONDON (Reuters) - ", "(CNN) ", "PARIS — ".  It is
# no part of the sentence: not of a quote, a claim or a speaker's name.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3},?(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},?)?\s*)?"
    r"\((?:Reuters|AP|AFP|CNN|Bloomberg|UPI|dpa|Xinhua|AAP|CP|PA|ANI|IANS|TASS|EFE|ANSA|Kyodo|Yonhap|CNBC|BBC)\)"
    r"(?:\s*[-—–:]+)?\s+"
    r"|[A-Z][A-Z.'’]{2,}(?:[ -][A-Z][A-Z.'’]+){0,3},?\s+[—–-]{1,2}\s+(?=[A-Z])")


def dateline_end(text: str, start: int, end: int) -> int:
    """Where the paragraph's text begins after a wire dateline (``start`` when it has none)."""
    m = _DATELINE.match(text, start, end)
    return m.end() if m else start


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans of ``text[start:end]``, trimmed of surrounding space."""
    abbreviations = load_words("abbreviations.txt")
    spans: list[Span] = []
    chunk = text[start:end]
    cursor = 0
    # brackets opened less closed in chunk[:counted] and in chunk[:cursor], kept as running counts:
    # recounting from the cursor at every stop is quadratic in a long paragraph with an unclosed "("
    counted = balance = at_cursor = 0
    for m in _BOUNDARY.finditer(chunk):
        stop = m.end()
        if m.group()[0] == "." and _is_abbreviation(chunk, m.start() + 1, abbreviations):
            continue
        balance += chunk.count("(", counted, m.start()) - chunk.count(")", counted, m.start())
        counted = m.start()
        if balance > at_cursor:
            continue  # inside brackets
        spans.append(_trim(text, start + cursor, start + stop))
        balance += chunk.count("(", counted, stop) - chunk.count(")", counted, stop)
        counted = cursor = stop
        at_cursor = balance
    if cursor < len(chunk):
        tail = _trim(text, start + cursor, end)
        if tail.end > tail.start:
            spans.append(tail)
    return [s for s in spans if s.end > s.start]


def is_abbreviation(text: str, period_end: int) -> bool:
    """Whether the full stop just before ``period_end`` ends an abbreviation or an initial."""
    return _is_abbreviation(text, period_end, load_words("abbreviations.txt"))


def _is_abbreviation(chunk: str, period_end: int, abbreviations: frozenset[str]) -> bool:
    word = _word_before_period(chunk, period_end)
    if word is None:
        return False
    word = word.lower()
    if len(word) == 1:  # an initial: "John F. Kennedy"
        return True
    return word in abbreviations or word.rstrip(".") in abbreviations or ("." in word and len(word) <= 6)


_LETTERS_AND_DOTS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def _word_before_period(chunk: str, period_end: int) -> str | None:
    """The word (letters and dots, starting with a letter, at most 20 characters back) whose full
    stop ends at ``period_end``: "Mr" in "Mr.", "U.S" in "U.S.".  A backward scan: a regex
    anchored at the end would try every start in the window."""
    if period_end < 1 or chunk[period_end - 1] != ".":
        return None
    lowest = max(0, period_end - 20)
    i = period_end - 1
    while i > lowest and chunk[i - 1] in _LETTERS_AND_DOTS:
        i -= 1
    while i < period_end - 1 and chunk[i] == ".":
        i += 1
    return chunk[i:period_end - 1] if i < period_end - 1 else None


def trimmed(text: str, start: int, end: int, lead: str = "", trail: str = "") -> tuple[int, int]:
    """``start, end`` moved inwards past white space and the ``lead`` (at the start) and ``trail``
    (at the end) characters."""
    while start < end and (text[start].isspace() or text[start] in lead):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in trail):
        end -= 1
    return start, end


def _trim(text: str, start: int, end: int) -> Span:
    return Span(*trimmed(text, start, end))
