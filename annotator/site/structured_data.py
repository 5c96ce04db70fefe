"""schema.org JSON-LD for an article page.

One ``@graph`` holds the NewsArticle (with its quoted speakers), a Claim for
each claim, and a ClaimReview only where an editor has set a verdict.  The
template prints it with Jinja's ``tojson``, which escapes ``<``, ``>``, ``&``
and ``'``, so no value can close the script element.
"""

from __future__ import annotations

from ..page.entries import SpeakerEntry
from .catalog import ArticleRecord, ClaimRef, SpeakerRecord
from .values import safe_url


def article_graph(article: ArticleRecord, *, page_url: str, site_name: str,
                  speakers: dict[str, SpeakerRecord | None]) -> dict:
    """``speakers`` maps each of the article's speaker ids to its archive-wide record, if it has one."""
    node: dict = {
        "@type": "NewsArticle",
        "@id": page_url,
        "url": page_url,
        "headline": article.title[:110],
        "name": article.title,
        "inLanguage": article.page.language or None,
        "wordCount": article.page.word_count,
        "datePublished": article.published,
        "publisher": {"@type": "Organization", "name": article.outlet} if article.outlet else None,
        "sourceOrganization": {"@type": "Organization", "name": article.original_publisher} if article.original_publisher else None,
        "isBasedOn": article.source_url,
        "keywords": article.tags or None,
        "mentions": [_speaker(s, speakers.get(s.id)) for s in article.speakers] or None,
    }
    attribution = article.page.attribution
    if attribution:
        node["license"] = safe_url(attribution.licence_url) or attribution.licence or None
        node["creditText"] = attribution.credit or None
    graph = [_clean(node)]
    for claim in (ClaimRef(article, c) for c in article.claims):
        claim_id = f"{page_url}#{claim.id}"
        claimant = article.page.speaker(claim.claim.claimant)
        graph.append(_clean({
            "@type": "Claim",
            "@id": claim_id,
            "text": claim.text,
            "author": _speaker(claimant, speakers.get(claimant.id)) if claimant
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
                    "ratingExplanation": claim.claim.verdict_note or None,
                }),
                "citation": [u for u in (safe_url(x) for x in claim.claim.verdict_links) if u] or None,
            }))
    return {"@context": "https://schema.org", "@graph": graph}


def _speaker(speaker: SpeakerEntry, record: SpeakerRecord | None) -> dict:
    kind = "Organization" if speaker.kind == "organisation" else "Person"
    node = {"@type": kind, "name": speaker.name}
    if kind == "Person":
        node["jobTitle"] = speaker.role or None
        if speaker.affiliation:
            node["affiliation"] = {"@type": "Organization", "name": speaker.affiliation}
    if record is not None and record.wikidata_url:
        node["sameAs"] = record.wikidata_url
    return _clean(node)


def _clean(node: dict) -> dict:
    return {k: v for k, v in node.items() if v is not None}
