"""Find direct, indirect and mixed quotes and the phrase naming who said each.

Direct quotes come from paired quotation marks; the speaker is read from a
reporting cue right after the closing mark ("…,” Scott said") or right before
the opening one ("Duvall said: “…").  A whole quoted sentence with no cue
carries on the previous speaker.  Indirect quotes are clauses such as "X says
(that) …", "…, X said", "according to X, …" and "X was quoted as saying …".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Span
from .cues import ADJUNCT, ADVERBS, cue_lemma, cue_pattern
from .phrases import Phrase, parse_phrase
from .quotemarks import Quoted

_SENTENCE_END = re.compile(r"[.!?…][\"”’'»)\]]*(?=\s|$)")
_CLAUSE_SPLIT = re.compile(r"(?:,\s+(?:while|whereas|but|and|although|though|as|because|since)\s+|;\s+|\s+[—–]\s+(?=[a-z]))")
_WORDS = re.compile(r"[\w’'-]+")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be|being|get|got)\s+$", re.I)
_OBJECT_VERBS = {"tell", "warn", "urge", "assure", "inform", "remind", "ask", "advise", "promise"}
_THAT = re.compile(r"\s*(?:that\s+|,\s*)?", re.I)
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.I)
_QUOTED_AS = re.compile(r"\s+(?:was|is|were|are|has been|had been)\s+(?:quoted|reported|heard)\s+(?:as\s+)?(?:saying|telling\s+[^,]{1,40}?)\s*(?:that\s+)?", re.I)
_MIN_QUOTE_WORDS = 4  # shorter quoted bits with no cue are scare quotes or titles


@dataclass(slots=True)
class Found:
    parts: list[Span]
    type: str  # direct | indirect | mixed
    cue: str | None
    phrase: Phrase | None
    paragraph: int
    continues: bool = False  # no cue: the previous speaker goes on
    cue_at: int | None = None
    embedded: list[Span] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end


def direct_quotes(text: str, paragraphs: list[Span], quoted: list[Quoted]) -> list[Found]:
    found: list[Found] = []
    for index, q in enumerate(quoted):
        first_par = paragraphs[q.paragraphs[0]]
        last_par = paragraphs[q.paragraphs[-1]]
        prev_after = quoted[index - 1].after if index and quoted[index - 1].paragraphs[-1] == q.paragraphs[0] else first_par.start
        next_open = quoted[index + 1].open_mark if index + 1 < len(quoted) and quoted[index + 1].paragraphs[0] == q.paragraphs[-1] else last_par.end
        words = len(_WORDS.findall(text[q.start:q.end]))
        before_start = _last_sentence_start(text, prev_after, q.open_mark)
        after_end = _first_sentence_end(text, q.after, next_open)
        frame = _after_frame(text, q.after, after_end) or _before_frame(text, before_start, q.open_mark, first_par.start)
        standalone = before_start >= q.open_mark - 1 or not text[before_start:q.open_mark].strip()
        if frame is not None:
            cue, cue_at, phrase = frame
            kind = "direct"
            if not standalone and re.search(r"\bthat\s*$", text[before_start:q.open_mark]):
                kind = "mixed"
            found.append(Found(list(q.parts), kind, cue, phrase, q.paragraphs[0], cue_at=cue_at))
        elif words >= _MIN_QUOTE_WORDS and standalone and _ends_sentence(text, q, after_end):
            found.append(Found(list(q.parts), "direct", None, None, q.paragraphs[0], continues=True))
    return found


def _last_sentence_start(text: str, start: int, stop: int) -> int:
    last = start
    for m in _SENTENCE_END.finditer(text, start, stop):
        if m.end() < stop:
            last = m.end()
    return last


def _first_sentence_end(text: str, start: int, stop: int) -> int:
    m = _SENTENCE_END.search(text, start, stop)
    return m.end() if m else stop


def _ends_sentence(text: str, q: Quoted, after_end: int) -> bool:
    """The quote closes its sentence: nothing but punctuation follows the mark."""
    tail = text[q.after:after_end].strip()
    inner = text[q.end - 1] if q.end > q.start else ""
    return not tail.strip(".!?…,;:)]") or (inner in ".!?…" and not tail[:1].isalpha())


def _after_frame(text: str, start: int, end: int) -> tuple[str, int, Phrase] | None:
    """'…,” said Scott.' / '…,” Scott said.' / '…,” according to Brown.'"""
    window = text[start:end]
    lead = len(window) - len(window.lstrip(" ,"))
    s = start + lead
    if not window.strip(" .,") or len(window) - lead > 300:
        return None
    if text[start:s].strip() == "" and not window.startswith((",", " ")):
        return None
    stop = _strip_end(text, s, end)
    m = _ACCORDING.match(text, s, stop)
    if m:
        phrase = parse_phrase(text, m.end(), stop)
        return ("according to", s, phrase) if phrase else None
    cue = cue_pattern().match(text, s, stop)
    if cue:  # inverted: "said Scott"
        phrase_end = _phrase_end(text, cue.end(), stop)
        phrase = parse_phrase(text, cue.end(), phrase_end)
        if phrase:
            return cue.group(), cue.start(), phrase
        return None
    for cue in cue_pattern().finditer(text, s, min(stop, s + 200)):
        left_end = _before_adverbs(text, s, cue.start())
        phrase = parse_phrase(text, s, left_end)
        if phrase:
            return cue.group(), cue.start(), phrase
        break
    return None


def _before_frame(text: str, start: int, open_mark: int, paragraph_start: int) -> tuple[str, int, Phrase] | None:
    """'Duvall said: “…' / 'The Met email says: “…' / 'According to X, “…'."""
    window_end = _strip_end(text, start, open_mark)
    if window_end <= start:
        return None
    colon = text[start:open_mark].rstrip().endswith(":")
    cues = list(cue_pattern().finditer(text, start, window_end))
    for cue in reversed(cues):
        tail = text[cue.end():open_mark]
        if not _only_object_or_adjunct(tail, cue.group()):
            continue
        left = _clause_start(text, start, cue.start())
        left_end = _before_adverbs(text, left, cue.start())
        if _PASSIVE_BEFORE.search(text, left, left_end + 1):
            continue
        phrase = parse_phrase(text, left, left_end)
        if phrase:
            return cue.group(), cue.start(), phrase
        return None
    m = _ACCORDING.search(text, start, window_end)
    if m and not text[m.end():window_end].count(","):
        phrase = parse_phrase(text, m.end(), window_end)
        if phrase:
            return "according to", m.start(), phrase
    if colon and start == paragraph_start:
        phrase = parse_phrase(text, start, window_end)
        if phrase and phrase.kind == "name" and window_end - start <= 40:
            return ":", window_end, phrase
    return None


def _only_object_or_adjunct(tail: str, cue: str) -> bool:
    """What stands between a cue and the opening mark: "told the BBC:", "said in a statement:"."""
    tail = tail.strip()
    if not tail or tail in (":", ","):
        return True
    tail = tail.rstrip(":, ")
    if re.fullmatch(r"that", tail, re.I):
        return True
    if len(_WORDS.findall(tail)) > 9 or re.search(r"[.!?]", tail):
        return False
    lemma = cue_lemma(cue)
    if lemma in _OBJECT_VERBS:
        return True
    return bool(re.fullmatch(rf"(?:{ADJUNCT}(?:\s*,?\s*{ADJUNCT})*|simply|only|just|then|later|bluntly)(?:\s+that)?", tail, re.I))


def _clause_start(text: str, start: int, cue_start: int) -> int:
    """Start of the clause that holds the cue: after "; ", ", and ", ", while " ..."""
    best = start
    for m in _CLAUSE_SPLIT.finditer(text, start, cue_start):
        best = m.end()
    return best


def _before_adverbs(text: str, start: int, cue_start: int) -> int:
    """End of the speaker phrase: drop "also", "has", "later" before the cue."""
    end = cue_start
    adverb = re.compile(rf"(?:{ADVERBS})\s*$", re.I)
    while True:
        m = adverb.search(text, start, end)
        if not m or m.start() == start or not text[m.start() - 1].isspace():
            return end
        end = m.start()


def _phrase_end(text: str, start: int, stop: int) -> int:
    """An inverted speaker phrase ends at a relative clause or an adjunct."""
    m = re.search(r",\s+(?:who|which|whose|adding|noting|referring|speaking|when|as|after|before|in)\b|\s+(?:in|on|at|during|after|before|when)\s+(?:a|an|the|his|her|their|its|this|last|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", text[start:stop])
    return start + m.start() if m else stop


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,:;!?\"”’'"):
        end -= 1
    return end


# --- indirect quotes -------------------------------------------------------

def indirect_quotes(text: str, sentences: list[Span], paragraph_of, direct: list[Found]) -> list[Found]:
    found: list[Found] = []
    direct_spans = [Span(d.start, d.end) for d in direct if not d.continues or d.type != "direct"]
    for s in sentences:
        for clause in _clauses(text, s):
            hit = _indirect_in(text, clause)
            if hit is None:
                continue
            cue, cue_at, phrase, content = hit
            if any(content.start <= d.start and d.end <= content.end for d in direct_spans):
                kind = "mixed"
            elif any(content.overlaps(d) for d in direct_spans):
                continue
            else:
                kind = "mixed" if re.search(r"[\"“”].{3,}[\"“”]", text[content.start:content.end]) else "indirect"
            found.append(Found([content], kind, cue, phrase, paragraph_of(content.start), cue_at=cue_at))
            break
    return found


def _clauses(text: str, s: Span) -> list[Span]:
    spans, cursor = [], s.start
    for m in _CLAUSE_SPLIT.finditer(text, s.start, s.end):
        spans.append(Span(cursor, m.start()))
        cursor = m.end()
    spans.append(Span(cursor, s.end))
    return [s] + spans if len(spans) > 1 else spans


def _indirect_in(text: str, clause: Span) -> tuple[str, int, Phrase, Span] | None:
    start, end = clause.start, _strip_end(text, clause.start, clause.end)
    if end - start < 12:
        return None
    # According to X, CONTENT
    m = _ACCORDING.match(text, start, end)
    if m:
        comma = text.find(",", m.end(), end)
        if comma > 0:
            phrase = parse_phrase(text, m.end(), comma)
            content = _content(text, comma + 1, end)
            if phrase and content and phrase.kind != "nominal" or (phrase and content and _is_person_like(phrase)):
                return "according to", m.start(), phrase, content
        return None
    # X was quoted as saying CONTENT
    m = _QUOTED_AS.search(text, start, end)
    if m:
        phrase = parse_phrase(text, start, m.start())
        content = _content(text, m.end(), end)
        if phrase and content:
            return "quoted as saying", m.start(), phrase, content
    # CONTENT, according to X / CONTENT, X said / CONTENT, said X
    reverse = _reverse(text, start, end)
    if reverse:
        return reverse
    # X said (that) CONTENT
    for cue in cue_pattern().finditer(text, start, min(end, start + 400)):
        left_end = _before_adverbs(text, start, cue.start())
        if _PASSIVE_BEFORE.search(text, start, left_end + 1) or left_end <= start:
            break
        phrase = parse_phrase(text, start, left_end)
        if phrase is None:
            if text.count(",", start, cue.start()) == 0 and len(_WORDS.findall(text[start:cue.start()])) > 6:
                break
            continue
        after = _skip_object(text, cue.end(), end, cue.group())
        if after is None:
            return None
        content = _content(text, after, end)
        if content is None:
            return None
        return cue.group(), cue.start(), phrase, content
    return None


def _reverse(text: str, start: int, end: int) -> tuple[str, int, Phrase, Span] | None:
    for comma in reversed([m.start() for m in re.finditer(r",", text[start:end])]):
        comma += start
        tail_start = comma + 1
        if end - tail_start > 160:
            break
        m = _ACCORDING.match(text, tail_start + len(text[tail_start:end]) - len(text[tail_start:end].lstrip()), end)
        if m:
            phrase = parse_phrase(text, m.end(), end)
            content = _content(text, start, comma)
            if phrase and content:
                return "according to", m.start(), phrase, content
            continue
        tail = text[tail_start:end]
        lead = tail_start + len(tail) - len(tail.lstrip())
        cue = cue_pattern().match(text, lead, end)
        if cue:  # ", said the minister"
            phrase = parse_phrase(text, cue.end(), _phrase_end(text, cue.end(), end))
            content = _content(text, start, comma)
            if phrase and content and not text[start:comma].lstrip().startswith(("“", '"')):
                return cue.group(), cue.start(), phrase, content
            continue
        for cue in cue_pattern().finditer(text, lead, end):
            left_end = _before_adverbs(text, lead, cue.start())
            rest = text[cue.end():end].strip()
            if rest and not _only_object_or_adjunct(rest, cue.group()):
                break
            phrase = parse_phrase(text, lead, left_end)
            content = _content(text, start, comma)
            if phrase and content and not text[start:comma].lstrip().startswith(("“", '"')):
                return cue.group(), cue.start(), phrase, content
            break
    return None


def _skip_object(text: str, start: int, end: int, cue: str) -> int | None:
    """Where the reported words begin after the cue: past "that", an object, an adjunct."""
    rest = text[start:end]
    if re.match(r"\s*[:\"“]", rest):
        return None  # a direct quote follows
    lemma = cue_lemma(cue)
    m = re.match(r"\s*(?:,\s*)?", rest)
    pos = start + m.end()
    that = re.compile(r"that\s+", re.I)
    if lemma in _OBJECT_VERBS:
        t = re.compile(r"[^,.;:]{1,60}?\s+that\s+", re.I).match(text, pos, end)
        if t:
            return t.end()
        obj = re.compile(r"(?:(?:the|a|an|his|her|their|its|our)\s+)?(?:[A-Z][\w’'-]*(?:’s|'s)?\s+){0,3}(?:[a-z]+\s+)?", re.I).match(text, pos, end)
        if lemma == "tell" and obj:
            return obj.end() if not re.match(r"to\s", text[obj.end():end]) else None
        return pos
    adj = re.compile(rf"(?:{ADJUNCT}\s*,?\s*)(?=that\s)", re.I).match(text, pos, end)
    if adj:
        pos = adj.end()
    t = that.match(text, pos, end)
    return t.end() if t else pos


def _content(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in ",:;—–"):
        start += 1
    end = _strip_end(text, start, end)
    words = _WORDS.findall(text[start:end])
    if len(words) < 3:
        return None
    if words[0].lower() in ("to", "nothing", "so", "yes", "no", "goodbye", "hello", "thanks", "sorry"):
        return None
    return Span(start, end)


def _is_person_like(phrase: Phrase) -> bool:
    return phrase.kind in ("name", "pronoun") or phrase.channel is None
