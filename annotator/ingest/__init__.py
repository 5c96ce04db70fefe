"""Ingest: bytes on disk (a text file or a web page) to an Article with its text, headline and body lines."""

from __future__ import annotations

from pathlib import Path

from ..model import Article
from .files import read_input
from .html import MAX_HTML_BYTES, looks_like_html, parse_html
from .text import parse_bytes, parse_text


def read_article(path: Path, *, body_only: bool = False, display_path: str | None = None) -> Article:
    """Read and parse one file.  Raises InputError with a one-line reason."""
    name = display_path or str(path)
    return parse_original(read_input(path, name=name, limit=MAX_HTML_BYTES), name, body_only=body_only)


def parse_original(data: bytes, name: str, *, body_only: bool = False, url: str | None = None,
                   html: bool | None = None) -> Article:
    """A web page or a plain-text article; ``html`` None tells them apart by the name, else the first bytes."""
    if html is None:
        html = is_web_page(data, name)
    return parse_html(data, name, url=url) if html else parse_bytes(data, name, body_only=body_only)


def is_web_page(data: bytes, name: str) -> bool:
    """A .txt file is text whatever it holds; any other file is a page when it is named or begins like one."""
    return not name.lower().endswith(".txt") and looks_like_html(data, name)


__all__ = ["parse_bytes", "parse_original", "parse_text", "read_article", "is_web_page"]
