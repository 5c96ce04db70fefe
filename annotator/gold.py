"""Reading gold files for ``annotator eval``: checked offsets, text from the corpus, dev and check halves.

A gold line holds its article's ``text``, or, for text that may not be
committed (BBC, scraped pages), its ``source`` path under the corpus folder and
the ``sha256`` of the text as the annotator reads it: the text is then read from
the corpus and checked against the hash, and the article is skipped when the
corpus is absent.  See tests/data/gold/GUIDE.md.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

HALVES = ("dev", "check")


def half_of(article_id: str) -> str:
    """The fixed half an article belongs to, from a hash of its id (about half each)."""
    return HALVES[hashlib.sha256(article_id.encode("utf-8")).digest()[0] & 1]


@dataclass
class Gold:
    records: list[dict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # sources not found under the corpus


def read_gold(path: Path, *, corpus: Path | None = None, half: str | None = None) -> Gold:
    """The records of a gold file (of one half, if given); any problem is an InputError naming file and line."""
    from .ingest import read_article

    gold = Gold()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the gold file ({exc})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"line {number} is not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise InputError(str(path), f"line {number} is not a JSON object")
        if half is not None and half_of(str(record.get("id", number))) != half:
            continue
        if "text" not in record and isinstance(record.get("source"), str):
            source = (corpus or Path("../shared/corpus")) / record["source"]
            if not source.is_file():
                gold.skipped.append(record["source"])
                continue
            text = read_article(source).text
            if hashlib.sha256(text.encode("utf-8")).hexdigest() != record.get("sha256"):
                raise InputError(str(path), f"line {number}: {source} is not the text that was labelled (its sha256 differs)")
            record["text"] = text
        if not isinstance(record.get("text"), str):
            raise InputError(str(path), f"line {number} has no \"text\" (or \"source\" and \"sha256\")")
        problem = _span_problem(record)
        if problem:
            raise InputError(str(path), f"line {number}: {problem}")
        gold.records.append(record)
    return gold


def _span_problem(record: dict) -> str | None:
    """Why a gold record's quote or sentence offsets cannot be used, or None."""
    for key in ("quotes", "sentences"):
        spans = record.get(key, [])
        if not isinstance(spans, list):
            return f'"{key}" must be a list'
        for i, span in enumerate(spans):
            if not isinstance(span, dict):
                return f'{key}[{i}] must be an object'
            start, end = span.get("start"), span.get("end")
            if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
                return f'{key}[{i}] needs whole-number "start" and "end" offsets, not {start!r} and {end!r}'
            if not 0 <= start <= end <= len(record["text"]):
                return f'{key}[{i}] offsets {start}..{end} lie outside the text (0..{len(record["text"])})'
    speakers = record.get("speakers", [])
    if not isinstance(speakers, list) or not all(isinstance(s, dict) and isinstance(s.get("name"), str) for s in speakers):
        return '"speakers" must be a list of objects with a "name"'
    return None
