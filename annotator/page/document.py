"""The annotated page as one typed value: its article fields, its annotations and the bookkeeping.

The order of the fields is the order a page is written in.  ``Page.of(meta)`` reads
the front matter tolerantly (see ``entries``); the site, the exports and ``check``
read pages only through it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .entries import (Attribution, ClaimEntry, CopyEntry, MentionEntry, RemovedEntry, SourceEntry, SpeakerEntry, VagueEntry, _field,
                      read)


@dataclass(frozen=True, slots=True)
class Bookkeeping:
    """What `annotator build` records to tell its own values from an editor's.  Not for editing."""

    version: str = _field(required=True)
    original_sha256: str = _field(required=True, pattern="^[0-9a-f]{64}$")
    generated: dict = _field({}, about="a short digest of every value the annotator wrote")


@dataclass(frozen=True, slots=True)
class Page:
    # the article: editors may change any of these
    title: str = _field(required=True)
    outlet: str = _field()
    published: str | None = _field(None, date=True, about="YYYY-MM-DD (or YYYY-MM, YYYY); never guessed")
    url: str = _field(about="where the article was published (a web page's canonical URL)")
    author: str = _field()
    description: str = _field()
    original_publisher: str = _field()
    republisher: str = _field()
    language: str = _field()
    word_count: int | None = _field(None, minimum=0)
    original: str = _field(about="the file kept beside the page: original.txt or original.html")
    original_name: str = _field()
    fetched_url: str = _field(about="the URL the page was fetched from, after redirects")
    fetched_at: str = _field(about="when it was fetched (ISO 8601, UTC)")
    original_sha256: str = _field()
    encoding: str = _field()
    replaced_bytes: int | None = _field(None, minimum=0)
    categories: tuple[str, ...] = _field(())
    tags: tuple[str, ...] = _field(())
    attribution: Attribution | None = _field(None)
    # the annotations: each entry an editor touches is kept
    speakers: tuple[SpeakerEntry, ...] = _field(())
    mentions: tuple[MentionEntry, ...] = _field(())
    claims: tuple[ClaimEntry, ...] = _field(())
    sources: tuple[SourceEntry, ...] = _field(())
    vague: tuple[VagueEntry, ...] = _field(())
    removed: tuple[RemovedEntry, ...] = _field(())
    copies: tuple[CopyEntry, ...] = _field(())
    annotator: Bookkeeping | None = _field(None)

    @classmethod
    def of(cls, meta: dict) -> "Page":
        return read(cls, meta)

    @property
    def is_article(self) -> bool:
        """A page the annotator wrote (other pages in content/ are the editors' own)."""
        return self.annotator is not None

    def speaker(self, speaker_id: str | None) -> SpeakerEntry | None:
        return next((s for s in self.speakers if s.id == speaker_id), None) if speaker_id else None

    def source(self, source_id: str | None) -> SourceEntry | None:
        return next((s for s in self.sources if s.id == source_id), None) if source_id else None


ANNOTATION_KEYS = ("speakers", "mentions", "claims", "sources", "vague", "removed", "copies")
BOOKKEEPING_KEY = "annotator"
METADATA_KEYS = tuple(f.name for f in fields(Page) if f.name not in ANNOTATION_KEYS and f.name != BOOKKEEPING_KEY)
