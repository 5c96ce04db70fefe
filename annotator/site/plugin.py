"""The MkDocs plugin: a thin layer between the archive's front matter and the templates.

It never annotates anything.  At ``on_files`` it reads every article page's
front matter once into a ``Catalog`` and adds the generated browse pages; per
article page it hands the templates a view (sidebars, highlights, citation,
JSON-LD, search filters); after the build it writes the data exports and feeds
and runs Pagefind over the result.  The decisions live in plain modules
(catalog, browse, view, highlight, citation, structured_data, exports, feeds,
search) that do not depend on MkDocs.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import os
from contextlib import ExitStack
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, InclusionLevel

from ..archive.store import archive_lock
from ..page.registry import Entry, Registry
from ..page.schema import PAGE_SCHEMA, REGISTRY_SCHEMA
from ..errors import InputError, shown
from ..page.format import split_page
from .bidi import isolate_controls
from .browse import SECTIONS, BrowsePage, browse_pages
from .catalog import TEXT_COPY_SUFFIX, ArticleRecord, Catalog, is_page_file
from .citation import cite_news, wikitext
from .csp import with_csp
from .diff import syndication_diff
from .exports import write_exports
from .feeds import write_feeds
from .highlight import highlight
from .search import run_pagefind, search_filters
from .structured_data import article_graph
from .view import article_view, is_article

log = logging.getLogger("mkdocs.plugins.marginalia")

_DEFAULT_HOME = """---
title: Marginalia
template: home.html
---

An annotated news archive: every article shows who is quoted, which claims can be
checked, and where the information comes from.
"""


class MarginaliaConfig(base.Config):
    latest = c.Type(int, default=20)  # articles listed on the home page
    per_page = c.Type(int, default=100)  # items per browse page
    feed_size = c.Type(int, default=50)  # articles in the RSS and JSON feeds
    search = c.Type(bool, default=True)  # index the built site with Pagefind
    registry = c.Type(str, default="speakers.yml")  # the speakers registry, under docs_dir


class MarginaliaPlugin(BasePlugin[MarginaliaConfig]):
    _csp = True

    def on_startup(self, *, command, dirty):
        # `serve` adds an inline live-reload script to each response, which no hash can allow
        self._csp = command != "serve"

    def on_config(self, config):
        self.catalog = Catalog.build([])
        self._meta: dict[str, dict] = {}  # article src path -> front matter, read once
        self._bodies: dict[str, str] = {}  # ... and its Markdown body, handed to MkDocs unread
        self._browse: dict[str, BrowsePage] = {}  # generated page src path -> the page
        self._built = dt.date.today().isoformat()
        self.unreadable: list[str] = []  # error lines of the pages left out of this build
        return config

    # -- one run at a time: `mkdocs serve` and `annotator serve` take the lock per rebuild
    def on_pre_build(self, config):
        self._lock = ExitStack()
        self._lock.enter_context(archive_lock(Path(config.docs_dir), wait=True, on_wait=log.info))

    def on_build_error(self, error):
        self._release()

    def _release(self):
        lock = getattr(self, "_lock", None)
        if lock is not None:
            self._lock = None
            lock.close()

    # -- files: read the archive once, add the browse pages ---------------------------
    def on_files(self, files, config):
        self._drop_links_out(files, config)
        self._pages_as_text(files, config)
        for path in (PAGE_SCHEMA, REGISTRY_SCHEMA):  # published at schema/, a path that needs no site_url
            if files.get_file_from_path(f"schema/{path.name}") is None:
                files.append(File.generated(config, f"schema/{path.name}", abs_src_path=str(path)))
        if files.get_file_from_path("index.md") is None:
            files.append(File.generated(config, "index.md", content=_DEFAULT_HOME))
        pages = []
        for file in files.documentation_pages():
            if not file.src_uri.startswith("articles/"):
                continue
            # named as the annotation names it, so `annotator build` prints each error once
            name = os.path.relpath(file.abs_src_path, Path(config.config_file_path or ".").parent)
            try:
                meta, body = split_page(Path(file.abs_src_path).read_text(encoding="utf-8"), name)
            except InputError as error:
                self._leave_out(files, file, str(error))
                continue
            except (OSError, UnicodeDecodeError) as error:
                self._leave_out(files, file, f"{name}: cannot be read ({error})")
                continue
            if is_article(meta):
                self._meta[file.src_uri] = meta
                self._bodies[file.src_uri] = body
                pages.append((file.src_uri, file.url, meta))
        self.catalog = Catalog.build(pages, self._registry(config))
        # the bodies a syndication diff compares, kept past on_page_read_source
        linked = {f"{c.page}/index.md" for a in self.catalog.articles for c in a.page.copies} | \
            {a.src for a in self.catalog.articles if a.page.copies}
        self._copy_bodies = {src: self._bodies[src] for src in linked if src in self._bodies}
        generated = browse_pages(self.catalog, per_page=self.config.per_page)
        if self.config.search:
            generated.append(BrowsePage("search/index.md", "Search", "search.html"))
        section_pages = {url + "index.md" for url, _ in SECTIONS} | {"search/index.md"}
        for page in generated:
            if files.get_file_from_path(page.path) is not None:
                continue  # an editor's own page of that name wins
            # the section pages may be in mkdocs.yml's nav; the thousands below them never are
            inclusion = InclusionLevel.UNDEFINED if page.path in section_pages else InclusionLevel.NOT_IN_NAV
            # no front matter to parse: the page's meta is set in on_page_markdown
            files.append(File.generated(config, page.path, content="", inclusion=inclusion))
            self._browse[page.path] = page
        return files

    def _drop_links_out(self, files, config) -> None:
        """A symbolic link in content/ that leads out of it would publish a local file: it is left out."""
        docs, links = os.path.realpath(config.docs_dir) + os.sep, set()
        for file in list(files):
            source = file.abs_src_path
            if file.src_dir and os.path.abspath(file.src_dir) == os.path.abspath(config.docs_dir) \
                    and source and not os.path.realpath(source).startswith(docs):
                files.remove(file)
                links.add(_outermost_link(source, config.docs_dir))
        for link in sorted(links):
            log.warning(f"{shown(os.path.relpath(link))}: a symbolic link out of {config.docs_dir}; "
                        "what it leads to is not published")

    def _pages_as_text(self, files, config) -> None:
        """A web page kept as an article's original is published as a .txt copy, never as HTML."""
        for file in list(files):
            if file.src_uri.startswith("articles/") and is_page_file(file.src_uri) and not file.is_documentation_page():
                files.remove(file)
                files.append(File.generated(config, file.src_uri + TEXT_COPY_SUFFIX, abs_src_path=file.abs_src_path))

    def _leave_out(self, files, file, message: str) -> None:
        """One unreadable page does not stop the build: it is left out, reported once."""
        files.remove(file)
        self.unreadable.append(message)
        if message not in getattr(self, "reported", ()):
            log.error(message)

    def _registry(self, config) -> dict[str, Entry]:
        path = Path(config.docs_dir) / self.config.registry
        try:
            registry = Registry.load(path)
        except InputError as error:
            raise PluginError(str(error)) from None
        return dict(registry.entries)

    # -- pages -------------------------------------------------------------------------
    def on_page_read_source(self, page, config):
        # the page was read in on_files: hand MkDocs the body alone, so 2,000 pages are
        # not read and their YAML parsed twice (the meta is put back in on_page_markdown)
        return self._bodies.pop(page.file.src_uri, None)

    def on_page_markdown(self, markdown, page, config, files):
        if page.file.src_uri in self._meta:
            page.meta = dict(self._meta[page.file.src_uri])
        elif page.file.src_uri in self._browse:
            browse = self._browse[page.file.src_uri]
            page.meta = {"title": browse.title, "template": browse.template, "hide": ["navigation", "toc"]}
        meta = page.meta
        title = meta.get("title")
        if isinstance(title, str):
            # Material prints page titles unescaped; the raw title stays in the view
            meta["raw_title"] = title
            meta["title"] = html.escape(title, quote=True)
        for key in ("description", "author", "subtitle"):
            if isinstance(meta.get(key), str):
                meta[key] = html.escape(meta[key], quote=True)
        if is_article(meta):
            meta.setdefault("template", "article.html")
            meta["hide"] = ["navigation", "toc"]
            page.marginalia = self._article_view(page, config, meta)
        return markdown

    def _article_view(self, page, config, meta) -> dict:
        record = self.catalog.article(page.file.src_uri) or \
            ArticleRecord.of(page.file.src_uri, page.file.url, {**meta, "title": meta.get("raw_title")})
        view = article_view(record.page)
        page_url = _site_url(config) + page.file.url
        speakers = {s.id: self.catalog.speaker_of(s) for s in record.speakers}
        for s in view["speakers"]:
            archive_speaker = speakers.get(s["id"])
            s["url"] = archive_speaker.url if archive_speaker else None
        fields = cite_news(record, page_url=page_url, built=self._built)
        for copy in view["copies"]:
            other = self.catalog.article(f"{copy['page']}/index.md")
            copy["url"] = other.url if other else None
            if other and copy["relation"] == "original" and record.src in self._copy_bodies:
                view["diff"] = dict(syndication_diff(other.page, self._copy_bodies.get(other.src, ""), record.page,
                                                     self._copy_bodies[record.src]), original=copy)
        view.update({
            "original_url": record.original_url and record.original_url.removeprefix(page.file.url),
            "cite_fields": fields,
            "cite_wikitext": wikitext(fields),
            "jsonld": article_graph(record, page_url=page_url, site_name=config.site_name, speakers=speakers),
            "filters": search_filters(record),
            "year": record.year,
        })
        return view

    def on_page_content(self, content, page, config, files):
        view = getattr(page, "marginalia", None)
        if view is None:
            return content
        marked, missing = highlight(content, view["anchors"])
        for anchor_id in missing:
            log.warning(f"{page.file.src_uri}: annotation {anchor_id} no longer matches the text; it is listed but not marked")
        return marked

    def on_page_context(self, context, page, config, nav):
        context["marginalia"] = getattr(page, "marginalia", None)
        browse = self._browse.get(page.file.src_uri)
        context["browse"] = browse.context if browse else None
        context["sections"] = SECTIONS
        if page.is_homepage:
            context["latest"] = self.catalog.articles[:self.config.latest]
            context["article_count"] = len(self.catalog.articles)
        return context

    # -- every page as written: bidi controls inert, then the CSP (last: it hashes the final scripts)
    @event_priority(-100)
    def on_post_page(self, output, page, config):
        return self._finish(output)

    @event_priority(-100)
    def on_post_template(self, output_content, template_name, config):
        # 404.html is a theme template, not a page; sitemap.xml is no HTML
        return self._finish(output_content) if template_name.endswith(".html") else output_content

    def _finish(self, page_html: str) -> str:
        page_html = isolate_controls(page_html)
        return with_csp(page_html) if self._csp else page_html

    # -- after the build: data out, then search -----------------------------------------
    def on_post_build(self, config):
        site_dir = Path(config.site_dir)
        site_url = _site_url(config)
        write_exports(self.catalog, site_dir, site_url)
        write_feeds(self.catalog, site_dir, site_name=config.site_name, site_url=site_url,
                    description=config.site_description or "", limit=self.config.feed_size)
        if self.config.search:
            try:
                run_pagefind(site_dir)
            except RuntimeError as error:
                raise PluginError(str(error)) from None
        self._release()  # on a failure, on_build_error releases it


def _site_url(config) -> str:
    url = config.site_url or ""
    return url if not url or url.endswith("/") else url + "/"


def _outermost_link(path: str, docs_dir: str) -> str:
    """The folder or file nearest to ``docs_dir`` on the way to ``path`` that is a symbolic link."""
    found, current = path, path
    while os.path.abspath(current) != os.path.abspath(docs_dir) and os.path.dirname(current) != current:
        if os.path.islink(current):
            found = current
        current = os.path.dirname(current)
    return found
