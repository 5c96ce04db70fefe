"""The typed entries of an annotated page, read tolerantly from its front matter.

Editors write front matter by hand, so a value may be missing, null or of another
type.  ``read(Type, mapping)`` always gives a typed entry: text is text ("" when
absent), numbers are numbers or None, lists hold only what fits, and a mapping
that is not one is skipped.  What is wrong is not silently accepted: ``annotator
check`` reports it against the JSON Schema generated from these same classes.

Each field's metadata says what the schema needs: a vocabulary (``enum``), whether
the field is required, and a description.
"""

from __future__ import annotations

import types
import typing
from dataclasses import MISSING, dataclass, field, fields

__all__ = ["read", "read_all", "text"]

from . import vocabulary as v


def entry_field(default=MISSING, *, enum: dict | None = None, required: bool = False, about: str = "", **extra):
    """A field of an entry: its default (text defaults to ""), and what the schema says of it."""
    metadata = {"enum": enum, "required": required, "about": about, **extra}
    if default == {}:
        return field(default_factory=dict, metadata=metadata)
    return field(default="" if default is MISSING else default, metadata=metadata)


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an entry's exact text sits in the body: character offsets and the 1-based paragraph."""

    start: int = entry_field(0, required=True, minimum=0)
    end: int = entry_field(0, required=True, minimum=0)
    paragraph: int | None = entry_field(None, minimum=1)


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    id: str = entry_field(required=True, about="stable id, unique in the page")
    text: str = entry_field(required=True, about="the exact body text of the quote")
    type: str = entry_field(enum=v.QUOTE_TYPES)
    cue: str = entry_field(about='the reporting verb or phrase: "said", "according to"')
    via: str = entry_field(about="how the speaker was found: name, surname, pronoun, title, context, registry")
    channel: str = entry_field(about="email, statement, interview, tweet ... when the text says so")
    anchor: Anchor | None = entry_field(None, required=True)


@dataclass(frozen=True, slots=True)
class SpeakerEntry:
    id: str = entry_field(required=True)
    name: str = entry_field(required=True)
    kind: str = entry_field(enum=v.SPEAKER_KINDS)
    role: str = entry_field()
    affiliation: str = entry_field()
    affiliation_note: str = entry_field()
    aliases: tuple[str, ...] = entry_field(())
    registry_id: str = entry_field(about="key of the speaker's entry in content/speakers.yml")
    wikidata: str = entry_field(pattern="^Q[0-9]+$")
    quotes: tuple[QuoteEntry, ...] = entry_field(())


@dataclass(frozen=True, slots=True)
class MentionEntry:
    name: str = entry_field(required=True)
    kind: str = entry_field(enum=v.MENTION_KINDS)
    role: str = entry_field()


@dataclass(frozen=True, slots=True)
class NumberEntry:
    text: str = entry_field(required=True)
    kind: str = entry_field(enum=v.NUMBER_KINDS)
    value: float | None = entry_field(None)
    unit: str = entry_field()


@dataclass(frozen=True, slots=True)
class ClaimEntry:
    id: str = entry_field(required=True)
    text: str = entry_field(required=True, about="the exact body text of the claim")
    type: str = entry_field(enum=v.CLAIM_TYPES)
    numbers: tuple[NumberEntry, ...] = entry_field(())
    claimant: str | None = entry_field(None, about="the id of a speaker of this page; null when the article itself claims it")
    source: str | None = entry_field(None, about="the id of a source of this page; null when none is cited")
    sourced: bool | None = entry_field(None, about="false marks a claim unsourced even where a source is named")
    score: float | None = entry_field(None, minimum=0, maximum=1)
    verdict: str = entry_field(enum=v.VERDICTS, about="an editor's fact-check verdict")
    verdict_note: str = entry_field()
    verdict_links: tuple[str, ...] = entry_field(())
    anchor: Anchor | None = entry_field(None, required=True)


@dataclass(frozen=True, slots=True)
class SourceEntry:
    id: str = entry_field(required=True)
    kind: str = entry_field(enum=v.SOURCE_KINDS)
    name: str = entry_field(required=True)
    cues: tuple[str, ...] = entry_field(())
    paragraphs: tuple[int, ...] = entry_field(())


@dataclass(frozen=True, slots=True)
class VagueEntry:
    cue: str = entry_field(required=True)
    text: str = entry_field(required=True)
    anchor: Anchor | None = entry_field(None)


@dataclass(frozen=True, slots=True)
class RemovedEntry:
    kind: str = entry_field(enum=v.REMOVED_KINDS)
    text: str = entry_field(required=True)


@dataclass(frozen=True, slots=True)
class CopyEntry:
    """Another article of the archive whose text this one shares: its original, or a reprint of it."""

    id: str = entry_field(required=True)
    page: str = entry_field(required=True, about="the other article's folder under content/: articles/<year>/<slug>")
    relation: str = entry_field(enum=v.COPY_RELATIONS, required=True, about="what the other article is to this one")
    similarity: float | None = entry_field(None, minimum=0, maximum=1,
                                      about="the share of the shorter text's five-word runs found in the other")
    title: str = entry_field()
    outlet: str = entry_field()
    published: str | None = entry_field(None, date=True)


@dataclass(frozen=True, slots=True)
class Attribution:
    credit: str = entry_field()
    licence: str = entry_field()
    url: str = entry_field()
    licence_url: str = entry_field()


# -- the tolerant reader ----------------------------------------------------------------

def read(cls, value):
    """``cls`` filled from a mapping (anything else gives the defaults)."""
    value = value if isinstance(value, dict) else {}
    return cls(**{name: convert(value.get(name)) for name, convert in _converters(cls)})


def read_all(cls, value) -> tuple:
    """The entries of a list that are mappings, each read as ``cls``."""
    return tuple(read(cls, item) for item in value if isinstance(item, dict)) if isinstance(value, list) else ()


def text(value) -> str:
    """A value as display text ("" for null)."""
    return "" if value is None else str(value)


_HINTS: dict[type, dict] = {}
_CONVERTERS: dict[type, tuple] = {}


def hints_of(cls) -> dict:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _converters(cls) -> tuple:
    """Per field of ``cls``, the function that reads its value (worked out once per class)."""
    if cls not in _CONVERTERS:
        _CONVERTERS[cls] = tuple((f.name, _converter(hints_of(cls)[f.name], f.default)) for f in fields(cls))
    return _CONVERTERS[cls]


def _converter(hint, default):
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):  # "X | None"
        inner = _converter(next(a for a in args if a is not type(None)), None)
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        item = args[0]
        if isinstance(item, type) and hasattr(item, "__dataclass_fields__"):
            return lambda value: read_all(item, value)
        return lambda value: tuple(x for x in (_scalar(item, x) for x in value if not isinstance(x, (list, dict)))
                                   if x is not None) if isinstance(value, list) else ()
    if isinstance(hint, type) and hasattr(hint, "__dataclass_fields__"):
        return lambda value: read(hint, value) if isinstance(value, dict) and _has_required_numbers(hint, value) else default
    if hint is dict:
        return lambda value: value if isinstance(value, dict) else {}

    def scalar(value):
        converted = _scalar(hint, value)
        return default if converted is None else converted
    return scalar


def _has_required_numbers(cls, value: dict) -> bool:
    """A nested value (an anchor) without its required numbers is no value at all, not one at offset 0."""
    return all(_scalar(int, value.get(f.name)) is not None for f in fields(cls)
               if f.metadata.get("required") and hints_of(cls)[f.name] is int)


def _scalar(hint, value):
    if hint is str:
        return None if value is None or isinstance(value, (list, dict)) else str(value)
    if hint is bool:
        return value if isinstance(value, bool) else None
    if hint is int:
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if hint is float:
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    return None
