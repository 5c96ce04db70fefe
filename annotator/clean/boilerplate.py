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
import re._constants as re_constants  # the regex parser: to read the literal text a rule requires
import re._parser as re_parser
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
    needle: str | None  # case-folded text every match contains: a line without it is skipped unread
    openings: frozenset[str] | None  # the lower-case characters a match can begin with (None: any)


@cache
def _rules() -> tuple[Rule, ...]:
    rules = []
    for kind, entries in load_yaml("boilerplate.yml").items():
        for entry in entries:
            pattern = re.compile(entry["pattern"], re.IGNORECASE)
            rules.append(Rule(kind, pattern, entry.get("max_words"), _required_text(entry["pattern"]),
                              _openings(entry["pattern"])))
    return tuple(rules)


def _required_text(pattern: str) -> str | None:
    """The longest literal run (3+ characters) at the top level of a pattern, case-folded.

    Rules such as ".{0,400}\\bbuy now" would otherwise try hundreds of starts on every long line.
    """
    longest, run = "", ""
    for op, value in re_parser.parse(pattern, re.IGNORECASE):
        if op is re_constants.LITERAL:
            run += chr(value)
            continue
        longest, run = max(longest, run, key=len), ""
    longest = max(longest, run, key=len)
    return longest.casefold() if len(longest) >= 3 else None


def _openings(pattern: str) -> frozenset[str] | None:
    """The characters (lower-cased) a match of a rule's pattern can begin with, or None when the
    pattern does not say plainly.  Most lines begin with a letter most rules cannot begin with, and a
    set look-up is cheaper than a failing match."""
    return _openings_of(re_parser.parse(pattern, re.IGNORECASE))


def _openings_of(ops) -> frozenset[str] | None:
    c = re_constants
    ops = list(ops)
    for i, (op, value) in enumerate(ops):
        if op is c.AT:
            continue  # "^", "\\b": no character taken
        if op is c.LITERAL:
            return _case_forms([chr(value)])
        if op is c.IN:
            chars = []
            for item_op, item in value:
                if item_op is c.LITERAL:
                    chars.append(chr(item))
                elif item_op is c.RANGE and item[1] < 128:
                    chars.extend(map(chr, range(item[0], item[1] + 1)))
                else:
                    return None  # a class (\\w, \\d), a negation or a wide range: anything
            return _case_forms(chars)
        if op is c.BRANCH:
            branches = [_openings_of(branch) for branch in value[1]]
            return None if None in branches else frozenset().union(*branches)
        if op is c.SUBPATTERN:
            return _openings_of(value[-1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            if value[0] > 0:
                return _openings_of(value[2])
            optional, after = _openings_of(value[2]), _openings_of(ops[i + 1:])  # "(a version of )?this"
            return None if optional is None or after is None else optional | after
        return None
    return None


def _case_forms(chars) -> frozenset[str]:
    """The characters as ``classify_line`` compares them (lower-cased), with the forms that fold to them."""
    return frozenset(form for ch in chars for form in (ch, ch.lower(), ch.casefold()))


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_ONLY = re.compile(
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*[A-Z]{2,4})?)?", re.I)
_LONGEST_RULE = 160  # words: no rule looks at longer lines
_ONLY_SYMBOLS = re.compile(r"[\W_]*", re.UNICODE)
_TOKEN = re.compile(r"[a-z+]+")


def classify_line(line: str, *, position: int = 99, words: int | None = None) -> str | None:
    """The boilerplate kind of one stripped body line, or None for article text.

    ``position`` is the line's 0-based index in the body; the repeated headline
    is only looked for near the top.  ``words`` is the line's word count, if known.
    """
    if not line:
        return None
    if not line[0].isalnum() and _ONLY_SYMBOLS.fullmatch(line):
        return "navigation"  # "***", "* * *", "____", "."
    if position < 2 and _DATE_ONLY.fullmatch(line):
        return "dateline"  # a timestamp above the story; further down, dates head sections of timelines
    if len(line) >= 2000:
        words = _LONGEST_RULE + 1
    elif words is None:
        words = len(line.split())
    if words > _LONGEST_RULE:
        return None
    if 2 <= words <= 12 and _only_social_names(line):
        return "share-prompt"  # a row of share buttons; a lone name may be a subheading
    folded = line.casefold()
    # any rule may match a line opening with a non-ASCII letter (case-insensitive matching folds some)
    for rule in _rules_for(words, line[0].lower() if line[0].isascii() else None):
        if (rule.needle is None or rule.needle in folded) and rule.pattern.match(line):
            return rule.kind
    return None


@cache
def _rules_for(words: int, opening: str | None) -> tuple[Rule, ...]:
    """The rules that may apply to a line of this many words opening with this (lower-cased)
    character, in order: long lines face few, and most openings rule most rules out."""
    return tuple(r for r in _rules() if (r.max_words is None or words <= r.max_words)
                 and (opening is None or r.openings is None or opening in r.openings))


def classify_lines(lines: list[str], title: str | None = None, headline: str | None = None,
                   joined: list[bool] | None = None) -> list[str | None]:
    """The boilerplate kind of each body line (None for article text), using its neighbours.

    ``title`` is the headline without its outlet, ``headline`` the whole first line;
    ``joined[i]`` says line i follows line i-1 with no blank line between.
    """
    words = [len(line.split()) for line in lines]
    kinds = [classify_line(line, position=i, words=words[i]) for i, line in enumerate(lines)]
    last = len(lines)
    joined = joined or [False] * last
    # the headline printed again at the top (or the foot) of the page
    heads = [_normalise(h) for h in (title, headline) if h and len(h.split()) >= 2]
    longest_head = 2 * max((len(h) for h in (title, headline) if h), default=0) + 60
    for i, line in enumerate(lines):
        if heads and (i < _TOP or i >= last - 2) and len(line) <= longest_head and _is_headline_copy(_normalise(line), heads):
            kinds[i] = "repeated-headline"
            if i < _TOP and i < last - 3:  # what sits above it is the page's header: kicker, deck, share counters
                for j in range(i):
                    if kinds[j] is None and words[j] <= 40:
                        kinds[j] = "navigation"
    # a date on its own line under the page's header furniture: the story's timestamp
    for i in range(min(last, _TOP)):
        if kinds[i] is None:
            if _DATE_ONLY.fullmatch(lines[i].strip()) and all(k is not None for k in kinds[:i]):
                kinds[i] = "dateline"
            break
    # the bullet points under "Story highlights"
    for i in range(1, min(last, _TOP + 2)):
        if kinds[i] is None and kinds[i - 1] == "navigation" and _HIGHLIGHTS.match(lines[i - 1]) \
                and words[i] <= 25 and not lines[i].rstrip().endswith("."):
            kinds[i] = "navigation"
    for i, line in enumerate(lines):
        if kinds[i] is None and words[i] == 1 and _URL_ONLY.fullmatch(line):
            kinds[i] = "related-link"
        elif kinds[i] is None and i >= last - _BIO_REACH and words[i] <= 120 and (_BIO.match(line) or _ABOUT_ORG.match(line)):
            kinds[i] = "author-bio"
    # a list of links under a header such as "Related:" or "Read more:"
    i = 0
    while i < last:
        if kinds[i] == "related-link" and _LIST_HEADER.search(lines[i]):
            j = i + 1
            shape = _shape(lines[j]) if j < last else None
            # the list ends where a line stops looking like its first item (a subheading, a sentence)
            while j < last and kinds[j] in (None, "related-link") and _looks_like_link(lines[j]) and _shape(lines[j]) == shape:
                kinds[j] = "related-link"
                j += 1
            i = j
        else:
            i += 1
    # a teaser between two teaser lines ("May 23, 2008 — Jim Bray") is one too
    for i in range(1, last - 1):
        if kinds[i] is None and kinds[i - 1] == kinds[i + 1] == "related-link" and _TEASER_META.match(lines[i - 1]) \
                and _TEASER_META.match(lines[i + 1]) and words[i] <= 60:
            kinds[i] = "related-link"
    # readers' comments: "Name  September 27, 2016" headers, each followed by its comment
    headers = [i for i, line in enumerate(lines) if kinds[i] is None and words[i] <= 12 and _COMMENT_HEADER.fullmatch(line)]
    if len(headers) >= 2:
        for n, i in enumerate(headers):
            kinds[i] = "comment"
            stop = headers[n + 1] if n + 1 < len(headers) else min(last, i + 2)
            for j in range(i + 1, stop):
                if kinds[j] is None and words[j] <= 150:
                    kinds[j] = "comment"
    # share buttons one per line: a lone network name next to another
    for i, line in enumerate(lines):
        if kinds[i] is None and words[i] == 1 and _only_social_names(line):
            if any(0 <= j < last and words[j] <= 12 and _only_social_names(lines[j]) for j in (i - 1, i + 1)):
                kinds[i] = "share-prompt"
    # the caption under an "Image caption" label
    for i in range(1, last):
        if kinds[i] is None and words[i - 1] <= 6 and words[i] <= 40 and _CAPTION_LABEL.fullmatch(lines[i - 1]):
            kinds[i] = "image-credit"
    # a teaser block: a kicker or headline and its standfirst glued to "Read more"
    for i, line in enumerate(lines):
        if kinds[i] == "related-link" and words[i] <= 3 and joined[i]:
            j = i - 1
            while j >= 0 and i - j <= 2 and kinds[j] is None and words[j] <= 40 and (j == i - 1 or joined[j + 1]):
                kinds[j] = "related-link"
                if not joined[j]:
                    break
                j -= 1
    # a run of headlines with no blank line between: links to other stories
    i = 0
    while i < last:
        j = i
        while j < last and kinds[j] is None and words[j] <= 16 and _looks_like_headline(lines[j]) and (j == i or joined[j]):
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                kinds[k] = "related-link"
        i = max(j, i + 1)
    # the author's bio at the foot, naming the byline's author
    authors = [m.group(1) for line, kind in zip(lines, kinds) if kind == "author-bio" for m in [_BYLINE_NAME.match(line)] if m]
    for i in range(max(0, last - 4), last):
        if kinds[i] is None and any(_starts_with_name(lines[i], a) for a in authors):
            kinds[i] = "author-bio"
    # an author's bio at the foot that introduces someone the story never named:
    # "Alan Joel has been a practicing CPA ...", and what follows it
    content_lines = [i for i in range(last) if kinds[i] is None]  # the reach is counted past trailing furniture
    for i in content_lines[-_BIO_REACH:]:
        m = _NEW_PERSON_BIO.match(lines[i])
        if kinds[i] is None and m and words[i] <= 120 and (m.group("wrote") or _names_a_calling(lines[i][m.end():])):
            surname = m.group(1).split()[-1]
            # the name alone on a line (a signature) does not count as the story naming them
            if not any(surname in lines[j] for j in range(last) if j != i and kinds[j] is None and words[j] > 4):
                kinds[i] = "author-bio"
                if i and kinds[i - 1] is None and words[i - 1] <= 4 and surname in lines[i - 1]:
                    kinds[i - 1] = "author-bio"
                break
    # a closing block under "Contacts and sources:" or "DISCLAIMER", or after such a bio: a few short lines
    for i in range(last // 2, last):
        if kinds[i] in ("author-bio", "copyright") and _TAIL_HEADER.fullmatch(lines[i].strip()) or \
                kinds[i] == "author-bio" and i in content_lines[-_BIO_REACH:] and _NEW_PERSON_BIO.match(lines[i]):
            for j in range(i + 1, min(last, i + 1 + _TAIL_BLOCK)):
                if kinds[j] is None and words[j] <= 80:
                    kinds[j] = kinds[i]
            break
    # a caption printed twice: the short copy sits next to the credited one
    credited = "image-credit" in kinds  # (asked once: per line, the search is quadratic in a long file)
    for i, line in enumerate(lines):
        if kinds[i] is None and words[i] >= 4 and credited:
            for j in (i - 2, i - 1, i + 1, i + 2):
                if 0 <= j < last and kinds[j] == "image-credit" and lines[j].startswith(line) and len(lines[j]) > len(line):
                    kinds[i] = "image-credit"
                    break
    return kinds


@cache
def _callings() -> frozenset[str]:
    """Words that say what someone does: the speakers' roles, and the nouns of authors' bios."""
    return load_words("roles.txt") | load_words("bio_nouns.txt")


def _names_a_calling(rest: str) -> bool:
    """Whether the words after "X is a" / "X has been a" name what X does ("practicing CPA", "graduate of")."""
    callings = _callings()
    return any(w.strip(".,;:()").lower() in callings for w in rest.split()[:8])


def _is_headline_copy(line: str, heads: list[str]) -> bool:
    """The same headline, or the headline with a kicker or deck run on to it."""
    for head in heads:
        if line == head:
            return True
        if len(line.split()) >= 4 and line.startswith(head) and len(line) <= 2 * len(head) + 40:
            return True  # a headline with its deck run on
        if len(line.split()) >= 4 and head.startswith(line) and len(line) >= 0.7 * len(head):
            return True  # a headline cut short
    return False


def _looks_like_headline(line: str) -> bool:
    """Short, Title Case, no full stop: "Hillary Clinton Officially Wins Popular Vote"."""
    words = line.split()
    if not 3 <= len(words) <= 16 or line.rstrip("”\"'’)").endswith((".", ",", ";", ":")) or _LIST_MARKER.match(line):
        return False
    content = [w for w in words if w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    return len(content) >= 2 and sum(w[0].isupper() for w in content) >= 0.8 * len(content)


def _starts_with_name(line: str, author: str) -> bool:
    parts = author.split()
    candidates = {author, parts[0], parts[-1]} if len(parts) > 1 else {author}
    return any(re.match(rf"{re.escape(c)}(?:,|\s+(?:is|was|has|writes|publishes|lives|can)\b)", line) for c in candidates if len(c) > 2)


def _shape(line: str) -> tuple[bool, bool]:
    """What kind of list item a line is: a URL, or a "Name - description" entry."""
    return bool(_URL_ONLY.fullmatch(line)), bool(re.search(r"\s[-–—|]\s", line))


def _looks_like_link(line: str) -> bool:
    """A list item under "Read more:": a headline or a URL, not a sentence of the story."""
    if _URL_ONLY.fullmatch(line):
        return True
    return len(line.split()) <= _LIST_ITEM_WORDS and not line.rstrip("”\"'’)").endswith(".")


def clean(article: Article) -> Article:
    """Split the article's lines into body paragraphs and removed boilerplate."""
    text = article.text
    kept: list[Span] = []
    removed: list[Removed] = list(article.removed)  # a web page's left-out parts are notes already
    headline = text[article.title_span.start:_line_end(text, article.title_span.start)] if article.title_span else None
    joined = [i > 0 and text.count("\n", article.lines[i - 1].end, line.start) == 1 for i, line in enumerate(article.lines)]
    kinds = classify_lines([line.slice(text) for line in article.lines], article.title, headline, joined)
    for line, kind in zip(article.lines, kinds):
        if kind is None:
            kept.append(line)
        else:
            removed.append(Removed(kind=kind, start=line.start, end=line.end, text=line.slice(text)))
    return article.with_(paragraphs=kept, removed=sorted(removed, key=lambda r: r.start))


_LIST_MARKER = re.compile(r"[-–—*•·>]|\d+[.)]\s")
_SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "is", "vs", "via"}
_BYLINE_NAME = re.compile(r"(?:by|written by|posted by)\s*:?\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})", re.I)
_COMMENT_HEADER = re.compile(
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}"
    r"(?:\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:am|pm)?)?", re.I)
_TOP = 6  # lines from the top where page-header furniture sits
_HIGHLIGHTS = re.compile(r"story highlights\b", re.I)
_CAPTION_LABEL = re.compile(r"(?:image|photo|video)\s+caption|image\s+copyright.{0,40}", re.I)
_URL_ONLY = re.compile(r"\(?(?:(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|info|news|io|co\.uk|org\.uk|uk|us|ca|au|tv)(?:/\S*)?)\)?\.?")
_BIO_REACH = 3  # author bios sit in the last lines of a page
_TAIL_BLOCK = 5  # lines a closing block (contacts, disclaimer, the rest of a bio) runs on for
_BIO = re.compile(
    r"(?:[—–-]\s*)?[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*\(@\w+\))?(?:,\s*[A-Z]{2,5},)?\s+is\s+"
    r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?(?i:writer|reporter|journalist|editor|columnist|contributor|correspondent|"
    r"blogger|author|commentator|analyst|producer|novelist|freelancer|fellow|scholar)s?\s+(?:for|at|with|of|on|in|to)\b")
_ABOUT_ORG = re.compile(r"(?:The\s+)?[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){0,4}\s+is\s+an?\s+(?:independent|non-?profit|nonpartisan|non-partisan)\b")
# "Mike Gleason is a Director with ...", "Joseph P. Martino has authored ...": a full name, then a bio verb
_NEW_PERSON_BIO = re.compile(
    r"([A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z][\w'’-]*){1,2})\s+"
    r"(?:is\s+(?:a|an|the)\s|is\s+(?:a\s+)?(?i:former|retired|senior|founder|director|editor|commander|president|professor)\b|"
    r"has\s+been\s+(?:a|an)\s|(?P<wrote>has\s+(?:authored|written|published)\b|publishes\b|writes\s+(?:for|about|on)\b))")
_TAIL_HEADER = re.compile(r"(?:contacts?\s+and\s+sources?|disclaimers?)\s*:?", re.I)
_LIST_HEADER = re.compile(r"(?::|»|>>)\s*$|^(?:related(?: posts| stories| articles)?|recommended(?: resources| reading)?|more stories|you (?:may|might) also like)\s*$", re.I)
_LIST_ITEM_WORDS = 25
_TEASER_META = re.compile(r"(?:\w{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\w{3,9}\s+\d{4})\s*[—–-]\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*$")


def _normalise(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return re.sub(r"[\W_]+", " ", s).strip()


def _only_social_names(line: str) -> bool:
    tokens = _TOKEN.findall(line.lower())
    names = load_words("social_networks.txt")
    return bool(tokens) and all(t in names for t in tokens)


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end
