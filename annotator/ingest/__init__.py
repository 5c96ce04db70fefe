"""Ingest: bytes on disk to an Article with its text, headline and body lines."""

from .text import parse_bytes, parse_text, read_article

__all__ = ["parse_bytes", "parse_text", "read_article"]
