"""Bidi embedding, override and isolate controls made inert in a built page.

An article's text keeps every character, so offsets hold, and it may hold
U+202A-U+202E or U+2066-U+2069.  An unclosed override (U+202E) would reverse
the rest of the line around it, the page's own text included.  Each control is
put alone inside ``<bdi>``: an isolate ends every embedding and override begun
inside it, so the control still sits in the text (search, copy) but reorders
nothing.  LRM and RLM are not touched: right-to-left text needs them.
"""

from __future__ import annotations

import re

from ..plaintext import BIDI_CONTROLS as CONTROLS
# what is not page text: a tag, a comment, and elements whose content is not markup
_NOT_TEXT = re.compile(r"<(script|style|title|textarea)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)


def _isolated(text: str) -> str:
    return CONTROLS.sub(lambda m: f'<bdi class="mg-bidi" title="U+{ord(m.group()):04X}">{m.group()}</bdi>', text)


def isolate_controls(page_html: str) -> str:
    """``page_html`` with each bidi control of its text inside its own ``<bdi>``."""
    if not CONTROLS.search(page_html):
        return page_html
    out, cursor = [], 0
    for m in _NOT_TEXT.finditer(page_html):
        out.append(_isolated(page_html[cursor:m.start()]))
        out.append(m.group())
        cursor = m.end()
    out.append(_isolated(page_html[cursor:]))
    return "".join(out)
