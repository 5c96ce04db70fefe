"""The syndication chain: who first published a piece and who reprinted it.

Read from the credit lines the clean stage removed: "Via RT. This piece was
reprinted by RINF Alternative News with permission or license.", "Republished
with permission from ...", "Originally published at ...", "Source: https://...".
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from ..model import Article, Removed

_NAME = r"(?P<{}>[^.;:()]{{2,80}}?)"
_PATTERNS = [
    re.compile(r"^via\s+" + _NAME.format("original") + r"\.\s+this\s+(?:piece|article|story|post)\s+(?:was|has\s+been|is)\s+(?:re-?printed|re-?published|re-?posted|shared)\s+(?:by|on|at)\s+" + _NAME.format("republisher") + r"(?:\s+with\b|\s+under\b|\.|$)", re.I),
    re.compile(r"^(?:this\s+(?:piece|article|story|post)\s+)?(?:was\s+|is\s+)?(?:re-?published|re-?printed|re-?posted|shared|used)\s+(?:here\s+)?with\s+(?:kind\s+)?permission\s+(?:from|of|by)\s+" + _NAME.format("original") + r"(?:\.|$)", re.I),
    re.compile(r"^(?:this\s+(?:piece|article|story|post)\s+)?(?:was\s+|first\s+)*(?:originally\s+)?(?:published|appeared|posted|ran)\s+(?:originally\s+|first\s+)?(?:at|on|in|by)\s+" + _NAME.format("original") + r"(?:\s+and\b|\s+on\s+\w+|\.|,|$)", re.I),
    re.compile(r"^this\s+(?:piece|article|story|post|content)\s+(?:was\s+|has\s+been\s+|is\s+)?(?:contributed|produced|written|provided|syndicated)\s+(?:by|for)\s+" + _NAME.format("original") + r"(?:\.|,|$)", re.I),
    re.compile(r"^delivered\s+by\s+" + _NAME.format("original") + r"(?:\.|$)", re.I),
    re.compile(r"^(?:source|sources|original\s+source|article\s+source|via|h/t|hat\s+tip)\s*:\s*(?P<original>\S.{0,200}?)\s*$", re.I),
    re.compile(r"^\(?via\s+" + _NAME.format("original") + r"\)?\.?$", re.I),
]


def read_credits(article: Article) -> tuple[str | None, str | None, list[tuple[str, str, Removed]]]:
    """``(original publisher, republisher, [(source kind, name, credit line)]``."""
    original = republisher = None
    found: list[tuple[str, str, Removed]] = []
    for line in article.removed:
        if line.kind != "syndication-credit":
            continue
        for pattern in _PATTERNS:
            m = pattern.match(line.text.strip())
            if not m:
                continue
            first = _publisher(m.group("original"))
            second = _publisher(m.groupdict().get("republisher") or "")
            if first:
                original = original or first
                found.append(("syndication-original", first, line))
            if second:
                republisher = republisher or second
                found.append(("syndication-republisher", second, line))
            break
    return original, republisher, found


def _publisher(raw: str) -> str | None:
    raw = raw.strip().strip("\"“”'").rstrip(".,;")
    if not raw:
        return None
    if re.match(r"(?:https?://|www\.)\S+$", raw):
        host = urlparse(raw if "://" in raw else "http://" + raw).netloc
        return host[4:] if host.startswith("www.") else host or None
    return raw
