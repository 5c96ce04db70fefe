"""schema.org JSON-LD for an article page.

One ``@graph`` holds the NewsArticle (with its quoted speakers), a Claim for
each claim, and a ClaimReview only where an editor has set a verdict.  The
template prints it with Jinja's ``tojson``, which escapes ``<``, ``>``, ``&``
and ``'``, so no value can close the script element.
"""

from __future__ import annotations

from .catalog import ArticleRecord, ClaimRef, SpeakerRecord
from .values import mapping, safe_url, text


def article_graph(article: ArticleRecord, *, page_url: str, site_name: str,
                  speakers: dict[str, SpeakerRecord | None]) -> dict:
    """``speakers`` maps each of the article's speaker ids to its archive-wide record, if it has one."""
    node: dict = {
        "@type": "NewsArticle",
        "@id": page_url,
        "url": page_url,
        "headline": article.title[:110],
        "name": article.title,
        "inLanguage": text(article.meta.get("language")) or None,
        "wordCount": article.meta.get("word_count") if isinstance(article.meta.get("word_count"), int) else None,
        "datePublished": article.published,
        "publisher": {"@type": "Organization", "name": article.outlet} if article.outlet else None,
        "sourceOrganization": {"@type": "Organization", "name": article.original_publisher} if article.original_publisher else None,
        "isBasedOn": article.source_url,
        "keywords": article.tags or None,
        "mentions": [_speaker(s, speakers.get(text(s.get("id")))) for s in article.speakers] or None,
    }
    attribution = mapping(article.meta.get("attribution"))
    if attribution:
        node["license"] = safe_url(attribution.get("licence_url")) or text(attribution.get("licence")) or None
        node["creditText"] = text(attribution.get("credit")) or None
    graph = [_clean(node)]
    for claim in (ClaimRef(article, c) for c in article.claims):
        claim_id = f"{page_url}#{claim.id}"
        claimant = next((s for s in article.speakers if text(s.get("id")) == text(claim.claim.get("claimant"))), None)
        graph.append(_clean({
            "@type": "Claim",
            "@id": claim_id,
            "text": claim.text,
            "author": _speaker(claimant, speakers.get(text(claimant.get("id")))) if claimant
            else ({"@type": "Organization", "name": article.outlet} if article.outlet else None),
            "appearance": {"@id": page_url},
            "datePublished": article.published,
        }))
        if claim.verdict:
            graph.append(_clean({
                "@type": "ClaimReview",
                "url": claim_id,
                "claimReviewed": claim.text,
                "itemReviewed": {"@id": claim_id},
                "author": {"@type": "Organization", "name": site_name},
                "reviewRating": _clean({
                    "@type": "Rating",
                    "alternateName": claim.verdict,
                    "ratingExplanation": text(claim.claim.get("verdict_note")) or None,
                }),
                "citation": [u for u in (safe_url(x) for x in claim.claim.get("verdict_links") or []) if u] or None,
            }))
    return {"@context": "https://schema.org", "@graph": graph}


def _speaker(speaker: dict, record: SpeakerRecord | None) -> dict:
    kind = "Organization" if text(speaker.get("kind")) == "organisation" else "Person"
    node = {"@type": kind, "name": text(speaker.get("name"))}
    if kind == "Person":
        node["jobTitle"] = text(speaker.get("role")) or None
        if text(speaker.get("affiliation")):
            node["affiliation"] = {"@type": "Organization", "name": text(speaker["affiliation"])}
    if record is not None and record.wikidata_url:
        node["sameAs"] = record.wikidata_url
    return _clean(node)


def _clean(node: dict) -> dict:
    return {k: v for k, v in node.items() if v is not None}
