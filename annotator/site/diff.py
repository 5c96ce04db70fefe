"""What a republisher changed: a copy against its original, as plain data a template prints escaped.

Paragraphs are aligned with difflib; a paragraph that was edited rather than
added or removed is shown word by word.  Credits and links are the removed
notes of the original (syndication and image credits, related links) that the
copy no longer carries.
"""

from __future__ import annotations

import difflib
import re

from ..page import Page
from ..page.format import body_text

_DROPPABLE = ("syndication-credit", "image-credit", "related-link")
_WORDS = re.compile(r"\S+\s*")
_EDITED = 0.5  # paragraphs this alike (by words) are one paragraph, edited


def syndication_diff(original: Page, original_body: str, copy: Page, copy_body: str) -> dict:
    before = [p for p in body_text(original_body).split("\n\n") if p]
    after = [p for p in body_text(copy_body).split("\n\n") if p]
    blocks: list[dict] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            blocks.append({"op": "same", "count": i2 - i1})
            continue
        old, new = before[i1:i2], after[j1:j2]
        while old and new and _alike(old[0], new[0]):
            blocks.append({"op": "changed", "words": _word_diff(old.pop(0), new.pop(0))})
        blocks += [{"op": "removed", "text": p} for p in old] + [{"op": "added", "text": p} for p in new]
    kept = {r.text for r in copy.removed}
    dropped = [{"kind": r.kind, "text": r.text} for r in original.removed if r.kind in _DROPPABLE and r.text not in kept]
    return {
        "headline": {"before": original.title, "after": copy.title} if original.title != copy.title else None,
        "blocks": blocks,
        "changed": sum(b["op"] != "same" for b in blocks),
        "dropped": dropped,
    }


def _alike(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio() >= _EDITED


def _word_diff(a: str, b: str) -> list[dict]:
    """Word-level segments: {"op": same | removed | added, "text"}."""
    old, new = _WORDS.findall(a), _WORDS.findall(b)
    segments = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append({"op": "same", "text": "".join(old[i1:i2])})
            continue
        if i2 > i1:
            segments.append({"op": "removed", "text": "".join(old[i1:i2])})
        if j2 > j1:
            segments.append({"op": "added", "text": "".join(new[j1:j2])})
    return segments
