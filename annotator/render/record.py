"""Article -> the JSON record of ``annotator extract --json``.

The keys listed in the README are a contract that evaluation tools rely on.
Offsets count characters of the input file's text (decoded, newlines
normalised), so ``text == file_text[start:end]`` for every quote, claim and
removed line.
"""

from __future__ import annotations

import re

import orjson

from ..model import Article
from .body import BodyMap


# Line breaks to tools that split lines on more than \n (Python's str.splitlines, JavaScript):
# JSON allows them raw inside strings, so they are escaped to keep one record a line.
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}
_LINE_BREAK = re.compile("[\u2028\u2029\x85]")


def json_line(record: dict) -> str:
    """One record as a line of compact JSON, UTF-8 text unescaped (orjson: five times json's speed)."""
    line = orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE).decode()
    return _LINE_BREAK.sub(lambda m: _LINE_BREAKS[m.group()], line) if _LINE_BREAK.search(line) else line


def extract_record(article: Article) -> dict:
    text = article.text
    return {
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "encoding": article.encoding,
        "replaced_bytes": article.replaced_bytes,
        "original_publisher": article.original_publisher,
        "republisher": article.republisher,
        "body": BodyMap.of(article).text,
        "speakers": [
            {"id": s.id, "name": s.name, "kind": s.kind, "role": s.role, "affiliation": s.affiliation,
             "aliases": s.aliases, "affiliation_note": s.affiliation_note, "registry_id": s.registry_id,
             "wikidata": s.wikidata}
            for s in article.speakers
        ],
        "quotes": [
            {"id": q.id, "speaker": q.speaker, "type": q.type, "cue": q.cue, "text": text[q.start:q.end],
             "start": q.start, "end": q.end, "via": q.via, "channel": q.channel,
             "paragraphs": _paragraph_numbers(article, q.segments)}
            for q in article.quotes
        ],
        "mentions": [{"name": m.name, "kind": m.kind, "role": m.role} for m in article.mentions],
        "claims": [
            {"id": c.id, "text": text[c.start:c.end], "start": c.start, "end": c.end, "type": c.type,
             "numbers": [{"text": n.text, "kind": n.kind, "value": n.value, "unit": n.unit} for n in c.numbers],
             "claimant": c.claimant, "source": c.source, "sourced": c.source is not None, "score": round(c.score, 2)}
            for c in article.claims
        ],
        "sources": [
            {"id": s.id, "kind": s.kind, "name": s.name, "text": s.text, "cues": s.cues,
             "paragraphs": _paragraph_numbers(article, s.spans)}
            for s in article.sources
        ],
        "vague": [{"cue": v.cue, "text": text[v.start:v.end], "start": v.start, "end": v.end} for v in article.vague],
        "removed": [{"kind": r.kind, "text": text[r.start:r.end], "start": r.start, "end": r.end} for r in article.removed],
    }


def _paragraph_numbers(article: Article, spans) -> list[int]:
    """1-based body paragraph numbers that the spans touch."""
    return sorted({i + 1 for i in (article.paragraph_index(s.start) for s in spans) if i is not None})
