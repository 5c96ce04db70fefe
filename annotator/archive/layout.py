"""Where articles live in content/.

    content/
      index.md                          optional home page text (else generated)
      speakers.yml                      the speakers registry (one identity per speaker)
      inbox/                            drop raw files here; `annotator build` files them
      articles/<year>/<slug>/           one page bundle per article ("undated" when no date)
        original.txt | original.html    the submitted file or page, byte for byte, never rewritten
        index.md                        the annotated page the annotator writes
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..slug import slugify

ARTICLES = "articles"
INBOX = "inbox"
PAGE = "index.md"
ORIGINAL_STEM = "original"
ORIGINAL_SUFFIXES = (".txt", ".html")  # a text article, or a web page (never served as HTML)
UNDATED = "undated"
REGISTRY = "speakers.yml"  # the speakers registry, in content/


@dataclass(frozen=True)
class Bundle:
    """One article's folder: its original file and its annotated page."""

    directory: Path

    @property
    def page(self) -> Path:
        return self.directory / PAGE

    @property
    def original(self) -> Path:
        for suffix in ORIGINAL_SUFFIXES:
            candidate = self.directory / f"{ORIGINAL_STEM}{suffix}"
            if candidate.exists():
                return candidate
        return self.directory / f"{ORIGINAL_STEM}{ORIGINAL_SUFFIXES[0]}"

    def original_as(self, suffix: str) -> Path:
        """Where the original goes when it is a text file (.txt) or a web page (.html)."""
        return self.directory / f"{ORIGINAL_STEM}{suffix}"

    def display(self, content: Path) -> str:
        """The original's path as an editor would type it, for messages."""
        try:
            return str(self.original.relative_to(content.parent))
        except ValueError:
            return str(self.original)


def find_bundles(content: Path) -> list[Bundle]:
    root = content / ARTICLES
    if not root.is_dir():
        return []
    found = {p.parent for suffix in ORIGINAL_SUFFIXES for p in root.rglob(f"{ORIGINAL_STEM}{suffix}")}
    return [Bundle(d) for d in sorted(found)]


def find_inbox(content: Path) -> list[Path]:
    """Every entry of the inbox: what is not a file to take is reported, never passed over silently."""
    inbox = content / INBOX
    if not inbox.is_dir():
        return []
    return sorted((p for p in inbox.iterdir() if p.name not in _PLACEHOLDERS), key=lambda p: str(p).encode("utf-8", "surrogateescape"))


_PLACEHOLDERS = {".gitkeep", ".keep", ".DS_Store"}  # files that keep an empty folder in git, or OS litter


def inbox_skip_reason(path: Path) -> str | None:
    """Why an inbox entry is left where it is, or None when it is to be filed."""
    if path.name.startswith("."):
        return "a hidden file, left in the inbox (remove the leading dot to file it)"
    if path.is_dir() and not path.is_symlink():
        return "a folder, left in the inbox (only files directly in content/inbox/ are filed)"
    return None


def year_of(published: str | None) -> str:
    if published and re.match(r"\d{4}", str(published)):
        return str(published)[:4]
    return UNDATED


def new_bundle(content: Path, published: str | None, title: str | None, fallback: str) -> Bundle:
    """A bundle folder that does not exist yet (a numeric suffix avoids clashes)."""
    base = slugify(title or "") or slugify(fallback) or "article"
    parent = content / ARTICLES / year_of(published)
    candidate, n = parent / base, 2
    while candidate.exists():
        candidate, n = parent / f"{base}-{n}", n + 1
    return Bundle(candidate)
