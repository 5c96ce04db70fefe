"""What an article page shows, worked out from its front matter alone.

Templates only loop over this view and escape what they print; the decisions
(numbering, who a claimant id names, which links are safe) are made here, in
plain Python that does not depend on MkDocs.
"""

from __future__ import annotations

from .highlight import Anchor
from .values import items as _list
from .values import mappings as _dicts
from .values import safe_url
from .values import text as _text

TYPE_LABELS = {
    "quantity": "Quantity", "quantity-change": "Change in quantity", "comparison": "Comparison",
    "ranking": "Ranking or superlative", "correlation-causation": "Correlation or causation",
    "prediction": "Prediction", "rule-or-law": "Rule or law", "personal-experience": "Personal experience",
    "event": "Event or other",
}
SOURCE_LABELS = {
    "outlet-report": "Outlet report", "document": "Document", "statistics": "Statistics", "study": "Study",
    "poll": "Poll", "court-filing": "Court filing", "syndication-original": "Original publisher",
    "syndication-republisher": "Republisher",
}
REMOVED_LABELS = {
    "related-link": "Related link", "share-prompt": "Share prompt", "newsletter-promo": "Newsletter plug",
    "syndication-credit": "Syndication credit", "image-credit": "Image credit", "call-to-action": "Call to action",
    "navigation": "Navigation", "author-bio": "Author bio", "copyright": "Copyright", "repeated-headline": "Repeated headline",
    "dateline": "Dateline", "embed": "Embedded post", "comment": "Reader comment",
    # the parts of a web page its main-text extractor left out
    "byline": "Byline", "advertisement": "Advertisement", "page-text": "Other page text",
}


def is_article(meta: dict) -> bool:
    return isinstance(meta, dict) and isinstance(meta.get("annotator"), dict)


def article_view(meta: dict) -> dict:
    """Everything the article template prints, in display order."""
    speakers = _dicts(meta.get("speakers"))
    names = {_text(s.get("id")): _text(s.get("name")) for s in speakers}
    sources = _dicts(meta.get("sources"))
    source_names = {_text(s.get("id")): _text(s.get("name")) for s in sources}

    quotes = []
    for s in speakers:
        for q in _dicts(s.get("quotes")):
            quotes.append((s, q))
    quotes.sort(key=lambda sq: _start(sq[1]))
    quote_labels = {id(q): f"Q{i}" for i, (_, q) in enumerate(quotes, 1)}
    claims = sorted(_dicts(meta.get("claims")), key=_start)

    speaker_views = []
    for s in speakers:
        speaker_views.append({
            "id": _text(s.get("id")), "name": _text(s.get("name")), "kind": _text(s.get("kind")),
            "role": _text(s.get("role")), "affiliation": _text(s.get("affiliation")),
            "affiliation_note": _text(s.get("affiliation_note")),
            "quotes": [{"id": _text(q.get("id")), "label": quote_labels[id(q)], "text": _text(q.get("text")),
                        "type": _text(q.get("type")), "cue": _text(q.get("cue")), "channel": _text(q.get("channel"))}
                       for q in sorted(_dicts(s.get("quotes")), key=_start)],
        })
    claim_views = []
    for i, c in enumerate(claims, 1):
        claim_views.append({
            "id": _text(c.get("id")), "label": f"C{i}", "text": _text(c.get("text")), "type": _text(c.get("type")),
            "type_label": TYPE_LABELS.get(_text(c.get("type")), _text(c.get("type")).replace("-", " ").capitalize()),
            "claimant": names.get(_text(c.get("claimant"))) or ("" if c.get("claimant") is None else _text(c.get("claimant"))),
            "source": source_names.get(_text(c.get("source"))) or ("" if c.get("source") is None else _text(c.get("source"))),
            "numbers": [_text(n.get("text")) for n in _dicts(c.get("numbers"))],
            "score": c.get("score"),
            "verdict": _text(c.get("verdict")),
            "verdict_note": _text(c.get("verdict_note")),
            "verdict_links": [u for u in (safe_url(x) for x in _list(c.get("verdict_links"))) if u],
        })
    cited = [s for s in sources if not _text(s.get("kind")).startswith("syndication")]
    attribution = meta.get("attribution") if isinstance(meta.get("attribution"), dict) else None
    return {
        "title": _text(meta.get("title")),
        "outlet": _text(meta.get("outlet")),
        "author": _text(meta.get("author")),
        "published": _text(meta.get("published")),
        "url": safe_url(meta.get("url")),
        "original": _text(meta.get("original")),
        "word_count": meta.get("word_count"),
        "tags": [_text(t) for t in _list(meta.get("tags"))],
        "speakers": speaker_views,
        "mentions": [{"name": _text(m.get("name")), "kind": _text(m.get("kind")), "role": _text(m.get("role"))}
                     for m in _dicts(meta.get("mentions"))],
        "claims": claim_views,
        "sources": [{"id": _text(s.get("id")), "name": _text(s.get("name")), "kind": _text(s.get("kind")),
                     "kind_label": SOURCE_LABELS.get(_text(s.get("kind")), _text(s.get("kind"))),
                     "cues": [_text(c) for c in _list(s.get("cues"))],
                     "paragraphs": [p for p in _list(s.get("paragraphs")) if isinstance(p, int)]} for s in cited],
        "syndication": {"original": _text(meta.get("original_publisher")), "republisher": _text(meta.get("republisher")),
                        "credits": [_text(r.get("text")) for r in _dicts(meta.get("removed")) if r.get("kind") == "syndication-credit"]},
        "vague": [{"cue": _text(v.get("cue")), "text": _text(v.get("text"))} for v in _dicts(meta.get("vague"))],
        "removed": [{"kind": _text(r.get("kind")), "kind_label": REMOVED_LABELS.get(_text(r.get("kind")), _text(r.get("kind"))),
                     "text": _text(r.get("text"))} for r in _dicts(meta.get("removed"))],
        "attribution": {"credit": _text(attribution.get("credit")), "licence": _text(attribution.get("licence")),
                        "url": safe_url(attribution.get("url")) or safe_url(meta.get("url"))} if attribution else None,
        "anchors": _anchors(quotes, quote_labels, claims, names),
    }


def _start(item: dict) -> int:
    anchor = item.get("anchor")
    return anchor.get("start", 0) if isinstance(anchor, dict) and isinstance(anchor.get("start"), int) else 0


def _anchors(quotes, quote_labels, claims, names) -> list[Anchor]:
    anchors = []
    for s, q in quotes:
        a = q.get("anchor")
        if isinstance(a, dict) and isinstance(a.get("start"), int) and isinstance(a.get("end"), int):
            anchors.append(Anchor(_text(q.get("id")), "quote", a["start"], a["end"], _text(q.get("text")),
                                  quote_labels[id(q)], f"Quote by {_text(s.get('name'))}"))
    for i, c in enumerate(claims, 1):
        a = c.get("anchor")
        if isinstance(a, dict) and isinstance(a.get("start"), int) and isinstance(a.get("end"), int):
            who = names.get(_text(c.get("claimant")))
            anchors.append(Anchor(_text(c.get("id")), "claim", a["start"], a["end"], _text(c.get("text")),
                                  f"C{i}", "Claim" + (f" by {who}" if who else "")))
    return anchors
