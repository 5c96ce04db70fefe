"""What an article page shows, worked out from its front matter alone.

Templates only loop over this view and escape what they print; the decisions
(numbering, who a claimant id names, which links are safe) are made here, in
plain Python that does not depend on MkDocs.
"""

from __future__ import annotations

from ..page import Page
from ..page.vocabulary import CLAIM_TYPES, COPY_RELATIONS, REMOVED_KINDS, SOURCE_KINDS, label
from .highlight import Anchor
from .values import safe_url


def is_article(meta: dict) -> bool:
    """A page the annotator wrote: it has the bookkeeping mapping (other pages are the editors' own)."""
    return isinstance(meta, dict) and isinstance(meta.get("annotator"), dict)


def article_view(page: Page) -> dict:
    """Everything the article template prints, in display order."""
    quotes = sorted(((s, q) for s in page.speakers for q in s.quotes), key=lambda sq: _start(sq[1]))
    quote_labels = {id(q): f"Q{i}" for i, (_, q) in enumerate(quotes, 1)}
    claims = sorted(page.claims, key=_start)

    def name_of(speaker_id) -> str:
        speaker = page.speaker(speaker_id)
        return speaker.name if speaker else ("" if speaker_id is None else speaker_id)

    def source_of(source_id) -> str:
        source = page.source(source_id)
        return source.name if source else ("" if source_id is None else source_id)

    speaker_views = [{
        "id": s.id, "name": s.name, "kind": s.kind, "role": s.role, "affiliation": s.affiliation,
        "affiliation_note": s.affiliation_note,
        "quotes": [{"id": q.id, "label": quote_labels[id(q)], "text": q.text, "type": q.type, "cue": q.cue,
                    "channel": q.channel} for q in sorted(s.quotes, key=_start)],
    } for s in page.speakers]
    claim_views = [{
        "id": c.id, "label": f"C{i}", "text": c.text, "type": c.type, "type_label": label(CLAIM_TYPES, c.type),
        "claimant": name_of(c.claimant), "source": source_of(c.source),
        "numbers": [n.text for n in c.numbers], "score": c.score,
        "verdict": c.verdict, "verdict_note": c.verdict_note,
        "verdict_links": [u for u in (safe_url(x) for x in c.verdict_links) if u],
    } for i, c in enumerate(claims, 1)]
    attribution = page.attribution
    return {
        "title": page.title,
        "outlet": page.outlet,
        "author": page.author,
        "published": page.published or "",
        "url": safe_url(page.url),
        "original": page.original,
        "word_count": page.word_count,
        "tags": list(page.tags),
        "speakers": speaker_views,
        "mentions": [{"name": m.name, "kind": m.kind, "role": m.role} for m in page.mentions],
        "claims": claim_views,
        "sources": [{"id": s.id, "name": s.name, "kind": s.kind, "kind_label": SOURCE_KINDS.get(s.kind, s.kind),
                     "cues": list(s.cues), "paragraphs": list(s.paragraphs)}
                    for s in page.sources if not s.kind.startswith("syndication")],
        "syndication": {"original": page.original_publisher, "republisher": page.republisher,
                        "credits": [r.text for r in page.removed if r.kind == "syndication-credit"]},
        "vague": [{"cue": v.cue, "text": v.text} for v in page.vague],
        "removed": [{"kind": r.kind, "kind_label": REMOVED_KINDS.get(r.kind, r.kind), "text": r.text} for r in page.removed],
        "copies": [{"page": c.page, "relation": c.relation, "relation_label": COPY_RELATIONS.get(c.relation, c.relation),
                    "title": c.title or c.page, "outlet": c.outlet, "published": c.published or "",
                    "similarity": f"{round(100 * c.similarity)} %" if c.similarity is not None else ""}
                   for c in page.copies if c.page],
        "attribution": {"credit": attribution.credit, "licence": attribution.licence,
                        "url": safe_url(attribution.url) or safe_url(page.url)} if attribution else None,
        "anchors": _anchors(quotes, quote_labels, claims, page),
    }


def _start(entry) -> int:
    return entry.anchor.start if entry.anchor else 0


def _anchors(quotes, quote_labels, claims, page: Page) -> list[Anchor]:
    anchors = []
    for s, q in quotes:
        if q.anchor:
            anchors.append(Anchor(q.id, "quote", q.anchor.start, q.anchor.end, q.text, quote_labels[id(q)],
                                  f"Quote by {s.name}"))
    for i, c in enumerate(claims, 1):
        if c.anchor:
            who = page.speaker(c.claimant)
            anchors.append(Anchor(c.id, "claim", c.anchor.start, c.anchor.end, c.text, f"C{i}",
                                  "Claim" + (f" by {who.name}" if who else "")))
    return anchors
