"""Full-text search with Pagefind: what an article page offers as filters, and the indexing run.

Pagefind (installed from PyPI as ``pagefind[bin]``, binary included) reads the
built HTML: only elements inside ``data-pagefind-body`` (the article and its
sidebars) are indexed, and each ``data-pagefind-filter`` element adds a filter
value.  A reader's browser then fetches only the index chunks a query needs,
not one index of the whole archive.

Pagefind's Default UI shows filter names and values as HTML (``{@html value}``
in pagefind_ui/default/svelte/filters.svelte; an ``HtmlTag`` in the bundled
pagefind-ui.js 1.5.2), while titles, meta and excerpts are text (excerpts are
escaped by Pagefind, then given ``<mark>``).  Entity escaping cannot be counted
on for filters: Pagefind decodes a filter's text twice (``normalize_content`` in
``get_attribute_pair`` and again where the filter is stored, fossick/parser.rs).
So in each filter value a WORD JOINER (U+2060, invisible) follows every ``<``
and ``&``: after any number of decodings neither can open a tag or an entity.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .catalog import ArticleRecord, ClaimRef
from ..page.vocabulary import CLAIM_TYPES
from .values import inert


def search_filters(article: ArticleRecord) -> list[tuple[str, str]]:
    """(filter, value) pairs of one article, each value once and made inert for Pagefind's UI."""
    pairs: list[tuple[str, str]] = []
    if article.outlet:
        pairs.append(("outlet", article.outlet))
    for s in article.speakers:
        if s.kind != "unnamed" and s.quotes and s.name.strip():
            pairs.append(("speaker", s.name.strip()))
    if article.year:
        pairs.append(("year", article.year))
    pairs += [("tag", t) for t in article.tags]
    pairs += [("claim type", CLAIM_TYPES.get(c.type, c.type)) for c in (ClaimRef(article, c) for c in article.claims)]
    return [(name, inert(value)) for name, value in dict.fromkeys(pairs)]


def run_pagefind(site_dir: Path) -> None:
    """Index ``site_dir`` into ``site_dir/pagefind/``; a failure raises RuntimeError with Pagefind's message."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise RuntimeError(f"Pagefind could not index {site_dir}: {error}") from None
    if result.returncode != 0 or not (site_dir / "pagefind" / "pagefind.js").exists():
        message = (result.stderr or result.stdout).strip().splitlines()
        raise RuntimeError(f"Pagefind could not index {site_dir}: {message[-1] if message else 'no index written'}"
                           " (is pagefind[bin] installed? see the README)")
