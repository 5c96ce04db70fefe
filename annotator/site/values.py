"""Reading front-matter values defensively.

Editors write front matter by hand, so any field may be missing, null or of the
wrong type.  The site reads it through these helpers and never trusts a value
to be what the annotator wrote.
"""

from __future__ import annotations

from urllib.parse import urlparse


def text(value) -> str:
    """A value as display text ("" for null)."""
    return "" if value is None else str(value)


def items(value) -> list:
    return value if isinstance(value, list) else []


def mappings(value) -> list[dict]:
    """The entries of a list that are mappings."""
    return [v for v in items(value) if isinstance(v, dict)]


def mapping(value) -> dict:
    return value if isinstance(value, dict) else {}


def safe_url(value) -> str | None:
    """Only http(s) links reach the page: never javascript: or data:."""
    if not isinstance(value, str):
        return None
    parsed = urlparse(value.strip())
    return value.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None


_JOINER = "\u2060"  # WORD JOINER: invisible, and no HTML token starts with it


def inert(value: str) -> str:
    """``value`` for a renderer that may take it for HTML, once decoded or more often (Pagefind's
    filter panel, a feed reader's titles): after each ``<`` and ``&`` a word joiner, so neither
    opens a tag or an entity, and the text looks the same."""
    return value.replace("&", "&" + _JOINER).replace("<", "<" + _JOINER)


def iso_date(value) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY``) when the value is one, else None: dates are never guessed."""
    raw = text(value).strip().split("T")[0]
    parts = raw.split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        return None
    if len(parts) > 1 and not (len(parts[1]) == 2 and 1 <= int(parts[1]) <= 12):
        return None
    if len(parts) > 2 and not (len(parts[2]) == 2 and 1 <= int(parts[2]) <= 31):
        return None
    return raw
