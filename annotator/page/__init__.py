"""The annotated page format: one owner for what a page's front matter holds.

    vocabulary   the closed vocabularies (claim types, removed kinds ...) and their labels
    entries      typed entries (speaker, quote, claim, source, vague, removed), read tolerantly
    document     the Page: article fields, annotations, bookkeeping, in page order
    fields       the strict check of top-level field types, where a page is read
    format       writing a page, and reading one back (YAML loaded safely)
    schema       the JSON Schema of a page and of the speakers registry, from these types
    registry     content/speakers.yml, read by the annotator, the site and the archive
    check        `annotator check`: pages and the registry, without building
"""

from .document import ANNOTATION_KEYS, BOOKKEEPING_KEY, METADATA_KEYS, Page
from .format import render_page, split_page

__all__ = ["ANNOTATION_KEYS", "BOOKKEEPING_KEY", "METADATA_KEYS", "Page", "render_page", "split_page"]
