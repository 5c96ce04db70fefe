"""The page body: the cleaned paragraphs, escaped so Markdown shows them verbatim.

The body's plain text is the kept paragraphs joined by a blank line.  Anchors in
the front matter count characters of that plain text, so ``BodyMap`` converts
offsets in the original file to offsets in the body.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import Article, Span

PARAGRAPH_BREAK = "\n\n"

# Inline characters that Markdown (or an extension) could read as markup.
_INLINE = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "[": "\\[",
    "]": "\\]",
    "{": "\\{",
    "}": "\\}",
}
_INLINE_RE = re.compile("[" + re.escape("".join(_INLINE)) + "]")
# A line that starts like a block (heading, list, rule, fence, table, admonition ...).
_BLOCK_START = re.compile(r"[#+\-=~|:!?%$@^]|\d+[.)]")


def escape_markdown(paragraph: str) -> str:
    """Markdown for one paragraph that renders to exactly ``paragraph``."""
    escaped = _INLINE_RE.sub(lambda m: _INLINE[m.group()], paragraph)
    block = _BLOCK_START.match(escaped)
    if block:
        # Neutralise the block marker by writing its last character as an entity.
        cut = block.end() - 1
        escaped = escaped[:cut] + f"&#{ord(escaped[cut])};" + escaped[cut + 1:]
    return escaped


@dataclass(frozen=True)
class BodyMap:
    """Where each kept paragraph sits in the original text and in the body text."""

    original_starts: tuple[int, ...]
    body_starts: tuple[int, ...]
    lengths: tuple[int, ...]
    text: str  # the body's plain text

    @classmethod
    def of(cls, article: Article) -> "BodyMap":
        original_starts, body_starts, lengths, parts = [], [], [], []
        cursor = 0
        for p in article.paragraphs:
            original_starts.append(p.start)
            body_starts.append(cursor)
            lengths.append(p.end - p.start)
            parts.append(article.text[p.start:p.end])
            cursor += p.end - p.start + len(PARAGRAPH_BREAK)
        return cls(tuple(original_starts), tuple(body_starts), tuple(lengths), PARAGRAPH_BREAK.join(parts))

    def to_body(self, offset: int, *, end: bool = False) -> int | None:
        """The body offset of an original offset, or None if it lies in removed text."""
        i = bisect.bisect_right(self.original_starts, offset if not end else offset - 1) - 1
        if i < 0:
            return None
        inside = offset - self.original_starts[i]
        if inside > self.lengths[i] or (inside == self.lengths[i] and not end):
            return None
        return self.body_starts[i] + inside

    def span(self, start: int, end: int) -> Span | None:
        b_start, b_end = self.to_body(start), self.to_body(end, end=True)
        if b_start is None or b_end is None or b_end < b_start:
            return None
        return Span(b_start, b_end)

    def paragraph_number(self, body_offset: int) -> int:
        """1-based number of the body paragraph holding a body offset."""
        return max(1, bisect.bisect_right(self.body_starts, body_offset))


def render_body(article: Article) -> str:
    """The Markdown body: one escaped paragraph per kept line."""
    text = article.text
    return "\n\n".join(escape_markdown(text[p.start:p.end]) for p in article.paragraphs) + "\n"
