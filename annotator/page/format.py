"""Write and read an annotated page: YAML front matter, then the Markdown body.

YAML is only ever loaded with the safe loader.
"""

from __future__ import annotations

import html
import re

import yaml

from .. import safe_yaml
from ..errors import InputError
from .document import ANNOTATION_KEYS, BOOKKEEPING_KEY, METADATA_KEYS
from .fields import typed_front_matter

__all__ = ["ANNOTATION_KEYS", "BOOKKEEPING_KEY", "METADATA_KEYS", "body_text", "dump_yaml", "front_matter_source", "render_page", "split_page"]

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


_SECTIONS = (
    ("# Article. Edit freely: a value you change is kept on every later run.", METADATA_KEYS),
    ("# Annotations. Correct, delete or add entries: an entry you touch is never overwritten.\n"
     "# Each `text` is the exact body text; `anchor` gives its offsets in the body and its paragraph.",
     ANNOTATION_KEYS),
    ("# Bookkeeping for `annotator build`. Do not edit.", (BOOKKEEPING_KEY,)),
)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


class _Flow(dict):
    """A mapping written on one line, for small records such as anchors."""


def _represent_flow(dumper, data):
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


def _represent_str(dumper, data):
    # a quote over two paragraphs stays on one line, with \n escapes
    style = '"' if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(_Flow, _represent_flow)
_Dumper.add_representer(str, _represent_str)


def _flowed(value):
    """Write anchors and numbers in flow style so each stays on one line."""
    if isinstance(value, dict):
        out = {k: _flowed(v) for k, v in value.items()}
        if set(out) <= {"start", "end", "paragraph"} or set(out) <= {"text", "kind", "value", "unit"}:
            return _Flow(out)
        return out
    if isinstance(value, list):
        return [_flowed(v) for v in value]
    return value


def dump_yaml(data) -> str:
    return yaml.dump(_flowed(data), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100_000, default_flow_style=False)


def render_page(meta: dict, body_markdown: str) -> str:
    """Front matter in three commented sections, then the body."""
    parts = ["---\n"]
    placed: set[str] = set()
    for comment, keys in _SECTIONS:
        section = {k: meta[k] for k in keys if k in meta}
        placed.update(section)
        if comment.startswith("# Bookkeeping"):
            # keys an editor added that we do not know go before the bookkeeping
            extra = {k: v for k, v in meta.items() if k not in placed and k not in section}
            if extra:
                parts.append("# Fields added by an editor.\n" + dump_yaml(extra))
                placed.update(extra)
        if section:
            parts.append(comment + "\n" + dump_yaml(section))
    parts.append("---\n\n")
    return "".join(parts) + body_markdown


def front_matter_source(text: str) -> tuple[str, str] | None:
    """``(the front matter's YAML, the body)`` of a page, unparsed; None for a page without front matter."""
    match = _FRONT_MATTER.match(text)
    return (match.group(1) or "", text[match.end():]) if match else None


def split_page(text: str, path: str) -> tuple[dict, str]:
    """``(front matter, body)`` of a page, each field of its type; any problem is one InputError (file:line)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    source = match.group(1) or ""
    body = text[match.end():].lstrip("\n")
    quick = safe_yaml.quick_load(source)  # one pass; the careful one below gives each problem its line
    if isinstance(quick, dict):
        try:
            return typed_front_matter(quick, None, path, first_line=2), body
        except InputError:
            pass
    # the front matter starts on the file's second line, after the opening ---
    root = safe_yaml.compose(source, path, first_line=2)
    meta = safe_yaml.construct(root, source, path, first_line=2) or {}
    if not isinstance(meta, dict):
        raise InputError(path, "line 2: the front matter must be a YAML mapping of field: value")
    return typed_front_matter(meta, root, path, first_line=2), body


_ESCAPE = re.compile(r"\\(.)")


def body_text(markdown: str) -> str:
    """A page body's plain text, as anchors count it: the escaped paragraphs read back, joined by a blank line."""
    paragraphs = [p for p in re.split(r"\n\s*\n", markdown.strip("\n")) if p.strip()]
    return "\n\n".join(html.unescape(_ESCAPE.sub(r"\1", p.strip())) for p in paragraphs)
