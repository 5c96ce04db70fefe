"""Web pages and URLs in: the body trafilatura finds, the rest of the page as notes, and bad pages refused.

The page in tests/data/web is written for these tests (no web text is committed);
URLs are served by a local HTTP server, never fetched from the network.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from annotator.archive import add_article
from annotator.archive import update_archive
from annotator.errors import InputError
from annotator.ingest import read_article
from annotator.ingest.fetch import fetch
from annotator.ingest.html import parse_html
from annotator.pipeline import annotate
from annotator.page.format import split_page

from conftest import build_site

PAGE = Path(__file__).parent / "data" / "web" / "harbour-page.html"
BODY_START = "Councillors in Port Aldwin voted"
FILLER = " ".join(["The harbour master said the tide tables for the coming year would be published in the spring."] * 8)


def annotator_cli(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True, text=True, cwd=cwd)


def page_meta(bundle_dir: Path) -> dict:
    return split_page((bundle_dir / "index.md").read_text(encoding="utf-8"), "index.md")[0]


def only_bundle(project: Path) -> Path:
    [page] = list((project / "content" / "articles").rglob("index.md"))
    return page.parent


def html_page(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>".encode()


# -- the page itself ---------------------------------------------------------------------

def test_the_body_is_the_main_text_and_every_other_part_a_typed_note():
    article = annotate(parse_html(PAGE.read_bytes(), "harbour-page.html"))
    body = [p.slice(article.text) for p in article.paragraphs]
    assert body[0].startswith(BODY_START) and len(body) == 6
    assert not any("newsletter" in p or "Related stories" in p or "cellar" in p or "Home" in p for p in body)
    kinds: dict[str, str] = {}
    for note in article.removed:
        kinds.setdefault(note.kind, note.text)  # the first note of each kind
    assert kinds["navigation"].startswith("Home · News · Sport")
    assert "Maria Okafor" in kinds["byline"]
    assert kinds["share-prompt"] == "Facebook Twitter Email"
    assert kinds["newsletter-promo"].startswith("Sign up for our morning newsletter")
    assert "Record tides flood homes on the quay" in kinds["related-link"]
    assert "My cellar has flooded" in kinds["comment"]
    assert kinds["copyright"].startswith("© 2021 The Coastal Ledger")
    for span in [*article.paragraphs, *article.removed]:  # offsets count characters of the article's text
        assert article.text[span.start:span.end] == (span.text if hasattr(span, "text") else span.slice(article.text))
    assert "tracker" not in article.text and "font-family" not in article.text  # scripts and styles are no text
    assert {s.name for s in article.speakers} >= {"Helen Marsh", "David Reyes", "Environment Agency"}


def test_the_metadata_comes_from_the_page():
    article = parse_html(PAGE.read_bytes(), "harbour-page.html")
    assert article.title == "Harbour council approves new flood wall after record tides"
    assert article.outlet == "The Coastal Ledger"
    assert article.published == "2021-03-04"
    assert article.url == "https://ledger.example.org/news/2021/03/harbour-flood-wall"
    assert article.author == "Maria Okafor"
    assert article.description == "Councillors voted 9 to 2 for a wall along the old quay."
    assert article.tags == ["Flooding", "Council"] and article.categories == ["Local news"]


def test_a_date_is_never_guessed_from_the_text():
    page = html_page(f"<article><h1>Tide tables out soon</h1><p>Published on 3 March 2021. {FILLER}</p>"
                     f"<p>Updated 2021-03-05 at noon. {FILLER}</p></article>", "<title>Tide tables</title>")
    assert parse_html(page, "tides.html").published is None


def test_a_date_in_the_pages_own_url_is_taken():
    page = html_page(f"<article><h1>Tide tables out soon</h1><p>{FILLER}</p><p>{FILLER}</p></article>",
                     '<title>Tide tables</title><link rel="canonical" href="https://ledger.example.org/2021/03/04/tides">')
    assert parse_html(page, "tides.html").published == "2021-03-04"


@pytest.mark.parametrize("body, why", [
    ("<form><h1>Sign in to keep reading</h1><p>Subscribers only.</p><input name=user></form>", "no article here"),
    ("<ul>" + "".join(f"<li><a href='/s{i}'>Story number {i}</a></li>" for i in range(60)) + "</ul>", "no article here"),
    ("", "no article here"),
])
def test_a_page_that_is_not_an_article_is_refused_in_one_line(body, why):
    with pytest.raises(InputError) as caught:
        parse_html(html_page(body), "page.html")
    assert why in str(caught.value) and "\n" not in str(caught.value) and str(caught.value).startswith("page.html")


@pytest.mark.parametrize("data, what", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "a PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(64), "a JPEG image"),
])
def test_a_pdf_or_an_image_named_as_a_page_is_refused(data, what):
    with pytest.raises(InputError, match=what):
        parse_html(data, "story.html")


def test_a_50_mb_page_is_refused_without_reading_it_all(tmp_path):
    big = tmp_path / "big.html"
    with open(big, "wb") as fh:
        fh.write(b"<html><body><p>" + b"word " * 10 + b"</p>")
        fh.truncate(50_000_000)
    started = time.perf_counter()
    with pytest.raises(InputError, match="too large"):
        read_article(big)
    assert time.perf_counter() - started < 5


# -- the archive ----------------------------------------------------------------------------

def test_add_keeps_the_page_byte_for_byte_and_takes_its_metadata(project):
    result = annotator_cli("add", str(PAGE), "--config-file", str(project / "mkdocs.yml"), cwd=project)
    assert result.returncode == 0, result.stderr
    bundle = only_bundle(project)
    assert bundle.parent.name == "2021"  # the year of the page's own date
    assert (bundle / "original.html").read_bytes() == PAGE.read_bytes()
    assert not (bundle / "original.txt").exists()
    meta = page_meta(bundle)
    assert meta["published"] == "2021-03-04" and meta["outlet"] == "The Coastal Ledger"
    assert meta["url"] == "https://ledger.example.org/news/2021/03/harbour-flood-wall"
    assert meta["author"] == "Maria Okafor" and meta["tags"] == ["Flooding", "Council"]
    assert meta["original"] == "original.html"
    assert {r["kind"] for r in meta["removed"]} >= {"navigation", "byline", "share-prompt", "comment", "related-link"}
    body = (bundle / "index.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert BODY_START in body and "cellar" not in body and "<script" not in body


def test_the_editors_options_override_the_page(project):
    result = annotator_cli("add", str(PAGE), "--config-file", str(project / "mkdocs.yml"), "--published", "2021-03-05",
                           "--outlet", "Ledger Weekly", "--tag", "Harbours", "--url", "https://other.example/x", cwd=project)
    assert result.returncode == 0, result.stderr
    meta = page_meta(only_bundle(project))
    assert (meta["published"], meta["outlet"], meta["tags"], meta["url"]) == \
        ("2021-03-05", "Ledger Weekly", ["Harbours"], "https://other.example/x")


def test_a_page_annotated_again_gives_the_same_page(project):
    content = project / "content"
    assert add_article(content, PAGE).status == "added"
    bundle_dir = only_bundle(project)
    before = (bundle_dir / "index.md").read_text(encoding="utf-8")
    assert [o.status for o in update_archive(content, force=True)] == ["annotated"]
    assert (bundle_dir / "index.md").read_text(encoding="utf-8") == before


def test_a_page_dropped_in_the_inbox_is_filed_as_a_page(project):
    inbox = project / "content" / "inbox"
    inbox.mkdir()
    (inbox / "saved.htm").write_bytes(PAGE.read_bytes())
    result = annotator_cli("build", "--annotate-only", "--config-file", str(project / "mkdocs.yml"), cwd=project)
    assert result.returncode == 0, result.stderr
    assert (only_bundle(project) / "original.html").read_bytes() == PAGE.read_bytes()
    assert not (inbox / "saved.htm").exists()


def test_a_page_whose_url_is_in_the_archive_is_refused(project, tmp_path):
    content = project / "content"
    assert add_article(content, PAGE).status == "added"
    copy = tmp_path / "same-story.html"  # another saving of the page: other bytes, the same canonical URL
    copy.write_bytes(PAGE.read_bytes().replace(b"<style>", b"<style>/* saved again */"))
    outcome = add_article(content, copy)
    assert outcome.status == "failed" and "already in the archive as content/articles/2021/" in outcome.message
    assert len(list(content.rglob("index.md"))) == 1


def test_extract_reads_a_page_and_offsets_point_into_its_text(tmp_path):
    result = annotator_cli("extract", "--json", str(PAGE), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["title"].startswith("Harbour council") and record["published"] == "2021-03-04"
    assert "<" not in record["body"] and record["body"].startswith(BODY_START)
    speakers = {s["id"]: s["name"] for s in record["speakers"]}
    assert "Helen Marsh" in speakers.values()
    for quote in record["quotes"]:
        assert quote["text"]


def test_extract_refuses_a_pdf_saved_as_html_in_one_line(tmp_path):
    fake = tmp_path / "report.html"
    fake.write_bytes(b"%PDF-1.4\n" + bytes(300))
    result = annotator_cli("extract", "--json", str(fake), cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"error: {fake}: this is a PDF, not a web page"]


# -- URLs, from a local server -------------------------------------------------------------

class _Site(BaseHTTPRequestHandler):
    routes: dict = {}

    def do_GET(self):  # noqa: N802 - the handler's name
        status, headers, body = self.routes.get(self.path, (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"))
        if callable(body):
            return body(self)
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _declared_only(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "50000000")  # a 50 MB page: refused before a byte of it is read
    handler.end_headers()


def _slow(handler):
    time.sleep(3)


def _chunked_forever(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    try:
        for _ in range(400):  # 20 MB, no Content-Length
            handler.wfile.write(b"<p>" + b"x" * 50_000 + b"</p>")
    except OSError:
        pass


@pytest.fixture
def server():
    html = {"Content-Type": "text/html; charset=utf-8"}
    _Site.routes = {
        "/story": (200, html, PAGE.read_bytes()),
        "/moved": (301, {"Location": "/story"}, b""),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/to-ftp": (302, {"Location": "ftp://example.org/x"}, b""),
        "/pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4\n"),
        "/pdf-as-html": (200, html, b"%PDF-1.4\n" + bytes(200)),
        "/endless": (200, html, _chunked_forever),
        "/declared-50mb": (200, {**html, "Content-Length": "50000000"}, _declared_only),
        "/slow": (200, html, _slow),
        "/login": (200, html, html_page("<form><h1>Please log in</h1><input name=u><input name=p></form>")),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def test_add_url_fetches_the_page_and_records_where_and_when(project, server):
    result = annotator_cli("add", f"{server}/moved", "--config-file", str(project / "mkdocs.yml"), cwd=project)
    assert result.returncode == 0, result.stderr
    bundle = only_bundle(project)
    meta = page_meta(bundle)
    assert meta["fetched_url"] == f"{server}/story"  # the final URL, after the redirect
    assert meta["fetched_at"].endswith("+00:00") and meta["fetched_at"][:4].isdigit()
    assert (bundle / "original.html").read_bytes() == PAGE.read_bytes()


def test_a_url_already_in_the_archive_is_refused_unless_replaced(project, server):
    content = project / "content"
    assert add_article(content, f"{server}/story").status == "added"
    same = add_article(content, f"{server}/story")
    assert same.status == "failed" and "already in the archive as content/articles/2021/" in same.message
    _Site.routes["/story"] = (200, {"Content-Type": "text/html"}, PAGE.read_bytes().replace(b"<style>", b"<style>/**/"))
    again = add_article(content, f"{server}/story")  # other bytes, the same URL
    assert again.status == "failed" and "this URL is already in the archive as content/articles/2021/" in again.message
    bundle = only_bundle(project)
    page = bundle / "index.md"
    meta, body = split_page(page.read_text(encoding="utf-8"), "index.md")
    meta["speakers"][0]["role"] = "leader of Port Aldwin council"  # an editor's correction
    from annotator.page.format import render_page
    page.write_text(render_page(meta, body), encoding="utf-8")
    _Site.routes["/story"] = (200, {"Content-Type": "text/html"},
                              PAGE.read_bytes().replace(b"two years", b"three years"))
    replaced = add_article(content, f"{server}/story", replace=True)
    assert replaced.status == "replaced", replaced.message
    assert b"three years" in (bundle / "original.html").read_bytes()
    meta = page_meta(bundle)
    assert meta["speakers"][0]["role"] == "leader of Port Aldwin council"
    assert "three years" in page.read_text(encoding="utf-8")
    assert len(list(content.rglob("index.md"))) == 1


@pytest.mark.parametrize("path, message", [
    ("/nothing-here", "the server answered 404"),
    ("/to-file", "a redirect to file:///etc/passwd is not http or https"),
    ("/to-ftp", "is not http or https"),
    ("/pdf", "this is not a web page (the server says application/pdf)"),
    ("/pdf-as-html", "this is a PDF, not a web page"),
    ("/endless", "the page is too large"),
    ("/declared-50mb", "the page is too large (50.0 MB; the limit is 15 MB)"),
    ("/login", "no article here"),
])
def test_a_bad_url_gets_one_line_and_nothing_is_written(project, server, path, message):
    result = annotator_cli("add", f"{server}{path}", "--config-file", str(project / "mkdocs.yml"), cwd=project)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {server}{path}: ") and message in line, line
    assert not (project / "content" / "articles").exists()


def test_a_slow_server_times_out(server):
    started = time.perf_counter()
    with pytest.raises(InputError, match="timed out"):
        fetch(f"{server}/slow", timeout=0.5)
    assert time.perf_counter() - started < 2.5


def test_a_url_with_another_scheme_is_refused(project):
    result = annotator_cli("add", "file:///etc/passwd", "--config-file", str(project / "mkdocs.yml"), cwd=project)
    assert result.returncode == 1 and "only http and https URLs are fetched" in result.stderr


# -- the site --------------------------------------------------------------------------------

def test_the_site_offers_the_saved_page_as_text_never_as_html(project):
    assert add_article(project / "content", PAGE).status == "added"
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    bundle = next((site / "articles").rglob("harbour-council*"))
    assert not list(site.rglob("original.html"))
    assert (bundle / "original.html.txt").read_bytes() == PAGE.read_bytes()
    page = (bundle / "index.html").read_text(encoding="utf-8")
    assert 'href="original.html.txt" download' in page
    assert '<span class="mg-author">by Maria Okafor</span>' in page
    assert "window.tracker" not in page
    assert "Sign up for our morning newsletter" in page  # shown as a removed note, escaped text


def test_markup_in_a_pages_metadata_and_text_reaches_the_site_as_text(project, tmp_path):
    hostile = PAGE.read_bytes().replace(
        b'content="The Coastal Ledger"', b'content="Ledger &lt;img src=x onerror=alert(1)&gt;"').replace(
        b'content="Maria Okafor"', b'content="&lt;script&gt;alert(2)&lt;/script&gt;"').replace(
        b"Nine councillors voted", b"&lt;script&gt;alert(3)&lt;/script&gt; Nine councillors voted")
    (tmp_path / "hostile.html").write_bytes(hostile)
    assert add_article(project / "content", tmp_path / "hostile.html").status == "added"
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for built in [*site.rglob("*.html"), *site.rglob("*.xml"), *site.rglob("*.json")]:
        text = built.read_text(encoding="utf-8", errors="replace")
        assert "<script>alert" not in text and "<img src=x" not in text, built
    page = next(p for p in (site / "articles").rglob("index.html") if "harbour" in str(p)).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(3)&lt;/script&gt; Nine councillors voted" in page


def test_a_url_an_editor_wrote_in_another_yaml_style_is_still_known(project, tmp_path):
    content = project / "content"
    assert add_article(content, PAGE).status == "added"
    page = only_bundle(project) / "index.md"
    text = page.read_text(encoding="utf-8")
    old = "url: https://ledger.example.org/news/2021/03/harbour-flood-wall\n"
    assert old in text
    # an editor moves the story and writes the URL as a folded scalar: the same value in YAML
    page.write_text(text.replace(old, "url: >-\n  https://ledger.example.org/news/moved/flood-wall\n"), encoding="utf-8")
    moved = tmp_path / "moved.html"
    moved.write_bytes(PAGE.read_bytes().replace(b"news/2021/03/harbour-flood-wall", b"news/moved/flood-wall")
                      .replace(b"<style>", b"<style>/**/"))
    outcome = add_article(content, moved)
    assert outcome.status == "failed" and "this URL is already in the archive" in outcome.message


def test_a_credit_the_extractor_left_out_feeds_the_syndication_chain():
    page = PAGE.read_bytes().replace(b'<footer class="site-footer">', b'<div class="credit"><p>This article was originally '
                                     b'published by The Conversation.</p></div><footer class="site-footer">')
    article = annotate(parse_html(page, "harbour-page.html"))
    assert article.original_publisher == "The Conversation"
    assert ("syndication-original", "The Conversation") in [(s.kind, s.name) for s in article.sources]
    assert "syndication-credit" in [r.kind for r in article.removed]
    assert not any("The Conversation" in p.slice(article.text) for p in article.paragraphs)
