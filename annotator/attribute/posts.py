"""Embedded social posts: a paragraph signed "— Name (@handle) Month D, YYYY" is the author's direct quote.

A web page loses the box an embedded tweet sat in, so the post reads as a paragraph
of its own with the embed's signature at its end. The post is the author's words
(direct, with the platform as channel); the links the embed carries after the words
("https://t.co/…", "pic.twitter.com/…") are not part of them.
"""

from __future__ import annotations

import re

from ..model import Span
from ..segment import trimmed
from .phrases import name_phrase
from .pullquotes import signed_paragraphs
from .quotes import Found

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# "— Donald J. Trump (@realDonaldTrump) September 27, 2016" at a paragraph's end
SIGNATURE = re.compile(rf"\s[—–-]\s*(?P<name>[^()\n—–]{{1,60}}?)\s*\(@(?P<handle>\w{{1,30}})\)\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\s*$",
                       re.I)
_TRAILING_LINKS = re.compile(r"(?:\s*(?:https?://\S+|pic\.twitter\.com/\S+))+\s*$", re.I)
_WORD = re.compile(r"\w")
_SIGNATURE_REACH = 140  # characters at a paragraph's end that can hold the signature
_AUTHOR_KINDS = ("person", "organisation", "outlet", "bare")
_CHANNEL = "Twitter"  # the "— Name (@handle) Month D, YYYY" signature is Twitter's embed markup


def social_posts(text: str, paragraphs: list[Span], direct: list[Found]) -> list[Found]:
    """The embedded posts among ``paragraphs``, but for paragraphs that hold a direct quote already."""
    posts = []
    for index, p, m in signed_paragraphs(text, paragraphs, direct, SIGNATURE, _SIGNATURE_REACH):
        words_end = m.start()
        links = _TRAILING_LINKS.search(text, p.start, words_end)
        if links is not None:
            words_end = links.start()
        words_start, words_end = trimmed(text, p.start, words_end)
        if not _WORD.search(text, words_start, words_end):
            continue  # only links: nothing the author wrote is left to quote
        # the display name, when it reads as one name
        phrase = name_phrase(text, m.start("name"), m.end("name"), channel=_CHANNEL, kinds=_AUTHOR_KINDS)
        if phrase is not None:
            posts.append(Found([Span(words_start, words_end)], "direct", "posted", phrase, index, cue_at=m.start("name")))
    return posts
