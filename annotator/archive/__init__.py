"""Archive: the content/ folder on disk. The only package, with cli.py, that writes files."""

from .layout import Bundle, find_bundles, slugify
from .update import Outcome, add_article, add_articles, update_archive

__all__ = ["Bundle", "Outcome", "add_article", "add_articles", "find_bundles", "slugify", "update_archive"]
