"""The hostile archive (hostile_fixture.py) in Debian's Chromium: nothing from the input runs (issue 12: 1, 4).

Pagefind's filter panel shows on every search, even one with no hits, and its UI
inserts filter values as HTML: the values must come out as text.  Every page runs
under the site's Content-Security-Policy, so a search that works here works for
readers, and any violation (a blocked inline script, a blocked handler) fails.
"""

from __future__ import annotations

import re

import pytest

from conftest import served
from hostile_fixture import BODY_MARKUP, OUTLET, SPEAKER, SPEAKER_2, TAGS, TITLE, article_page, hostile_site

CAPTURE = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sample || "")));
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return hostile_site(tmp_path_factory)


@pytest.fixture(scope="module")
def url(site):
    with served(site) as address:
        yield address


@pytest.fixture
def tab(browser, url):
    """A tab that records dialogs, CSP violations, console errors and requests off the test server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(CAPTURE)
    page = context.new_page()
    seen = {"dialogs": [], "errors": [], "outside": []}

    def on_dialog(dialog):
        seen["dialogs"].append(dialog.message)
        dialog.dismiss()

    def only_local(route):
        if route.request.url.startswith(url):
            route.continue_()
        else:
            seen["outside"].append(route.request.url)
            route.abort()

    page.on("dialog", on_dialog)
    page.on("console", lambda m: m.type == "error" and "404" not in m.text and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.route("**/*", only_local)
    page.seen = seen
    yield page
    context.close()


def settle_and_check(page) -> None:
    page.wait_for_timeout(400)  # an image's onerror fires once its request fails
    assert page.seen["dialogs"] == [], "a dialog fired"
    assert page.evaluate("() => window.__violations") == [], "CSP violations"
    assert not [e for e in page.seen["errors"] if "Content Security Policy" in e or "Content-Security-Policy" in e]
    assert page.seen["errors"] == []
    assert page.seen["outside"] == []


def open_all_filters(page) -> None:
    page.wait_for_selector(".pagefind-ui__filter-label", state="attached")
    page.evaluate("() => document.querySelectorAll('.pagefind-ui__filter-block').forEach(d => { d.open = true; })")


def filter_labels(page) -> list[str]:
    """The labels as a reader sees them: the invisible word joiners (search.py) left out."""
    return [t.replace("\u2060", "").rsplit(" (", 1)[0] for t in page.locator(".pagefind-ui__filter-label").all_inner_texts()]


def labels_once_shown(page, values: list[str], timeout_ms: int = 15_000) -> list[str]:
    """The filter labels once all ``values`` are among them (Pagefind fills its panel group by group,
    later on a loaded machine), or as they are at the timeout."""
    for _ in range(timeout_ms // 100):
        labels = filter_labels(page)
        if all(v in labels for v in values):
            break
        page.wait_for_timeout(100)
    page.wait_for_timeout(400)  # an image's onerror fires once its request fails
    return filter_labels(page)


def shown_as(value: str) -> re.Pattern:
    """``value`` as a label's text, with or without a word joiner after ``<`` and ``&``."""
    return re.compile("^" + "".join(re.escape(c) + ("\u2060?" if c in "<&" else "") for c in value) + r" \(\d+\)$")


def assert_policy_in_force(page) -> None:
    policy = page.evaluate(
        "() => document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content || ''")
    assert "script-src 'self'" in policy


def test_a_search_with_no_hits_shows_the_hostile_filters_as_text(tab, url):
    tab.goto(f"{url}/search/?q=zzz")
    open_all_filters(tab)
    expected = [OUTLET, SPEAKER, SPEAKER_2, *TAGS, '<img src=x onerror=alert("type")>']
    labels = labels_once_shown(tab, expected)
    assert tab.seen["dialogs"] == [], "a dialog fired"
    for value in expected:
        assert value in labels, (value, labels)
    panel = tab.locator(".pagefind-ui__filter-panel")
    assert panel.locator("img, svg, b, script").count() == 0  # the values made no element
    assert tab.locator(".pagefind-ui__result").count() == 0
    settle_and_check(tab)
    assert_policy_in_force(tab)


def test_a_real_query_shows_titles_and_excerpts_as_text(tab, url):
    tab.goto(f"{url}/search/?q=zebrafish")
    tab.wait_for_selector(".pagefind-ui__result")
    result = tab.locator(".pagefind-ui__result").first
    assert result.locator(".pagefind-ui__result-link").first.inner_text() == TITLE
    excerpts = " ".join(tab.locator(".pagefind-ui__result-excerpt").all_inner_texts())
    assert BODY_MARKUP in excerpts  # the body's markup shows as the text it is
    assert result.locator("mark").count() >= 1  # Pagefind's own <mark> stays markup
    assert tab.locator(".pagefind-ui__results img, .pagefind-ui__results script").count() == 0
    open_all_filters(tab)
    assert OUTLET in labels_once_shown(tab, [OUTLET])
    settle_and_check(tab)


def test_a_normal_search_works_under_the_policy_and_a_filter_narrows_it(tab, url):
    tab.goto(f"{url}/search/")
    assert_policy_in_force(tab)
    tab.locator(".pagefind-ui__search-input").fill("taxes")
    tab.wait_for_function("() => document.querySelectorAll('.pagefind-ui__result').length === 2")
    open_all_filters(tab)
    tab.get_by_label(shown_as(OUTLET)).check(timeout=5000)  # a hostile value still works as a filter
    tab.wait_for_function("() => document.querySelectorAll('.pagefind-ui__result').length === 1")
    assert tab.locator(".pagefind-ui__result-link").first.inner_text() == TITLE
    settle_and_check(tab)


def test_article_page_runs_under_the_policy_and_an_override_reorders_nothing(tab, url, site):
    page_path = article_page(site).parent.relative_to(site).as_posix()
    tab.goto(f"{url}/{page_path}/")
    # after the unclosed U+202E the words keep their order: "zebrafish" is laid out left to right
    order = tab.evaluate("""() => {
        const p = [...document.querySelectorAll('.mg-body p')].find(p => p.textContent.includes('zebrafish override'));
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode()) && !node.data.includes('zebrafish')) {}
        const at = node.data.indexOf('zebrafish'), range = document.createRange();
        const x = i => { range.setStart(node, i); range.setEnd(node, i + 1); return range.getBoundingClientRect().left; };
        return [x(at), x(at + 8), x(node.data.indexOf('end'))];
    }""")
    z, h, end = order
    assert z < h < end, order
    settle_and_check(tab)
    assert_policy_in_force(tab)


@pytest.mark.parametrize("path", ["", "claims/", "speakers/", "tags/", "404.html"])
def test_other_pages_run_under_the_policy_without_a_violation(tab, url, path):
    tab.goto(f"{url}/{path}")
    tab.wait_for_load_state("load")
    settle_and_check(tab)
    assert_policy_in_force(tab)
