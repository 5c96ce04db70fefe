"""Find web boilerplate lines (related links, share prompts, credits ...).

A line is boilerplate only when a rule recognises its whole purpose: the rules
in ``lexicon/boilerplate.yml`` look at how a line begins and cap its length, and
a few structural rules here catch separators, runs of social-network names and
the headline repeated at the top of the body.  A real paragraph that merely
mentions a newsletter or a photo is never touched: it is too long, or it does
not begin like furniture.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ..lexicon import load_words, load_yaml
from ..model import Article, Removed, Span


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str
    pattern: re.Pattern
    max_words: int | None


@cache
def _rules() -> tuple[Rule, ...]:
    rules = []
    for kind, entries in load_yaml("boilerplate.yml").items():
        for entry in entries:
            pattern = re.compile(entry["pattern"], re.IGNORECASE)
            rules.append(Rule(kind, pattern, entry.get("max_words")))
    return tuple(rules)


_LONGEST_RULE = 160  # words: no rule looks at longer lines
_WORD = re.compile(r"\S+")
_ONLY_SYMBOLS = re.compile(r"[\W_]*", re.UNICODE)
_TOKEN = re.compile(r"[a-z+]+")


def classify_line(line: str, *, title: str | None = None, position: int = 99) -> str | None:
    """The boilerplate kind of one stripped body line, or None for article text.

    ``position`` is the line's 0-based index in the body; the repeated headline
    is only looked for near the top.
    """
    if not line:
        return None
    if _ONLY_SYMBOLS.fullmatch(line):
        return "navigation"  # "***", "* * *", "____", "."
    if title and position < 3 and _same_text(line, title):
        return "repeated-headline"
    words = len(_WORD.findall(line)) if len(line) < 2000 else _LONGEST_RULE + 1
    if words > _LONGEST_RULE:
        return None
    if words <= 12 and _only_social_names(line):
        return "share-prompt"
    for rule in _rules():
        if rule.max_words is not None and words > rule.max_words:
            continue
        if rule.pattern.match(line):
            return rule.kind
    return None


def classify_lines(lines: list[str], title: str | None = None) -> list[str | None]:
    """The boilerplate kind of each body line (None for article text), using its neighbours."""
    kinds = [classify_line(line, title=title, position=i) for i, line in enumerate(lines)]
    last = len(lines)
    for i, line in enumerate(lines):
        if kinds[i] is None and _URL_ONLY.fullmatch(line):
            kinds[i] = "related-link"
        elif kinds[i] is None and i >= last - _BIO_REACH and (_BIO.match(line) or _ABOUT_ORG.match(line)) and len(line.split()) <= 120:
            kinds[i] = "author-bio"
    # a list of links under a header such as "Related:" or "Read more:"
    i = 0
    while i < last:
        if kinds[i] == "related-link" and _LIST_HEADER.search(lines[i]):
            j = i + 1
            while j < last and kinds[j] in (None, "related-link") and _looks_like_link(lines[j]):
                kinds[j] = "related-link"
                j += 1
            i = j
        else:
            i += 1
    # a teaser between two teaser lines ("May 23, 2008 — Jim Bray") is one too
    for i in range(1, last - 1):
        if kinds[i] is None and kinds[i - 1] == kinds[i + 1] == "related-link" and _TEASER_META.match(lines[i - 1]) \
                and _TEASER_META.match(lines[i + 1]) and len(lines[i].split()) <= 60:
            kinds[i] = "related-link"
    # a caption printed twice: the short copy sits next to the credited one
    for i, line in enumerate(lines):
        if kinds[i] is None and len(line.split()) >= 4:
            for j in (i - 2, i - 1, i + 1, i + 2):
                if 0 <= j < last and kinds[j] == "image-credit" and lines[j].startswith(line) and len(lines[j]) > len(line):
                    kinds[i] = "image-credit"
                    break
    return kinds


def _looks_like_link(line: str) -> bool:
    """A list item under "Read more:": a headline or a URL, not a sentence of the story."""
    if _URL_ONLY.fullmatch(line):
        return True
    return len(line.split()) <= _LIST_ITEM_WORDS and not line.rstrip("”\"'’)").endswith(".")


def clean(article: Article) -> Article:
    """Split the article's lines into body paragraphs and removed boilerplate."""
    text = article.text
    kept: list[Span] = []
    removed: list[Removed] = []
    kinds = classify_lines([line.slice(text) for line in article.lines], article.title)
    for line, kind in zip(article.lines, kinds):
        if kind is None:
            kept.append(line)
        else:
            removed.append(Removed(kind=kind, start=line.start, end=line.end, text=line.slice(text)))
    return article.with_(paragraphs=kept, removed=removed)


_URL_ONLY = re.compile(r"\(?(?:https?://|www\.)\S+\)?\.?")
_BIO_REACH = 3  # author bios sit in the last lines of a page
_BIO = re.compile(
    r"(?:[—–-]\s*)?[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*\(@\w+\))?(?:,\s*[A-Z]{2,5},)?\s+is\s+"
    r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?(?i:writer|reporter|journalist|editor|columnist|contributor|correspondent|"
    r"blogger|author|commentator|analyst|producer|novelist|freelancer|fellow|scholar)s?\s+(?:for|at|with|of|on|in|to)\b")
_ABOUT_ORG = re.compile(r"(?:The\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,4}\s+is\s+an?\s+(?:independent|non-?profit|nonpartisan|non-partisan)\b")
_LIST_HEADER = re.compile(r"(?::|»|>>)\s*$|^(?:related(?: posts| stories| articles)?|recommended(?: resources| reading)?|more stories|you (?:may|might) also like)\s*$", re.I)
_LIST_ITEM_WORDS = 25
_TEASER_META = re.compile(r"(?:\w{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\w{3,9}\s+\d{4})\s*[—–-]\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*$")


def _same_text(a: str, b: str) -> bool:
    return _normalise(a) == _normalise(b)


def _normalise(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return re.sub(r"[\W_]+", " ", s).strip()


def _only_social_names(line: str) -> bool:
    tokens = _TOKEN.findall(line.lower())
    names = load_words("social_networks.txt")
    return bool(tokens) and all(t in names for t in tokens)
