"""The archive as a whole, read from every article page's front matter.

Browse pages, search filters, exports, feeds and structured data all read this
one model.  It is plain Python over the typed pages (``annotator.page``) the
annotator wrote and editors corrected, so it does not depend on MkDocs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..page import Page
from ..page.entries import ClaimEntry, QuoteEntry, SpeakerEntry, text
from ..page.registry import Entry
from ..page.vocabulary import CLAIM_TYPES, VERDICTS, label
from ..slug import slugify
from .values import iso_date, safe_url

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_FILE_NAME = re.compile(r"[\w][\w.-]*")
# a saved web page is published only as text: served as HTML, its scripts would run on the archive's origin
TEXT_COPY_SUFFIX = ".txt"
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".svg", ".xml")


def is_page_file(name: str) -> bool:
    """A file a browser would render (and run scripts in) if the site served it as it is."""
    return name.lower().endswith(_PAGE_SUFFIXES)


@dataclass
class ArticleRecord:
    src: str  # the page's path under content/, "articles/2019/slug/index.md"
    url: str  # site-relative, "articles/2019/slug/"
    page: Page

    @classmethod
    def of(cls, src: str, url: str, meta: dict) -> "ArticleRecord":
        return cls(src, url, Page.of(meta))

    @property
    def title(self) -> str:
        return self.page.title or self.src

    @property
    def outlet(self) -> str:
        return self.page.outlet

    @property
    def published(self) -> str | None:
        return iso_date(self.page.published)

    @property
    def year(self) -> str | None:
        return self.published[:4] if self.published else None

    @property
    def month(self) -> str | None:
        """``YYYY-MM`` when the month is known."""
        return self.published[:7] if self.published and len(self.published) >= 7 else None

    @property
    def tags(self) -> list[str]:
        return list(dict.fromkeys(t for t in (t.strip() for t in self.page.tags) if t))

    @property
    def original_publisher(self) -> str:
        return self.page.original_publisher

    @property
    def republisher(self) -> str:
        return self.page.republisher

    @property
    def source_url(self) -> str | None:
        """Where the article was first published, if known."""
        return safe_url(self.page.url)

    @property
    def original_url(self) -> str | None:
        """The original file as submitted, kept beside the page (site-relative)."""
        name = self.page.original
        if not _FILE_NAME.fullmatch(name):
            return None
        return self.url + name + (TEXT_COPY_SUFFIX if is_page_file(name) else "")

    @property
    def speakers(self) -> tuple[SpeakerEntry, ...]:
        return self.page.speakers

    @property
    def claims(self) -> tuple[ClaimEntry, ...]:
        return self.page.claims

    @property
    def sources(self):
        return self.page.sources

    def speaker_name(self, speaker_id) -> str:
        speaker = self.page.speaker(speaker_id)
        return speaker.name if speaker else ""

    def source_name(self, source_id) -> str:
        source = self.page.source(source_id)
        return source.name if source else ""


def newest_first(articles) -> list[ArticleRecord]:
    """Newest first; undated articles last, by title."""
    articles = list(articles)
    dated = sorted((a for a in articles if a.published), key=lambda a: (a.published, a.title.lower()), reverse=True)
    return dated + sorted((a for a in articles if not a.published), key=lambda a: a.title.lower())


class _Anchored:
    """A quote or claim of an article: its id, exact text, and permalink (its anchor in the article)."""

    article: ArticleRecord

    @property
    def item(self) -> QuoteEntry | ClaimEntry:
        raise NotImplementedError

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def text(self) -> str:
        return self.item.text

    @property
    def url(self) -> str:
        return f"{self.article.url}#{self.id}"


@dataclass
class QuoteRef(_Anchored):
    article: ArticleRecord
    speaker: SpeakerEntry
    quote: QuoteEntry

    @property
    def item(self) -> QuoteEntry:
        return self.quote


@dataclass
class SpeakerRecord:
    key: str
    name: str
    kind: str
    description: str = ""
    wikidata: str = ""
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    quotes: list[QuoteRef] = field(default_factory=list)

    @property
    def articles(self) -> list[ArticleRecord]:
        return list({id(q.article): q.article for q in self.quotes}.values())

    @property
    def url(self) -> str:
        return f"speakers/{self.key}/"

    @property
    def wikidata_url(self) -> str | None:
        return f"https://www.wikidata.org/wiki/{self.wikidata}" if re.fullmatch(r"Q[0-9]+", self.wikidata) else None


@dataclass
class ClaimRef(_Anchored):
    article: ArticleRecord
    claim: ClaimEntry

    @property
    def item(self) -> ClaimEntry:
        return self.claim

    @property
    def type(self) -> str:
        return self.claim.type or "event"

    @property
    def type_label(self) -> str:
        return label(CLAIM_TYPES, self.type)

    @property
    def verdict(self) -> str:
        verdict = self.claim.verdict.strip().lower()
        return verdict if verdict in VERDICTS else ""

    @property
    def sourced(self) -> bool:
        # an editor may mark a claim unsourced (sourced: false) even where a source is named
        return self.claim.source is not None and self.claim.sourced is not False

    @property
    def claimant(self) -> str:
        return self.article.speaker_name(self.claim.claimant)

    @property
    def source(self) -> str:
        return self.article.source_name(self.claim.source)


@dataclass
class OutletRecord:
    key: str
    name: str
    articles: list[ArticleRecord] = field(default_factory=list)
    republishes: Counter = field(default_factory=Counter)  # original publisher -> articles republished here
    republished_by: Counter = field(default_factory=Counter)  # republisher -> articles of ours they ran

    @property
    def url(self) -> str:
        return f"outlets/{self.key}/"


@dataclass
class TagRecord:
    key: str
    name: str
    articles: list[ArticleRecord] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"tags/{self.key}/"


@dataclass
class SourceRecord:
    name: str
    kind: str
    articles: list[ArticleRecord] = field(default_factory=list)
    citations: int = 0


@dataclass
class Catalog:
    articles: list[ArticleRecord]
    speakers: dict[str, SpeakerRecord]
    outlets: dict[str, OutletRecord]
    tags: dict[str, TagRecord]
    claims: list[ClaimRef]
    sources: list[SourceRecord]

    @classmethod
    def build(cls, pages: list[tuple[str, str, dict | Page]], registry: dict[str, Entry] | None = None) -> "Catalog":
        """``pages`` are ``(src path, site URL, front matter or Page)`` of the article pages; ``registry``
        holds the entries of content/speakers.yml by key."""
        articles = newest_first(ArticleRecord(src, url, page if isinstance(page, Page) else Page.of(page))
                                for src, url, page in pages)
        return cls(
            articles=articles,
            speakers=_speakers(articles, registry or {}),
            outlets=_outlets(articles),
            tags=_tags(articles),
            claims=[ClaimRef(a, c) for a in articles for c in a.claims],
            sources=_sources(articles),
        )

    def __post_init__(self):
        self._by_src = {a.src: a for a in self.articles}

    def years(self) -> dict[str, dict[str, list[ArticleRecord]]]:
        """Year -> month ("YYYY-MM", or "" when only the year is known) -> articles, newest first."""
        years: dict[str, dict[str, list[ArticleRecord]]] = {}
        for a in self.articles:
            if a.year:
                years.setdefault(a.year, {}).setdefault(a.month or "", []).append(a)
        return years

    @property
    def undated(self) -> list[ArticleRecord]:
        return [a for a in self.articles if a.published is None]

    def speaker_of(self, speaker: SpeakerEntry) -> SpeakerRecord | None:
        """The archive-wide record of a speaker entry of some article's front matter."""
        return self.speakers.get(speaker_key(speaker))

    def article(self, src: str) -> ArticleRecord | None:
        return self._by_src.get(src)


def month_name(month: str) -> str:
    """"2019-09" -> "September 2019"."""
    year, _, number = month.partition("-")
    return f"{MONTHS[int(number) - 1]} {year}" if number.isdigit() and 1 <= int(number) <= 12 else year


def speaker_key(speaker: SpeakerEntry) -> str:
    """One identity across the archive: the registry key when the annotator linked one, else the name's slug."""
    return slugify(speaker.registry_id) or slugify(speaker.name) or "unnamed"


def _speakers(articles: list[ArticleRecord], registry: dict[str, Entry]) -> dict[str, SpeakerRecord]:
    found: dict[str, SpeakerRecord] = {}
    for a in articles:
        for s in a.speakers:
            kind = s.kind or "person"
            if kind == "unnamed" or not s.quotes or not s.name.strip():
                continue  # "a spokesperson" in one article is nobody in particular across the archive
            key = speaker_key(s)
            entry = registry.get(s.registry_id) if s.registry_id else None
            record = found.get(key)
            if record is None:
                record = found[key] = SpeakerRecord(
                    key=key, name=(entry.name if entry else "") or s.name, kind=(entry.kind if entry else "") or kind,
                    description=text(entry.description) if entry else "", wikidata=text(entry.wikidata) if entry else "",
                    aliases=list(entry.aliases) if entry else [],
                )
            for value, into in ((s.role, record.roles), (s.affiliation, record.affiliations)):
                if value.strip() and value.strip() not in into:
                    into.append(value.strip())
            record.quotes.extend(QuoteRef(a, s, q) for q in s.quotes)
    return dict(sorted(found.items(), key=lambda kv: (-len(kv[1].quotes), kv[1].name.lower())))


def _outlets(articles: list[ArticleRecord]) -> dict[str, OutletRecord]:
    found: dict[str, OutletRecord] = {}

    def outlet(name: str) -> OutletRecord:
        key = slugify(name) or "unknown"
        return found.setdefault(key, OutletRecord(key, name))

    by_folder = {a.src.rsplit("/", 1)[0]: a for a in articles}
    for a in articles:
        if a.outlet:
            outlet(a.outlet).articles.append(a)
        original, republisher = a.original_publisher, a.republisher or a.outlet
        if not original:  # no credit names the original: a copy in the archive may (the first one linked)
            source = next((by_folder.get(c.page) for c in a.page.copies if c.relation == "original"), None)
            original = source.outlet if source else ""
        if original and republisher and slugify(original) != slugify(republisher):
            outlet(republisher).republishes[original] += 1
            outlet(original).republished_by[republisher] += 1
    return dict(sorted(found.items(), key=lambda kv: (-len(kv[1].articles), kv[1].name.lower())))


def _tags(articles: list[ArticleRecord]) -> dict[str, TagRecord]:
    found: dict[str, TagRecord] = {}
    for a in articles:
        for tag in a.tags:
            key = slugify(tag) or "tag"
            found.setdefault(key, TagRecord(key, tag)).articles.append(a)
    return dict(sorted(found.items(), key=lambda kv: kv[1].name.lower()))


def _sources(articles: list[ArticleRecord]) -> list[SourceRecord]:
    found: dict[tuple[str, str], SourceRecord] = {}
    for a in articles:
        for s in a.sources:
            kind, name = s.kind, s.name.strip()
            if not name or kind.startswith("syndication"):
                continue
            record = found.setdefault((name.lower(), kind), SourceRecord(name, kind))
            if not record.articles or record.articles[-1] is not a:
                record.articles.append(a)
            record.citations += max(1, len(s.paragraphs))
    return sorted(found.values(), key=lambda s: (-len(s.articles), -s.citations, s.name.lower()))
