"""Keep editors' corrections when an article is annotated again.

The page records a short digest of every value the annotator wrote (each
metadata field, each annotation entry by id, and the body).  On the next run a
value whose digest still matches is the annotator's own and is replaced by the
new result; a value that differs was corrected by an editor and is kept; an
entry that is gone was deleted by an editor and stays deleted; an entry with no
digest was added by an editor and is kept.
"""

from __future__ import annotations

import hashlib
import json

from ..page.format import ANNOTATION_KEYS, BOOKKEEPING_KEY, METADATA_KEYS

BODY = "body"
OPTIONAL_LISTS = ("copies",)  # written only when there is an entry


def digest(value) -> str:
    raw = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:10]


def _item_key(kind: str, item) -> str:
    if isinstance(item, dict):
        for field in ("id", "name", "text"):
            if item.get(field):
                return f"{kind}/{item[field]}"
    return f"{kind}/#{digest(item)}"


def _units(meta: dict, body: str | None) -> dict[str, object]:
    """Every separately tracked value of a page, in page order."""
    units: dict[str, object] = {}
    for key, value in meta.items():
        if key == BOOKKEEPING_KEY:
            continue
        if key in ANNOTATION_KEYS and isinstance(value, list):
            for item in value:
                units.setdefault(_item_key(key, item), item)
        else:
            units[key] = value
    if body is not None:
        units[BODY] = body
    return units


def merge(current: dict, current_body: str | None, new: dict, new_body: str) -> tuple[dict, str, dict[str, str]]:
    """``(front matter, body, digests of what the annotator wrote)`` for the next page."""
    base: dict[str, str] = (current.get(BOOKKEEPING_KEY) or {}).get("generated") or {}
    cur, fresh = _units(current, current_body), _units(new, new_body)
    result: dict[str, object] = {}
    generated: dict[str, str] = {}
    for key in list(fresh) + [k for k in cur if k not in fresh]:
        if key in cur:
            if key in base and digest(cur[key]) == base[key]:
                if key in fresh:  # untouched: the new result replaces it
                    result[key] = fresh[key]
                    generated[key] = digest(fresh[key])
            elif key in base:  # corrected by an editor: keep it, remember the original digest
                result[key] = cur[key]
                generated[key] = base[key]
            else:  # added by an editor
                result[key] = cur[key]
        elif key in base:  # deleted by an editor: stays deleted
            generated[key] = base[key]
        else:
            result[key] = fresh[key]
            generated[key] = digest(fresh[key])
    for key, value in base.items():  # tombstones of entries neither side has any more
        if key not in cur:
            generated.setdefault(key, value)
    return _assemble(result), str(result.get(BODY, new_body)), generated


def _assemble(units: dict[str, object]) -> dict:
    meta: dict = {}
    lists: dict[str, list] = {k: [] for k in ANNOTATION_KEYS}
    for key, value in units.items():
        if key == BODY:
            continue
        kind, _, rest = key.partition("/")
        if rest and kind in lists:
            lists[kind].append(value)
        else:
            meta[key] = value
    ordered = {k: meta.pop(k) for k in METADATA_KEYS if k in meta}
    ordered.update({k: v for k, v in lists.items() if v or k not in OPTIONAL_LISTS})
    ordered.update(meta)  # editor-added fields
    return ordered
