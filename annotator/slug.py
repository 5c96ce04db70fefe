"""URL-safe names for folders and ids."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str, *, limit: int = 60) -> str:
    """A URL-safe folder name from a headline: ascii, lower case, hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] or slug[:limit]
    return slug
