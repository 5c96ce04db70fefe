"""Find direct, indirect and mixed quotes and the phrase naming who said each.

Direct quotes come from paired quotation marks; the speaker is read from a
reporting cue right after the closing mark ("…,” Scott said") or right before
the opening one ("Duvall said: “…").  A whole quoted sentence with no cue
carries on the previous speaker.  Indirect quotes are clauses such as "X says
(that) …", "…, X said", "according to X, …" and "X was quoted as saying …".
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..lexicon import load_words
from ..model import Span
from ..segment import is_abbreviation, trimmed
from ..tokens import token_range
from ..tokens import words as all_words
from .cues import ADJUNCT, ADVERBS, PASSIVE, Cues, cue_kind, cue_lemma, cue_words, last_word
from .gazetteer import gazetteer
from .intervals import SpanIndex, strictly_inside
from .names import Name, find_names
from .phrases import DATA_NOUNS, PAST_VERB, Phrase, is_introduction, parse_phrase, verb_start
from .quotemarks import Quoted

_SENTENCE_END = re.compile(r"[.!?…][\"”’'»)\]]*(?=\s|$)")
# ", while", "; ", " — ": each written after one opening set of characters, which the scan can jump to
_CLAUSE_SPLIT = re.compile(r"[,;\s](?:(?<=,)\s+(?:while|whereas|but|and|although|though|as|because|since)\s+|(?<=;)\s+|(?<=\s)\s*[—–]\s+(?=[a-z]))")
_WORDS = re.compile(r"[\w’'-]+")
_DIRECTIVES = {"urge"}  # its reported words are what to do: "urged people to stay home"
_TO_AFTER_OBJECT = re.compile(r"[^,.;:\"“”]{1,40}?\s((?:never\s+|not\s+)?to\s(?!(?:the|a|an|his|her|their|its|my|me|us|him|them)\s))")
_OBJECT_VERBS = {"tell", "warn", "urge", "assure", "inform", "remind", "ask", "advise", "promise"}
_THAT = re.compile(r"\s*(?:that\s+|,\s*)?", re.I)
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.I)
_QUOTED_AS_WORDS = frozenset(("quoted", "reported", "heard"))  # _QUOTED_AS needs one: a cheap look first
_QUOTED_AS = re.compile(rf"\s+(?:was|is|were|are|has been|had been)\s+(?:{'|'.join(sorted(_QUOTED_AS_WORDS))})\s+(?:as\s+)?"
                        r"(?:saying|telling\s+[^,]{1,40}?)\s*(?:that\s+)?", re.I)
_STOPS = re.compile(r"[.!?]")
_ADJUNCTS_ONLY = re.compile(rf"(?:{ADJUNCT}(?:\s*,?\s*{ADJUNCT})*|simply|only|just|then|later|bluntly)(?:\s+that)?", re.I)
_PHRASE_STOP = re.compile(r",\s+(?:who|which|whose|adding|noting|referring|speaking|when|as|after|before|in)\b|\s+(?:in|on|at|during|after|before|when|via|through)\s+(?:a|an|the|his|her|their|its|this|last|[A-Z][\w-]*)\b|\s*\(")
_DIRECT_FOLLOWS = re.compile(r"\s*[:\"“]")
_OBJECT_THEN_QUOTE = re.compile(r"[^.;:\"“]{0,50}[:,]\s*[\"“]")
_LEADING_COMMA = re.compile(r"\s*(?:,\s*)?")
_OBJECT_THAT = re.compile(r"[^,.;:]{1,60}?\s+that\s+", re.I)
# who was told: "reporters", "the BBC", "HuffPost Canada" (a name, or else one lower-case noun)
_OBJECT = re.compile(r"(?:(?:the|a|an|his|her|their|its|our)\s+)?(?:(?:(?-i:[A-Z])[\w’'-]*(?:’s|'s)?\s+){1,3}|"
                     r"(?:(?:local|state|national|foreign|international|regional|visiting|gathered|assembled|waiting)\s+)?[a-z]+\s+)?", re.I)
_ADJUNCT_THAT = re.compile(rf"(?:{ADJUNCT}\s*,?\s*)(?=that\s)", re.I)
# "said on Friday he can …": a time adjunct, then the reported clause
_TIME_BEFORE_CLAUSE = re.compile(
    r"(?:(?:on|last|this|early|late|earlier|later)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|week|month|year|night|morning|"
    r"afternoon|evening|weekend)|yesterday|today|tonight)\s+(?=(?:he|she|they|it|we|i|the|a|an|his|her|their|its|there)\s|(?-i:[A-Z]))",
    re.I)
_THAT_WORD = re.compile(r"that\s+", re.I)
_THAT_BEFORE = re.compile(r"\bthat\s*$")
_QUOTED_BIT = re.compile(r"(?:[\"“”]|''|’’|‘‘).{3,}(?:[\"“”]|''|’’)")
_INNER_CLAUSE = re.compile(
    r"(?:,|;|\s[—–]|\b(?:and|but|while|whereas|after|as|because|since|when|before|until|although|though|once)\b)\s+(?=[^,;—–]{1,60}$)")
_DETERMINER_OPENING = re.compile(r"(?:the|a|an)\s", re.I)
_PRONOUN_OPENING = re.compile(r"\s*(he|she|they|it|we)\b", re.I)
_LABEL_OBJECT = re.compile(r"\s+(?:[\w’'-]+\s+){0,8}?(?:as\s+)?(?:(?:a|an|the|its|his|her|their)\s+)?", re.I)
_PRONOUN_SUBJECT = re.compile(r"\b(he|she|they|it|we)\s*$", re.I)
_PERSONAL_SUBJECT = re.compile(r"\b(?:he|she|they|we)\s*$", re.I)
_NOT_REPORTED_AFTER_COMMA = {"and", "but", "as", "while", "although", "though", "because", "which", "who", "whose", "when",
                             "where", "after", "before", "amid", "despite", "with"}
# verbs whose object is as often a noun phrase as a clause: "denied wrongdoing", "confirmed the deal"
_OBJECT_TAKERS = {"deny", "confirm", "claim", "agree", "add", "reply", "respond", "propose", "estimate", "announce", "reveal",
                  "report", "predict", "promise", "pledge", "vow", "threaten", "demand", "admit", "acknowledge", "find", "show",
                  "expect", "fear", "hope", "recount", "reiterate", "write", "counter", "continue", "conclude"}
_IRREGULAR_PAST = load_words("irregular_past.txt")
_THAT_ONLY = {"rule"}  # verbs that report words only with "that"
# speech acts aimed at a target: what they say of it follows "as", "for", "of", "over", "on"
# ("condemned the killings as a war crime", "blamed the fire on a fault")
_TARGET_VERBS = {"condemn", "criticise", "blame"}
_SAYS_OF_TARGET = re.compile(r"\s(?:as|for|of|over|on)\s")
_ADJUNCT_TAIL = re.compile(r"\s(?:on|in|at|during|after|before|last|this|yesterday|today)\b")
_SUBJECT_WORDS = {"i", "we", "you", "he", "she", "it", "they", "there", "this", "that", "these", "those"}
_AUXILIARIES = {"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may",
                "might", "must", "should", "shall", "did", "does", "do", "isn't", "wasn't", "won't", "wouldn't", "can't",
                "couldn't", "didn't", "doesn't", "don't", "hasn't", "haven't", "'s", "’s"}
_ADDED_CLAUSE = re.compile(  # ", and said", " but added", ", adding": opening with a comma or a space
    r"[,\s](?:(?:(?<=,)\s+|(?<=\s)\s*)(?:but|and)\s+(?:also\s+)?(?P<cue>added|said|says|noted|warned|argued|insisted|stressed)\s+(?:that\s+)?"
    r"|(?<=,)[\"”]?\s+(?:also\s+)?(?P<cue2>adding|saying|noting|warning|arguing|insisting|explaining|stressing)\s+(?:that\s+)?)")
_QUOTE_RUN_ON = 600  # characters a quotation opened in a paraphrase may run on past its sentence
_PREPOSITIONS = frozenset("in on at about with of during after before from for through via over under into while as".split())
_FINITE = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had|can|could|may|might|must|should|shall|did|does|do|"
                     r"isn’t|isn't|wasn’t|wasn't|won’t|won't|didn’t|didn't|he|she|they|we|i)\b|['’](?:d|ll|re|ve)\b", re.I)
_PREPOSITION_AFTER_CUE = re.compile(r"\s*(?:with|of|about|to|from|by|on|in|for)\s")
_POSSESSIVE_BEFORE = re.compile(r"[A-Z][\w.&-]*(?:['’]s|[sS]['’])\s*$")
_DOUBLE_MARK = re.compile(r"[\"“”]")
# what a label verb names, then the label: "calls it", "described himself as", "called the program"
_LABELLED = re.compile(r"\s+(?:it|him|her|them|this|that|himself|herself|themselves|itself|the\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)"
                       r"(?P<as>\s+as)?\s+(?=(?:a|an|the|one|his|her|their|its|our)\s)", re.I)
_NAMING = {"call", "describe", "dub", "label", "brand", "term", "characterise"}  # not "gave them a lead"
_WHAT_BEFORE = re.compile(r"\bwhat\s+(?:he|she|they|it|we)\s*$", re.I)
_STOP_BEFORE_MARK = re.compile(r"[.!?]\s*[\"”’']+\s*$")
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

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end


def direct_quotes(text: str, paragraphs: list[Span], quoted: list[Quoted], cues: Cues) -> list[Found]:
    found: list[Found] = []
    for index, q in enumerate(quoted):
        first_par = paragraphs[q.paragraphs[0]]
        last_par = paragraphs[q.paragraphs[-1]]
        prev_after = quoted[index - 1].after if index and quoted[index - 1].paragraphs[-1] == q.paragraphs[0] else first_par.start
        next_open = quoted[index + 1].open_mark if index + 1 < len(quoted) and quoted[index + 1].paragraphs[0] == q.paragraphs[-1] else last_par.end
        before_start = _last_sentence_start(text, prev_after, q.open_mark)
        after_end = _first_sentence_end(text, q.after, next_open)
        after = _after_frame(text, q.after, after_end, cues)
        frame = after or _before_frame(text, before_start, q.open_mark, first_par.start, cues)
        if after is not None and next_open < last_par.end and _frames_next(text, q, after, next_open):
            # '… tweeted "We are with him." President Duda remarked, "Today …"': the frame after the quote
            # introduces the next one; the sentence before this quote says whose it is
            frame = _before_frame(text, before_start, q.open_mark, first_par.start, cues) or after
        standalone = before_start >= q.open_mark - 1 or not text[before_start:q.open_mark].strip()
        if frame is not None and _is_title(text, q, before_start):
            continue  # 'told NBC’s “Today”', 'said on CBS’ “Face the Nation.”': a programme's title
        if frame is not None:
            cue, cue_at, phrase = frame
            kind, parts = "direct", list(q.parts)
            if not standalone and _THAT_BEFORE.search(text, before_start, q.open_mark):
                kind = "mixed"
            elif after and not standalone and len(parts) == 1 and _ends_her_sentence(text, q, before_start, cues):
                kind, parts = "mixed", [Span(trimmed(text, before_start, q.open_mark)[0], q.after)]
            found.append(Found(parts, kind, cue, phrase, q.paragraphs[0], cue_at=cue_at))
        elif standalone and len(_WORDS.findall(text, q.start, q.end)) >= _min_words(quoted, index, found) \
                and _ends_sentence(text, q, after_end):
            found.append(Found(list(q.parts), "direct", None, None, q.paragraphs[0], continues=True))
    # a quote inside another ('“They say, ‘Oh my God …’ ”') is part of what the outer speaker says
    inside = strictly_inside([(f.start, f.end) for f in found])
    return [f for f, held in zip(found, inside) if not held]


def _frames_next(text: str, q: Quoted, after: tuple[str, int, Phrase], next_open: int) -> bool:
    """Whether the frame after a quote that ends its own sentence runs up to the next quote's mark."""
    if not _STOP_BEFORE_MARK.search(text, q.start, q.after):
        return False  # '“We will win,” said Smith, “and …”': one quote split around its frame
    cue, cue_at, phrase = after
    frame_end = max(cue_at + len(cue), phrase.end if phrase else 0)
    return not text[frame_end:next_open].strip(" \t,:")


def _is_title(text: str, q: Quoted, sentence_start: int) -> bool:
    """A short quoted name in title case after an owner's possessive: NBC’s “Today”."""
    words = _WORDS.findall(text, q.start, q.end)
    return len(words) <= 4 and _POSSESSIVE_BEFORE.search(text, sentence_start, q.open_mark) is not None \
        and all(w[0].isupper() or w.lower() in ("the", "of", "and", "a", "in", "on") for w in words)


def _min_words(quoted: list[Quoted], index: int, found: list[Found]) -> int:
    """Words a quote with no cue needs: fewer right after a quote of the same paragraph that had one
    ('“He carried most of the weight,” she said. “I was super-green.”')."""
    before = quoted[index - 1] if index else None
    if before is not None and before.paragraphs[-1] == quoted[index].paragraphs[0] and found \
            and found[-1].start == before.start and found[-1].cue is not None:
        return 2
    return _MIN_QUOTE_WORDS


def _ends_her_sentence(text: str, q: Quoted, sentence_start: int, cues: Cues) -> bool:
    """'Results so far are “very exciting,” says Kim': the quoted words end a sentence of hers that
    nothing before them frames, so the whole sentence is her (mixed) quote.  Not so in
    '… called it “an act of barbarity.” He said …', where the quote's own stop ends the sentence."""
    following = trimmed(text, q.after, len(text))[0]
    closes = text[q.end - 1:q.end] in (".", "!", "?") and following < len(text) and text[following].isupper()
    return not closes and not cues.any_within(sentence_start, q.open_mark) \
        and not cues.labels_within(sentence_start, q.open_mark) and len(_WORDS.findall(text, sentence_start, q.open_mark)) >= 2


def _last_sentence_start(text: str, start: int, stop: int) -> int:
    last = start
    for m in _SENTENCE_END.finditer(text, start, stop):
        if m.end() < stop and not _abbreviation_stop(text, m):
            last = m.end()
    return last


def _first_sentence_end(text: str, start: int, stop: int) -> int:
    for m in _SENTENCE_END.finditer(text, start, stop):
        if not _abbreviation_stop(text, m):
            return m.end()
    return stop


def _abbreviation_stop(text: str, m: re.Match) -> bool:
    """The full stop of "Rep.", "Mr.", "D-Mass." or an initial does not end the sentence."""
    return m.group()[0] == "." and is_abbreviation(text, m.start() + 1)


def _ends_sentence(text: str, q: Quoted, after_end: int) -> bool:
    """The quote closes its sentence: nothing but punctuation follows the mark."""
    tail = text[q.after:after_end].strip()
    words_end = trimmed(text, q.start, q.end, trail="’'\"”")[1]  # '… Maybe I can too!’ ”': past an inner mark
    inner = text[words_end - 1] if words_end > q.start else ""
    return not tail.strip(".!?…,;:)]") or (inner in ".!?…" and (not tail[:1].isalpha() or tail[:1].isupper()))


def _after_frame(text: str, start: int, end: int, cues: Cues) -> tuple[str, int, Phrase] | None:
    """'…,” said Scott.' / '…,” Scott said.' / '…,” according to Brown.'"""
    window = text[start:end]
    lead = len(window) - len(window.lstrip(" ,"))
    s = start + lead
    if not window.strip(" .,") or len(window) - lead > 300:
        return None
    if text[start:s].strip() == "" and not window.startswith((",", " ")):
        return None
    stop = _strip_end(text, s, end)
    closed = text[start - 2:start - 1] in (".", "!", "?") if start >= 2 else False
    if closed and text[s:s + 1].isupper() and not cues.within(s, min(stop, s + 60)):
        return None  # the quote ended its sentence ('… morning." As of Tuesday, …'): what follows is new
    m = _ACCORDING.match(text, s, stop)
    if m:
        phrase = parse_phrase(text, m.end(), stop, loose=True)
        return ("according to", s, phrase) if phrase else None
    quoted_as = _quoted_as(text, s, min(stop, s + 120))
    if quoted_as:  # '“…,” he was quoted as saying in the release.'
        phrase = parse_phrase(text, s, quoted_as.start(), loose=True)
        if phrase:
            return "quoted as saying", quoted_as.start(), phrase
    cue = cues.at(s)
    if cue:  # inverted: "said Scott"
        phrase_end = _phrase_end(text, cue[1], stop)
        phrase = parse_phrase(text, cue[1], phrase_end, loose=True)
        return (cue[2], cue[0], phrase) if phrase else None
    for cue_start, _cue_end, form in cues.within(s, min(stop, s + 200)):
        left_end = _before_adverbs(text, s, cue_start)
        phrase = parse_phrase(text, s, left_end, loose=True)
        return (form, cue_start, phrase) if phrase else None
    return None


def _before_frame(text: str, start: int, open_mark: int, paragraph_start: int, cues: Cues) -> tuple[str, int, Phrase] | None:
    """'Duvall said: “…' / 'The Met email says: “…' / 'According to X, “…'."""
    window_end = _strip_end(text, start, open_mark)
    if window_end <= start:
        return None
    colon = text[start:open_mark].rstrip().endswith(":")
    lead = _LEADING_COMMA.match(text, start, window_end).end()
    inverted = cues.at(lead)
    if inverted and text[start:open_mark].rstrip().endswith((",", ":")):
        # '“…,” said Roenick, “but …”': the frame between the two halves of a split quote
        phrase = parse_phrase(text, inverted[1], _phrase_end(text, inverted[1], window_end), loose=True)
        if phrase:
            return inverted[2], inverted[0], phrase
    for cue_start, cue_end, form in reversed(cues.within(start, window_end)):
        tail = text[cue_end:open_mark]
        if not _only_object_or_adjunct(tail, form):
            continue
        left = _clause_start(text, start, cue_start)
        left_end = _before_adverbs(text, left, cue_start)
        if _passive(text, left, cue_start, form):
            continue
        phrase = _subject_of_clause(text, left, left_end)
        return (form, cue_start, phrase) if phrase else None
    # 'called the move a “smash and grab”', 'described it as “crushing”'
    for cue_start, cue_end, form in reversed(cues.labels_within(start, window_end)):
        if not _LABEL_OBJECT.fullmatch(text, cue_end, open_mark):
            continue
        left = _clause_start(text, start, cue_start)
        left_end = _before_adverbs(text, left, cue_start)
        phrase = _subject_of_clause(text, left, left_end) or _pronoun_before(text, left, left_end)
        return (form, cue_start, phrase) if phrase else None
    m = _ACCORDING.search(text, start, window_end)
    if m and not text[m.end():window_end].count(","):
        phrase = parse_phrase(text, m.end(), window_end)
        if phrase:
            return "according to", m.start(), phrase
    if colon and start == paragraph_start:
        phrase = parse_phrase(text, start, window_end)
        if phrase and phrase.kind == "name" and window_end - start <= 40:
            return ":", window_end, phrase
    if colon:
        phrase = _subject_before_colon(text, _clause_start(text, start, window_end), window_end)
        if phrase:
            return ":", window_end, phrase
    return None


def _subject_before_colon(text: str, start: int, end: int) -> Phrase | None:
    """'Martell, the addictions doctor on the South Shore, is more blunt: “…”': a person opening the
    clause before the colon, with a short predicate and no one else named in it, says what follows."""
    names = find_names(text, start, end)
    if not names or names[0].kind not in ("person", "bare") or names[0].possessive \
            or len(_WORDS.findall(text, start, names[0].run_start)) > 1:
        return None
    subject_end = names[0].end
    if text.startswith(",", subject_end):  # an appositive, up to its closing comma
        subject_end = text.find(",", subject_end + 1, end)
        if subject_end < 0:
            return None
    if not 1 <= len(_WORDS.findall(text, subject_end, end)) <= 6 \
            or any(n.kind in ("person", "organisation") for n in names[1:] if n.start >= subject_end):
        return None
    return parse_phrase(text, start, subject_end)


def _only_object_or_adjunct(tail: str, cue: str) -> bool:
    """What stands between a cue and the opening mark: "told the BBC:", "said in a statement:"."""
    tail = tail.strip()
    if not tail or tail in (":", ","):
        return True
    tail = tail.rstrip(":, ")
    if tail.lower() == "that":
        return True
    if len(_WORDS.findall(tail)) > 9 or _STOPS.search(tail):
        return False
    lemma = cue_lemma(cue)
    if lemma in _OBJECT_VERBS:
        return True
    return bool(_ADJUNCTS_ONLY.fullmatch(tail))


def _clause_start(text: str, start: int, cue_start: int) -> int:
    """Start of the clause that holds the cue: after "; ", ", and ", ", while " ..."""
    best = start
    for m in _CLAUSE_SPLIT.finditer(text, start, cue_start):
        best = m.end()
    return best


def _before_adverbs(text: str, start: int, cue_start: int) -> int:
    """End of the speaker phrase: drop "also", "has", "later" before the cue."""
    end = cue_start
    while True:
        word = last_word(text, start, end)
        if word is None or word[0] not in ADVERBS or word[1] == start:
            return end
        end = word[1]


def _passive(text: str, start: int, cue_start: int, form: str) -> bool:
    """"was told", "were later asked", "has been told": the subject did not say it
    (but "was saying" is active)."""
    if form.endswith("ing"):
        return False
    end = cue_start
    while (word := last_word(text, start, end)) is not None:
        if word[0] in PASSIVE:
            return True
        if word[0] not in ADVERBS:
            return False
        end = word[1]
    return False


def _phrase_end(text: str, start: int, stop: int) -> int:
    """An inverted speaker phrase ends at a relative clause or an adjunct; none follows a cue that
    takes a preposition ("agreed with Sinclair's findings")."""
    if _PREPOSITION_AFTER_CUE.match(text, start, stop):
        return start
    m = _PHRASE_STOP.search(text, start, stop)
    return m.start() if m else stop


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,:;!?\"”’'"):
        end -= 1
    return end


# --- indirect quotes -------------------------------------------------------

def indirect_quotes(text: str, sentences: list[Span], paragraph_of, direct: list[Found], cues: Cues) -> list[Found]:
    found: list[Found] = []
    direct_spans = SpanIndex((d.start, d.end) for d in direct if not d.continues or d.type != "direct")
    for s in sentences:
        if not cues.any_cue_or_view_within(s.start, s.end):
            continue  # a sentence with no reporting cue cannot hold an indirect quote
        for clause in _clauses(text, s):
            if not cues.any_cue_or_view_within(clause.start, clause.end):
                continue
            aside = _aside_in(text, clause, cues)
            if aside and any(direct_spans.overlaps_any(part.start, part.end) for part in aside[3]):
                aside = None  # '“We are ready,” Jane Smith said, “and …”' is a split direct quote
            hit = aside or _indirect_in(text, clause, cues) or _label_in(text, clause, cues)
            if hit is None:
                continue
            cue, cue_at, phrase, parts = hit if aside else (*hit[:3], [hit[3]])
            content = Span(parts[0].start, parts[-1].end)
            if phrase is not None and direct_spans.ends_in(phrase.start, cue_at):
                continue  # '“… son,” says Golden, who …': the cue frames the direct quote before it
            if direct_spans.holds_any(content.start, content.end):
                kind = "mixed"
            elif direct_spans.overlaps_any(content.start, content.end):
                continue
            else:
                kind = _paraphrase_kind(text, content)
            found.append(Found(parts, kind, cue, phrase, paragraph_of(content.start), cue_at=cue_at))
            if len(parts) == 1:
                found.extend(_split_added(text, found[-1], paragraph_of))
            break
    return found


def _paraphrase_kind(text: str, span: Span) -> str:
    return "mixed" if _QUOTED_BIT.search(text, span.start, span.end) else "indirect"


def _split_added(text: str, said: Found, paragraph_of) -> list[Found]:
    """"X said A, adding B": two reported statements of one speaker (``said`` keeps A; B is returned)."""
    more = _ADDED_CLAUSE.search(text, said.start, said.end)
    first = _content(text, said.start, more.start()) if more else None
    second = _content(text, more.end(), said.end) if more else None
    if first is None or second is None:
        return []
    said.parts, said.type = [first], _paraphrase_kind(text, first)
    cue = more.lastgroup
    return [Found([second], _paraphrase_kind(text, second), more.group(cue), None, paragraph_of(second.start),
                  continues=True, cue_at=more.start(cue))]


def _clauses(text: str, s: Span) -> list[Span]:
    if all(text.find(mark, s.start, s.end) < 0 for mark in ",;—–"):
        return [s]  # nothing to split at: skip the scan
    spans, cursor = [], s.start
    for m in _CLAUSE_SPLIT.finditer(text, s.start, s.end):
        spans.append(Span(cursor, m.start()))
        cursor = m.end()
    spans.append(Span(cursor, s.end))
    return [s] + spans if len(spans) > 1 else spans


def _aside_in(text: str, clause: Span, cues: Cues) -> tuple[str, int, Phrase, list[Span]] | None:
    """"Too often, he says, they get it": reported words around a cue set off by commas."""
    end = _strip_end(text, clause.start, clause.end)
    for cue_start, cue_end, form in cues.within(clause.start, end):
        after = trimmed(text, cue_end, end)[0]
        if after >= end or text[after] != ",":
            continue
        comma_before = text.rfind(",", clause.start, cue_start)
        if comma_before < 0 or _writers_aside(text, cue_end, end) < end:
            continue
        left_end = _before_adverbs(text, comma_before + 1, cue_start)
        if not 1 <= len(_WORDS.findall(text, comma_before + 1, left_end)) <= 5:
            continue
        phrase = parse_phrase(text, comma_before + 1, left_end)
        around = _around_aside(text, clause.start, comma_before, after + 1, end, cues)
        if phrase is None or around is None or _ACCORDING.match(text, around[0].start, around[0].end):
            continue
        return form, cue_start, phrase, around
    # "The harsh truth, according to addiction experts, is a system ill-equipped …"
    for at in cues.according_within(clause.start, end):
        comma_before = text.rfind(",", clause.start, at)
        according = _ACCORDING.match(text, at, end)
        comma_after = text.find(",", according.end(), end) if according else -1
        if comma_before < 0 or comma_after < 0 or text[comma_before + 1:at].strip():
            continue
        if not DATA_NOUNS.isdisjoint(w.lower() for w in _WORDS.findall(text, according.end(), comma_after)[:4]):
            continue  # "according to a survey of clubs by CTV": a source, not a speaker
        phrase = parse_phrase(text, according.end(), comma_after)
        around = _around_aside(text, clause.start, comma_before, comma_after + 1, end, cues)
        if phrase is not None and around is not None and not cues.any_within(around[1].start, around[1].end):
            return "according to", at, phrase, around  # (but "…, according to Gibson, Major said …" is Major's)
    return None


def _around_aside(text: str, start: int, comma_before: int, rest_start: int, end: int, cues: Cues) -> list[Span] | None:
    """The reported words on both sides of an aside set off by commas, if both hold words and no cue comes before."""
    before = Span(*trimmed(text, start, comma_before, lead="\"“‘'"))
    rest = _content(text, rest_start, end)
    if rest is None or not _WORDS.search(text, before.start, before.end) or cues.any_within(before.start, before.end):
        return None
    return [before, rest]


def _indirect_in(text: str, clause: Span, cues: Cues) -> tuple[str, int, Phrase, Span] | None:
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
    m = _quoted_as(text, start, end)
    if m:
        phrase = parse_phrase(text, start, m.start())
        content = _content(text, m.end(), end)
        if phrase and content:
            return "quoted as saying", m.start(), phrase, content
    # X said (that) CONTENT, else CONTENT, according to X / CONTENT, X said / CONTENT, said X
    return _subject_first(text, start, end, cues) or _reverse(text, start, end, cues)


def _label_in(text: str, clause: Span, cues: Cues) -> tuple[str, int, Phrase, Span] | None:
    """"He now calls it a rookie mistake", "Fry describes himself as the most left-leaning Green on council":
    the label someone puts on something is their words, marks or not."""
    end = _strip_end(text, clause.start, clause.end)
    for cue_start, cue_end, form in cues.labels_within(clause.start, end):
        lemma = cue_lemma(form)
        m = _LABELLED.match(text, cue_end, end) if lemma in _NAMING else None
        if m is None or (lemma == "describe" and not m.group("as")):
            continue
        left_end = _before_adverbs(text, clause.start, cue_start)
        phrase = _pronoun_before(text, clause.start, left_end) if _WHAT_BEFORE.search(text, clause.start, left_end) \
            else _subject_of_clause(text, clause.start, left_end)
        content = _content(text, m.end(), end)
        if phrase is None or content is None or _DOUBLE_MARK.search(text, content.start, content.end) \
                or len(_WORDS.findall(text, content.start, content.end)) > 25:
            continue
        return form, cue_start, phrase, content
    return None


def _quoted_as(text: str, start: int, end: int) -> re.Match | None:
    """"was quoted as saying" in ``text[start:end]``, looked for only when one of its words is there."""
    first, last = token_range(text, start, end)
    return None if _QUOTED_AS_WORDS.isdisjoint(all_words(text)[first:last]) else _QUOTED_AS.search(text, start, end)


def _subject_first(text: str, start: int, end: int, cues: Cues) -> tuple[str, int, Phrase, Span] | None:
    for cue_start, cue_end, form in cues.with_views_within(start, min(end, start + 400)):
        left_end = _before_adverbs(text, start, cue_start)
        if _passive(text, start, cue_start, form) or left_end <= start:
            break
        if (last_word(text, start, cue_start) or ("",))[0] == "to":
            continue  # "attempts to confirm", "declined to say": nothing was said
        coordinated = _ends_in_and(text, start, left_end)
        phrase = _subject_of_clause(text, start, left_end)
        if phrase is None or phrase.kind == "nominal" and _PERSONAL_SUBJECT.search(text, start, left_end):
            # "… a lack of leadership he says has left …": a pronoun right before the cue, not a description
            phrase = _pronoun_before(text, start, left_end) or phrase
        if phrase is None:
            # "the Greens posted their worst result and Mr. Wilkinson predicted that ...":
            # the speaker starts after the last "and" or comma before the cue
            inner = _INNER_CLAUSE.search(text, start, left_end)
            if inner:
                phrase = parse_phrase(text, inner.end(), left_end)
        if phrase is None:
            phrase = _lone_surname(text, start, left_end)  # "Guest said": "guest" is a common word too
        if phrase is None and (coordinated or _after_comma_participle(text, start, cue_start, form)):
            # "… and said", "Wojtaszek questioned that logic, saying …": the clause's subject says it
            phrase = _coordinated_subject(text, start, left_end)
        if phrase is None:
            if text.count(",", start, cue_start) == 0 and len(_WORDS.findall(text[start:cue_start])) > 6:
                break
            continue
        kind = cue_kind(form)
        if kind == "evidence" and (phrase.channel is None or phrase.channel == "spokesperson"):
            continue  # "Police found the body": a finding is reported only of a report, a study
        after = _skip_object(text, cue_end, end, form)
        if after is None:
            return None
        lemma = cue_lemma(form)
        content = _content(text, after, end, directive=lemma in _DIRECTIVES)
        if content is not None and lemma in _TARGET_VERBS and not _SAYS_OF_TARGET.search(text, content.start, content.end):
            continue  # "criticized the prime minister, saying …": the target alone is not what was said
        if content is not None and lemma == "call for" and len(_WORDS.findall(_ADJUNCT_TAIL.split(text[content.start:content.end], 1)[0])) < 2:
            continue  # "called for calm on Monday": a word, not a demand one can report
        if content is not None and _only_adjunct(text, content):
            return None  # '…,” she said in an interview at her home': an adjunct of the cue, not reported words
        if content is not None and lemma in _THAT_ONLY and not _THAT_BEFORE.search(text, cue_end, content.start):
            return None  # "ruled out a retrial", "ruled in favour": only "ruled that …" reports a ruling
        if content is not None and (lemma in _OBJECT_TAKERS or kind != "speech") \
                and not _THAT_BEFORE.search(text, cue_end, content.start) and not _reads_as_clause(text, content):
            return None  # "denied the substance of the story", "claimed responsibility for the attack"
        return (form, cue_start, phrase, content) if content is not None else None
    return None


def _ends_in_and(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends in "and" or "but": "… and said" is a second verb of the clause's subject."""
    before = last_word(text, start, end)
    return before is not None and before[0] in ("and", "but") and before[1] > start and text[before[1] - 1].isspace()


def _subject_of_clause(text: str, start: int, end: int) -> Phrase | None:
    """The speaker in ``text[start:end]``, the words before a cue; when they are a long first clause
    and "and" ("the U.S. State Department called for their release on Dec. 21 and said …"), its subject."""
    if _ends_in_and(text, start, end) and len(_WORDS.findall(text, start, end)) > 6:
        phrase = _coordinated_subject(text, start, end)
        if phrase:
            return phrase
    # ("In a 2006 interview with The Bark, Day said": the lone word after the last comma may be a surname)
    return parse_phrase(text, start, end) or _lone_surname(text, text.rfind(",", start, end) + 1 or start, end)


def _only_adjunct(text: str, content: Span) -> bool:
    """Words after a cue that open with a preposition and hold no verb: "in a commentary", "with a laugh"."""
    first = _WORDS.match(text, content.start, content.end)
    return first is not None and first.group().lower() in _PREPOSITIONS \
        and not _FINITE.search(text, content.start, content.end) and not PAST_VERB.search(text, first.end(), content.end)


def _lone_surname(text: str, start: int, end: int) -> Phrase | None:
    """One capitalised word before the cue, opening its sentence, that the name finder took for a common word
    ("Guest said", "Young said"): a surname, if someone named earlier bears it (see ``resolve``)."""
    first, last = trimmed(text, start, end)
    if last - first < 2 or last - first > 30 or not text[first].isupper():
        return None
    word = _WORDS.fullmatch(text, first, last)
    if word is None or word.group().lower() in gazetteer().stopwords \
            or gazetteer().lookup(word.group()) is not None or any(n.kind != "place" for n in find_names(text, first, last)):
        return None  # ("When told …" opens a clause; a known place, "Edmonton responded", is no one's surname;
        # a name the finder knows is parsed as one)
    name = Name(first, last, word.group(), "surname", run_start=first)
    return Phrase(first, last, "name", word.group(), name=name, number="sg")


def _after_comma_participle(text: str, start: int, cue_start: int, form: str) -> bool:
    """The cue is a participle after a comma: "…, saying", "…, adding"."""
    return form.endswith("ing") and text[start:cue_start].rstrip().endswith(",")


def _coordinated_subject(text: str, start: int, end: int) -> Phrase | None:
    """"Mike Pompeo praised China's support … and said …": the clause's subject, a name or pronoun
    opening it, says the second verb too."""
    pronoun = _PRONOUN_OPENING.match(text, start, end)
    if pronoun:
        return parse_phrase(text, pronoun.start(1), pronoun.end(1))
    name = next(iter(find_names(text, start, end)), None)
    if name and name.kind in ("person", "organisation", "bare") and len(_WORDS.findall(text, start, name.run_start)) <= 1:
        return parse_phrase(text, start, name.end)  # at most one word ("But") before the name
    opening = trimmed(text, start, end)[0]
    verb = verb_start(text, start, end)
    if verb is not None and _DETERMINER_OPENING.match(text, opening):
        return parse_phrase(text, start, verb, loose=True)  # "The embassy declined the request and said …"
    comma = text.find(",", start, end)
    first = _WORDS.match(text, opening)
    if comma > 0 and first and is_introduction(first.group().lower()):
        return _coordinated_subject(text, comma + 1, end)  # "In an interview on Monday, Pompeo praised … and said"
    return None


def _writers_aside(text: str, start: int, end: int) -> int:
    """Where a trailing aside of the writer's begins after a cue ("…, the Red Cross said, raising
    the possibility …"), or ``end``."""
    comma = text.find(",", start, end)
    if comma < 0:
        return end
    word = _WORDS.match(text, trimmed(text, comma + 1, end)[0], end)
    following = word.group().lower() if word else ""
    if following in _NOT_REPORTED_AFTER_COMMA or (following.endswith("ing") and following not in cue_words()):
        return comma
    return end


def _reads_as_clause(text: str, content: Span) -> bool:
    """Whether reported words read as a clause: a subject pronoun first, or an auxiliary early on."""
    words = [w.lower() for w in _WORDS.findall(text, content.start, min(content.end, content.start + 120))[:10]]
    if not words:
        return False
    forms = cue_words()
    # a past verb counts near the start only ("added a goal and an assist as the Hurricanes snapped …" is no clause)
    return (words[0] in _SUBJECT_WORDS or words[0].split("'")[0].split("’")[0] in _SUBJECT_WORDS
            or any(w in _AUXILIARIES or w in forms for w in words[1:])
            or any(w.endswith("ed") and len(w) > 4 and not w.startswith("un") or w in _IRREGULAR_PAST for w in words[1:4]))


def _pronoun_before(text: str, start: int, end: int) -> Phrase | None:
    """A pronoun right before the cue stands for the speaker whatever precedes it."""
    m = _PRONOUN_SUBJECT.search(text, start, end)
    return parse_phrase(text, m.start(1), m.end(1)) if m else None


def _reverse(text: str, start: int, end: int, cues: Cues) -> tuple[str, int, Phrase, Span] | None:
    comma = end
    while (comma := text.rfind(",", start, comma)) >= 0:
        tail_start = comma + 1
        if end - tail_start > 160:
            break
        if not cues.any_within(tail_start, end):
            continue
        lead = trimmed(text, tail_start, end)[0]
        m = _ACCORDING.match(text, lead, end)
        if m:
            phrase = parse_phrase(text, m.end(), end, loose=True)
            content = _content(text, start, comma)
            if phrase and content:
                return "according to", m.start(), phrase, content
            continue
        cue = cues.at(lead)
        if cue:  # ", said the minister"
            if _DIRECT_FOLLOWS.match(text, cue[1], end) or _only_a_name(text, start, comma):
                continue  # ', wrote "Let's all pray for Mayor Adamowicz': the quote opens, no speaker follows
            phrase = parse_phrase(text, cue[1], _phrase_end(text, cue[1], end), loose=True)
            content = _content(text, start, comma)
            if phrase and content and not text[start:comma].lstrip().startswith(("“", '"')):
                return cue[2], cue[0], phrase, content
            continue
        for cue_start, cue_end, form in cues.within(lead, end):
            left_end = _before_adverbs(text, lead, cue_start)
            rest = text[cue_end:_writers_aside(text, cue_end, end)].strip()
            if rest and not _only_object_or_adjunct(rest, form):
                break
            if _only_a_name(text, start, comma):
                break  # "Donald Tusk, the current President of the European Council, wrote": an appositive
            phrase = parse_phrase(text, lead, left_end, loose=True)
            content = _content(text, start, comma)
            if phrase and content and not text[start:comma].lstrip().startswith(("“", '"')):
                return form, cue_start, phrase, content
            break
    return None


def _only_a_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a name and its title only ("Ex-Prime Minister Donald Tusk")."""
    start, end = trimmed(text, start, end)
    names = find_names(text, start, end)
    return len(names) == 1 and names[0].kind in ("person", "organisation") and names[0].end == end \
        and not text[start:names[0].run_start].strip()


def _skip_object(text: str, start: int, end: int, cue: str) -> int | None:
    """Where the reported words begin after the cue: past "that", an object, an adjunct."""
    rest = text[start:end]
    if _DIRECT_FOLLOWS.match(rest) or _OBJECT_THEN_QUOTE.match(rest):
        return None  # a direct quote follows: "told reporters: “…”"
    lemma = cue_lemma(cue)
    pos = _LEADING_COMMA.match(text, start, end).end()
    if lemma in _OBJECT_VERBS:
        t = _THAT_WORD.match(text, pos, end) or _OBJECT_THAT.match(text, pos, end)
        if t:
            return t.end()
        if lemma in _DIRECTIVES and (to := _TO_AFTER_OBJECT.match(text, pos, end)):
            return to.start(1)  # "urged Chinese citizens to consider …": what they were urged to do
        obj = _OBJECT.match(text, pos, end)
        if lemma == "tell" and obj:
            return obj.end() if not text.startswith(("to ", "to\t"), obj.end()) else None
        return pos
    adj = _ADJUNCT_THAT.match(text, pos, end) or _TIME_BEFORE_CLAUSE.match(text, pos, end)
    if adj:
        pos = adj.end()
    t = _THAT_WORD.match(text, pos, end)
    if t:
        return t.end()
    if "," in text[start:pos] and _writers_aside(text, start, end) < pos:
        # "the Red Cross said, raising the possibility ...", "sources said, and as ...": what follows
        # the comma is the writer's, not the speaker's ("she testified, she was ..." is)
        return None
    return pos


def _content(text: str, start: int, end: int, directive: bool = False) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in ",:;—–"):
        start += 1
    end = _strip_end(text, start, end)
    # a paraphrase ending in quoted words keeps its closing mark, though the quotation runs on
    # past the sentence: 'he was "very pleased with the decision. This really …"'
    if text.count("“", start, end) > text.count("”", start, end):
        end = _closing_mark(text, end, "”")
    elif text.count('"', start, end) % 2 == 1:
        end = _closing_mark(text, end, '"')
    words = [m.group() for m in itertools.islice(_WORDS.finditer(text, start, end), 3)]  # three are enough to judge
    if directive and len(words) >= 2 and words[0].lower() in ("to", "never", "not"):
        return Span(start, end)  # what someone was urged to do (see _skip_object): "to investigate"
    if len(words) < 3:
        return None
    if words[0].lower() in ("to", "nothing", "so", "yes", "no", "goodbye", "hello", "thanks", "sorry"):
        return None
    return Span(start, end)


def _closing_mark(text: str, end: int, mark: str) -> int:
    """Past the mark that closes a quotation open at ``end``, if it closes within the paragraph; else ``end``."""
    paragraph_end = text.find("\n", end, end + _QUOTE_RUN_ON)  # (looking no further than the mark may be)
    close = text.find(mark, end, paragraph_end if paragraph_end >= 0 else end + _QUOTE_RUN_ON)
    return close + 1 if close >= 0 else end


def _is_person_like(phrase: Phrase) -> bool:
    return phrase.kind in ("name", "pronoun") or phrase.channel in (None, "spokesperson")
