"""End to end: a temporary content/ folder in, a built archive site out (no browser needed).

The site is built once per session by the ``archive_site`` fixture (conftest.py):
the example, an article full of markup with hostile front-matter values, and a
second article quoting Stafford Scott.
"""

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

HOSTILE_TITLE = "Evil </script><script>alert('title')</script> \"quoted\"\nsecond line"
HOSTILE_OUTLET = "The <script>alert('outlet')</script> \"Outlet\""


def article_html(site, slug_start):
    [page] = [p for p in (site / "articles").rglob("index.html") if p.parent.name.startswith(slug_start)]
    return page.read_text(encoding="utf-8")


def section(page, cls):
    m = re.search(rf'<aside class="mg-sidebar {cls}".*?</aside>', page, re.S)
    assert m, cls
    return html.unescape(re.sub(r"<[^>]+>", " ", m.group()))


def visible_text(page: str) -> str:
    """The page's text with whitespace collapsed, as a reader sees it."""
    page = re.sub(r"<script.*?</script>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def json_ld(page: str) -> dict:
    [raw] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(raw)


# -- article pages ---------------------------------------------------------------------

def test_article_page_has_three_sidebars_with_the_annotations(archive_site):
    page = article_html(archive_site, "sadiq-khan")
    speakers, claims, sources = (section(page, c) for c in ("mg-speakers", "mg-claims", "mg-sources"))
    for name in ("Stafford Scott", "Len Duvall", "Metropolitan Police"):
        assert name in speakers
    assert "a Labour member of the London Assembly" in speakers
    assert "Sadiq Khan" in speakers  # mentioned, not quoted
    assert "only 10 percent volunteering to carry a gun" in claims
    assert "Official statistics from the Met Police" in claims
    assert "no source given" in claims
    for text in ("The Guardian", "RT", "RINF Alternative News", "READ MORE:\xa0Brutal VIDEO", "critics warn"):
        assert text in sources


def test_spans_are_marked_and_linked_both_ways(archive_site):
    page = article_html(archive_site, "sadiq-khan")
    ids = re.findall(r'<li id="note-((?:q|c)-[0-9a-f]+x*)"', page)
    assert ids
    for ann in ids:
        assert f'id="{ann}"' in page, ann                      # the span's anchor in the text: its permalink
        assert f'href="#{ann}"' in page, ann                   # sidebar -> span
        assert f'href="#note-{ann}"' in page, ann              # span -> sidebar
        assert re.search(rf'<mark [^>]*data-ann="[^"]*\b{ann}\b', page), ann
    body = re.search(r'<div class="mg-body">(.*?)</div>', page, re.S).group(1)
    marked = " ".join(re.findall(r"<mark[^>]*>(.*?)</mark>", body, re.S))
    assert "Khan needs to step in" in html.unescape(marked)


def test_article_text_is_escaped(archive_site):
    page = article_html(archive_site, "minister")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in page or "&lt;script&gt;alert('body')&lt;/script&gt;" in page
    assert "<b>bold</b>" not in page
    assert 'href="javascript:' not in page
    assert "{% raw %}" in html.unescape(page)


def test_hostile_front_matter_is_escaped_on_every_page(archive_site):
    for path in archive_site.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        for raw in ("<script>alert('title')", "<script>alert('outlet')", "<script>alert('tag')", "<b>omits</b>"):
            assert raw not in page, (path, raw)
        assert 'href="javascript:' not in page, path
    article = article_html(archive_site, "minister")
    assert "Evil </script><script>alert('title')</script> \"quoted\" second line" in visible_text(article)
    outlets = (archive_site / "outlets" / "index.html").read_text(encoding="utf-8")
    assert HOSTILE_OUTLET in visible_text(outlets)


def test_json_ld_describes_article_speakers_claims_and_only_reviewed_claims(archive_site):
    page = article_html(archive_site, "sadiq-khan")
    graph = json_ld(page)["@graph"]
    [article] = [n for n in graph if n["@type"] == "NewsArticle"]
    assert article["headline"].startswith("Sadiq Khan urged")
    assert {"Stafford Scott", "Len Duvall", "Metropolitan Police"} <= {m["name"] for m in article["mentions"]}
    claims = [n for n in graph if n["@type"] == "Claim"]
    assert len(claims) == len(re.findall(r'<li id="note-c-', page))
    [review] = [n for n in graph if n["@type"] == "ClaimReview"]  # the one claim with a verdict
    assert review["reviewRating"]["alternateName"] == "misleading"
    assert review["itemReviewed"]["@id"] in {c["@id"] for c in claims}
    assert review["citation"] == ["https://example.org/check"]  # the javascript: link is dropped

    hostile = article_html(archive_site, "minister")
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', hostile, re.S).group(1)
    assert "<" not in raw  # tojson escapes <, so the title cannot close the script element
    [node] = [n for n in json.loads(raw)["@graph"] if n["@type"] == "NewsArticle"]
    assert node["name"] == HOSTILE_TITLE
    assert not [n for n in json.loads(raw)["@graph"] if n["@type"] == "ClaimReview"]


def test_cite_this_block_has_cite_news_fields(archive_site):
    page = article_html(archive_site, "charity-warns")
    cite = visible_text(re.search(r'<details class="mg-cite">.*?</details>', page, re.S).group())
    assert "{{cite news |title=Charity warns over stop and search figures |url=https://example.org/stop-and-search" in cite
    assert "|work=The Northern Echo" in cite and "|date=2024-03-05" in cite
    hostile = visible_text(re.search(r'<details class="mg-cite">.*?</details>', article_html(archive_site, "minister"), re.S).group())
    wikitext = re.search(r"\{\{cite news.*?\}\}", hostile, re.S).group()
    assert "\n" not in wikitext and wikitext.count("|") == len(re.findall(r"\|[a-z-]+=", wikitext))


def test_original_is_published_beside_the_page(archive_site):
    page = article_html(archive_site, "sadiq-khan")
    assert 'href="original.txt"' in page
    [original] = [p for p in (archive_site / "articles").rglob("original.txt") if p.parent.name.startswith("sadiq-khan")]
    assert original.read_text(encoding="utf-8").startswith("Sadiq Khan urged")


def test_phone_layout_stacks_sidebars_under_the_text(archive_site):
    css = (archive_site / "assets" / "marginalia" / "marginalia.css").read_text()
    page = article_html(archive_site, "sadiq-khan")
    assert page.index('class="mg-text"') < page.index('class="mg-sidebars"')  # DOM order: text first
    assert re.search(r"\.mg-article\s*\{[^}]*grid-template-columns:\s*minmax\(0, 1fr\);", css)
    assert re.search(r"@media screen and \(min-width: 60em\)\s*\{\s*\.mg-article", css)


# -- home and browse pages ---------------------------------------------------------------

def test_home_lists_latest_articles_and_nav_lists_none(archive_site):
    home = (archive_site / "index.html").read_text(encoding="utf-8")
    latest = re.search(r'<ul class="mg-list">.*?</ul>', home, re.S).group()
    assert latest.index("Charity warns") < latest.index("Evil") < latest.index("Sadiq Khan")  # newest first, undated last
    for nav_class in ("md-nav md-nav--primary", "md-tabs"):
        nav = re.search(rf'<nav class="{nav_class}[^"]*".*?</nav>', home, re.S).group()
        assert "articles/" not in nav
        assert visible_text(nav).split() == ["Home", "Speakers", "Outlets", "Dates", "Tags", "Claims", "Sources", "Search"] or \
            nav_class != "md-tabs"


def test_speaker_page_lists_quotes_from_two_articles_linking_to_their_spans(archive_site):
    index = (archive_site / "speakers" / "index.html").read_text(encoding="utf-8")
    assert "Stafford Scott" in index and "speakers/stafford-scott/" in index or 'href="stafford-scott/"' in index
    page_path = archive_site / "speakers" / "stafford-scott" / "index.html"
    page = page_path.read_text(encoding="utf-8")
    links = re.findall(r'<blockquote><a href="([^"]+)">', page)
    articles = {urldefrag(link)[0] for link in links}
    assert len(articles) == 2
    for link in links:
        target, fragment = urldefrag(link)
        target_html = (page_path.parent / unquote(target) / "index.html").resolve().read_text(encoding="utf-8")
        assert fragment.startswith("q-") and f'id="{fragment}"' in target_html
    assert "Monitoring Group" in visible_text(page)


def test_outlets_show_who_republishes_whom(archive_site):
    page = (archive_site / "outlets" / "index.html").read_text(encoding="utf-8")
    rows = {visible_text(r).split()[0]: " ".join(visible_text(r).split()) for r in re.findall(r"<tr>.*?</tr>", page, re.S)}
    assert rows["RINF"].endswith("RT (1)")  # RINF Alternative News republishes RT ...
    assert rows["RT"].endswith("RINF Alternative News (1)")  # ... and RT is republished by it
    assert "The Northern Echo" in visible_text(page) and "RT UK News" in visible_text(page)


def test_dates_and_tags_pages(archive_site):
    dates = visible_text((archive_site / "dates" / "index.html").read_text(encoding="utf-8"))
    assert "2024" in dates and "March 2024 (1)" in dates and "Date unknown (1)" in dates
    year = visible_text((archive_site / "dates" / "2024" / "index.html").read_text(encoding="utf-8"))
    assert year.index("March 2024") < year.index("Charity warns") < year.index("February 2024")
    undated = visible_text((archive_site / "dates" / "undated" / "index.html").read_text(encoding="utf-8"))
    assert "Sadiq Khan urged" in undated
    tags = visible_text((archive_site / "tags" / "index.html").read_text(encoding="utf-8"))
    assert "Policing (2)" in " ".join(tags.split())
    tag = visible_text((archive_site / "tags" / "policing" / "index.html").read_text(encoding="utf-8"))
    assert "Sadiq Khan urged" in tag and "Charity warns" not in tag


def test_claims_index_filters_by_type_verdict_and_source(archive_site):
    claims = archive_site / "claims"
    everything = visible_text((claims / "index.html").read_text(encoding="utf-8"))
    misleading = visible_text((claims / "verdict" / "misleading" / "index.html").read_text(encoding="utf-8"))
    unsourced = visible_text((claims / "unsourced" / "index.html").read_text(encoding="utf-8"))
    sourced = visible_text((claims / "sourced" / "index.html").read_text(encoding="utf-8"))
    quantity = visible_text((claims / "type" / "quantity" / "index.html").read_text(encoding="utf-8"))
    assert "Misleading (1)" in " ".join(everything.split())
    assert len(re.findall(r"misleading", misleading)) >= 1 and "unsourced" in unsourced
    assert "source: Official statistics from the Met Police" in " ".join(sourced.split())
    assert "only 10 percent volunteering to carry a gun" in quantity or "10 percent" in quantity
    count = lambda text: int(re.search(r"(\d+) in all", text).group(1)) if "in all" in text else None  # noqa: E731
    assert count(sourced) is None  # one page, no pager


def test_sources_index_lists_most_cited_sources(archive_site):
    page = visible_text((archive_site / "sources" / "index.html").read_text(encoding="utf-8"))
    assert "The Guardian" in page and "Official statistics from the Met Police" in page


def test_browse_pages_split_long_lists_into_pages(tmp_path):
    from annotator.site.browse import browse_pages
    from annotator.site.catalog import Catalog

    meta = {"title": "T", "outlet": "O", "published": "2020-01-02", "annotator": {},
            "claims": [{"id": f"c-{i}", "text": f"claim {i}", "type": "quantity"} for i in range(5)]}
    catalog = Catalog.build([(f"articles/2020/a{i}/index.md", f"articles/2020/a{i}/", dict(meta, title=f"T{i}")) for i in range(3)])
    pages = {p.path: p for p in browse_pages(catalog, per_page=4)}
    facet = "claims/type/quantity/"
    assert {facet + "index.md", facet + "page/2/index.md", facet + "page/4/index.md"} <= set(pages)
    assert facet + "page/5/index.md" not in pages  # 15 claims, 4 per page
    assert pages[facet + "page/2/index.md"].context["pager"]["prev"] == facet
    assert [c.id for c in pages[facet + "page/4/index.md"].context["claims"]] == ["c-2", "c-3", "c-4"]
    assert len(pages["claims/index.md"].context["claims"]) == 4  # the index shows only the latest


# -- data out ----------------------------------------------------------------------------

def test_exports_are_valid_json_and_csv_and_keep_values_exact(archive_site):
    data = archive_site / "data"
    for table in ("articles", "quotes", "claims"):
        rows = json.loads((data / f"{table}.json").read_text(encoding="utf-8"))
        with open(data / f"{table}.csv", encoding="utf-8", newline="") as fh:
            csv_rows = list(csv.DictReader(fh))
        assert rows and len(rows) == len(csv_rows), table
    articles = json.loads((data / "articles.json").read_text(encoding="utf-8"))
    assert HOSTILE_TITLE in [a["title"] for a in articles]
    with open(data / "articles.csv", encoding="utf-8", newline="") as fh:
        assert HOSTILE_TITLE in [r["title"] for r in csv.DictReader(fh)]
    quotes = json.loads((data / "quotes.json").read_text(encoding="utf-8"))
    scott = [q for q in quotes if q["speaker_id"] == "stafford-scott"]
    assert len({q["article_url"] for q in scott}) == 2
    claims = json.loads((data / "claims.json").read_text(encoding="utf-8"))
    assert [c["verdict"] for c in claims if c["verdict"]] == ["misleading"]
    assert all(isinstance(c["sourced"], bool) for c in claims)


def test_csv_cells_cannot_start_a_spreadsheet_formula():
    from annotator.site.exports import to_csv

    text = to_csv([{"text": "=HYPERLINK(\"http://x\")", "n": -5, "ok": "plain"}])
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["text"] == "'=HYPERLINK(\"http://x\")" and row["ok"] == "plain"


def test_feeds_list_latest_articles(archive_site):
    rss = ET.parse(archive_site / "feed.xml").getroot()
    items = rss.findall("./channel/item")
    assert [i.findtext("title") for i in items][0] == "Charity warns over stop and search figures"
    # titles carry an invisible word joiner after < and & (feeds.py): markup to no reader
    assert HOSTILE_TITLE in [i.findtext("title").replace("\u2060", "") for i in items]
    assert items[0].findtext("pubDate").startswith("Tue, 05 Mar 2024")
    feed = json.loads((archive_site / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert [i["title"] for i in feed["items"]][0] == "Charity warns over stop and search figures"
    assert feed["items"][0]["external_url"] == "https://example.org/stop-and-search"


def test_search_index_is_built_with_the_archive_filters(archive_site):
    bundle = archive_site / "pagefind"
    assert (bundle / "pagefind-ui.js").exists() and (bundle / "pagefind-entry.json").exists()
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert entry["languages"]
    search = (archive_site / "search" / "index.html").read_text(encoding="utf-8")
    assert "pagefind-ui.js" in search and "<noscript>" in search
    assert not (archive_site / "search" / "search_index.json").exists()  # no Material index to download
    article = article_html(archive_site, "sadiq-khan")
    filters = dict.fromkeys(re.findall(r'data-pagefind-filter="([^"]+)">([^<]*)<', article))
    assert ("speaker", "Stafford Scott") in filters and ("outlet", "RT UK News") in filters
    assert ("tag", "Policing") in filters and ("claim type", "Quantity") in filters
    assert "data-pagefind-body" in article
    home = (archive_site / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in home  # only articles (text and sidebars) are indexed


# -- links ----------------------------------------------------------------------------------

class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "link" and attrs.get("rel") in ("canonical", "alternate")):
                self.links.append(attrs[name])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_built_site_has_no_broken_internal_links(archive_site):
    parsed: dict[Path, _Links] = {}
    broken = []
    for page in archive_site.rglob("*.html"):
        links = parsed.setdefault(page, _parse(page))
        for link in links.links:
            url = urlparse(link)
            if url.scheme or url.netloc or link.startswith(("mailto:", "data:")):
                continue
            target_path, fragment = urldefrag(link)
            if target_path.startswith("/"):  # 404.html links from the site root
                target = (archive_site / unquote(target_path).lstrip("/")).resolve()
            else:
                target = (page.parent / unquote(target_path)).resolve() if target_path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((str(page.relative_to(archive_site)), link))
                continue
            if fragment and target.suffix == ".html":
                ids = parsed.setdefault(target, _parse(target)).ids
                if unquote(fragment) not in ids:
                    broken.append((str(page.relative_to(archive_site)), link))
    assert not broken, broken[:20]
