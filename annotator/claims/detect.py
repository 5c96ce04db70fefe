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

import bisect
import hashlib
import itertools
import re

from ..attribute.intervals import reaching
from ..model import Article, Claim, Number, Span, Vague
from ..segment import trimmed
from ..tokens import token_range
from ..tokens import words as all_words
from .kinds import SignalIndex
from .model import load_model
from .numbers import find_numbers, is_quantity
from .register import CONVERSATION_THRESHOLD, Conversation, past_turn

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
    cited_in = _Citations((sp.start, s.id, rank[s.kind]) for s in article.sources for sp in s.spans if s.kind in rank)
    vague_at = _VagueIndex(article.vague)
    signals_at = SignalIndex(text)
    model = load_model()
    scorer = model.scorer(text) if model else None
    sentences = article.sentences
    conversation = Conversation(article)
    first = 0
    # the quotes that reach into each paragraph, then into each of its sentences: swept, not searched
    quotes_of = reaching(((p.start, p.end) for p in article.paragraphs), article.quotes, _span, slack=2)
    for p, paragraph_quotes in zip(article.paragraphs, quotes_of):
        inherited: str | None = None
        paragraph_numbers = _Numbers(find_numbers(text, p.start, p.end))
        while first < len(sentences) and sentences[first].start < p.start:
            first += 1
        last = first
        while last < len(sentences) and sentences[last].start < p.end:
            last += 1
        in_sentences = reaching(((s.start, s.end) for s in sentences[first:last]), paragraph_quotes, _span, slack=2)
        for sentence, quotes in zip(sentences[first:last], in_sentences):
            region, claimant = _claim_region(article, sentence, quotes, vague_at)
            cited = cited_in.first(sentence.start, sentence.end)
            if region is not None:
                region = Span(past_turn(text, region.start, region.end), region.end)  # not "((Jane Doe))"
            if region is None or region.start >= region.end:
                inherited = cited or inherited
                continue
            numbers = paragraph_numbers.within(region.start, region.end)
            source = cited or (inherited if any(is_quantity(n) for n in numbers) else None)
            inherited = cited or inherited
            whole = signals_at.read(region.start, region.end, numbers, sourced=source is not None)
            score = _checkworthiness(scorer, region, numbers, whole)
            if score < (model.threshold if model else THRESHOLD):
                continue
            if score < CONVERSATION_THRESHOLD and conversation.holds(sentence.start):
                continue  # an interviewee's account of their own life and views
            whole_start, whole_end = region.start, region.end
            region = _best_clause(text, region, source is not None, signals_at, paragraph_numbers)
            opening = _trim(text, sentence.start, sentence.end)
            if region.start > past_turn(text, opening.start, opening.end) + 1:  # a clause: no closing stop
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


def _claim_region(article: Article, sentence: Span, quotes: list, vague_at: _VagueIndex) -> tuple[Span | None, str | None]:
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
    v = vague_at.first(sentence.start, sentence.end)
    if v is not None:
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


def _best_clause(text: str, region: Span, sourced: bool, signals_at: SignalIndex, numbers: _Numbers) -> Span:
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
        inside = numbers.within(piece.start, piece.end)
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


def _span(item) -> tuple[int, int]:
    return item.start, item.end


class _Numbers:
    """A paragraph's numbers (``find_numbers`` gives them in order, none overlapping: starts and ends both rise)."""

    def __init__(self, numbers: list[Number]):
        self.numbers = numbers
        self.starts = [n.start for n in numbers]
        self.ends = [n.end for n in numbers]

    def within(self, start: int, end: int) -> list[Number]:
        """The numbers inside ``text[start:end]``, in order."""
        return self.numbers[bisect.bisect_left(self.starts, start):bisect.bisect_right(self.ends, end)]


class _Citations:
    """The sources cited, by rank then position: the first starting in a sentence is its source."""

    def __init__(self, cited):
        by_rank: dict[int, list[tuple[int, str]]] = {}
        for start, sid, rank in cited:
            by_rank.setdefault(rank, []).append((start, sid))
        self.ranks = [sorted(found, key=lambda c: c[0]) for _, found in sorted(by_rank.items())]
        self.starts = [[c[0] for c in found] for found in self.ranks]

    def first(self, start: int, end: int) -> str | None:
        for found, starts in zip(self.ranks, self.starts):
            i = bisect.bisect_left(starts, start)
            if i < len(starts) and starts[i] < end:
                return found[i][1]
        return None


class _VagueIndex:
    """The vague attributions, looked up by where they start (``find_sources`` lists them in text order)."""

    def __init__(self, vague: list[Vague]):
        self.vague = vague
        self.starts = [v.start for v in vague]
        self.in_order = all(a <= b for a, b in itertools.pairwise(self.starts))

    def first(self, start: int, end: int) -> Vague | None:
        """The first attribution (in the list's order) that starts in ``text[start:end]``."""
        if not self.in_order:
            return next((v for v in self.vague if start <= v.start < end), None)
        i = bisect.bisect_left(self.starts, start)
        return self.vague[i] if i < len(self.starts) and self.starts[i] < end else None
