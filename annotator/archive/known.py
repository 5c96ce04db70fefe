"""What the archive already holds, by the hash of each original and by each page's URLs.

`add` and the inbox refuse a file whose bytes are already archived and a page whose
URL is.  Reading every page's YAML for that on each add would cost seconds at
10,000 pages, so what each page says is kept in ``content/.annotator/pages.json``
(derived, like the copy index): a page is read again, through the page format,
only when its modification time or size changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from ..copies.index import stamp
from ..errors import InputError
from ..ingest.files import read_input
from ..ingest.html import MAX_HTML_BYTES
from ..page import BOOKKEEPING_KEY, split_page
from .layout import Bundle, find_bundles
from .store import atomic_write, sha256

CACHE = Path(".annotator") / "pages.json"
_VERSION = 1


def url_key(url: str) -> str:
    """A URL as compared for "already in the archive": no scheme, fragment, tracking parameters or final slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not k.lower().startswith(("utm_", "fbclid", "gclid"))])
    return f"{host}{parts.path.rstrip('/') or '/'}" + (f"?{query}" if query else "")


@dataclass
class Known:
    by_hash: dict[str, Bundle] = field(default_factory=dict)
    by_url: dict[str, Bundle] = field(default_factory=dict)

    def add(self, bundle: Bundle, digest: str, urls) -> None:
        self.by_hash[digest] = bundle
        for url in urls:
            if isinstance(url, str) and url:
                self.by_url.setdefault(url_key(url), bundle)

    def same_url(self, *candidates: str | None) -> Bundle | None:
        return next((self.by_url[url_key(c)] for c in candidates if isinstance(c, str) and c and url_key(c) in self.by_url),
                    None)


def known_pages(content: Path) -> Known:
    """Every bundle by its original's hash and its page's URLs, the unchanged pages read from the cache."""
    cache_path = content / CACHE
    try:
        cached = json.loads(cache_path.read_text(encoding="utf-8"))
        entries = cached["pages"] if cached.get("version") == _VERSION else {}
    except (OSError, ValueError, KeyError, AttributeError):
        entries = {}
    known, fresh = Known(), {}
    for bundle in find_bundles(content):
        key = str(bundle.directory.relative_to(content))
        entry = entries.get(key)
        stamp = _stamp(bundle)
        if not isinstance(entry, dict) or entry.get("stamp") != stamp:
            entry = _read(bundle, stamp)
            if entry is None:
                continue  # reported when the bundle itself is annotated
        fresh[key] = entry
        known.add(bundle, entry["sha256"], entry["urls"])
    if fresh != entries:
        try:
            atomic_write(cache_path, json.dumps({"version": _VERSION, "pages": fresh}, sort_keys=True))
        except OSError:
            pass  # derived: read again next time
    return known


def _stamp(bundle: Bundle) -> str:
    """The page's stamp and its original's: either may change what the page says of it."""
    try:
        return f"{stamp(bundle.page)}:{stamp(bundle.original)}"
    except OSError:
        return ""


def _read(bundle: Bundle, stamp: str) -> dict | None:
    """What a page says of its original and its URLs (its original's hash when the page cannot say)."""
    meta: dict = {}
    try:
        meta, _ = split_page(bundle.page.read_text(encoding="utf-8"), str(bundle.page))
    except (InputError, OSError, UnicodeDecodeError):
        pass
    book = meta.get(BOOKKEEPING_KEY) if isinstance(meta.get(BOOKKEEPING_KEY), dict) else {}
    digest = book.get("original_sha256")
    if not (isinstance(digest, str) and len(digest) == 64):
        try:
            digest = sha256(read_input(bundle.original, follow_links=False, limit=MAX_HTML_BYTES))
        except InputError:
            return None
    return {"stamp": stamp, "sha256": digest, "urls": [u for u in (meta.get("url"), meta.get("fetched_url")) if isinstance(u, str)]}
