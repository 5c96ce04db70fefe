"""Sources: cited outlets, documents and statistics, the syndication chain, vague attributions."""

from .find import find_sources

__all__ = ["find_sources"]
