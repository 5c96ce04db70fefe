"""Pull quotes: a paragraph of someone's words, repeated from the story and signed with their name.

Web pages lose the box a pull quote sat in, so it reads as a paragraph of its own:
"I had no language and no family here. Fouzia Al Hashish." What marks it is the
signature at its end and the words, which the story quotes elsewhere too.
"""

from __future__ import annotations

import re

from ..model import Span
from ..segment import is_abbreviation, trimmed
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


def pull_quotes(text: str, paragraphs: list[Span], direct: list[Found]) -> list[Found]:
    """The pull quotes among ``paragraphs``, but for paragraphs that hold a direct quote already."""
    found = []
    taken = [(d.start, d.end) for d in direct]
    for index, p in enumerate(paragraphs):
        m = _SIGNED.search(text, max(p.start, p.end - _SIGNATURE_REACH), p.end)
        if m is None or any(s < p.end and p.start < e for s, e in taken):
            continue
        words_start, words_end = trimmed(text, p.start, m.start(), trail=".")
        said = text[words_start:words_end]
        if len(_WORDS.findall(said)) < 5 or _DOUBLE_MARK.search(said) or _CAPTION_DATE.search(said) \
                or not _repeated(text, said, words_start):
            continue  # (a photo caption, repeated and signed by the photographer, carries its date)
        names = find_names(text, m.start(1), m.end(1))
        if len(names) != 1 or names[0].kind not in ("person", "organisation") or (names[0].run_start, names[0].end) != m.span(1):
            continue
        if m.start() > 0 and is_abbreviation(text, m.start()):
            continue  # "… with U.S. President Donald Trump.": the name ends a sentence of the story
        phrase = parse_phrase(text, m.start(1), m.end(1))
        if phrase is not None:
            found.append(Found([Span(words_start, words_end)], "direct", None, phrase, index, cue_at=m.start(1)))
    return found


def _repeated(text: str, said: str, at: int) -> bool:
    """Whether the opening or closing words of ``said`` (at ``at``) occur elsewhere in the text."""
    head, tail = said[:_PEEK], said[-_PEEK:]
    return any(text.find(piece) not in (-1, at + offset) or text.find(piece, at + offset + 1) >= 0
               for piece, offset in ((head, 0), (tail, len(said) - len(tail))))
