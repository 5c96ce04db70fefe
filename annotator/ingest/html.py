"""Web pages: the main text and metadata trafilatura finds, and every other part of the page as notes.

The Article's text is a plain-text rendering of the page, laid out as a text file
is: line 1 "Headline — Site", then the body paragraphs trafilatura extracted, one
per line, then one line per run of page text it left out (menus, related links,
share and newsletter prompts, bylines, comments ...).  The body lines go on to the
clean stage like a text file's; the left-out lines are removed notes already,
typed by the same boilerplate rules or, failing those, by the markup around them
(a ``<nav>``, a ``class="comments"``).  Offsets count characters of that text.
"""

from __future__ import annotations

import copy
import datetime as dt
import re

from ..errors import InputError
from ..model import Article, Removed, Span

MAX_HTML_BYTES = 15_000_000  # heavy news pages run to a few MB; far more is not an article
MIN_WORDS = 50  # less main text than this is a login wall, an index page or an empty page
SUFFIXES = (".html", ".htm", ".xhtml")

_NOT_HTML = (
    (b"%PDF-", "a PDF"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"), (b"\x1f\x8b", "a compressed (gzip) file"),
    (b"OggS", "an audio file"), (b"ID3", "an audio file"), (b"\x00\x00\x00", "a video or binary file"),
)
_HTML_START = re.compile(rb"\s*(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_WORDS = re.compile(r"\w+(?:['’]\w+)*")
_SEPARATOR = " · "  # between the blocks of one left-out run


def looks_like_html(data: bytes, name: str = "") -> bool:
    """A web page by its name, or by how its bytes begin."""
    return name.lower().endswith(SUFFIXES) or bool(_HTML_START.match(data[:4096]))


def refuse_non_html(data: bytes, path: str) -> None:
    """A PDF or an image served (or named) as a web page, or a page far too large, in one line."""
    if len(data) > MAX_HTML_BYTES:
        raise InputError(path, f"the page is too large ({len(data) / 1e6:.1f} MB; the limit is {MAX_HTML_BYTES / 1e6:.0f} MB)")
    head = data[:16].lstrip()
    if head.startswith(b"RIFF") and data[8:12] == b"WEBP":
        raise InputError(path, "this is a WebP image, not a web page")
    for magic, what in _NOT_HTML:
        if head.startswith(magic):
            raise InputError(path, f"this is {what}, not a web page")
    if not data.strip():
        raise InputError(path, "the file is empty")


def parse_html(data: bytes, path: str, *, url: str | None = None) -> Article:
    """Read one web page.  Raises InputError with a one-line reason (nothing else is written)."""
    refuse_non_html(data, path)
    import trafilatura  # imported late: text articles never need it
    from trafilatura.utils import load_html

    tree = load_html(data)
    if tree is None:
        raise InputError(path, "the page could not be read as HTML")
    # precision first; when that leaves too little, trafilatura's balanced setting
    for favor_precision in (True, False):
        document = trafilatura.bare_extraction(
            copy.deepcopy(tree), url=url, include_comments=False, favor_precision=favor_precision, with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True,
                                    "max_date": dt.date.today().isoformat()})
        body = [line.strip() for line in (document.text or "").splitlines()] if document is not None else []
        body = [line for line in body if line]
        words = sum(len(_WORDS.findall(line)) for line in body)
        if words >= MIN_WORDS:
            break
    if words < MIN_WORDS:
        raise InputError(path, f"no article here: the page's main text has {words} words (at least {MIN_WORDS} are needed; "
                         "a login wall, an index page or an empty page?)")
    if _mostly_links(tree, body, words):
        raise InputError(path, "no article here: the page's main text is a list of links (an index or section page?)")
    meta = document.as_dict()
    title = _clean(meta.get("title")) or (_clean(body[0][:120]) if body else None)
    outlet = _clean(meta.get("sitename"))
    left_out = _left_out(_blocks(tree), body)
    return _article(path, title, outlet, body, left_out, meta, tree)


def _article(path: str, title: str | None, outlet: str | None, body: list[str], left_out: list[tuple[str, str | None]],
             meta: dict, tree) -> Article:
    from ..clean.boilerplate import classify_lines

    headline = f"{title} — {outlet}" if title and outlet else (title or "")
    parts, cursor = [headline], len(headline)
    lines: list[Span] = []
    for paragraph in body:
        cursor += 2
        lines.append(Span(cursor, cursor + len(paragraph)))
        parts.append(paragraph)
        cursor += len(paragraph)
    runs = _runs(left_out, classify_lines([text for text, _ in left_out], title, headline))
    removed: list[Removed] = []
    for kind, text in runs:
        cursor += 2
        removed.append(Removed(kind=kind, start=cursor, end=cursor + len(text), text=text))
        parts.append(text)
        cursor += len(text)
    url = _clean(meta.get("url"))
    return Article(path=path, text="\n\n".join(parts) + "\n", title=title, outlet=outlet,
                   title_span=Span(0, len(title)) if title else None, lines=lines, paragraphs=list(lines),
                   removed=removed, url=url, published=page_date(tree, url), author=_clean(meta.get("author")),
                   description=_clean(meta.get("description")), categories=_names(meta.get("categories")),
                   tags=_names(meta.get("tags")))


def _runs(left_out: list[tuple[str, str | None]], rule_kinds: list[str | None]) -> list[tuple[str, str]]:
    """Consecutive left-out blocks of one kind, joined into one note each."""
    runs: list[tuple[str, list[str]]] = []
    for (text, hint), rule_kind in zip(left_out, rule_kinds):
        kind = rule_kind or hint or "page-text"
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(text)
        else:
            runs.append((kind, [text]))
    return [(kind, _SEPARATOR.join(texts)) for kind, texts in runs]


# -- the page's text blocks, and which of them trafilatura left out ---------------------

_SKIPPED = {"script", "style", "noscript", "template", "svg", "iframe", "head", "select", "option", "canvas", "object",
            "embed", "video", "audio", "map", "math", "textarea"}
_BLOCKS = {"address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog", "div",
           "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
           "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
           "th", "thead", "tr", "ul"}
# what a class, id or role word says a part of the page is, most telling first
_HINTS = (
    ("comment", {"comment", "comments", "disqus", "respond", "replies"}),
    ("share-prompt", {"share", "sharing", "social", "sharebar", "sharetools"}),
    ("newsletter-promo", {"newsletter", "subscribe", "subscription", "signup", "optin"}),
    ("byline", {"byline", "author", "authors", "contributor", "dateline"}),
    ("author-bio", {"bio", "biography"}),
    ("image-credit", {"caption", "figcaption", "credit", "credits"}),
    ("advertisement", {"ad", "ads", "advert", "advertisement", "adslot", "sponsor", "sponsored", "dfp", "promoted"}),
    ("related-link", {"related", "recommended", "recommendations", "trending", "popular", "outbrain", "taboola",
                      "teaser", "teasers", "promo", "sidebar", "aside", "widget", "more-stories"}),
    ("navigation", {"nav", "navigation", "menu", "navbar", "breadcrumb", "breadcrumbs", "masthead", "header", "footer",
                    "skip", "banner", "toolbar", "pagination"}),
)
_TOKEN = re.compile(r"[a-z]+")


def _hint(element) -> str | None:
    words = set(_TOKEN.findall(" ".join((element.get("class") or "", element.get("id") or "", element.get("role") or "")).lower()))
    words.add(element.tag.lower())
    for kind, names in _HINTS:
        if words & names:
            return kind
    return None


def _blocks(tree) -> list[tuple[str, str | None]]:
    """Every block of visible text in page order, with what its markup says it is."""
    from lxml import etree

    blocks: list[tuple[str, str | None]] = []
    buffer: list[str] = []
    hints: list[str | None] = [None]

    def flush() -> None:
        text = " ".join("".join(buffer).split())
        buffer.clear()
        if text:
            blocks.append((text, hints[-1]))

    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, element in walker:
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if event == "start":
            if tag is None:  # a comment or processing instruction: only its tail is text
                continue
            if tag in _SKIPPED:
                walker.skip_subtree()
                hints.append(hints[-1])  # the "end" event still comes
                continue
            if tag in _BLOCKS:
                flush()
            hints.append(_hint(element) or hints[-1])
            if element.text:
                buffer.append(element.text)
        else:
            if tag is not None:
                if tag in _BLOCKS:
                    flush()
                hints.pop()
            if element.tail:
                buffer.append(element.tail)
    flush()
    return blocks


def _left_out(blocks: list[tuple[str, str | None]], body: list[str]) -> list[tuple[str, str | None]]:
    """The blocks that are not part of the extracted body."""
    body_words = [w.casefold() for line in body for w in _WORDS.findall(line)]
    joined = f" {' '.join(body_words)} "
    trigrams = set(zip(body_words, body_words[1:], body_words[2:]))
    out = []
    for text, hint in blocks:
        words = [w.casefold() for w in _WORDS.findall(text)]
        if not words:
            if text.strip(" ·|•-–—*/"):
                out.append((text, hint))
            continue
        if len(words) < 3:
            inside = f" {' '.join(words)} " in joined
        else:
            grams = list(zip(words, words[1:], words[2:]))
            inside = sum(g in trigrams for g in grams) >= 0.5 * len(grams)
        if not inside:
            out.append((text, hint))
    return out


def _mostly_links(tree, body: list[str], words: int) -> bool:
    """Most of the main text is the text of links: a list of stories, not a story."""
    links = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    linked = sum(len(_WORDS.findall(line)) for line in body if line in links)
    return linked > 0.5 * words


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _names(value) -> list[str]:
    if not isinstance(value, list):
        return []
    seen: dict[str, None] = {}
    for item in value:
        name = _clean(item)
        if name and len(name) <= 80:
            seen.setdefault(name, None)
    return list(seen)


def page_date(tree, url: str | None) -> str | None:
    """The date the page's metadata and markup give (meta tags, JSON-LD, <time>, the URL), or None.

    Never a guess: htmldate's own ``find_date`` falls back on dates in the free text even
    without its extensive search, so only its metadata and markup steps are run here.
    """
    from htmldate.core import examine_header, examine_time_elements
    from htmldate.extractors import extract_url_date, json_search
    from htmldate.utils import Extractor
    from htmldate.validators import get_max_date, get_min_date

    options = Extractor(False, get_max_date(None), get_min_date(None), True, "%Y-%m-%d")
    try:
        found = (extract_url_date(url, options) or examine_header(tree, options) or json_search(tree, options)
                 or examine_time_elements(tree, options))
    except Exception:  # noqa: BLE001 - a page htmldate cannot read has no date, which is no error
        return None
    return _iso(found)


def _iso(value) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
