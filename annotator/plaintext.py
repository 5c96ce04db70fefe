"""What a name, title, outlet or tag may hold: plain text, never markup or bidi controls.

Such values reach the site's filters, feeds and exports, where a renderer may
take them for HTML, and a bidi override (U+202A-U+202E) or isolate
(U+2066-U+2069) in them would reorder the text around them.  LRM and RLM are
not controls of that kind: right-to-left text needs them.
"""

from __future__ import annotations

import re

_MARKUP = re.compile(r"[<>]|\bon[a-z]{2,}\s*=", re.I)
# U+202A-U+202E (embeddings, overrides) and U+2066-U+2069 (isolates)
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_SUSPECT = re.compile("[<>=\u202a-\u202e\u2066-\u2069]")  # what markup or a control needs


def holds_markup(value: str | None) -> bool:
    return bool(value) and _MARKUP.search(value) is not None


def without_bidi_controls(value: str) -> str:
    return BIDI_CONTROLS.sub("", value)


def plain(value: str | None) -> str | None:
    """``value`` without bidi controls, or None when it holds markup (or nothing is left)."""
    if value is None:
        return None
    if _SUSPECT.search(value) is None:  # (nearly every value: one scan, no copy)
        return value if value.strip() else None
    value = without_bidi_controls(value)
    return None if holds_markup(value) or not value.strip() else value
