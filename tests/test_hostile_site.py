"""The output end of the site under hostile front matter (issue 12: 1, 2, 4).

Whatever an article's front matter holds, the built site shows it as text: in the
pages, in what Pagefind takes as filters and meta (its UI renders filter values as
HTML), in feed.xml descriptions (HTML for feed readers) and in JSON-LD.  Every page
carries a CSP allowing only the site's scripts and the theme's own inline scripts,
and bidi controls in the body are kept but isolated.  The site is hostile_fixture.py's.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from hostile_fixture import (BODY_MARKUP, OUTLET, OVERRIDE_PARAGRAPH, SOURCE, SPEAKER, SPEAKER_2, TAGS,
                             TITLE, article_page, hostile_site)

CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
RUN_TYPES = {"", "module", "text/javascript", "application/javascript"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return hostile_site(tmp_path_factory)


class _Page(HTMLParser):
    """Every element and attribute of a page, and the text of each script, as a browser parses them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.csp: list[tuple[int, str]] = []  # (position among the tags, policy)
        self._script: tuple[dict, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attrs))
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "content-security-policy":
            self.csp.append((len(self.tags), attrs.get("content", "")))
        if tag == "script":
            self._script = (attrs, [])

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None


def parsed(path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def html_pages(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 5 and site / "404.html" in pages
    return pages


# -- no markup from input is live ------------------------------------------------------------

def test_no_page_has_an_element_or_handler_from_the_input(site):
    for path in html_pages(site):
        page = parsed(path)
        for tag, attrs in page.tags:
            assert not [a for a in attrs if a.startswith("on")], (path, tag, attrs)
            assert not (tag == "img" and attrs.get("src") == "x"), path
        assert not [s for a, s in page.scripts if "alert" in s and a.get("type", "").lower() in RUN_TYPES], path


class _Markup(HTMLParser):
    """The text an HTML fragment shows, and whether it made any element or comment."""

    def __init__(self, fragment: str):
        super().__init__(convert_charrefs=True)
        self.text, self.markup = [], []
        self.feed(fragment)
        self.close()

    def handle_data(self, data):
        self.text.append(data)

    def handle_starttag(self, tag, attrs):
        self.markup.append(tag)

    def handle_endtag(self, tag):
        self.markup.append("/" + tag)

    def handle_comment(self, data):
        self.markup.append("!--")

    def unknown_decl(self, data):
        self.markup.append("!")


def test_pagefind_filters_show_as_text_however_often_they_are_decoded(site):
    """Pagefind 1.5.2 decodes a filter's text twice, then its UI inserts the value as HTML."""
    raw = article_page(site).read_text(encoding="utf-8")
    filters = re.findall(r'<span data-pagefind-filter="([^"]+)">([^<]*)</span>', raw)
    shown: dict[str, list[str]] = {}
    for name, value in filters:
        for decodings in (1, 2, 3):
            stored = value
            for _ in range(decodings):
                stored = html.unescape(stored)
            label = _Markup(stored)
            assert not label.markup, (name, value, decodings, label.markup)
            if decodings == 2:  # what the reader sees, word joiners aside
                shown.setdefault(name, []).append("".join(label.text).replace("\u2060", ""))
    assert shown["outlet"] == [OUTLET]
    assert set(shown["speaker"]) == {SPEAKER, SPEAKER_2}
    assert shown["tag"] == TAGS
    assert '<img src=x onerror=alert("type")>' in shown["claim type"]
    assert "Quantity" in shown["claim type"] and shown["year"] == ["2024"]


def test_pagefind_meta_and_indexed_text_are_text(site):
    """Titles and meta are inserted as text by the UI, excerpts escaped by Pagefind: one decoding gives the value."""
    raw = article_page(site).read_text(encoding="utf-8")
    [title] = re.findall(r'<h1 data-pagefind-meta="title">([^<]*)</h1>', raw)
    assert html.unescape(title) == TITLE
    body = re.search(r'<div class="mg-body">(.*?)</div>', raw, re.S).group(1)
    assert "<img" not in body
    assert BODY_MARKUP in html.unescape(re.sub(r"<[^>]+>", "", body))


def test_feed_descriptions_are_html_that_shows_as_text(site):
    rss = ET.parse(site / "feed.xml").getroot()
    descriptions = [rss.findtext("./channel/description")] + [i.findtext("description") for i in rss.iter("item")]
    for description in descriptions:  # after the XML decoding, a reader renders HTML
        assert "<" not in description and ">" not in description, description
    for element in [*rss.iter("title"), *rss.iter("category")]:  # text to some readers, HTML to others
        assert not _Markup(element.text).markup, element.text
    [item] = [i for i in rss.iter("item") if i.findtext("title").replace("\u2060", "") == TITLE]
    summary = html.unescape(item.findtext("description"))
    assert summary.startswith(OUTLET) and SPEAKER in summary and SPEAKER_2 in summary
    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    assert TITLE in [i["title"] for i in feed["items"]]  # content_text and title are text by JSON Feed's definition


def test_json_ld_cannot_close_its_script_element(site):
    raw = article_page(site).read_text(encoding="utf-8")
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S)
    assert "<" not in block and ">" not in block  # written \u003c, \u003e
    graph = json.loads(block)["@graph"]
    article = graph[0]
    assert article["name"] == TITLE and article["publisher"]["name"] == OUTLET
    assert {m["name"] for m in article["mentions"]} >= {SPEAKER, SPEAKER_2}
    assert article["keywords"] == TAGS


def test_every_value_reaches_the_site_as_text(site):
    shown = []
    for path in html_pages(site):
        raw = re.sub(r"<script.*?</script>|<title>.*?</title>", "", path.read_text(encoding="utf-8"), flags=re.S)
        shown.append(html.unescape(re.sub(r"<[^>]+>", "", raw)))
    text = "\n".join(shown)
    for value in [TITLE, OUTLET, *TAGS, SPEAKER, SPEAKER_2]:
        assert value in text, value


# -- Content-Security-Policy ----------------------------------------------------------------------

def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def test_every_page_has_a_csp_allowing_only_the_sites_scripts_and_its_inline_scripts(site):
    for path in html_pages(site):
        page = parsed(path)
        assert len(page.csp) == 1, path
        position, policy = page.csp[0]
        first_script = next(i for i, (tag, _) in enumerate(page.tags, 1) if tag == "script")
        assert position < first_script, path  # a policy applies only to what follows it
        directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
        script_src = directives["script-src"]
        assert "'self'" in script_src and "'wasm-unsafe-eval'" in script_src
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "blob:"} & set(script_src), path
        assert directives["object-src"] == ["'none'"]
        inline = [_hash(s) for attrs, s in page.scripts
                  if "src" not in attrs and attrs.get("type", "").lower() in RUN_TYPES]
        assert inline, path  # Material writes inline scripts on every page
        hashes = [s for s in script_src if s.startswith("'sha256-")]
        assert sorted(set(hashes)) == sorted(set(inline)), path


# -- bidi controls in the body ---------------------------------------------------------------------

def test_bidi_controls_in_the_body_are_kept_but_each_isolated(site):
    raw = article_page(site).read_text(encoding="utf-8")
    outside_scripts = re.sub(r"<script.*?</script>|<title>.*?</title>", "", raw, flags=re.S)
    controls = CONTROLS.findall(outside_scripts)
    assert len(controls) >= 5
    unisolated = re.sub(r"<bdi\b[^>]*>[\u202a-\u202e\u2066-\u2069]</bdi>", "", outside_scripts)
    assert not CONTROLS.search(unisolated)  # each one alone in its own <bdi>
    body = re.search(r'<div class="mg-body">(.*?)</div>', raw, re.S).group(1)
    body = re.sub(r"<sup\b.*?</sup>", "", body, flags=re.S)  # the Q1/C1 labels of the marks
    paragraphs = [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p>(.*?)</p>", body, re.S)]
    assert OVERRIDE_PARAGRAPH in paragraphs  # the text as it was: offsets hold
    assert "\n\n".join(paragraphs) == SOURCE.split("\n\n", 1)[1].strip()
