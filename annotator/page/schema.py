"""The JSON Schema of an annotated page's front matter, and of the speakers registry, from the page's types.

``page.schema.json`` and ``speakers.schema.json`` ship in this package (a test
checks they are what these functions generate: regenerate them with
``python scripts/write_schemas.py``) and the site publishes them under
``schema/``.  Editors' own fields are allowed; the annotator's fields must have
their types and vocabularies.
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import fields
from functools import cache
from pathlib import Path

from . import vocabulary as v
from .document import Page
from .entries import hints_of

DIALECT = "https://json-schema.org/draft/2020-12/schema"
HERE = Path(__file__).parent
PAGE_SCHEMA = HERE / "page.schema.json"
REGISTRY_SCHEMA = HERE / "speakers.schema.json"
ISO_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
REGISTRY_KEY = r"^[a-z0-9][a-z0-9-]*$"


def page_schema() -> dict:
    defs: dict[str, dict] = {}
    root = _object(Page, defs)
    return {"$schema": DIALECT, "title": "Marginalia annotated page (front matter)",
            "description": "The YAML front matter of content/articles/<year>/<slug>/index.md. "
                           "Fields not listed here are an editor's own and are kept.",
            **root, "$defs": dict(sorted(defs.items()))}


def registry_schema() -> dict:
    return {
        "$schema": DIALECT, "title": "Marginalia speakers registry (content/speakers.yml)",
        "description": "One identity per speaker across the archive, by key.",
        "type": ["object", "null"],
        "propertyNames": {"pattern": REGISTRY_KEY},
        "additionalProperties": {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": "string", "minLength": 1, "description": "the canonical name"},
                "kind": {"enum": list(v.REGISTRY_KINDS)},
                "aliases": {"type": "array", "items": {"type": "string"}, "description": "other names used in articles"},
                "description": {"type": ["string", "null"]},
                "wikidata": {"type": ["string", "null"], "pattern": "^Q[0-9]+$"},
                "proposed": {"type": "boolean", "description": "proposed by `annotator build`: check, then remove"},
            },
            "additionalProperties": False,
        },
    }


@cache
def shipped(path: Path = PAGE_SCHEMA) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def write_schemas() -> list[Path]:
    for path, schema in ((PAGE_SCHEMA, page_schema()), (REGISTRY_SCHEMA, registry_schema())):
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return [PAGE_SCHEMA, REGISTRY_SCHEMA]


def _object(cls, defs: dict) -> dict:
    properties, required = {}, []
    for f in fields(cls):
        meta = f.metadata
        hint = hints_of(cls)[f.name]
        # text the annotator did not find is written null, and read as ""
        prop = _type(hint | None if hint is str and not meta.get("required") else hint, defs)
        if meta.get("enum"):
            nullable = isinstance(prop.get("type"), list)
            prop = {"enum": list(meta["enum"]) + ([None] if nullable else [])}
        if meta.get("date"):
            prop["pattern"] = ISO_DATE
        for key in ("pattern", "minimum", "maximum"):
            if key in meta:
                prop[key] = meta[key]
        if meta.get("about"):
            prop["description"] = meta["about"]
        properties[f.name] = prop
        if meta.get("required"):
            required.append(f.name)
    out = {"type": "object", "properties": properties}
    if required:
        out["required"] = required
    if cls is not Page:
        out["additionalProperties"] = True  # an editor's own note on an entry is kept
    return out


def _type(hint, defs: dict) -> dict:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = _type(next(a for a in args if a is not type(None)), defs)
        if "$ref" in inner:
            return {"anyOf": [inner, {"type": "null"}]}
        return {**inner, "type": [inner["type"], "null"]}
    if origin is tuple:
        return {"type": "array", "items": _type(args[0], defs)}
    if isinstance(hint, type) and hasattr(hint, "__dataclass_fields__"):
        name = hint.__name__
        if name not in defs:
            defs[name] = {}  # placeholder: entries do not nest themselves, but keep the recursion finite
            about = hint.__doc__ if hint.__doc__ and not hint.__doc__.startswith(f"{name}(") else None
            defs[name] = {**_object(hint, defs), **({"description": about.strip()} if about else {})}
        return {"$ref": f"#/$defs/{name}"}
    return {str: {"type": "string"}, int: {"type": "integer"}, float: {"type": "number"}, bool: {"type": "boolean"},
            dict: {"type": "object"}}[hint]
