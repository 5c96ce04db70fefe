"""The MkDocs plugin: a thin layer that hands article front matter to the templates.

It never annotates anything.  For each article page it picks the article
template, escapes the title for Material's templates, marks the anchored spans
in the HTML and passes the sidebar view; for the home page it passes the
latest articles.  Everything else lives in plain modules (view, highlight).
"""

from __future__ import annotations

import html
import logging

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from .highlight import highlight
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


class MarginaliaPlugin(BasePlugin[MarginaliaConfig]):
    def on_config(self, config):
        self._articles: list[dict] = []
        return config

    def on_files(self, files, config):
        if files.get_file_from_path("index.md") is None:
            files.append(File.generated(config, "index.md", content=_DEFAULT_HOME))
        return files

    def on_page_markdown(self, markdown, page, config, files):
        meta = page.meta
        title = meta.get("title")
        if isinstance(title, str):
            # Material prints page titles unescaped; the raw title stays in the view
            meta["raw_title"] = title
            meta["title"] = html.escape(title, quote=True)
        for key in ("description", "author"):
            if isinstance(meta.get(key), str):
                meta[key] = html.escape(meta[key], quote=True)
        if is_article(meta):
            meta.setdefault("template", "article.html")
            meta["hide"] = ["navigation", "toc"]
            page.marginalia = article_view({**meta, "title": meta.get("raw_title")})
            self._articles.append(_summary(page, page.marginalia))
        return markdown

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
        if page.is_homepage:
            context["latest"] = latest(self._articles, self.config.latest)
            context["article_count"] = len(self._articles)
        return context


def _summary(page, view: dict) -> dict:
    return {
        "title": view["title"] or page.file.name,
        "outlet": view["outlet"],
        "published": view["published"],
        "page": page,
        "speakers": [s["name"] for s in view["speakers"]],
        "claims": len(view["claims"]),
        "quotes": sum(len(s["quotes"]) for s in view["speakers"]),
    }


def latest(articles: list[dict], limit: int) -> list[dict]:
    """Newest first; articles without a date come last, by title."""
    dated = sorted((a for a in articles if a["published"]), key=lambda a: a["published"], reverse=True)
    undated = sorted((a for a in articles if not a["published"]), key=lambda a: a["title"].lower())
    return (dated + undated)[:limit]
