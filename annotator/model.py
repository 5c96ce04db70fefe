"""The typed article that every pipeline stage reads and returns.

Every span is a pair of character offsets into ``Article.text``: the original
file decoded and with newlines normalised to ``\\n``.  Stages never edit the
text; they only add annotations that point into it, so ``text[start:end]`` is
always the exact words an annotation is about.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from operator import attrgetter


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start:self.end]

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class Removed:
    """A boilerplate line taken out of the body, kept as a source note."""

    kind: str  # related-link, share-prompt, newsletter-promo, syndication-credit, ...
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Speaker:
    """Someone quoted or paraphrased: a person, an organisation or an unnamed source."""

    id: str
    name: str
    kind: str  # person | organisation | unnamed
    role: str | None = None
    affiliation: str | None = None
    affiliation_note: str | None = None
    aliases: list[str] = field(default_factory=list)
    registry_id: str | None = None  # key in content/speakers.yml, when known
    wikidata: str | None = None


@dataclass(slots=True)
class Quote:
    id: str
    speaker: str  # Speaker.id
    type: str  # direct | indirect | mixed
    cue: str | None  # the reporting verb or phrase: "said", "according to", ...
    start: int
    end: int
    text: str
    via: str = "name"  # how the speaker was found: name, surname, pronoun, title, context, registry
    channel: str | None = None  # email, statement, interview, tweet ... when the text says so
    segments: list[Span] = field(default_factory=list)  # the quoted words per paragraph


@dataclass(slots=True)
class Mention:
    """A person or organisation named in the article but not quoted."""

    name: str
    kind: str
    role: str | None = None
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Number:
    text: str
    kind: str  # quantity | percent | money | count | duration | year | date
    value: float | None = None
    unit: str | None = None
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Claim:
    id: str
    text: str
    start: int
    end: int
    type: str
    numbers: list[Number] = field(default_factory=list)
    claimant: str | None = None  # Speaker.id, or None when the article itself claims it
    source: str | None = None  # Source.id
    score: float = 0.0


@dataclass(slots=True)
class Source:
    """Where the article's information comes from, or who published it."""

    id: str
    kind: str  # outlet-report, document, statistics, study, poll, court-filing, syndication-original, syndication-republisher
    name: str
    text: str = ""  # the words that cite it ("the Guardian reports")
    cues: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Vague:
    """A statement pinned on nobody in particular: "critics warn", "it is believed"."""

    cue: str
    text: str
    start: int
    end: int


_START = attrgetter("start")


@dataclass(slots=True)
class Article:
    path: str
    text: str
    title: str | None = None
    outlet: str | None = None
    title_span: Span | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None  # web pages: what the page's metadata says
    description: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    language: str = "en"
    encoding: str = "utf-8"  # the codec the file was read with
    replaced_bytes: int = 0  # bytes not valid in it, each read as U+FFFD
    original_publisher: str | None = None
    republisher: str | None = None
    lines: list[Span] = field(default_factory=list)  # non-empty body lines before cleaning
    paragraphs: list[Span] = field(default_factory=list)  # body paragraphs after cleaning
    removed: list[Removed] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    vague: list[Vague] = field(default_factory=list)

    def with_(self, **changes) -> "Article":
        """A copy with some fields replaced: how stages hand on their result."""
        return replace(self, **changes)

    def paragraph_index(self, offset: int) -> int | None:
        """0-based index of the body paragraph holding ``offset``, if any."""
        i = bisect.bisect_right(self.paragraphs, offset, key=_START) - 1
        return i if i >= 0 and offset < self.paragraphs[i].end else None

    def speaker(self, speaker_id: str) -> Speaker | None:
        return next((s for s in self.speakers if s.id == speaker_id), None)
