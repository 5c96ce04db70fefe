"""Ingest: bytes on disk to an Article with its text, headline and body lines."""

from .text import read_article, parse_text

__all__ = ["read_article", "parse_text"]
