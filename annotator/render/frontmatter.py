"""Article -> the front-matter mapping of its page.

Annotations are anchored to the body like a W3C TextQuoteSelector plus a
TextPositionSelector: ``text`` is the exact body text and ``anchor`` gives its
body offsets and paragraph number.  Ids are derived from content, so they stay
the same when the article is annotated again.
"""

from __future__ import annotations

import re

from ..model import Article, Claim, Quote
from .body import BodyMap

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def front_matter(article: Article, *, metadata: dict | None = None) -> dict:
    """The annotator's view of the page's front matter (before editor merges).

    ``metadata`` holds what only an editor knows (published date, URL, tags,
    licence and credit) and is passed through unchanged.
    """
    body = BodyMap.of(article)
    meta: dict = {
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "url": article.url,
        "original_publisher": article.original_publisher,
        "republisher": article.republisher,
        "language": article.language,
        "word_count": len(_WORD.findall(body.text)),
        "tags": list(article.tags),
    }
    for key in ("author", "description"):  # what a web page's metadata says
        if getattr(article, key):
            meta[key] = getattr(article, key)
    if article.categories:
        meta["categories"] = list(article.categories)
    if article.encoding != "utf-8":  # the original's offsets are only checkable in its own encoding
        meta["encoding"] = article.encoding
    if article.replaced_bytes:
        meta["replaced_bytes"] = article.replaced_bytes
    if metadata:
        meta.update({k: v for k, v in metadata.items() if v is not None})
    meta["speakers"] = [_speaker(article, s, body) for s in article.speakers]
    meta["mentions"] = [_drop_empty({"name": m.name, "kind": m.kind, "role": m.role}) for m in article.mentions]
    meta["claims"] = [c for c in (_claim(article, c, body) for c in article.claims) if c]
    meta["sources"] = [_source(s, body) for s in article.sources]
    meta["vague"] = [v for v in (_vague(v, body) for v in article.vague) if v]
    meta["removed"] = [{"kind": r.kind, "text": r.text} for r in article.removed]
    return meta


def _anchor(body: BodyMap, start: int, end: int) -> dict | None:
    span = body.span(start, end)
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "paragraph": body.paragraph_number(span.start)}


def _anchored_text(body: BodyMap, anchor: dict) -> str:
    return body.text[anchor["start"]:anchor["end"]]


def _speaker(article: Article, speaker, body: BodyMap) -> dict:
    quotes = [q for q in (_quote(q, body) for q in article.quotes if q.speaker == speaker.id) if q]
    out = {
        "id": speaker.id,
        "name": speaker.name,
        "kind": speaker.kind,
        "role": speaker.role,
        "affiliation": speaker.affiliation,
        "affiliation_note": speaker.affiliation_note,
        "aliases": speaker.aliases,
        "registry_id": speaker.registry_id,
        "wikidata": speaker.wikidata,
        "quotes": quotes,
    }
    return _drop_empty(out, keep=("quotes",))


def _quote(quote: Quote, body: BodyMap) -> dict | None:
    anchor = _anchor(body, quote.start, quote.end)
    if anchor is None:
        return None
    out = {
        "id": quote.id,
        "type": quote.type,
        "cue": quote.cue,
        "via": quote.via,
        "channel": quote.channel,
        "text": _anchored_text(body, anchor),
        "anchor": anchor,
    }
    return _drop_empty(out)


def _claim(article: Article, claim: Claim, body: BodyMap) -> dict | None:
    anchor = _anchor(body, claim.start, claim.end)
    if anchor is None:
        return None
    out = {
        "id": claim.id,
        "text": _anchored_text(body, anchor),
        "type": claim.type,
        "numbers": [_drop_empty({"text": n.text, "kind": n.kind, "value": n.value, "unit": n.unit}) for n in claim.numbers],
        "claimant": claim.claimant,
        "source": claim.source,
        "sourced": claim.source is not None,
        "score": round(claim.score, 2),
        "anchor": anchor,
    }
    return _drop_empty(out, keep=("claimant", "source", "sourced"))


def _source(source, body: BodyMap) -> dict:
    paragraphs = sorted({body.paragraph_number(s.start) for s in (body.span(sp.start, sp.end) for sp in source.spans) if s})
    return _drop_empty({
        "id": source.id,
        "kind": source.kind,
        "name": source.name,
        "cues": source.cues,
        "paragraphs": paragraphs,
    })


def _vague(vague, body: BodyMap) -> dict | None:
    anchor = _anchor(body, vague.start, vague.end)
    if anchor is None:
        return None
    return {"cue": vague.cue, "text": _anchored_text(body, anchor), "anchor": anchor}


def _drop_empty(d: dict, keep: tuple[str, ...] = ()) -> dict:
    return {k: v for k, v in d.items() if k in keep or v not in (None, [], "")}


