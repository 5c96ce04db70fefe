"""Shared fixtures: where the repository, its demo content and the optional shared corpus are."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
CONTENT = ROOT / "content"
EXAMPLE_ORIGINAL = next(iter(sorted((CONTENT / "articles").glob("*/sadiq-khan-*/original.txt"))), None)


def corpus_dir(name: str) -> Path:
    """A folder of the shared corpus; the test is skipped when the corpus is absent."""
    path = CORPUS / name
    if not path.is_dir():
        pytest.skip(f"the shared corpus ({path}) is not available")
    return path


@pytest.fixture
def example_text() -> str:
    assert EXAMPLE_ORIGINAL is not None, "content/ must ship the example article"
    return EXAMPLE_ORIGINAL.read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's site configuration with an empty content/ folder."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "site_config", tmp_path / "site_config")
    (tmp_path / "content").mkdir()
    return tmp_path


# -- a small built archive, shared by the site and browser tests ----------------------

EVIL = """Minister: 'no' — "maybe" # <b>bold</b> --- {{ title }} — The Outlet

Officials said the <script>alert('body')</script> plan would cost £3m, with 40 percent paid by {% raw %} taxpayers | a * b.

“We reject [this](javascript:alert(1)) entirely,” said opposition leader Tom Brown.
"""

# A second article quoting a speaker of the example, so his speaker page spans two articles.
SECOND = """Charity warns over stop and search figures — The Northern Echo

Stafford Scott of the Monitoring Group said the new figures on stop and search were alarming.

“We have seen this before, and it never makes anyone safer,” Scott said. “Communities are tired of being told to wait.”

Police figures show 1,200 searches were carried out in March, up 12 percent on a year earlier.
"""


def build_site(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", "build", "--config-file", str(project / "mkdocs.yml")],
                          capture_output=True, text=True, cwd=project)


def make_project(root: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "site_config", root / "site_config")
    (root / "content").mkdir()
    return root


@pytest.fixture(scope="session")
def archive_site(tmp_path_factory) -> Path:
    """The example, an article full of markup, and a second article quoting Stafford Scott, built once.

    One claim of the example carries an editor's verdict, and the markup article's front matter
    has values with <script>, quotes and a newline, as a careless or hostile editor might write.
    """
    from annotator.archive import add_article
    from annotator.page.format import render_page, split_page

    project = make_project(tmp_path_factory.mktemp("archive"))
    sources = tmp_path_factory.mktemp("sources")
    assert EXAMPLE_ORIGINAL is not None
    shutil.copy(EXAMPLE_ORIGINAL, sources / "example.txt")
    (sources / "evil.txt").write_text(EVIL, encoding="utf-8")
    (sources / "second.txt").write_text(SECOND, encoding="utf-8")
    content = project / "content"
    add_article(content, sources / "example.txt", {"published": None, "tags": ["Policing"]})
    add_article(content, sources / "evil.txt", {"published": "2024-02-03", "tags": ["Policing", "<script>alert('tag')</script>"]})
    add_article(content, sources / "second.txt", {"published": "2024-03-05", "url": "https://example.org/stop-and-search"})

    for page in (content / "articles").rglob("index.md"):
        meta, body = split_page(page.read_text(encoding="utf-8"), str(page))
        if page.parent.name.startswith("sadiq-khan"):
            meta["claims"][0]["verdict"] = "misleading"
            meta["claims"][0]["verdict_note"] = "The figure <b>omits</b> knife crime \"outside\" London."
            meta["claims"][0]["verdict_links"] = ["https://example.org/check", "javascript:alert(1)"]
        elif page.parent.name.startswith("minister"):
            meta["outlet"] = "The <script>alert('outlet')</script> \"Outlet\""
            meta["title"] = "Evil </script><script>alert('title')</script> \"quoted\"\nsecond line"
        page.write_text(render_page(meta, body), encoding="utf-8")
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


# -- a real browser: Debian's Chromium driven by playwright (never a downloaded browser) ----

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


@contextlib.contextmanager
def served(folder: Path):
    """``folder`` over HTTP on a free local port (Pagefind cannot load from file://); yields its URL."""
    # in this process: the socket listens once the server exists, so there is nothing to wait for
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(archive_site):
    """The built archive served over HTTP."""
    with served(archive_site) as url:
        yield url


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # no line per request in the test output
        pass


@pytest.fixture(scope="session")
def browser():
    # the browser tests are part of the suite: a missing browser is a broken setup, not a reason to skip
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)", pytrace=False)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh tab that may only talk to the test server: any other request fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    outside: list[str] = []

    def only_local(route):
        if route.request.url.startswith(site_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    tab.route("**/*", only_local)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not outside, f"requests outside the site: {outside}"
    assert not errors, f"JavaScript errors: {errors}"
