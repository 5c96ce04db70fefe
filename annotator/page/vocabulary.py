"""The page format's closed vocabularies, each value with the label readers see.

The annotator writes only these values; an editor may write others (``annotator
check`` names them), and the site shows an unknown value as it is written.
"""

from __future__ import annotations

CLAIM_TYPES = {
    "quantity": "Quantity", "quantity-change": "Change in quantity", "comparison": "Comparison",
    "ranking": "Ranking or superlative", "correlation-causation": "Correlation or causation",
    "prediction": "Prediction", "rule-or-law": "Rule or law", "personal-experience": "Personal experience",
    "event": "Event or other",
}
SOURCE_KINDS = {
    "outlet-report": "Outlet report", "document": "Document", "statistics": "Statistics", "study": "Study",
    "poll": "Poll", "court-filing": "Court filing", "syndication-original": "Original publisher",
    "syndication-republisher": "Republisher",
}
REMOVED_KINDS = {
    "related-link": "Related link", "share-prompt": "Share prompt", "newsletter-promo": "Newsletter plug",
    "syndication-credit": "Syndication credit", "image-credit": "Image credit", "call-to-action": "Call to action",
    "navigation": "Navigation", "author-bio": "Author bio", "copyright": "Copyright", "repeated-headline": "Repeated headline",
    "dateline": "Dateline", "embed": "Embedded post", "comment": "Reader comment",
    # the parts of a web page its main-text extractor left out
    "byline": "Byline", "advertisement": "Advertisement", "page-text": "Other page text",
}
VERDICTS = {"true": "True", "false": "False", "misleading": "Misleading", "unproven": "Unproven", "unverified": "Unverified"}
SPEAKER_KINDS = {"person": "Person", "organisation": "Organisation", "unnamed": "Unnamed source"}
MENTION_KINDS = {"person": "Person", "organisation": "Organisation"}
QUOTE_TYPES = {"direct": "Direct", "indirect": "Indirect", "mixed": "Partly quoted"}
NUMBER_KINDS = {"count": "Count", "percent": "Percentage", "money": "Money", "duration": "Duration", "year": "Year",
                "date": "Date", "time": "Time of day"}
COPY_RELATIONS = {"original": "Original of this article", "reprint": "Reprint of this article"}
REGISTRY_KINDS = {"person": "Person", "organisation": "Organisation"}


def label(vocabulary: dict[str, str], value: str) -> str:
    """A value's label; an editor's own value as written, made readable."""
    return vocabulary.get(value) or value.replace("-", " ").capitalize()
