"""Marginalia's annotator: raw news articles in, annotated Markdown pages out."""

__version__ = "0.1.0"

# Bump when annotation rules change so `annotator build` re-annotates every article.
ANNOTATOR_VERSION = "2026.12.06.3"

# pipeline modules compiled by `annotator compile` load only while they match their sources
from . import compiled as _compiled  # noqa: E402

_compiled.install()
