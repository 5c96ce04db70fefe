"""A speaker's affiliation: the organisation or party a role belongs to, as the article writes it.

Read from the words before a name ("Labour MP Tom Watson", "Sophos's Graham
Cluley", "Arsenal boss Arsene Wenger") and from an appositive role ("senior
consultant at Sophos", "a Labour member of the London Assembly").  Never a place,
a country or a common word that happens to open a sentence ("Former education
secretary ...").
"""

from __future__ import annotations

import re

from .gazetteer import gazetteer
from .names import find_names

_WORD = re.compile(r"[\w’'-]+")
PARTIES = {"labour", "conservative", "tory", "liberal democrat", "lib dem", "snp", "green", "democratic", "republican",
            "democrat", "ukip", "reform", "plaid cymru", "sinn fein", "dup", "liberal", "ndp", "bloc"}


def possessive_owner(role: str) -> re.Match | None:
    """"Sophos's" (or "the BBC's") as a whole role: group 1 is the owner."""
    return _POSSESSIVE_OWNER.fullmatch(role)


_BEFORE_PREPOSITION = re.compile(r"^(.*?)(?:\s+(?:at|of|for|with|from|in)\s+|$)")


def head_is_a_person_noun(appositive: str) -> bool:
    """"UK economist at Royal Bank of Scotland": the noun before the first preposition names a person's job."""
    before = _BEFORE_PREPOSITION.match(appositive)
    if before is None:
        return False  # ("<img src=x …>": nothing a job could be read from)
    words = _WORD.findall(before.group(1))
    return 1 <= len(words) <= 5 and words[-1] in gazetteer().people_nouns


# "... consultant at Sophos", "frontman of Franz Ferdinand": a capitalised name closing the role
_EMPLOYER = re.compile(r"\b(?:at|of|for|with)\s+(?:the\s+)?((?:[A-Z][\w'’&.-]*)(?:\s+(?:of\s+|for\s+|&\s+|and\s+)?[A-Z][\w'’&.-]*)*)\s*$")


def _employer_named_last(text: str, start: int, end: int) -> str | None:
    """The organisation an appositive role ends on, when no known one is found: never a place."""
    m = _EMPLOYER.search(text[start:end].rstrip(" ,"))
    if not m:
        return None
    name = m.group(1).rstrip(".")
    known = gazetteer().by_alias.get(name.lower())
    if known is not None and known.kind in ("place", "country"):
        return None  # "mayor of South Bend": a place is not an employer
    return name


_POSSESSIVE_OWNER = re.compile(r"(?:the\s+)?((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)['’]s?")
_LEADING_NAME = re.compile(r"((?:[A-Z][\w'’&.-]*\s+){0,3}[A-Z][\w'’&.-]*)\s+((?:[a-z][\w-]*\s*){1,3})$")


def affiliation_in_title(text: str, start: int, name_start: int) -> str | None:
    """"Labour MP Tom Watson", "Sophos's Graham Cluley", "Arsenal boss Arsene Wenger": the organisation
    or party in the words before the name, as written."""
    orgs = [n for n in find_names(text, start, name_start) if n.kind in ("organisation", "outlet") and n.end <= name_start]
    if orgs:
        return re.sub(r"['’]s?$", "", orgs[0].text)
    title = text[start:name_start].strip()
    lead = _LEADING_NAME.match(title)
    if lead and lead.group(2).split()[-1].lower() in gazetteer().people_nouns:
        owner = re.sub(r"['’]s?$", "", lead.group(1))  # "Niger's president": Niger is the one to look up
        known = gazetteer().by_alias.get(owner.lower())
        words = owner.lower().split()
        g = gazetteer()
        # a known organisation, or a name that is no common word ("Factory manager", "Former ...")
        if (known is not None and known.kind in ("organisation", "outlet")) or (
                known is None and words[0] not in g.demonyms and words[0] not in g.honorifics
                and not any(w in g.roles or w in g.common_words or w in g.stopwords for w in words)):
            return owner  # "Arsenal boss": a name, then a lower-case job
    before = title.lower()
    return next((p.title() if p.islower() and len(p) > 3 else p.upper() for p in sorted(PARTIES, key=len, reverse=True)
                 if re.search(rf"\b{re.escape(p)}\b", before)), None)


def affiliation_from_role(text: str, start: int, end: int) -> str | None:
    """"a Labour member of the London Assembly" -> "London Assembly (Labour)"."""
    orgs = [n for n in find_names(text, start, end) if n.kind in ("organisation", "outlet")]
    bodies = [n for n in orgs if n.subtype != "party" and n.text.lower() not in PARTIES]
    if not bodies:
        # ("Lloyd's chief executive": the owner before the job, as in a title before a name)
        return orgs[0].text if orgs else _employer_named_last(text, start, end) or affiliation_in_title(text, start, end)
    org = bodies[0]
    party = next((p for p in PARTIES if re.search(rf"\b{re.escape(p)}\b", text[start:org.run_start], re.I)), None)
    name = org.text  # as the article writes it: "Royal Bank of Scotland" in 2004, not today's name
    return f"{name} ({party.title()})" if party and party.lower() not in name.lower() else name
