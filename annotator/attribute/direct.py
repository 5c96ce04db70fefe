"""Direct quotes: paired quotation marks and the frame that says whose they are.

The speaker is read from a reporting cue right after the closing mark
("…,” Scott said") or right before the opening one ("Duvall said: “…").  A whole
quoted sentence with no cue carries on the previous speaker.
"""

from __future__ import annotations

import re

from ..model import Span
from ..segment import is_abbreviation, trimmed
from .cues import Cues
from .frames import (
    ACCORDING,
    CLAUSE_SPLIT,
    Found,
    LEADING_COMMA,
    THAT_BEFORE,
    WORDS,
    before_adverbs,
    is_passive,
    only_object_or_adjunct,
    pronoun_before,
    quoted_as_match,
    speaker_phrase_end,
    strip_end,
    subject_of_clause,
)
from .intervals import strictly_inside
from .names import find_names
from .phrases import PRONOUNS, Phrase, parse_phrase
from .quotemarks import Quoted

_SENTENCE_END = re.compile(r"[.!?…][\"”’'»)\]]*(?=\s|$)")
_LABEL_OBJECT = re.compile(r"\s+(?:[\w’'-]+\s+){0,8}?(?:as\s+)?(?:(?:a|an|the|its|his|her|their)\s+)?", re.I)
_POSSESSIVE_BEFORE = re.compile(r"[A-Z][\w.&-]*(?:['’]s|[sS]['’])\s*$")
_STOP_BEFORE_MARK = re.compile(r"[.!?]\s*[\"”’']+\s*$")
_MIN_QUOTE_WORDS = 4  # shorter quoted bits with no cue are scare quotes or titles


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
            if not standalone and THAT_BEFORE.search(text, before_start, q.open_mark):
                kind = "mixed"
            elif after and not standalone and len(parts) == 1 and _ends_her_sentence(text, q, before_start, cues):
                kind, parts = "mixed", [Span(trimmed(text, before_start, q.open_mark)[0], q.after)]
            found.append(Found(parts, kind, cue, phrase, q.paragraphs[0], cue_at=cue_at))
        elif standalone and len(WORDS.findall(text, q.start, q.end)) >= _min_words(quoted, index, found) \
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
    words = WORDS.findall(text, q.start, q.end)
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
        and not cues.labels_within(sentence_start, q.open_mark) and len(WORDS.findall(text, sentence_start, q.open_mark)) >= 2


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
    stop = strip_end(text, s, end)
    closed = text[start - 2:start - 1] in (".", "!", "?") if start >= 2 else False
    if closed and text[s:s + 1].isupper() and not cues.within(s, min(stop, s + 60)):
        return None  # the quote ended its sentence ('… morning." As of Tuesday, …'): what follows is new
    m = ACCORDING.match(text, s, stop)
    if m:
        phrase = parse_phrase(text, m.end(), stop, loose=True)
        return ("according to", s, phrase) if phrase else None
    quoted_as = quoted_as_match(text, s, min(stop, s + 120))
    if quoted_as:  # '“…,” he was quoted as saying in the release.'
        phrase = parse_phrase(text, s, quoted_as.start(), loose=True)
        if phrase:
            return "quoted as saying", quoted_as.start(), phrase
    cue = cues.at(s)
    if cue:  # inverted: "said Scott"
        phrase_end = speaker_phrase_end(text, cue[1], stop)
        phrase = parse_phrase(text, cue[1], phrase_end, loose=True)
        return (cue[2], cue[0], phrase) if phrase else None
    for cue_start, _cue_end, form in cues.within(s, min(stop, s + 200)):
        left_end = before_adverbs(text, s, cue_start)
        phrase = parse_phrase(text, s, left_end, loose=True)
        return (form, cue_start, phrase) if phrase else None
    return None


def _before_frame(text: str, start: int, open_mark: int, paragraph_start: int, cues: Cues) -> tuple[str, int, Phrase] | None:
    """'Duvall said: “…' / 'The Met email says: “…' / 'According to X, “…'."""
    window_end = strip_end(text, start, open_mark)
    if window_end <= start:
        return None
    colon = text[start:open_mark].rstrip().endswith(":")
    lead = LEADING_COMMA.match(text, start, window_end).end()
    inverted = cues.at(lead)
    if inverted and text[start:open_mark].rstrip().endswith((",", ":")):
        # '“…,” said Roenick, “but …”': the frame between the two halves of a split quote
        phrase = parse_phrase(text, inverted[1], speaker_phrase_end(text, inverted[1], window_end), loose=True)
        if phrase:
            return inverted[2], inverted[0], phrase
    for cue_start, cue_end, form in reversed(cues.within(start, window_end)):
        tail = text[cue_end:open_mark]
        if not only_object_or_adjunct(tail, form):
            continue
        left = _clause_start(text, start, cue_start)
        left_end = before_adverbs(text, left, cue_start)
        if is_passive(text, left, cue_start, form):
            continue
        phrase = subject_of_clause(text, left, left_end)
        return (form, cue_start, phrase) if phrase else None
    # 'called the move a “smash and grab”', 'described it as “crushing”'
    for cue_start, cue_end, form in reversed(cues.labels_within(start, window_end)):
        if not _LABEL_OBJECT.fullmatch(text, cue_end, open_mark):
            continue
        left = _clause_start(text, start, cue_start)
        left_end = before_adverbs(text, left, cue_start)
        phrase = subject_of_clause(text, left, left_end) or pronoun_before(text, left, left_end)
        return (form, cue_start, phrase) if phrase else None
    m = ACCORDING.search(text, start, window_end)
    if m and not text[m.end():window_end].count(","):
        phrase = parse_phrase(text, m.end(), window_end)
        if phrase:
            return "according to", m.start(), phrase
    if colon and start == paragraph_start:
        phrase = parse_phrase(text, start, window_end)
        if phrase and phrase.kind == "name" and window_end - start <= 40:
            return ":", window_end, phrase
    if colon:
        clause_start = _clause_start(text, start, window_end)
        phrase = _subject_before_colon(text, clause_start, window_end) or _owner_of_words(text, clause_start, window_end)
        if phrase:
            return ":", window_end, phrase
    return None


# "Her reply:", "The minister's answer:", "Smith's verdict:": whose words follow the colon
_WORDS_OF = re.compile(r"\s*(?:(?P<pronoun>his|her|their|its)|(?P<owner>.{2,80}?)(?:’s|'s))\s+(?:\w+\s+)?"
                       r"(?:reply|answer|response|verdict|message|advice|explanation|conclusion|retort|warning|view|comment)\s*$", re.I)
_PRONOUN_OF = {"his": "he", "her": "she", "their": "they", "its": "it"}


def _owner_of_words(text: str, start: int, end: int) -> Phrase | None:
    m = _WORDS_OF.fullmatch(text, start, end)
    if m is None:
        return None
    if m.group("pronoun"):
        pronoun = _PRONOUN_OF[m.group("pronoun").lower()]
        gender, number = PRONOUNS[pronoun]
        return Phrase(m.start("pronoun"), m.end("pronoun"), "pronoun", pronoun, gender=gender, number=number)
    return parse_phrase(text, m.start("owner"), m.end("owner"))


def _subject_before_colon(text: str, start: int, end: int) -> Phrase | None:
    """'Martell, the addictions doctor on the South Shore, is more blunt: “…”': a person opening the
    clause before the colon, with a short predicate and no one else named in it, says what follows."""
    names = find_names(text, start, end)
    if not names or names[0].kind not in ("person", "bare") or names[0].possessive \
            or len(WORDS.findall(text, start, names[0].run_start)) > 1:
        return None
    subject_end = names[0].end
    if text.startswith(",", subject_end):  # an appositive, up to its closing comma
        subject_end = text.find(",", subject_end + 1, end)
        if subject_end < 0:
            return None
    if not 1 <= len(WORDS.findall(text, subject_end, end)) <= 6 \
            or any(n.kind in ("person", "organisation") for n in names[1:] if n.start >= subject_end):
        return None
    return parse_phrase(text, start, subject_end)


def _clause_start(text: str, start: int, cue_start: int) -> int:
    """Start of the clause that holds the cue: after "; ", ", and ", ", while " ..."""
    best = start
    for m in CLAUSE_SPLIT.finditer(text, start, cue_start):
        best = m.end()
    return best
