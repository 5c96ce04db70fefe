"""Find the names in a stretch of text and tell people from organisations and places.

A name is a run of capitalised words (with "de", "van", "of the" ... inside).
Each run is split into a role that comes before the name ("London Mayor",
"Santa Barbara County Sheriff"), an honorific ("Mr", "Dr") and the name itself,
then typed from the gazetteer, the words it contains and its given name.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import Gazetteer, gazetteer

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_ABBREVIATED = r"(?:Mr|Mrs|Ms|Dr|Rev|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Cpl|Prof|St|Jr|Sr|Mt|Pres|Supt|Insp|Det|Cmdr|Adm|Maj|Hon|Fr)\.(?=\s)"
_TOKEN = rf"(?:{_ABBREVIATED}|(?:[{_UPPER}]\.){{1,4}}|(?:(?:al|el|de|da|di|van|von|bin|ibn|abu|ben|ul)-)?[{_UPPER}][\w'’\-]*(?:–[{_UPPER}][\w'’\-]*)*(?:&[{_UPPER}]+)?)"
_CONNECTOR = r"(?:de|da|di|du|dos|das|del|della|der|den|ter|van|von|bin|ibn|al|el|la|le|y|of|for|and|&|the)"
NAME_RUN = re.compile(rf"(?<![\w'’\-]){_TOKEN}(?:[ \t]+(?:{_CONNECTOR}[ \t]+){{0,2}}{_TOKEN})*")
_WORD = re.compile(r"\S+")
_POSSESSIVE = ("'s", "’s", "'", "’")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,6}|(?:[A-Z]\.){2,4}")
# "MaRS", "eBay", "iHeart": brands and bodies (but not McMillen, DeBoer, LeBlanc)
_MIXED_CASE = re.compile(r"[a-z]+[A-Z][A-Za-z]*|(?!Mc|Mac|De|Di|Le|La|Van|Du|Da|Fitz)[A-Z][a-z]+[A-Z]{2,}[a-z]*|[A-Z][a-z][A-Z][A-Z]+")
_NOT_ACRONYMS = {"I", "OK", "TV", "AM", "PM", "US", "UK", "EU", "UN", "II", "III", "IV", "VI"}
# "MILTON, Ont. —", "WASHINGTON (Reuters) -": a place in capitals opening a paragraph
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w.]{1,15}(?:\s+[A-Z][\w.]+)?)?\s*(?:\([^)]{1,30}\)\s*)?[—–-]")
_ORG_TAIL = re.compile(r"[ \t]+(police|council|government|party|ministry|army|navy|court|university|union|authority|service)\b")
_JOINERS = {"of", "for", "and", "&", "the"}


@dataclass(slots=True)
class Name:
    """One name found in text; offsets are absolute (into Article.text)."""

    start: int  # of the name itself, after any role or honorific
    end: int
    text: str  # the name as written: "Sadiq Khan", "Met", "Monitoring Group"
    kind: str  # person | organisation | place | outlet | role | bare (a single unknown word) | surname (see quotes._lone_surname)
    role: str | None = None  # "London Mayor"
    honorific: str | None = None  # "Mr"
    gender: str | None = None  # m | f | None
    canonical: str | None = None  # gazetteer name: "Metropolitan Police"
    subtype: str | None = None
    run_start: int = 0  # where the whole run began, role included
    possessive: bool = False
    has_the: bool = False  # written with a leading "the"

    @property
    def tokens(self) -> list[str]:
        return self.text.split()


def find_names(text: str, start: int = 0, end: int | None = None) -> list[Name]:
    """Every name in ``text[start:end]``, in order.

    Names are read a whole line (paragraph) at a time and cached, so asking
    again about a phrase inside the same paragraph costs nothing.
    """
    end = len(text) if end is None else end
    # the line holding ``start``, from the text's newlines (searching for them anew is quadratic in a long line)
    newlines = _newlines(text)
    i = bisect.bisect_left(newlines, start)
    line_start = newlines[i - 1] + 1 if i else 0
    line_end = newlines[i] if i < len(newlines) else len(text)
    if end > line_end:  # a span over several lines: read it as it is
        return _find_names(text, start, end)
    return _line_names(text, line_start, line_end).within(start, end)


@lru_cache(maxsize=8)
def _newlines(text: str) -> list[int]:
    return [m.start() for m in re.finditer("\n", text)]


class _LineNames:
    """A line's names, and where their runs start, to pick those inside a stretch by bisection."""

    def __init__(self, names: list[Name]):
        self.names = names
        self.run_starts = [n.run_start for n in names]
        self.in_order = all(a <= b for a, b in zip(self.run_starts, self.run_starts[1:]))

    def within(self, start: int, end: int) -> list[Name]:
        """The names whose run starts at or after ``start`` and that end by ``end``, in order."""
        names = self.names
        if self.in_order:  # (a name ends after its run starts: none starting past ``end`` is inside)
            names = names[bisect.bisect_left(self.run_starts, start):bisect.bisect_right(self.run_starts, end)]
        return [n for n in names if n.run_start >= start and n.end <= end]


def _line_names(text: str, start: int, end: int) -> _LineNames:
    lines = _names_by_line(text)
    found = lines.get((start, end))
    if found is None:
        found = lines[start, end] = _LineNames(_find_names(text, start, end))
    return found


@lru_cache(maxsize=8)
def _names_by_line(text: str) -> dict[tuple[int, int], _LineNames]:
    """The names of each line of ``text`` read so far: every line of the last few texts, not the last
    512 lines of any (stage after stage reading a file of more lines would read each line again)."""
    return {}


def _find_names(text: str, start: int, end: int) -> list[Name]:
    g = gazetteer()
    names: list[Name] = []
    covered = start
    for at in _run_starts(text, start, end):
        if at < covered:
            continue
        m = NAME_RUN.match(text, at, end)
        if m is None:
            continue
        run = m.group()
        if " " not in run and "\t" not in run and run.lower() in g.stopwords and run.lower() not in g.honorifics \
                and not known_acronym(run, g):
            covered = m.end()
            continue  # "The", "But", "He": the commonest capitalised words are no names
        if _next_to_slash(text, at, m.end()):
            covered = m.end()
            continue  # a photo credit, "THE CANADIAN PRESS/Ryan Remiorz", "(Lauren Pelley / CBC News)"
        covered = run_end = m.end()
        # "the Met police", "the London Metropolitan police": a known name ending in a lower-case word
        tail = _ORG_TAIL.match(text, run_end, end)
        if tail and g.lookup(text[m.start():tail.end(1)]) or tail and g.lookup("the " + text[m.start():tail.end(1)]):
            run_end = tail.end(1)
        names.extend(_cached_run(text, m.start(), run_end, g))
    return names


def _next_to_slash(text: str, start: int, end: int) -> bool:
    """A slash, perhaps after a space, on either side of ``text[start:end]``."""
    return (text[start - 1:start] == "/" or text[start - 2:start] == "/ " or text.startswith("/", end)
            or text.startswith(" /", end))


_RUN_CACHE: dict[tuple, tuple] = {}


def forget_caches() -> None:
    """Drop the names remembered so far (benchmarks start cold)."""
    _RUN_CACHE.clear()
    _names_by_line.cache_clear()
    _newlines.cache_clear()

_RUN_CACHE_SIZE = 50_000


def _cached_run(text: str, start: int, end: int, g: Gazetteer) -> list[Name]:
    """_analyse_run, remembered by the run's words and the few facts of context it looks at."""
    at_workplace = _after_people_at(text, start, g)
    key = (text[start:end], start >= 4 and text[start - 4:start].lower() == "the ", _sentence_initial(text, start),
           _paragraph_start(text, start), at_workplace)
    found = _RUN_CACHE.get(key)
    if found is None:
        names = _analyse_run(text, start, end, g)
        if at_workplace and names and names[0].kind in ("person", "bare") and names[0].run_start == start and names[0].gender is None \
                and not names[0].role and not names[0].honorific:
            names[0].kind = "organisation"  # "researchers at Cisco Talos": where people work
        found = tuple((n.start - start, n.end - start, n.text, n.kind, n.role, n.honorific, n.gender, n.canonical,
                       n.subtype, n.run_start - start, n.possessive, n.has_the) for n in names)
        if len(_RUN_CACHE) > _RUN_CACHE_SIZE:
            _RUN_CACHE.clear()
        _RUN_CACHE[key] = found
    return [Name(start + a, start + b, t, k, role, hon, gen, can, sub, start + rs, pos, ht)
            for a, b, t, k, role, hon, gen, can, sub, rs, pos, ht in found]


# a capital with no word character before it; the look-behind comes after the capital so
# the scan can jump from capital to capital
_WORD_OPENING_CAPITAL = re.compile(rf"[{_UPPER}](?<![\w'’-].)")
_NAME_PREFIXES = ("al", "el", "de", "da", "di", "van", "von", "bin", "ibn", "abu", "ben", "ul")
_HYPHEN_CAPITAL = re.compile(rf"-(?=[{_UPPER}])")
_MATCH_START = re.Match.start


def _run_starts(text: str, start: int, end: int) -> list[int]:
    """Where a name can begin: a capital opening a word, or "al-", "de-" before one."""
    starts = list(map(_MATCH_START, _WORD_OPENING_CAPITAL.finditer(text, start, end)))
    if "-" in text[start:end]:
        starts += [at for hyphen in _HYPHEN_CAPITAL.finditer(text, start + 2, end)
                   if (at := _prefix_start(text, hyphen.start())) is not None and at >= start]
        starts.sort()
    return starts


def _prefix_start(text: str, hyphen: int) -> int | None:
    """Where "al-", "van-" ... begins before ``hyphen``, if it opens a word."""
    for prefix in _NAME_PREFIXES:
        at = hyphen - len(prefix)
        if at >= 0 and text.startswith(prefix, at) and (at == 0 or not text[at - 1].isalnum()):
            return at
    return None


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


def _after_people_at(text: str, start: int, g: Gazetteer) -> bool:
    """The run follows "<people> at": "researchers at", "an economist at", "staff at"."""
    if start < 4 or text[start - 3:start] != "at ":
        return False
    word_end = start - 3
    while word_end > 0 and text[word_end - 1] == " ":
        word_end -= 1
    word_start = word_end
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    return text[word_start:word_end].lower() in g.people_nouns


def _opens_a_title(toks, g: Gazetteer) -> bool:
    """"First Minister", "Second Lady": an ordinal that belongs to the title after it, not a sentence's "First,"."""
    return len(toks) > 2 and toks[0][0].lower() in ("first", "second") and toks[1][0].lower() in g.roles


def known_acronym(word: str, g: Gazetteer) -> bool:
    """"WHO", "AND": a known organisation written in capitals, not the stopword it spells."""
    return len(word) > 1 and word.isupper() and g.lookup(word) is not None


def _analyse_run(text: str, start: int, end: int, g: Gazetteer) -> list[Name]:
    toks = _tokens(text, start, end)
    has_the = start >= 4 and text[start - 4:start].lower() == "the "
    # leading sentence words ("But", "The", "According") are not part of a name
    while toks and toks[0][0].lower().rstrip(".") in g.stopwords and toks[0][0].lower() not in g.honorifics \
            and not known_acronym(toks[0][0], g) and not _opens_a_title(toks, g):
        if toks[0][0].lower() == "the":
            has_the = True
        toks.pop(0)
    # a common word capitalised only because it opens the sentence ("Rather", "Originally")
    if toks and toks[0][1] == start and _sentence_initial(text, start):
        word = toks[0][0].lower()
        if word in g.common_words and word not in g.given_names and g.lookup(toks[0][0]) is None \
                and g.lookup(text[toks[0][1]:toks[-1][2]]) is None:  # ("Doctors Without Borders" is a name)
            toks.pop(0)
    if toks and _DATELINE.match(text, toks[0][1]) and _paragraph_start(text, toks[0][1]):
        return [Name(toks[0][1], toks[-1][2], text[toks[0][1]:toks[-1][2]], "place", run_start=toks[0][1])]
    while toks and (toks[-1][0].lower() in _JOINERS or toks[-1][0] in ("A", "An")):
        toks.pop()  # ("The Canadian Press A train derailment …": a credit, then a caption's first word)
    while toks and toks[0][0].lower() in _JOINERS:
        toks.pop(0)  # "Lawyers for Huma Abedin": the dropped opening word took the name's start with it
    if not toks:
        return []
    # a possessive ends the name: "Khan’s plans"; a name may follow it: "Vancouver's Bo Horvat"
    possessive, rest = False, []
    for i, (tok, s, e) in enumerate(toks):
        if tok.endswith(_POSSESSIVE) and len(tok) > 2 and not (i + 1 < len(toks) and toks[i + 1][0].lower() in g.org_words):
            # (but "the Prime Minister's Office", "the Women's Hospital" are one name)
            cut = 2 if tok.endswith(("'s", "’s")) else 1
            if i + 1 < len(toks):
                rest = _analyse_run(text, toks[i + 1][1], toks[-1][2], g)
            toks = toks[:i] + [(tok[:-cut], s, e - cut)]
            possessive = True
            break
    return _split_run(text, toks, g, has_the, possessive) + rest


def _sentence_initial(text: str, at: int) -> bool:
    i = at - 1
    while i >= 0 and text[i] in " \t\"“‘'(":
        i -= 1
    return i < 0 or text[i] in ".!?:\n—–-"


def _paragraph_start(text: str, at: int) -> bool:
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def _split_run(text: str, toks, g: Gazetteer, has_the: bool, possessive: bool) -> list[Name]:
    surface = text[toks[0][1]:toks[-1][2]]
    known = g.lookup(surface)
    if known is None and has_the:
        known = g.lookup("the " + surface)
    if known and known.kind != "place" or (known and len(toks) > 1):
        return [_known(toks, surface, known, has_the, possessive)]
    # "Rev. Jesse Jackson and Sen. Mike Lee": two people, not one name
    for i, (tok, _s, _e) in enumerate(toks):
        if tok.lower() in ("and", "&") and 0 < i < len(toks) - 1:
            left, right = toks[:i], toks[i + 1:]
            first = right[0][0].lower()
            if not _has_org_word(left, g) and (first in g.honorifics or first in g.roles or first.rstrip(".") in g.given_names):
                return _split_run(text, left, g, has_the, False) + _split_run(text, right, g, False, possessive)
    for k in range(len(toks) - 2, 0, -1):
        prefix = text[toks[0][1]:toks[k - 1][2]]
        known_prefix = g.lookup(prefix)
        if known_prefix and known_prefix.kind in ("organisation", "outlet") and toks[k][0].lower().rstrip(".") in g.given_names:
            return [_known(toks[:k], prefix, known_prefix, has_the, False)] + _split_run(text, toks[k:], g, False, possessive)
    role_cut = _role_cut(toks, g)
    if role_cut is not None:
        joins = [i for i, t in enumerate(toks[:role_cut]) if t[0].lower() in ("and", "&")]
        if joins and any(t[0].lower().rstrip(".") in g.given_names for t in toks[:joins[-1]]):
            # "German Chancellor Angela Merkel and British Prime Minister Boris Johnson": two people
            j = joins[-1]
            return _split_run(text, toks[:j], g, has_the, False) + _split_run(text, toks[j + 1:], g, False, possessive)
        role = text[toks[0][1]:toks[role_cut][2]]
        rest = toks[role_cut + 1:]
        names = _split_run(text, rest, g, False, possessive)
        if names and names[0].kind in ("person", "bare"):
            first = names[0]
            first.kind = "person"
            first.run_start = toks[0][1]
            role_words = role.split()
            honorific = role_words[-1].lower()
            if honorific in g.honorifics:
                first.honorific, first.gender = role_words[-1], first.gender or _gender(g.honorifics[honorific])
                title = [w for w in role_words[:-1]]
                if title and any(w.lower() in g.roles for w in title):
                    first.role = " ".join(title)  # "Prime Minister Mr Abe"
                elif title:
                    first.run_start = toks[role_cut][1]  # "Beware of Mr. Baker": a film's title, no role of his
            else:
                first.role = role
            return names
    # "United Bank of Africa and Standard Trust Bank": two bodies, each named in full
    for i, (tok, _s, _e) in enumerate(toks):
        if tok.lower() == "and" and 0 < i < len(toks) - 1:
            left, right = toks[:i], [t for t in toks[i + 1:] if t[0].lower() != "the"] or toks[i + 1:]
            if (_is_org_name(left, g) or _has_org_word(left, g)) and _is_org_name(right, g) \
                    and g.lookup(text[toks[0][1]:toks[-1][2]]) is None:
                return _split_run(text, left, g, has_the, False) + _split_run(text, right, g, False, possessive)
    # "X of the Y": a person of an organisation, unless the whole is an organisation
    for i, (tok, _s, _e) in enumerate(toks):
        if tok.lower() in ("of", "for", "and", "&", "in") and 0 < i < len(toks) - 1:
            left, right = toks[:i], [t for t in toks[i + 1:] if t[0].lower() != "the"] or toks[i + 1:]
            if _has_org_word(left, g) or any(t[0].lower() in g.roles for t in left) or (tok.lower() == "and" and _has_org_word(right, g)):
                break  # "Department of Justice", "Trade and Industry"
            return _split_run(text, left, g, has_the, False) + _split_run(text, right, g, toks[i + 1][0].lower() == "the", possessive)
    return [_classify(text, toks, g, has_the, possessive)]


def _known(toks, surface, known, has_the, possessive) -> Name:
    kind = {"outlet": "outlet", "country": "place", "place": "place"}.get(known.kind, "organisation")
    subtype = "country" if known.kind == "country" else known.subtype
    return Name(toks[0][1], toks[-1][2], surface, kind, canonical=known.name, subtype=subtype,
                run_start=toks[0][1], possessive=possessive, has_the=has_the)


def _role_cut(toks, g: Gazetteer) -> int | None:
    """Index of the last role or honorific word that has a name after it."""
    cut = None
    for i, (tok, _s, _e) in enumerate(toks[:-1]):
        word = tok.lower().rstrip(",")
        pair = f"{toks[i - 1][0].lower()} {word}" if i else word
        if word in g.honorifics or word in g.roles or pair in g.roles:
            rest = toks[i + 1:]
            if 1 <= len(rest) <= 4 and rest[0][0].lower() not in _JOINERS and not _has_org_word(rest, g) \
                    and not any(t[0].lower() in g.roles for t in rest[:-1]):
                cut = i
    if cut is None and any(t[0].lower() in g.roles for t in toks[:-2]):
        # "U.S. Secretary of State Mike Pompeo": the title holds an organisation's word, but a given
        # name opens the last two or three words
        for first in (len(toks) - 2, len(toks) - 3):
            if first > 0 and toks[first][0].lower() in g.given_names and all(_looks_like_name_word(t[0]) for t in toks[first:]):
                return first - 1
    return cut


def _is_org_name(toks, g: Gazetteer) -> bool:
    """A whole organisation's name: a known one, or one whose last word is an organisation's ("… Trust Bank")."""
    surface = " ".join(t[0] for t in toks)
    known = g.lookup(surface)
    return (known is not None and known.kind == "organisation") or (len(toks) > 1 and toks[-1][0].lower() in g.org_words)


def _has_org_word(toks, g: Gazetteer) -> bool:
    return any(t[0].lower().strip(".,") in g.org_words for t in toks)


def _classify(text: str, toks, g: Gazetteer, has_the: bool, possessive: bool) -> Name:
    surface = text[toks[0][1]:toks[-1][2]]
    name = Name(toks[0][1], toks[-1][2], surface, "bare", run_start=toks[0][1], possessive=possessive, has_the=has_the)
    words = [t[0] for t in toks]
    known = g.lookup(surface) or (g.lookup("the " + surface) if has_the else None)
    if known:
        return _known(toks, surface, known, has_the, possessive)
    event, holiday = words[-1].lower() in g.event_words, words[0].lower() in g.holidays
    given = len(words) >= 2 and words[0].lower().rstrip(".") in g.given_names
    if (event or holiday) and not (given and not (event and holiday)):
        # an event or a day ("Christmas Day", "Victoria Day", "the World Cup"): never a speaker; but
        # "Doris Day" and "Victoria Beckham" are people
        name.kind = "place"
        return name
    if len(words) > 1 and words[-1].lower() in g.roles and words[0].lower().rstrip(".") not in g.given_names:
        name.kind = "role"  # "Senate Minority Leader": a title, though it holds an organisation's word
        return name
    if len(words) == 1 and words[0].isupper() and words[0].lower() in g.roles and g.lookup(words[0]) is None:
        name.kind = "role"  # "MP", "CEO", "MEP": a job written in capitals, not a body
        return name
    if _has_org_word(toks, g) or (len(words) == 1 and (_is_acronym(words[0], g) or _MIXED_CASE.fullmatch(words[0]))):
        name.kind = "organisation"
        return name
    if surface.lower() in g.demonyms:
        name.kind = "place"
        return name
    first = words[0].lower().rstrip(".")
    if first not in g.given_names and any(w.lower() in g.roles for w in words):
        name.kind = "role"  # "Shadow Secretary of State for the Family"
        return name
    if len(words) == 1:
        return name  # a surname, an organisation or a place: resolved later
    if first in g.given_names:
        name.kind, name.gender = "person", _gender(g.given_names[first])
    elif len(words) <= 4 and all(_looks_like_name_word(w) for w in words) and not has_the:
        name.kind = "person"
    else:
        name.kind = "organisation"
    return name


def _is_acronym(word: str, g: Gazetteer) -> bool:
    """"NHS", "UCP" name bodies; "BELOW", "WATCH" in a capitalised heading are common words."""
    return bool(_ACRONYM.fullmatch(word)) and word not in _NOT_ACRONYMS and word.lower() not in g.common_words


def _looks_like_name_word(word: str) -> bool:
    if len(word) <= 2 and not word.endswith("."):
        return word[0].isupper() and len(word) == 2 and word[1].islower()
    return word[0].isupper() and (word[1:].islower() or "'" in word or "’" in word or "-" in word or word[1:2].islower() or word.endswith("."))


def _gender(code: str | None) -> str | None:
    return code if code in ("m", "f") else None
