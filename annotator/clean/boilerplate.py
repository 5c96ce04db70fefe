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


def clean(article: Article) -> Article:
    """Split the article's lines into body paragraphs and removed boilerplate."""
    text = article.text
    kept: list[Span] = []
    removed: list[Removed] = []
    for position, line in enumerate(article.lines):
        kind = classify_line(line.slice(text), title=article.title, position=position)
        if kind is None:
            kept.append(line)
        else:
            removed.append(Removed(kind=kind, start=line.start, end=line.end, text=line.slice(text)))
    return article.with_(paragraphs=kept, removed=removed)


def _same_text(a: str, b: str) -> bool:
    return _normalise(a) == _normalise(b)


def _normalise(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return re.sub(r"[\W_]+", " ", s).strip()


def _only_social_names(line: str) -> bool:
    tokens = _TOKEN.findall(line.lower())
    names = load_words("social_networks.txt")
    return bool(tokens) and all(t in names for t in tokens)
