"""The plain-text article format: line 1 "Headline — Outlet", then the body.

Every non-empty line of the body is one paragraph (scraped text is never hard
wrapped; a blank line between paragraphs is optional).
"""

from __future__ import annotations

import re
from ..plaintext import without_bidi_controls
from ..model import Article, Span
from .encoding import decode_bytes

# The headline/outlet separators, most specific first.
_SEPARATORS = (" — ", " – ", " | ", " - ")
# Words that follow a separator in headlines but name a section, not an outlet.
_SECTION_WORDS = {"opinion", "video", "analysis", "editorial", "watch", "live", "update", "exclusive", "photos", "report", "review", "comment", "interview", "breaking"}
_CONNECTORS = {"of", "the", "and", "&", "for", "on", "de", "la", "le", "du", "der", "die", "at", "in", "a"}
_NON_EMPTY_LINE = re.compile(r"[^\n]*\S[^\n]*")


def parse_bytes(data: bytes, path: str, *, body_only: bool = False) -> Article:
    """Decode and parse a file's bytes, recording the encoding used."""
    decoded = decode_bytes(data, path)
    article = parse_text(decoded.text, path, body_only=body_only)
    article.encoding, article.replaced_bytes = decoded.encoding, decoded.replaced
    return article


def parse_text(text: str, path: str = "<text>", *, body_only: bool = False) -> Article:
    """Split already-decoded text into headline, outlet and body lines."""
    lines = [_stripped(m.start(), m.end(), text) for m in _NON_EMPTY_LINE.finditer(text)]
    title = outlet = None
    title_span = None
    if not body_only and lines:
        headline = lines.pop(0)
        title, outlet, title_end = split_headline(headline.slice(text))
        title_span = Span(headline.start, headline.start + title_end)
    return Article(path=path, text=text, title=title, outlet=outlet, title_span=title_span, lines=lines, paragraphs=list(lines))


def split_headline(line: str) -> tuple[str, str | None, int]:
    """``("Headline", "Outlet", length of headline)`` from "Headline — Outlet"."""
    for separator in _SEPARATORS:
        cut = line.rfind(separator)
        if cut > 0:
            candidate = line[cut + len(separator):].strip()
            if _looks_like_outlet(without_bidi_controls(candidate)):
                title = line[:cut].rstrip()
                return title, candidate, len(title)
    return line, None, len(line)


def _looks_like_outlet(candidate: str) -> bool:
    words = candidate.split()
    if not 1 <= len(words) <= 6 or len(candidate) > 60:
        return False
    if candidate.lower() in _SECTION_WORDS or candidate[-1] in "?!:;,\"”’" or candidate[0] in "\"“‘'(":
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _CONNECTORS for w in words)


def _stripped(start: int, end: int, text: str) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
