"""The annotator's stages, in order, over one Article.

Each stage is a pure function Article -> Article; only ``annotate_file`` reads
from disk.
"""

from __future__ import annotations

from pathlib import Path

from .attribute import attribute
from .page.registry import Registry
from .claims import find_claims
from .clean import clean
from .guard import guard_names
from .ingest import read_article
from .model import Article
from .segment import segment
from .sources import find_sources

STAGES = (clean, segment, attribute, find_sources, find_claims, guard_names)


def annotate(article: Article, registry: Registry | None = None) -> Article:
    """Run every stage; with a speakers registry, tie speakers to their archive-wide identity."""
    for stage in STAGES:
        article = stage(article)
    if registry is not None:
        article = registry.link(article)
    return article


def annotate_file(path: Path, *, body_only: bool = False, display_path: str | None = None,
                  registry: Registry | None = None) -> Article:
    return annotate(read_article(path, body_only=body_only, display_path=display_path), registry)
