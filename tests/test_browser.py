"""The archive in a real browser: Debian's Chromium driven by playwright.

The site is the small archive of the ``archive_site`` fixture (conftest.py),
served over HTTP.  They need playwright (a test dependency) and Debian's
Chromium (`apt-get install chromium`; .ci/run installs it) and fail without them.
"""

import re

import pytest

ARTICLE = "sadiq-khan"


def article_url(site_url, archive_site, slug_start):
    [page] = [p for p in (archive_site / "articles").rglob("index.html") if p.parent.name.startswith(slug_start)]
    return f"{site_url}/{page.parent.relative_to(archive_site).as_posix()}/"


def results(page):
    return page.locator(".pagefind-ui__result")


def test_searching_a_speakers_surname_finds_the_article_and_the_speaker_filter_narrows(page, site_url):
    page.goto(f"{site_url}/")
    page.locator(".mg-search-input").fill("Duvall")  # the header's search box
    page.locator(".mg-search-input").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=Duvall"))
    page.wait_for_selector(".pagefind-ui__result")
    titles = results(page).locator(".pagefind-ui__result-link").all_inner_texts()
    assert any(t.startswith("Sadiq Khan urged") for t in titles)

    search = page.locator(".pagefind-ui__search-input")
    search.fill("Scott")
    # predicates are functions, not strings: the site's CSP forbids the eval a string needs
    page.wait_for_function("() => document.querySelectorAll('.pagefind-ui__result').length >= 2")
    assert results(page).count() == 2  # the example and the second article both quote Stafford Scott
    speaker_filter = page.locator("details.pagefind-ui__filter-panel-inner, details", has_text="Speaker").first
    if not speaker_filter.evaluate("el => el.open"):
        speaker_filter.locator("summary").first.click()
    page.get_by_label(re.compile(r"^Len Duvall")).check()
    page.wait_for_function("() => document.querySelectorAll('.pagefind-ui__result').length === 1")
    assert results(page).locator(".pagefind-ui__result-title").first.inner_text().startswith("Sadiq Khan urged")


def test_clicking_a_claim_in_the_sidebar_scrolls_to_its_span_and_highlights_it(page, site_url, archive_site):
    page.goto(article_url(site_url, archive_site, ARTICLE))
    notes = page.locator(".mg-claims .mg-note")
    last = notes.nth(notes.count() - 1)  # far down the text, so following it must scroll
    claim_id = last.get_attribute("id").removeprefix("note-")
    last.locator("a.mg-jump").click()
    mark = page.locator(f'mark[data-ann~="{claim_id}"]').first
    page.wait_for_function("id => document.querySelector(`mark[data-ann~='${id}']`).classList.contains('mg-active')", arg=claim_id)
    assert page.evaluate("() => window.scrollY") > 0
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]  # the span is on screen
    assert page.url.endswith(f"#{claim_id}")  # and the address is its permalink


def test_speaker_page_lists_quotes_from_two_articles(page, site_url):
    page.goto(f"{site_url}/speakers/")
    page.get_by_role("link", name="Stafford Scott").click()
    page.wait_for_url("**/speakers/stafford-scott/")
    quotes = page.locator(".mg-quote-item")
    quotes.first.wait_for()
    articles = {quotes.nth(i).locator(".mg-meta a").first.inner_text() for i in range(quotes.count())}
    assert len(articles) == 2
    quotes.nth(0).locator("blockquote a").click()  # the quote's permalink opens its article at the span
    page.wait_for_url("**/articles/**")
    fragment = page.url.split("#", 1)[1]
    assert fragment.startswith("q-")
    assert page.locator(f'mark[data-ann~="{fragment}"]').first.is_visible()


def test_at_phone_width_the_sidebars_come_under_the_text(page, site_url, archive_site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(article_url(site_url, archive_site, ARTICLE))
    text = page.locator(".mg-text").bounding_box()
    sidebars = page.locator(".mg-sidebars").bounding_box()
    assert sidebars["y"] >= text["y"] + text["height"] - 1
    assert abs(sidebars["x"] - text["x"]) < 2 and sidebars["width"] > 300  # full width, not squeezed beside


def test_at_desktop_width_the_sidebars_sit_beside_the_text(page, site_url, archive_site):
    page.goto(article_url(site_url, archive_site, ARTICLE))
    text = page.locator(".mg-text").bounding_box()
    sidebars = page.locator(".mg-sidebars").bounding_box()
    assert sidebars["x"] >= text["x"] + text["width"] - 1


def test_reading_works_without_javascript(browser, site_url, archive_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(article_url(site_url, archive_site, ARTICLE))
        for heading in ("Speakers", "Claims", "Sources"):
            assert page.get_by_role("heading", name=heading, exact=True).is_visible()
        assert page.locator("mark.mg-quote").count() > 0
        page.locator(".mg-speakers h3 a", has_text="Stafford Scott").click()  # browse by plain links
        page.wait_for_url("**/speakers/stafford-scott/")
        assert page.locator(".mg-quote-item").count() >= 2
        page.goto(f"{site_url}/claims/")
        page.get_by_role("link", name="Unsourced").click()
        page.wait_for_url("**/claims/unsourced/")
        assert "/claims/unsourced/" in page.url and page.locator(".mg-claim-list li").count() > 0
        page.goto(f"{site_url}/search/")
        assert page.locator("#mg-search p", has_text="Search needs JavaScript").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("path", ["", "speakers/", "speakers/stafford-scott/", "claims/", "outlets/", "dates/", "tags/",
                                  "sources/", "search/?q=police", ARTICLE])
def test_no_serious_or_critical_accessibility_violations(page, site_url, archive_site, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(article_url(site_url, archive_site, ARTICLE) if path == ARTICLE else f"{site_url}/{path}")
    if path.startswith("search"):
        page.wait_for_selector(".pagefind-ui__result")
    result = Axe().run(page)
    serious = [v for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in serious]


def test_header_shows_the_article_title_once_the_heading_scrolls_away(page, site_url, archive_site):
    page.goto(article_url(site_url, archive_site, ARTICLE))
    page.mouse.wheel(0, 3000)
    topic = page.locator('.md-header__topic[data-md-component="header-topic"]')
    page.wait_for_function("() => document.querySelector('.md-header__title').classList.contains('md-header__title--active')")
    assert topic.inner_text().startswith("Sadiq Khan urged")
    page.wait_for_timeout(400)  # the swap is a CSS transition
    assert float(topic.evaluate("el => getComputedStyle(el).opacity")) > 0.9
