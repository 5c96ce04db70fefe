"""Sources: where an article's information comes from.

- cited outlets: "the Guardian reports", "according to Reuters", and "the paper
  reports" for the outlet named last;
- documents: "an email ... says", "a statement from", "a report by";
- statistics and data: "official statistics from the Met Police";
- studies, polls and court filings;
- the syndication chain, read from the removed credit lines;
- vague attributions: "critics warn", "it is believed", "experts say".
"""

from __future__ import annotations

import re

from ..attribute.gazetteer import gazetteer
from ..attribute.names import find_names
from ..model import Article, Source, Span
from ..slug import slugify
from .syndication import read_credits
from .vague import find_vague

_OUTLET_CUE = r"(?:reports?|reported|reporting|says|said|revealed|reveals|learned|learnt|understands|claims|claimed|noted|wrote|writes|obtained|has\s+reported|has\s+learned|quoted)"
_OUTLET_AFTER = re.compile(rf"(?:’s|'s)?\s*,?\s*{_OUTLET_CUE}\b")
_OUTLET_BEFORE = re.compile(r"(?:according\s+to|reported\s+by|told|in\s+an\s+interview\s+with|speaking\s+to|quoted\s+by|cited\s+by|via)\s+(?:the\s+)?$", re.I)
_ANAPHORIC_OUTLET = re.compile(  # "[Tt](?<!\w.)he": "\bthe" with a first letter to scan for
    rf"[Tt](?<!\w.)he\s+(?:paper|newspaper|broadcaster|outlet|agency|news\s+agency|magazine|website|site|network|channel|daily|tabloid|publication)\s+{_OUTLET_CUE}\b")
_DOCUMENT_NOUNS = (r"e-?mails?|letters?|memos?|memorandum|statements?|press\s+releases?|documents?|dossiers?|briefings?|"
                   r"filings?|transcripts?|leaked\s+\w+|court\s+(?:documents|papers|filings|records)|lawsuits?|complaints?|"
                   r"indictments?|affidavits?|report(?!s)|white\s+papers?|guidance|minutes|note(?!s)")
_DOCUMENT = re.compile(
    # "\b(?:an?|the|a leaked|…|this)" written to start with its first letter, which the scan can jump to
    rf"(?P<det>[aAtT](?<!\w.)(?i:(?<=a)(?:n?|\s+leaked|\s+new)|(?<=t)(?:he|he\s+leaked|his)))\s+(?P<pre>(?:[A-Z][\w’'-]*\s+){{0,3}})(?P<noun>{_DOCUMENT_NOUNS})\b"
    r"(?P<post>\s+(?:from|by|of|to|sent|seen|obtained|published|released|issued|written|says|said|states|stated|shows|showed|reveals|revealed|has\s+been|was|outlining|warns|warned|claims|claimed|found|finds|suggests|suggested|concluded|concludes)\b[^.;]{0,80})?")
# a paragraph without any of these words cannot cite that kind of source: skip the pattern
_STATISTICS_WORDS = ("statistic", "figures", "data", "numbers", "estimates", "stats")
_STUDY_WORDS = ("study", "survey", "poll", "analysis", "review", "research", "report", "census", "audit", "inquiry",
                "investigation", "paper")
_DOCUMENT_WORDS = ("mail", "letter", "memo", "statement", "release", "document", "dossier", "briefing", "filing",
                   "transcript", "leaked", "court", "lawsuit", "complaint", "indictment", "affidavit", "report", "paper",
                   "guidance", "minutes", "note")
_STATISTICS = re.compile(
    r"\b(?:(?:official|new|latest|government|police|crime|recent|published|provisional|annual|monthly)\s+)*"
    r"(?P<noun>statistics|figures|data|numbers|estimates|stats)\s+(?:from|by|published\s+by|released\s+by|compiled\s+by|of|for)\s+"
    r"(?P<who>(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+)?[A-Z][\w’'&.-]*){0,6})")
_STATISTICS_ORG_FIRST = re.compile(r"\b(?P<who>[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,4})\s+(?P<noun>statistics|figures|data|estimates)\b")
_STUDY = re.compile(  # "\b(?:a|an|the|new|recent|latest)" written to start with its first letter, as above
    r"[antrl](?<!\w.)(?:(?<=a)n?|(?<=t)he|(?<=n)ew|(?<=r)ecent|(?<=l)atest)\s+(?:new\s+|recent\s+|latest\s+|major\s+|national\s+)?(?P<noun>study|survey|poll|opinion\s+poll|analysis|review|research|report|census|audit|inquiry|investigation|paper)"
    r"\s+(?:by|from|of|published\s+(?:in|by)|conducted\s+by|carried\s+out\s+by|commissioned\s+by|for)\s+"
    r"(?P<who>(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+|on\s+)?[A-Z][\w’'&.-]*){0,6})")

# a journal or preprint server a finding was published in: "published Wednesday in Nature Astronomy",
# "posted to the preprint server arXiv"; the name is the capitalised run (or a known server) after "in"/"to"
_SERVERS = r"arXiv|bioRxiv|medRxiv|chemRxiv|eLife|PLOS\s+ONE|PLoS\s+ONE"
_JOURNAL = re.compile(
    r"\b(?:published|appear(?:s|ed|ing)|posted|reported|described|detailed|outlined)\s+(?:\w+\s+){0,2}?(?:in|to|on)\s+"
    r"(?:the\s+)?(?:(?:(?:medical|scientific|peer-reviewed|academic)\s+)?journal\s+|preprint\s+(?:server|site|repository)\s+)?"
    rf"(?:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*(?:’s|'s)\s+)?(?P<who>{_SERVERS}|(?-i:[A-Z])[\w&-]*(?:\s+(?:of\s+(?:the\s+)?)?(?-i:[A-Z])[\w&-]*){{0,4}})")
_JOURNAL_WORDS = ("published", "appear", "posted", "reported", "described", "detailed", "outlined")
_NOT_JOURNALS = frozenset("january february march april may june july august september october november december monday "
                          "tuesday wednesday thursday friday saturday sunday".split())


def _journal_name(m: re.Match) -> str | None:
    """The journal a finding was published in, or None for a date, a place, a person or an outlet."""
    who = m.group("who")
    if who.split()[0].lower() in _NOT_JOURNALS:
        return None
    if re.fullmatch(_SERVERS, who):
        return who
    known = gazetteer().lookup(who)
    if known is not None and known.kind in ("place", "country", "outlet"):
        return None
    # a journal's name: "Nature", "Nature Astronomy", "The Lancet", "Science" (and not "Jane Smith")
    if not (_JOURNAL_HEADS.search(who) or len(who.split()) <= 3 and who.split()[0] in _JOURNAL_FIRST):
        return None
    names = find_names(m.string, m.start("who"), m.end("who"))
    return None if names and names[0].kind in ("place", "outlet") else who


_JOURNAL_HEADS = re.compile(r"\b(?:Journal|Review|Letters|Proceedings|Annals|Bulletin|Reports|Medicine|Lancet|Nature|Science|"
                            r"Cell|Astronomy|Astrophysical|Physics|Chemistry|Biology|Research|Studies|Quarterly)\b")
_JOURNAL_FIRST = frozenset(("Nature", "Science", "Lancet", "Cell", "BMJ", "JAMA", "PNAS", "Neuron", "Gut", "Pediatrics"))


def find_sources(article: Article) -> Article:
    text = article.text
    sources: dict[str, Source] = {}

    def cite(kind: str, name: str, cue: str, span: Span) -> Source:
        sid = slugify(name) or kind
        source = sources.get(sid)
        if source is None:
            source = sources[sid] = Source(id=sid, kind=kind, name=name, text=cue)
        if cue not in source.cues:
            source.cues.append(cue)
        source.spans.append(span)
        return source

    g = gazetteer()
    lower_text = text.lower()
    # the hint words the whole article holds: most articles hold few, so most paragraphs skip most patterns
    statistics_words, study_words, document_words, journal_words = (
        [w for w in words if w in lower_text] for words in (_STATISTICS_WORDS, _STUDY_WORDS, _DOCUMENT_WORDS, _JOURNAL_WORDS))
    last_outlet: str | None = None
    for p in article.paragraphs:
        for n in find_names(text, p.start, p.end):
            if n.kind != "outlet":
                continue
            canonical = n.canonical or n.text
            last_outlet = canonical
            cue = _outlet_cue(text, n.run_start, n.end, p)
            if cue:
                cite("outlet-report", canonical, cue[0], cue[1])
        for m in _ANAPHORIC_OUTLET.finditer(text, p.start, p.end) if last_outlet else ():
            cite("outlet-report", last_outlet, m.group(), Span(m.start(), m.end()))
        # the article lowered once, unless lowering changed its length ("İ")
        lower = lower_text[p.start:p.end] if len(lower_text) == len(text) else text[p.start:p.end].lower()
        for m in (_STATISTICS.finditer(text, p.start, p.end) if statistics_words and any(w in lower for w in statistics_words) else ()):
            name = _capitalise(m.group().strip())
            cite("statistics", name, m.group(), Span(m.start(), m.end()))
        for m in (_STUDY.finditer(text, p.start, p.end) if study_words and any(w in lower for w in study_words) else ()):
            noun = m.group("noun").lower()
            kind = "poll" if "poll" in noun or noun == "survey" else "study"
            cite(kind, _capitalise(m.group().strip()), m.group(), Span(m.start(), m.end()))
        for m in (_JOURNAL.finditer(text, p.start, p.end) if journal_words and any(w in lower for w in journal_words) else ()):
            name = _journal_name(m)
            if name:
                cite("study", name, m.group(), Span(m.start(), m.end()))
        for m in (_DOCUMENT.finditer(text, p.start, p.end) if document_words and any(w in lower for w in document_words) else ()):
            if not m.group("post") and not m.group("pre"):
                continue
            name = _document_name(article, m)
            if name:
                cite("court-filing" if re.search(r"court|lawsuit|filing|indictment|affidavit|complaint", m.group("noun"), re.I) else "document",
                     name, m.group().strip(), Span(m.start(), m.end()))
    vague = [v for p in article.paragraphs for v in find_vague(text, p)]
    original, republisher, credit_sources = read_credits(article)
    for kind, name, line in credit_sources:
        cite(kind, name, line.text, Span(line.start, line.end))
    del g
    return article.with_(
        sources=list(sources.values()),
        vague=vague,
        original_publisher=original or article.original_publisher,
        republisher=republisher or article.republisher,
    )


def _outlet_cue(text: str, start: int, end: int, p: Span) -> tuple[str, Span] | None:
    """"the Guardian reports", "according to Reuters", "told the BBC", "CNN, reported"."""
    after = _OUTLET_AFTER.match(text, end, p.end)
    lead = start - 4 if text[max(p.start, start - 4):start].lower() == "the " else start
    if after:
        return text[lead:after.end()], Span(lead, after.end())
    window_start = max(p.start, start - 40)
    m = _OUTLET_BEFORE.search(text, window_start, start)
    if m:
        return text[m.start():end], Span(m.start(), end)
    return None


def _document_name(article: Article, m: re.Match) -> str | None:
    noun = re.sub(r"\s+", " ", m.group("noun").lower()).rstrip("s") if not m.group("noun").lower().endswith(("ss", "news")) else m.group("noun").lower()
    owner = m.group("pre").strip()
    post = m.group("post") or ""
    by = re.search(r"\b(?:from|by|of)\s+((?:the\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,4})", post)
    who = owner or (by.group(1) if by else "")
    if not who:
        return None
    bare = re.sub(r"^the\s+", "", who, flags=re.I)
    known = gazetteer().lookup(who) or gazetteer().lookup(bare) or gazetteer().lookup("the " + bare)
    who = known.name if known else bare
    return f"{who} {noun}"


def _capitalise(s: str) -> str:
    return s[:1].upper() + s[1:]
