"""The types of an annotated page's front-matter fields, applied once where a page is read.

Editors write front matter by hand, and YAML turns ``title: [a]`` into a list,
``published: 2019-09-04`` into a date and ``tags: x`` into a string.  Every
reader (the annotator, the site, the exports) gets the same checked values:
text fields are strings, ``tags`` a list of strings, ``published`` an ISO date,
the annotation lists lists of mappings.  A value that cannot be one is refused
with the file and the line, so it never reaches a template as a list whose
``str()`` would print its markup unescaped.

Titles, outlets, publishers, tags and every annotation field other than the
anchored ``text`` lose bidi override and isolate controls: they could reorder
the page around them.  LRM and RLM stay, right-to-left text needs them.
"""

from __future__ import annotations

import datetime as dt
import re
import typing

import yaml

from ..errors import InputError
from ..plaintext import without_bidi_controls
from ..safe_yaml import line_of
from .document import ANNOTATION_KEYS, BOOKKEEPING_KEY, Page

_HINTS = typing.get_type_hints(Page)
TEXT_FIELDS = tuple(k for k, hint in _HINTS.items() if hint is str) + (
    "subtitle", "status", "icon", "template")  # fields MkDocs and Material print or follow, should an editor set them
COUNT_FIELDS = tuple(k for k, hint in _HINTS.items() if hint == (int | None))
WORD_LIST_FIELDS = tuple(k for k, hint in _HINTS.items() if hint == tuple[str, ...])
LIST_FIELDS = ANNOTATION_KEYS
MAPPING_FIELDS = (BOOKKEEPING_KEY,)

_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
# anchored body text keeps every character: its offsets must hold
_VERBATIM_KEYS = frozenset({"text", "anchor", "id"})


def typed_front_matter(meta: dict, root: yaml.Node | None, path: str, *, first_line: int = 1) -> dict:
    """``meta`` with each known field of its type; an InputError (file:line) for one that cannot be."""
    lines = _key_lines(root, first_line)

    def refuse(key: str, why: str) -> InputError:
        where = f"line {lines[key]}: " if key in lines else ""
        return InputError(path, f"{where}`{key}` {why}")

    out: dict = {}
    for key, value in meta.items():
        key = str(key)
        if value is None:
            out[key] = [] if key in WORD_LIST_FIELDS else None
        elif key in TEXT_FIELDS:
            out[key] = _text(value, key, refuse)
        elif key in COUNT_FIELDS:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise refuse(key, "must be a whole number")
            out[key] = value
        elif key == "published":
            out[key] = _published(value, refuse)
        elif key in WORD_LIST_FIELDS:
            out[key] = _tags(value, key, refuse)
        elif key in LIST_FIELDS:
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                raise refuse(key, "must be a list of entries (- field: value)")
            out[key] = [_entry(v) for v in value]
        elif key == "attribution":
            if not isinstance(value, dict) or any(isinstance(v, (list, dict)) for v in value.values()):
                raise refuse(key, "must be a mapping of credit, licence, url and licence_url to text")
            out[key] = {str(k): None if v is None else str(_plain(v)) for k, v in value.items()}
        elif key in MAPPING_FIELDS:
            if not isinstance(value, dict):
                raise refuse(key, "must be a mapping of field: value (it is written by the annotator)")
            out[key] = _plain(value)
        else:  # an editor's own field: kept, as plain data
            out[key] = _plain(value)
    return out


def _text(value, key, refuse) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        value = value.isoformat()
    elif isinstance(value, (list, dict)):
        raise refuse(key, "must be text, not a list or a mapping (put quotes around it)")
    value = str(value)
    return without_bidi_controls(value) if key in ("title", "outlet", "original_publisher", "republisher") else value


def _published(value, refuse) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    raw = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    if raw is None or not _ISO_DATE.fullmatch(raw):
        raise refuse("published", f"must be a date written YYYY-MM-DD (or YYYY-MM, YYYY), not {value!r}")
    try:  # a partial date is checked with its missing parts as 01
        dt.date.fromisoformat((raw + "-01-01")[:10])
    except ValueError:
        raise refuse("published", f"{raw} is not a date in the calendar") from None
    return raw


def _tags(value, key: str, refuse) -> list[str]:
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in values):
        raise refuse(key, "must be a list of words or phrases")
    return [without_bidi_controls(str(v)) for v in values]


def _entry(entry: dict) -> dict:
    return {str(k): (_plain(v) if str(k) in _VERBATIM_KEYS else _cleaned(v)) for k, v in entry.items()}


def _cleaned(value):
    """Plain data with bidi controls removed from its strings."""
    value = _plain(value)
    if isinstance(value, str):
        return without_bidi_controls(value)
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in _VERBATIM_KEYS else _cleaned(v)) for k, v in value.items()}
    return value


def _plain(value):
    """Dates that YAML parsed as date objects go back to ISO strings; keys become strings."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _key_lines(root: yaml.Node | None, first_line: int) -> dict[str, int]:
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {str(k.value): line_of(k, first_line) for k, _ in root.value if isinstance(k, yaml.ScalarNode)}
