"""Link the articles of the archive that are copies of one another, both ways, in their front matter.

Run after annotation by `annotator build` and `annotator add`.  Each page whose
file changed since the last run (all of them the first time) is fingerprinted
and compared with every other page's MinHash signature; the few pairs that look
alike are measured exactly (``copies.detect``).  A copy's ``copies`` entry names
its original and the original's names the copy: the original is the one
published first; without both dates, the one whose credits name the other's
outlet; else the one archived first.  Entries go through the same merge as
annotations, so an editor's deletion of a link sticks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..copies import detect
from ..copies.fingerprint import likeness, shingles, signature
from ..copies.index import CopyIndex, stamp
from ..errors import InputError
from ..page import BOOKKEEPING_KEY, Page, render_page, split_page
from ..page.format import body_text, front_matter_source
from ..slug import slugify
from .layout import find_bundles
from .merge import merge
from .store import atomic_write


@dataclass(frozen=True)
class Link:
    original: str  # page keys: "articles/2019/slug/index.md"
    copy: str
    similarity: float


def link_copies(content: Path, new: list[Path] | None = None) -> list[Link]:
    """Find the copies among the pages that changed, write the links into both pages, and keep the index.

    ``new`` names the pages just written (by `annotator add`): only they are fingerprinted, and the
    other pages are not looked at unless they look alike.  Without it every page's stamp is compared.
    """
    index = CopyIndex.load(content)
    if new is None or not index.keys:
        pages = {str(b.page.relative_to(content)): b.page for b in find_bundles(content) if b.page.exists()}
        index.keep_only(set(pages))
        candidates = pages
    else:
        pages = {key: content / key for key in index.keys}
        candidates = {str(p.relative_to(content)): p for p in new}
        pages.update(candidates)
    known = set(index.keys)
    rows, bodies, texts = [], {}, {}
    for key, path in candidates.items():
        page_stamp = stamp(path)
        row = index.row(key)
        if row is not None and index.stamps[row] == page_stamp:
            continue
        runs = _runs(path)
        if runs is None:
            continue
        bodies[key] = runs
        rows.append((key, page_stamp, signature(runs)))
    index.put_many(rows)
    changed = [key for key, _, _ in rows]
    links: dict[frozenset, Link] = {}
    for key, others in index.similar(changed, detect.CANDIDATE).items():
        for other in others:
            if frozenset((key, other)) in links or other not in pages:
                continue
            if other not in bodies:
                bodies[other] = _runs(pages[other])
            if bodies[other] is None:
                continue
            found = likeness(bodies[key], bodies[other])
            if not detect.is_copy(found, bodies[key], bodies[other]):
                continue
            for k in (key, other):
                texts.setdefault(k, _read(pages[k], k))
            if texts[key] is not None and texts[other] is not None:
                first = _original(texts[key].page, texts[other].page, key, other, archived_first=other in known)
                second = other if first == key else key
                links[frozenset((key, other))] = Link(first, second, found.similarity)
    for link in links.values():  # each page read again just before it is written: it may be in two links
        _write_link(pages[link.copy], _read(pages[link.copy], link.copy), link.original, texts[link.original].page,
                    "original", link.similarity)
        _write_link(pages[link.original], _read(pages[link.original], link.original), link.copy, texts[link.copy].page,
                    "reprint", link.similarity)
    for key in {k for link in links.values() for k in (link.copy, link.original)}:
        index.put(key, stamp(pages[key]), index.signatures[index.row(key)])  # our own write is no change
    index.save(atomic_write)
    return list(links.values())


def _runs(path: Path) -> frozenset[str] | None:
    """The shingles of a page's body, read without its front matter (the YAML is read only for a copy)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    parts = front_matter_source(text)
    if parts is None or not re.search(rf"^{BOOKKEEPING_KEY}:", parts[0], re.M):
        return None  # not a page the annotator wrote
    return shingles(body_text(parts[1]))


@dataclass(frozen=True)
class _Read:
    page: Page  # typed, for dates, outlets and credits
    meta: dict  # the front matter as read, for the merge
    body: str
    text: str  # the whole file, to write only what changed


def _read(path: Path, key: str) -> _Read | None:
    """A page the annotator wrote, or None for one that cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
        meta, body = split_page(text, key)
    except (InputError, OSError, UnicodeDecodeError):
        return None  # reported where the page is annotated or built
    if not isinstance(meta.get(BOOKKEEPING_KEY), dict):
        return None
    return _Read(Page.of(meta), meta, body, text)


def _original(a: Page, b: Page, key_a: str, key_b: str, *, archived_first: bool) -> str:
    """Which of two copies is the original (see the module's docstring)."""
    if a.published and b.published and a.published != b.published:
        return key_a if a.published < b.published else key_b
    if _credits(a, b.outlet) != _credits(b, a.outlet):  # a page crediting the other's outlet is the reprint
        return key_b if _credits(a, b.outlet) else key_a
    return key_b if archived_first else min(key_a, key_b)


def _credits(page: Page, outlet: str) -> bool:
    """The page's credits or syndication chain name the outlet: it says the text is that outlet's."""
    if not outlet:
        return False
    wanted = slugify(outlet)
    named = [page.original_publisher] + [r.text for r in page.removed if r.kind == "syndication-credit"]
    return any(wanted and wanted in slugify(n) for n in named if n)


def _write_link(path: Path, read: _Read | None, other_key: str, other: Page, relation: str, similarity: float) -> None:
    if read is None:
        return
    meta, body = read.meta, read.body
    folder = other_key.rsplit("/", 1)[0]
    entry = {"id": f"copy-{slugify(folder.removeprefix('articles/'))}", "page": folder, "relation": relation,
             "similarity": similarity, "title": other.title or None, "outlet": other.outlet or None,
             "published": other.published}
    entries = [e for e in meta.get("copies") or [] if isinstance(e, dict) and e.get("id") != entry["id"]]
    fresh = {**meta, "copies": [*entries, {k: v for k, v in entry.items() if v is not None}]}
    merged, merged_body, generated = merge(meta, body, fresh, body)
    merged[BOOKKEEPING_KEY] = {**meta[BOOKKEEPING_KEY], "generated": generated}
    new_text = render_page(merged, merged_body)
    if new_text != read.text:
        atomic_write(path, new_text)
