"""Indirect and mixed quotes: reported speech without (or with some) quotation marks.

Clauses such as "X says (that) …", "…, X said", "according to X, …", "X was quoted
as saying …", "X believes …", "a report by X found …"; the reported content only,
never the cue, the speaker phrase or a leading "that".
"""

from __future__ import annotations

import itertools
import re

from ..lexicon import load_words
from ..model import Span
from ..segment import trimmed
from .cues import ADJUNCT, Cues, cue_kind, cue_lemma, cue_words, last_word
from .frames import (
    ACCORDING,
    CLAUSE_SPLIT,
    Found,
    LEADING_COMMA,
    OBJECT_VERBS,
    THAT_BEFORE,
    WORDS,
    before_adverbs,
    coordinated_subject,
    ends_in_and,
    is_passive,
    lone_surname,
    only_object_or_adjunct,
    pronoun_before,
    quoted_as_match,
    speaker_phrase_end,
    strip_end,
    subject_of_clause,
)
from .intervals import SpanIndex
from .names import find_names
from .phrases import DATA_NOUNS, PAST_VERB, Phrase, parse_phrase

_DIRECTIVES = {"urge"}  # its reported words are what to do: "urged people to stay home"
_TO_AFTER_OBJECT = re.compile(r"[^,.;:\"“”]{1,40}?\s((?:never\s+|not\s+)?to\s(?!(?:the|a|an|his|her|their|its|my|me|us|him|them)\s))")
_DIRECT_FOLLOWS = re.compile(r"\s*[:\"“]")
_OBJECT_THEN_QUOTE = re.compile(r"[^.;:\"“]{0,50}[:,]\s*[\"“]")
_OBJECT_THAT = re.compile(r"[^,.;:]{1,60}?\s+that\s+", re.I)
# who was told: "reporters", "the BBC", "HuffPost Canada" (a name, or else one lower-case noun)
_OBJECT = re.compile(r"(?:(?:the|a|an|his|her|their|its|our)\s+)?(?:(?:(?-i:[A-Z])[\w’'-]*(?:’s|'s)?\s+){1,3}|"
                     r"(?:(?:local|state|national|foreign|international|regional|visiting|gathered|assembled|waiting)\s+)?[a-z]+\s+)?", re.I)
_ADJUNCT_THAT = re.compile(rf"(?:{ADJUNCT}\s*,?\s*)(?=that\s)", re.I)
# "said on Friday he can …": a time adjunct, then the reported clause
# (a weekday needs no "on" in American copy: "said Tuesday the deal was done")
_TIME_BEFORE_CLAUSE = re.compile(
    r"(?:(?:(?:on|last|this|early|late|earlier|later)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:last|this|early|late|earlier|later)\s+(?:week|month|year|night|morning|afternoon|evening|weekend)|yesterday|today|tonight)"
    r"\s+(?=(?:he|she|they|it|we|i|the|a|an|his|her|their|its|there)\s|(?-i:[A-Z]))",
    re.I)
_THAT_WORD = re.compile(r"that\s+", re.I)
_QUOTED_BIT = re.compile(r"(?:[\"“”]|''|’’|‘‘).{3,}(?:[\"“”]|''|’’)")
_INNER_CLAUSE = re.compile(
    r"(?:,|;|\s[—–]|\b(?:and|but|while|whereas|after|as|because|since|when|before|until|although|though|once)\b)\s+(?=[^,;—–]{1,60}$)")
_PERSONAL_SUBJECT = re.compile(r"\b(?:he|she|they|we)\s*$", re.I)
_NOT_REPORTED_AFTER_COMMA = {"and", "but", "as", "while", "although", "though", "because", "which", "who", "whose", "when",
                             "where", "after", "before", "amid", "despite", "with"}
# verbs whose object is as often a noun phrase as a clause: "denied wrongdoing", "confirmed the deal"
_OBJECT_TAKERS = {"deny", "confirm", "claim", "agree", "add", "reply", "respond", "propose", "estimate", "announce", "reveal",
                  "report", "predict", "promise", "pledge", "vow", "threaten", "demand", "admit", "acknowledge", "find", "show",
                  "expect", "fear", "hope", "recount", "reiterate", "write", "counter", "continue", "conclude"}
_IRREGULAR_PAST = load_words("irregular_past.txt")
_WHO_BEFORE = re.compile(r",\s+who\s*$")
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
_DOUBLE_MARK = re.compile(r"[\"“”]")
# what a label verb names, then the label: "calls it", "described himself as", "called the program"
_LABELLED = re.compile(r"\s+(?:it|him|her|them|this|that|himself|herself|themselves|itself|the\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)"
                       r"(?P<as>\s+as)?\s+(?=(?:a|an|the|one|his|her|their|its|our)\s)", re.I)
_NAMING = {"call", "describe", "dub", "label", "brand", "term", "characterise"}  # not "gave them a lead"
_WHAT_BEFORE = re.compile(r"\bwhat\s+(?:he|she|they|it|we)\s*$", re.I)


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
    for m in CLAUSE_SPLIT.finditer(text, s.start, s.end):
        spans.append(Span(cursor, m.start()))
        cursor = m.end()
    spans.append(Span(cursor, s.end))
    return [s] + spans if len(spans) > 1 else spans


def _aside_in(text: str, clause: Span, cues: Cues) -> tuple[str, int, Phrase, list[Span]] | None:
    """"Too often, he says, they get it": reported words around a cue set off by commas."""
    end = strip_end(text, clause.start, clause.end)
    for cue_start, cue_end, form in cues.within(clause.start, end):
        after = trimmed(text, cue_end, end)[0]
        if after >= end or text[after] != ",":
            continue
        comma_before = text.rfind(",", clause.start, cue_start)
        if comma_before < 0 or _writers_aside(text, cue_end, end) < end:
            continue
        left_end = before_adverbs(text, comma_before + 1, cue_start)
        if not 1 <= len(WORDS.findall(text, comma_before + 1, left_end)) <= 5:
            continue
        phrase = parse_phrase(text, comma_before + 1, left_end)
        around = _around_aside(text, clause.start, comma_before, after + 1, end, cues)
        if phrase is None or around is None or ACCORDING.match(text, around[0].start, around[0].end):
            continue
        return form, cue_start, phrase, around
    # "The harsh truth, according to addiction experts, is a system ill-equipped …"
    for at in cues.according_within(clause.start, end):
        comma_before = text.rfind(",", clause.start, at)
        according = ACCORDING.match(text, at, end)
        comma_after = text.find(",", according.end(), end) if according else -1
        if comma_before < 0 or comma_after < 0 or text[comma_before + 1:at].strip():
            continue
        if not DATA_NOUNS.isdisjoint(w.lower() for w in WORDS.findall(text, according.end(), comma_after)[:4]):
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
    if rest is None or not WORDS.search(text, before.start, before.end) or cues.any_within(before.start, before.end):
        return None
    return [before, rest]


def _indirect_in(text: str, clause: Span, cues: Cues) -> tuple[str, int, Phrase, Span] | None:
    start, end = clause.start, strip_end(text, clause.start, clause.end)
    if end - start < 12:
        return None
    # According to X, CONTENT
    m = ACCORDING.match(text, start, end)
    if m:
        comma = text.find(",", m.end(), end)
        if comma > 0:
            phrase = parse_phrase(text, m.end(), comma)
            content = _content(text, comma + 1, end)
            if phrase and content and phrase.kind != "nominal" or (phrase and content and _is_person_like(phrase)):
                return "according to", m.start(), phrase, content
        return None
    # X was quoted as saying CONTENT
    m = quoted_as_match(text, start, end)
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
    end = strip_end(text, clause.start, clause.end)
    for cue_start, cue_end, form in cues.labels_within(clause.start, end):
        lemma = cue_lemma(form)
        m = _LABELLED.match(text, cue_end, end) if lemma in _NAMING else None
        if m is None or (lemma == "describe" and not m.group("as")):
            continue
        left_end = before_adverbs(text, clause.start, cue_start)
        phrase = pronoun_before(text, clause.start, left_end) if _WHAT_BEFORE.search(text, clause.start, left_end) \
            else subject_of_clause(text, clause.start, left_end)
        content = _content(text, m.end(), end)
        if phrase is None or content is None or _DOUBLE_MARK.search(text, content.start, content.end) \
                or len(WORDS.findall(text, content.start, content.end)) > 25:
            continue
        return form, cue_start, phrase, content
    return None


def _subject_first(text: str, start: int, end: int, cues: Cues) -> tuple[str, int, Phrase, Span] | None:
    for cue_start, cue_end, form in cues.with_views_within(start, min(end, start + 400)):
        left_end = before_adverbs(text, start, cue_start)
        if is_passive(text, start, cue_start, form) or left_end <= start:
            break
        if (last_word(text, start, cue_start) or ("",))[0] == "to":
            continue  # "attempts to confirm", "declined to say": nothing was said
        coordinated = ends_in_and(text, start, left_end)
        phrase = subject_of_clause(text, start, left_end)
        who = _WHO_BEFORE.search(text, start, left_end)
        if who is not None:
            # "… backed by council leader Jane Smith, who also said …": the name the relative clause hangs on
            named = [n for n in find_names(text, start, who.start()) if n.end == who.start() and n.kind in ("person", "organisation")]
            phrase = Phrase.of_name(named[0], end=who.start()) if named else None
            if phrase is None:
                continue
        if phrase is None or phrase.kind == "nominal" and _PERSONAL_SUBJECT.search(text, start, left_end):
            # "… a lack of leadership he says has left …": a pronoun right before the cue, not a description
            phrase = pronoun_before(text, start, left_end) or phrase
        if phrase is None:
            # "the Greens posted their worst result and Mr. Wilkinson predicted that ...":
            # the speaker starts after the last "and" or comma before the cue
            inner = _INNER_CLAUSE.search(text, start, left_end)
            if inner:
                phrase = parse_phrase(text, inner.end(), left_end)
        if phrase is None:
            phrase = lone_surname(text, start, left_end)  # "Guest said": "guest" is a common word too
        if phrase is None and (coordinated or _after_comma_participle(text, start, cue_start, form)):
            # "… and said", "Wojtaszek questioned that logic, saying …": the clause's subject says it
            phrase = coordinated_subject(text, start, left_end)
        if phrase is None:
            if text.count(",", start, cue_start) == 0 and len(WORDS.findall(text[start:cue_start])) > 6:
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
        if content is not None and lemma == "call for" and len(WORDS.findall(_ADJUNCT_TAIL.split(text[content.start:content.end], 1)[0])) < 2:
            continue  # "called for calm on Monday": a word, not a demand one can report
        if content is not None and _only_adjunct(text, content):
            return None  # '…,” she said in an interview at her home': an adjunct of the cue, not reported words
        if content is not None and lemma in _THAT_ONLY and not THAT_BEFORE.search(text, cue_end, content.start):
            return None  # "ruled out a retrial", "ruled in favour": only "ruled that …" reports a ruling
        if content is not None and (lemma in _OBJECT_TAKERS or kind != "speech") \
                and not THAT_BEFORE.search(text, cue_end, content.start) and not _reads_as_clause(text, content):
            return None  # "denied the substance of the story", "claimed responsibility for the attack"
        return (form, cue_start, phrase, content) if content is not None else None
    return None


def _only_adjunct(text: str, content: Span) -> bool:
    """Words after a cue that open with a preposition and hold no verb: "in a commentary", "with a laugh"."""
    first = WORDS.match(text, content.start, content.end)
    return first is not None and first.group().lower() in _PREPOSITIONS \
        and not _FINITE.search(text, content.start, content.end) and not PAST_VERB.search(text, first.end(), content.end) \
        and not any(w.lower() in _IRREGULAR_PAST for w in WORDS.findall(text, first.end(), content.end))  # "about 300 took part"


def _after_comma_participle(text: str, start: int, cue_start: int, form: str) -> bool:
    """The cue is a participle after a comma: "…, saying", "…, adding"."""
    return form.endswith("ing") and text[start:cue_start].rstrip().endswith(",")


def _writers_aside(text: str, start: int, end: int) -> int:
    """Where a trailing aside of the writer's begins after a cue ("…, the Red Cross said, raising
    the possibility …"), or ``end``."""
    comma = text.find(",", start, end)
    if comma < 0:
        return end
    word = WORDS.match(text, trimmed(text, comma + 1, end)[0], end)
    following = word.group().lower() if word else ""
    if following in _NOT_REPORTED_AFTER_COMMA or (following.endswith("ing") and following not in cue_words()):
        return comma
    return end


def _reads_as_clause(text: str, content: Span) -> bool:
    """Whether reported words read as a clause: a subject pronoun first, or an auxiliary early on."""
    words = [w.lower() for w in WORDS.findall(text, content.start, min(content.end, content.start + 120))[:10]]
    if not words:
        return False
    forms = cue_words()
    # a past verb counts near the start only ("added a goal and an assist as the Hurricanes snapped …" is no clause)
    return (words[0] in _SUBJECT_WORDS or words[0].split("'")[0].split("’")[0] in _SUBJECT_WORDS
            or any(w in _AUXILIARIES or w in forms for w in words[1:])
            or any(w.endswith("ed") and len(w) > 4 and not w.startswith("un") or w in _IRREGULAR_PAST for w in words[1:4]))


def _reverse(text: str, start: int, end: int, cues: Cues) -> tuple[str, int, Phrase, Span] | None:
    comma = end
    while (comma := text.rfind(",", start, comma)) >= 0:
        tail_start = comma + 1
        if end - tail_start > 160:
            break
        if not cues.any_within(tail_start, end):
            continue
        lead = trimmed(text, tail_start, end)[0]
        m = ACCORDING.match(text, lead, end)
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
            phrase = parse_phrase(text, cue[1], speaker_phrase_end(text, cue[1], end), loose=True)
            if phrase is not None and phrase.role and phrase.role.split()[-1].lower() in _PREPOSITIONS:
                continue  # ", declared victory for Trump": the cue's object, not "said X"
            content = _content(text, start, comma)
            if phrase and content and not text[start:comma].lstrip().startswith(("“", '"')):
                return cue[2], cue[0], phrase, content
            continue
        for cue_start, cue_end, form in cues.within(lead, end):
            left_end = before_adverbs(text, lead, cue_start)
            rest = text[cue_end:_writers_aside(text, cue_end, end)].strip()
            if rest and not only_object_or_adjunct(rest, form):
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
    pos = LEADING_COMMA.match(text, start, end).end()
    if lemma in OBJECT_VERBS:
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
    end = strip_end(text, start, end)
    # a paraphrase ending in quoted words keeps its closing mark, though the quotation runs on
    # past the sentence: 'he was "very pleased with the decision. This really …"'
    if text.count("“", start, end) > text.count("”", start, end):
        end = _closing_mark(text, end, "”")
    elif text.count('"', start, end) % 2 == 1:
        end = _closing_mark(text, end, '"')
    words = [m.group() for m in itertools.islice(WORDS.finditer(text, start, end), 3)]  # three are enough to judge
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
