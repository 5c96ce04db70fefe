"""Find check-worthy claims, sentence by sentence.

For each sentence the claim is the part that asserts something: the words a
speaker is reported to have said (the claimant is that speaker), or the
sentence without its attribution ("According to X, ", ", the Guardian
reports").  A sentence with several clauses keeps the clause that carries the
signal ("…, with only 10 percent volunteering" -> "only 10 percent volunteering").
A claim cites the source named in its sentence; the following sentences of the
same paragraph that carry on with figures inherit it.
"""

from __future__ import annotations

import hashlib
import re

from ..model import Article, Claim, Span
from ..segment import trimmed
from ..tokens import token_range
from ..tokens import words as all_words
from .kinds import SignalIndex
from .model import load_model
from .numbers import find_numbers, is_quantity

THRESHOLD = 0.5
_CLAUSE = re.compile(r",\s+(?=(?:with|as|while|whereas|which|outlining|adding|saying|amid|despite|following|after)\b)|;\s+")
_LEAD_WORDS = re.compile(r"(?:with|as|while|whereas|and|but|so)\s+", re.I)
# the verbs of "X reported that …", "the paper says …", "…, X said"; the patterns below are built from them
_NAMED_VERBS = ("report", "reports", "reported", "says", "said", "writes", "wrote", "claims", "claimed", "revealed", "reveals")
_ANAPHORIC_VERBS = ("report", "reports", "reported", "says", "said", "claims")
_SUFFIX_VERBS = ("report", "reports", "reported", "says", "said", "writes", "wrote", "claims", "added")
_ATTRIBUTION_PREFIX = re.compile(
    rf"(?:(?i:according)\s+to\s+[^,]{{2,120}},\s*|(?:the\s+)?[A-Z][\w’'. -]{{1,60}}?\s+(?:{'|'.join(_NAMED_VERBS)})\s+(?:that\s+)?|"
    rf"(?:the|The)\s+(?:paper|newspaper|broadcaster|report|agency|magazine|website|network)\s+(?:{'|'.join(_ANAPHORIC_VERBS)})\s+(?:that\s+)?)")
_ATTRIBUTION_SUFFIX = re.compile(
    rf",\s+(?:the\s+)?[A-Z][\w’'. -]{{1,60}}?\s+(?:{'|'.join(_SUFFIX_VERBS)})\s*[.!?]?[\"”’']?$|,\s+according\s+to\s+[^,]{{2,120}}[.!?]?$")
_WORDS = re.compile(r"[\w’'-]+")
_EDGES = "\"“”‘’',;:—–-"  # trimmed off a claim's ends
_CLOSING_EDGES = _EDGES + ".!"
# the patterns need one of these words: a sentence without them is not tried (a token may keep a closing apostrophe)
_ATTRIBUTION_WORDS = frozenset(w + end for w in ("according", *_NAMED_VERBS, *_ANAPHORIC_VERBS, *_SUFFIX_VERBS) for end in ("", "'", "’"))


def find_claims(article: Article) -> Article:
    text = article.text
    claims: list[Claim] = []
    seen: set[str] = set()
    # attribution sources first: in "the paper reports that an email was sent", the paper is the source
    rank = {"outlet-report": 0, "statistics": 0, "study": 0, "poll": 0, "court-filing": 1, "document": 2}
    source_spans = sorted(((sp, s.id, s.kind) for s in article.sources for sp in s.spans if s.kind in rank),
                          key=lambda x: (rank[x[2]], x[0].start))
    signals_at = SignalIndex(text)
    model = load_model()
    scorer = model.scorer(text) if model else None
    sentences = article.sentences
    first = 0
    for p in article.paragraphs:
        inherited: str | None = None
        paragraph_numbers = find_numbers(text, p.start, p.end)
        paragraph_quotes = [q for q in article.quotes if q.start < p.end and q.end + 2 >= p.start]
        while first < len(sentences) and sentences[first].start < p.start:
            first += 1
        last = first
        while last < len(sentences) and sentences[last].start < p.end:
            last += 1
        for sentence in sentences[first:last]:
            reaching = [q for q in paragraph_quotes if q.start < sentence.end and q.end + 2 >= sentence.start]
            region, claimant = _claim_region(article, sentence, reaching)
            cited = next((sid for sp, sid, kind in source_spans if sentence.start <= sp.start < sentence.end), None)
            if region is None:
                inherited = cited or inherited
                continue
            numbers = [n for n in paragraph_numbers if region.start <= n.start and n.end <= region.end]
            source = cited or (inherited if any(is_quantity(n) for n in numbers) else None)
            inherited = cited or inherited
            whole = signals_at.read(region.start, region.end, numbers, sourced=source is not None)
            score = _checkworthiness(scorer, region, numbers, whole)
            if score < THRESHOLD and (model is None or score < model.threshold):
                continue
            whole_start, whole_end = region.start, region.end
            region = _best_clause(text, region, source is not None, signals_at, paragraph_numbers)
            if region.start > _trim(text, sentence.start, sentence.end).start + 1:  # a clause: no closing stop
                region = _trim(text, region.start, region.end, closing=True)
            if (region.start, region.end) == (whole_start, whole_end):
                signals = whole
            else:
                numbers = [n for n in numbers if region.start <= n.start < region.end]
                signals = signals_at.read(region.start, region.end, numbers, sourced=source is not None)
            if not signals.types:
                signals.types = whole.types
            claim_text = text[region.start:region.end]
            cid = "c-" + hashlib.sha1(claim_text.encode("utf-8")).hexdigest()[:8]
            if cid in seen:
                continue
            seen.add(cid)
            claims.append(Claim(
                id=cid, text=claim_text, start=region.start, end=region.end, type=signals.type,
                numbers=numbers, claimant=claimant, source=source, score=score,
            ))
    return article.with_(claims=claims)


def _checkworthiness(scorer, region: Span, numbers, signals) -> float:
    """The model's probability that a statement is check-worthy (the rules' score without a model)."""
    if scorer is None:
        return signals.score
    # the model knows political and news claims; the rules catch the typed claims it has seen
    # too few of (predictions, rules, causes): either may flag a statement
    probability = scorer.probability(region.start, region.end, numbers, signals.present)
    return max(probability, signals.score) if signals.score >= THRESHOLD else probability


def _claim_region(article: Article, sentence: Span, quotes: list) -> tuple[Span | None, str | None]:
    """The asserting part of a sentence and who asserts it (None: the article).

    ``quotes`` are the article's quotes that reach into the sentence.
    """
    text = article.text
    for q in quotes:
        for part in q.segments or [Span(q.start, q.end)]:
            if part.start <= sentence.start and sentence.end <= part.end + 2:
                return _trim(text, sentence.start, min(sentence.end, part.end)), q.speaker
            overlap = min(part.end, sentence.end) - max(part.start, sentence.start)
            if overlap > 0.5 * (sentence.end - sentence.start) or (part.start >= sentence.start and part.end <= sentence.end and q.type != "direct"):
                return _trim(text, max(sentence.start, part.start), min(sentence.end, part.end)), q.speaker
    for v in article.vague:
        if sentence.start <= v.start < sentence.end:
            cue_end = v.start + len(v.cue)
            return _trim(text, cue_end, min(v.end, sentence.end)), None
    start, end = sentence.start, sentence.end
    first, last = token_range(text, start, end)
    if not _ATTRIBUTION_WORDS.isdisjoint(all_words(text)[first:last]):  # both patterns need one of these words
        m = _ATTRIBUTION_PREFIX.match(text, start, end)
        if m:
            start = m.end()
        m = _ATTRIBUTION_SUFFIX.search(text, start, end)
        if m:
            end = m.start()
    return _trim(text, start, end), None


def _best_clause(text: str, region: Span, sourced: bool, signals_at: SignalIndex, numbers) -> Span:
    """The clause of a sentence that carries the claim, or the whole sentence."""
    cuts = [m for m in _CLAUSE.finditer(text, region.start, region.end)]
    if not cuts:
        return region
    pieces, cursor = [], region.start
    for m in cuts:
        pieces.append(Span(cursor, m.start()))
        cursor = m.end()
    pieces.append(Span(cursor, region.end))
    scored = []
    for piece in pieces:
        lead = _LEAD_WORDS.match(text, piece.start, piece.end)
        piece = _trim(text, lead.end() if lead else piece.start, piece.end)
        if piece.end - piece.start < 8:
            continue
        inside = [n for n in numbers if piece.start <= n.start and n.end <= piece.end]
        signals = signals_at.read(piece.start, piece.end, inside, sourced=sourced)
        scored.append((signals.score, piece))
    if not scored:
        return region
    # keep the whole sentence unless one clause alone carries the signal
    strong = [piece for score, piece in scored if score >= THRESHOLD]
    return strong[0] if len(strong) == 1 else region


def _trim(text: str, start: int, end: int, *, closing: bool = False) -> Span:
    edges = _CLOSING_EDGES if closing else _EDGES
    return Span(*trimmed(text, start, end, edges, edges))
