"""RSS 2.0 and JSON Feed 1.1 of the latest articles (``site/feed.xml``, ``site/feed.json``).

Feed readers need absolute links, so the feeds use ``site_url`` from
mkdocs.yml; without it the links are relative to the site's root.
XML is written by ElementTree (which escapes every value); characters XML
cannot carry at all are dropped first.  An RSS ``<description>`` is HTML, and
readers render it: it is HTML-escaped first, so after the XML decoding a name
holding ``<img onerror=…>`` is still text.  Titles and categories are text to
some readers and HTML to others: a word joiner after each ``<`` and ``&``
(values.inert) keeps them from being markup and looks the same in both.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import xml.etree.ElementTree as ET
from email.utils import format_datetime
from pathlib import Path

from .catalog import ArticleRecord, Catalog
from .values import inert

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _summary(a: ArticleRecord) -> str:
    speakers = [s.name for s in a.speakers][:5]
    quotes = sum(len(s.quotes) for s in a.speakers)
    parts = [a.outlet or "", f"{quotes} quote{'s' if quotes != 1 else ''}" if quotes else "",
             f"{len(a.claims)} claim{'s' if len(a.claims) != 1 else ''}" if a.claims else "",
             ("Speakers: " + ", ".join(speakers)) if speakers else ""]
    return " · ".join(p for p in parts if p)


def _xml(value: str) -> str:
    return _NOT_XML.sub("", value)


def _date(published: str | None) -> dt.datetime | None:
    if not published or len(published) != 10:
        return None
    return dt.datetime.fromisoformat(published).replace(tzinfo=dt.timezone.utc)


def rss(catalog: Catalog, *, site_name: str, site_url: str, description: str, limit: int = 50) -> str:
    root = ET.Element("rss", version="2.0")
    channel = ET.SubElement(root, "channel")
    ET.SubElement(channel, "title").text = _xml(site_name)
    ET.SubElement(channel, "link").text = _xml(site_url or "/")
    ET.SubElement(channel, "description").text = _xml(html.escape(description or site_name, quote=False))
    for a in catalog.articles[:limit]:
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = _xml(inert(a.title))
        ET.SubElement(item, "link").text = _xml(site_url + a.url)
        ET.SubElement(item, "guid", isPermaLink="true").text = _xml(site_url + a.url)
        ET.SubElement(item, "description").text = _xml(html.escape(_summary(a), quote=False))
        published = _date(a.published)
        if published:
            ET.SubElement(item, "pubDate").text = format_datetime(published)
        for tag in a.tags:
            ET.SubElement(item, "category").text = _xml(inert(tag))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def json_feed(catalog: Catalog, *, site_name: str, site_url: str, description: str, limit: int = 50) -> str:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": site_name,
        "home_page_url": site_url or None,
        "feed_url": (site_url + "feed.json") if site_url else None,
        "description": description or None,
        "items": [],
    }
    for a in catalog.articles[:limit]:
        published = _date(a.published)
        feed["items"].append({k: v for k, v in {
            "id": site_url + a.url,
            "url": site_url + a.url,
            "external_url": a.source_url,
            "title": a.title,
            "content_text": _summary(a),
            "date_published": published.isoformat() if published else None,
            "tags": a.tags or None,
        }.items() if v is not None})
    return json.dumps({k: v for k, v in feed.items() if v is not None}, ensure_ascii=False, indent=1)


def write_feeds(catalog: Catalog, site_dir: Path, *, site_name: str, site_url: str, description: str,
                limit: int = 50) -> list[Path]:
    options = {"site_name": site_name, "site_url": site_url, "description": description, "limit": limit}
    (site_dir / "feed.xml").write_text(rss(catalog, **options), encoding="utf-8")
    (site_dir / "feed.json").write_text(json_feed(catalog, **options), encoding="utf-8")
    return [site_dir / "feed.xml", site_dir / "feed.json"]
