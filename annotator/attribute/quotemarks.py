"""Pair quotation marks into quoted stretches of text.

Works paragraph by paragraph.  Curly marks say which way they face; a straight
mark is read from its neighbours.  A quote left open at the end of a paragraph
goes on into the next one only if that paragraph opens with a quotation mark
(the newspaper convention for quotes over several paragraphs); otherwise it
stops at the paragraph's end, so an unbalanced mark never swallows the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Span

OPEN, CLOSE, EITHER = 1, 2, 3
_DOUBLE = re.compile(r"[\"“”„«»]")
# doubled single marks stand for double ones in some wire copy: "‘‘Yes,’’ she said", "enough'' for"
# (a slower pattern, used only where a doubled mark occurs)
_DOUBLED = ("''", "‘‘", "’’")
_DOUBLE_OR_DOUBLED = re.compile(r"''|‘‘|’’|[\"“”„«»]")
_SINGLE = re.compile(r"[‘’']")
_OPENERS_BEFORE = set(" \t\n([{—–-/:;,")


@dataclass(slots=True)
class Quoted:
    """A quoted stretch, possibly over several paragraphs."""

    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark, None when left open
    parts: list[Span] = field(default_factory=list)  # the words inside, per paragraph
    paragraphs: list[int] = field(default_factory=list)
    close_width: int = 1  # characters in the closing mark (2 for "’’")

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end

    @property
    def after(self) -> int:
        """Offset just after the closing mark (or the end of the words)."""
        return self.close_mark + self.close_width if self.close_mark is not None else self.end


def _direction(text: str, i: int, start: int, end: int, single: bool, width: int = 1) -> int:
    ch = text[i]
    if ch in "“„«‘":
        return OPEN
    if ch in "”»" or (width == 2 and ch == "’"):
        return CLOSE
    prev = text[i - 1] if i > start else " "
    nxt = text[i + width] if i + width < end else " "
    if width == 2:
        ch = '"'  # "''" reads as a straight double mark
    if ch == "’" or (single and ch == "'"):
        if prev.isalnum() and nxt.isalnum():
            return 0  # an apostrophe: don't, O’Brien
        if prev in _OPENERS_BEFORE and not nxt.isspace():
            return OPEN if ch == "'" else 0
        if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
            return CLOSE
        return 0
    if prev in _OPENERS_BEFORE and not nxt.isspace():
        return OPEN
    if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
        return CLOSE
    return EITHER


def find_quoted(text: str, paragraphs: list[Span], *, single: bool | None = None) -> list[Quoted]:
    """All quoted stretches in the paragraphs, in order.

    ``single`` selects single quotation marks as the main marks; by default they
    are used only when the text has no double marks at all.
    """
    double = _DOUBLE_OR_DOUBLED if any(pair in text for pair in _DOUBLED) else _DOUBLE
    if single is None:
        single = not any(double.search(text, p.start, p.end) for p in paragraphs) and any(
            "‘" in text[p.start:p.end] or " '" in text[p.start:p.end] for p in paragraphs)
    marks = _SINGLE if single else double
    found: list[Quoted] = []
    carry: Quoted | None = None  # a quote running on from the previous paragraph
    for index, p in enumerate(paragraphs):
        pending = carry
        carry = None
        positions = [(m.start(), m.end(), _direction(text, m.start(), p.start, p.end, single, m.end() - m.start()))
                     for m in marks.finditer(text, p.start, p.end)]
        positions = [(i, j, d) for i, j, d in positions if d]
        if pending is not None:
            if positions and positions[0][0] == _first_visible(text, p) and positions[0][2] in (OPEN, EITHER):
                current_start = positions.pop(0)[1]
                current = pending
            else:
                found.append(pending)
                current, current_start = None, None
        else:
            current, current_start = None, None
        for i, after, direction in positions:
            if current is None:
                if direction in (OPEN, EITHER):
                    current = Quoted(open_mark=i, close_mark=None)
                    current_start = after
                continue
            if direction in (CLOSE, EITHER):
                _add_part(current, text, current_start, i, index)
                current.close_mark, current.close_width = i, after - i
                found.append(current)
                current = None
            elif direction == OPEN:
                # a new opening mark while a quote is open: the last one was never closed
                _add_part(current, text, current_start, i, index)
                found.append(current)
                current = Quoted(open_mark=i, close_mark=None)
                current_start = after
        if current is not None:
            _add_part(current, text, current_start, p.end, index)
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if nxt is not None and _opens_with_mark(text, nxt, marks):
                carry = current
            else:
                found.append(current)
    if carry is not None:
        found.append(carry)
    return [q for q in found if q.parts]


def _first_visible(text: str, p: Span) -> int:
    return p.start


def _opens_with_mark(text: str, p: Span, marks: re.Pattern) -> bool:
    return bool(marks.match(text, p.start)) and text[p.start] not in "”»’"


def _add_part(quote: Quoted, text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        quote.parts.append(Span(start, end))
        quote.paragraphs.append(paragraph)
