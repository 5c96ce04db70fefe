"""End to end: a temporary content/ folder in, a built site with three sidebars out."""

import html
import re
import subprocess
import sys

import pytest

from annotator.archive import add_article

EVIL = """Minister: 'no' — "maybe" # <b>bold</b> --- {{ title }} — The Outlet

Officials said the <script>alert('body')</script> plan would cost £3m, with 40 percent paid by {% raw %} taxpayers | a * b.

“We reject [this](javascript:alert(1)) entirely,” said opposition leader Tom Brown.
"""


def build(project):
    return subprocess.run([sys.executable, "-m", "annotator", "build", "--config-file", str(project / "mkdocs.yml")],
                          capture_output=True, text=True, cwd=project)


@pytest.fixture
def built(project, example_text, tmp_path):
    (tmp_path / "example.txt").write_text(example_text, encoding="utf-8")
    add_article(project / "content", tmp_path / "example.txt", {"published": None})
    (tmp_path / "evil.txt").write_text(EVIL, encoding="utf-8")
    add_article(project / "content", tmp_path / "evil.txt", {"published": "2024-02-03"})
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def article_html(site, slug_start):
    [page] = [p for p in (site / "articles").rglob("index.html") if p.parent.name.startswith(slug_start)]
    return page.read_text(encoding="utf-8")


def section(page, cls):
    m = re.search(rf'<aside class="mg-sidebar {cls}".*?</aside>', page, re.S)
    assert m, cls
    return html.unescape(re.sub(r"<[^>]+>", " ", m.group()))


def test_article_page_has_three_sidebars_with_the_annotations(built):
    page = article_html(built, "sadiq-khan")
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


def test_spans_are_marked_and_linked_both_ways(built):
    page = article_html(built, "sadiq-khan")
    ids = re.findall(r'<li id="note-((?:q|c)-[0-9a-f]+x*)"', page)
    assert ids
    for ann in ids:
        assert f'id="{ann}"' in page, ann                      # the span's anchor in the text
        assert f'href="#{ann}"' in page, ann                   # sidebar -> span
        assert f'href="#note-{ann}"' in page, ann              # span -> sidebar
        assert re.search(rf'<mark [^>]*data-ann="[^"]*\b{ann}\b', page), ann
    body = re.search(r'<div class="mg-body">(.*?)</div>', page, re.S).group(1)
    marked = " ".join(re.findall(r"<mark[^>]*>(.*?)</mark>", body, re.S))
    assert "Khan needs to step in" in html.unescape(marked)


def test_article_text_is_escaped_everywhere(built):
    page = article_html(built, "minister")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in page or "&lt;script&gt;alert('body')&lt;/script&gt;" in page
    assert "<b>bold</b>" not in page
    assert 'href="javascript:' not in page
    assert "{% raw %}" in html.unescape(page) and "{{ title }}" in html.unescape(page)
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert html.unescape(title).startswith("Minister: 'no' — \"maybe\" # <b>bold</b> --- {{ title }}")
    search = (built / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script>" not in search and "<b>bold</b>" not in search


def test_home_lists_latest_articles_and_nav_lists_none(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    latest = re.search(r'<ul class="mg-latest">.*?</ul>', home, re.S).group()
    assert latest.index("Minister") < latest.index("Sadiq Khan")  # dated first, newest first
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', home, re.S).group()
    assert "articles/" not in nav


def test_phone_layout_stacks_sidebars_under_the_text(built):
    css = (built / "assets" / "marginalia" / "marginalia.css").read_text()
    page = article_html(built, "sadiq-khan")
    assert page.index('class="mg-text"') < page.index('class="mg-sidebars"')  # DOM order: text first
    # one column by default; two only from the tablet breakpoint up
    assert re.search(r"\.mg-article\s*\{[^}]*grid-template-columns:\s*minmax\(0, 1fr\);", css)
    assert re.search(r"@media screen and \(min-width: 60em\)\s*\{\s*\.mg-article", css)


def test_original_is_published_beside_the_page(built):
    page = article_html(built, "sadiq-khan")
    assert 'href="original.txt"' in page
    [original] = [p for p in (built / "articles").rglob("original.txt") if p.parent.name.startswith("sadiq-khan")]
    assert original.read_text(encoding="utf-8").startswith("Sadiq Khan urged")
