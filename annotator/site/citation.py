"""The "Cite this" block: the fields of Wikipedia's {{cite news}} template.

Fields follow https://en.wikipedia.org/wiki/Template:Cite_news: the article's
own URL when it is known (else this archive's page), the outlet as ``work``, a
republisher as ``via``, and this archive's copy as ``archive-url``.
"""

from __future__ import annotations

import re

from .catalog import ArticleRecord

# characters that would end a template parameter early in wikitext
_WIKI_BREAKERS = re.compile(r"[|{}\[\]\n\r]+")


def cite_news(article: ArticleRecord, *, page_url: str, built: str) -> list[tuple[str, str]]:
    """(parameter, value) pairs in the template's usual order; empty values are left out."""
    original = article.original_publisher
    republished = article.republisher or (article.outlet if original and original != article.outlet else "")
    fields = [
        ("title", article.title),
        ("url", article.source_url or page_url),
        ("work", original or article.outlet),
        ("via", republished if republished and republished != (original or article.outlet) else ""),
        ("date", article.published or ""),
        ("language", article.page.language),
        ("access-date", built if article.source_url else ""),
        ("archive-url", page_url if article.source_url else ""),
        ("archive-date", built if article.source_url else ""),
    ]
    return [(name, value) for name, value in fields if value]


def wikitext(fields: list[tuple[str, str]]) -> str:
    """``{{cite news |title=... |url=...}}``, with characters that break wikitext replaced by spaces."""
    parts = " ".join(f"|{name}={_WIKI_BREAKERS.sub(' ', value).strip()}" for name, value in fields)
    return "{{cite news " + parts + "}}"
