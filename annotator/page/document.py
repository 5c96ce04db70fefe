"""The annotated page as one typed value: its article fields, its annotations and the bookkeeping.

The order of the fields is the order a page is written in.  ``Page.of(meta)`` reads
the front matter tolerantly (see ``entries``); the site, the exports and ``check``
read pages only through it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .entries import (Attribution, ClaimEntry, CopyEntry, MentionEntry, RemovedEntry, SourceEntry, SpeakerEntry, VagueEntry, entry_field,
                      read)


@dataclass(frozen=True, slots=True)
class Bookkeeping:
    """What `annotator build` records to tell its own values from an editor's.  Not for editing."""

    version: str = entry_field(required=True)
    original_sha256: str = entry_field(required=True, pattern="^[0-9a-f]{64}$")
    generated: dict = entry_field({}, about="a short digest of every value the annotator wrote")


@dataclass(frozen=True, slots=True)
class Page:
    # the article: editors may change any of these
    title: str = entry_field(required=True)
    outlet: str = entry_field()
    published: str | None = entry_field(None, date=True, about="YYYY-MM-DD (or YYYY-MM, YYYY); never guessed")
    url: str = entry_field(about="where the article was published (a web page's canonical URL)")
    author: str = entry_field()
    description: str = entry_field()
    original_publisher: str = entry_field()
    republisher: str = entry_field()
    language: str = entry_field()
    word_count: int | None = entry_field(None, minimum=0)
    original: str = entry_field(about="the file kept beside the page: original.txt or original.html")
    original_name: str = entry_field()
    fetched_url: str = entry_field(about="the URL the page was fetched from, after redirects")
    fetched_at: str = entry_field(about="when it was fetched (ISO 8601, UTC)")
    original_sha256: str = entry_field()
    encoding: str = entry_field()
    replaced_bytes: int | None = entry_field(None, minimum=0)
    categories: tuple[str, ...] = entry_field(())
    tags: tuple[str, ...] = entry_field(())
    attribution: Attribution | None = entry_field(None)
    # the annotations: each entry an editor touches is kept
    speakers: tuple[SpeakerEntry, ...] = entry_field(())
    mentions: tuple[MentionEntry, ...] = entry_field(())
    claims: tuple[ClaimEntry, ...] = entry_field(())
    sources: tuple[SourceEntry, ...] = entry_field(())
    vague: tuple[VagueEntry, ...] = entry_field(())
    removed: tuple[RemovedEntry, ...] = entry_field(())
    copies: tuple[CopyEntry, ...] = entry_field(())
    annotator: Bookkeeping | None = entry_field(None)

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
