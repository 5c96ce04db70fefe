"""Pull quotes: a paragraph of someone's words, repeated from the story and signed with their name.

Web pages lose the box a pull quote sat in, so it reads as a paragraph of its own:
"I had no language and no family here. Fouzia Al Hashish." What marks it is the
signature at its end and the words, which the story quotes elsewhere too.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Span
from ..segment import is_abbreviation, trimmed
from .intervals import SpanIndex
from .names import find_names
from .phrases import parse_phrase
from .quotes import Found

# a paragraph signed at its end: ". Rod Peters, Lake Cowichan mayor."
_SIGNED = re.compile(r"(?<=[.!?])\s+((?-i:[A-Z])[\w'’-]+(?:\.?\s(?-i:[A-Z])[\w'’-]+){1,3})(?:,\s[^.,\n]{1,60})?\.?[ \t]*$", re.M)
_SIGNATURE_REACH = 140  # characters at a paragraph's end that can hold its signature
_WORDS = re.compile(r"[\w’'-]+")
_DOUBLE_MARK = re.compile(r"[\"“”]")
_CAPTION_DATE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\b")
_PEEK = 40  # characters at each end of the words looked for elsewhere in the story
_SEARCH_BUDGET = 40_000_000  # characters searched with str.find before one pass over the text is cheaper


def signed_paragraphs(text: str, paragraphs: list[Span], direct: list[Found], signature: re.Pattern, reach: int):
    """(index, paragraph, match) of each paragraph whose last ``reach`` characters hold ``signature``,
    but for paragraphs that hold a direct quote already."""
    taken = SpanIndex((d.start, d.end) for d in direct)
    for index, p in enumerate(paragraphs):
        m = signature.search(text, max(p.start, p.end - reach), p.end)
        if m is not None and not taken.overlaps_any(p.start, p.end):
            yield index, p, m


def pull_quotes(text: str, paragraphs: list[Span], direct: list[Found]) -> list[Found]:
    """The pull quotes among ``paragraphs``, but for paragraphs that hold a direct quote already."""
    signed = []
    for index, p, m in signed_paragraphs(text, paragraphs, direct, _SIGNED, _SIGNATURE_REACH):
        words_start, words_end = trimmed(text, p.start, m.start(), trail=".")
        said = text[words_start:words_end]
        if len(_WORDS.findall(said)) < 5 or _DOUBLE_MARK.search(said) or _CAPTION_DATE.search(said):
            continue  # (a photo caption, repeated and signed by the photographer, carries its date)
        names = find_names(text, m.start(1), m.end(1))
        if len(names) != 1 or names[0].kind not in ("person", "organisation") or (names[0].run_start, names[0].end) != m.span(1):
            continue
        if m.start() > 0 and is_abbreviation(text, m.start()):
            continue  # "… with U.S. President Donald Trump.": the name ends a sentence of the story
        phrase = parse_phrase(text, m.start(1), m.end(1))
        if phrase is not None:
            signed.append((said, Found([Span(words_start, words_end)], "direct", None, phrase, index, cue_at=m.start(1))))
    # the words must be the story's too: looked for last, for all signed paragraphs at once
    repeated = _repeated(text, {piece for said, _ in signed for piece in _ends(said)})
    return [f for said, f in signed if any(repeated[piece] for piece in _ends(said))]


def _ends(said: str) -> tuple[str, str]:
    """The opening and closing words of ``said``."""
    return said[:_PEEK], said[-_PEEK:]


def _repeated(text: str, pieces: set[str]) -> dict[str, bool]:
    """Whether each piece of the text occurs in it more than once (elsewhere than where it was taken from).

    Two searches each while that is cheap; for many pieces of one length, one pass over every
    stretch of that length instead (searching the text once per piece is quadratic).
    """
    found: dict[str, bool] = {}
    by_length: dict[int, list[str]] = {}
    for piece in pieces:
        by_length.setdefault(len(piece), []).append(piece)
    for length, group in by_length.items():
        if len(group) * len(text) <= _SEARCH_BUDGET:
            found.update((piece, text.find(piece, text.find(piece) + 1) >= 0) for piece in group)
        else:
            wanted = set(group)
            windows = map(text.__getitem__, map(slice, range(len(text) - length + 1), range(length, len(text) + 1)))
            counts = Counter(filter(wanted.__contains__, windows))
            found.update((piece, counts[piece] > 1) for piece in group)
    return found
