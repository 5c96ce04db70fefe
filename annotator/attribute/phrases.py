"""Read a speaker phrase: who, in the words before or after a reporting cue.

"Len Duvall, a Labour member of the London Assembly, says" -> the name Len
Duvall with the role "a Labour member of the London Assembly"; "The Met email
says" -> the organisation Met speaking through an email; "she added" -> a
pronoun; "a spokesperson for the ministry said" -> an unnamed person of the
ministry.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..segment import trimmed
from .cues import CHANNELS
from .gazetteer import gazetteer
from .affiliations import affiliation_from_role as _affiliation_from_role
from .affiliations import affiliation_in_title as _affiliation_in_title
from .affiliations import head_is_a_person_noun as _head_is_a_person_noun
from .affiliations import possessive_owner as _possessive_owner
from .names import Name, find_names

PRONOUNS = {"he": ("m", "sg"), "she": ("f", "sg"), "they": (None, "pl"), "it": (None, "sg"), "we": (None, "pl"), "i": (None, "sg")}
_LEADING = re.compile(
    r"(?:(?:and|but|so|yet|however|meanwhile|still|now|then|also|instead|later|earlier|finally|indeed|moreover|"
    r"furthermore|separately|similarly|likewise|nevertheless|nonetheless|though|although|while|whereas|as|and\s+yet)\b[\s,]*)+",
    re.I)
# "In early November the company", "On Monday the minister", "In a statement the union": a leading
# time or channel adjunct with no comma after it
_MONTH_WORDS = r"january|february|march|april|may|june|july|august|september|october|november|december"
_TIME_ADJUNCT = re.compile(
    r"(?:in|on|at|during|by|since|after|before|until|last|earlier|later|this|next)\s+"
    r"(?:(?:early|late|mid-?|the|this|last|next|a|an|its|their|his|her)\s+)?"
    rf"(?:{_MONTH_WORDS}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{{4}}|week|month|year|weekend|morning|afternoon|"
    r"evening|night|spring|summer|autumn|fall|winter|statement|interview|release|news\s+release|press\s+release|email|letter|"
    r"post|tweet|filing|report)"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?\s+(?=(?:the|its|his|her|their)\s|(?-i:[A-Z]))", re.I)
_ACCORDING_TO = re.compile(r"according\s+to\s+", re.I)
_OWNER_OF_CHANNEL = re.compile(
    r"\s*((?:the|a|an)\s+[\w-]+(?:\s+[\w-]+)?)(?:'s|’s|'|’)\s+(?:[\w-]+\s+){0,2}?"
    r"(statement|release|press\s+release|email|e-mail|letter|memo|tweet|post|announcement)s?\s*", re.I)
_TRAILING_CLAUSE = re.compile(r"\s+(?:but|who|which|whose)\s+")
_DETERMINERS = re.compile(r"(?:the|a|an|one|two|three|several|some|many|most|other|another|its|his|her|their|our|my|your|this|that|these|those)\s+", re.I)
_STATE_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]{0,4}\.){1,2}")  # "N.S.", "Ont.", "Calif.", "B.C."
_INTRO_START = {
    "originally", "born", "raised", "based", "late", "early",
    "in", "on", "at", "during", "after", "before", "when", "while", "speaking", "writing", "asked", "responding", "replying",
    "addressing", "following", "since", "last", "earlier", "later", "today", "yesterday", "tonight", "on", "from", "for",
    "with", "without", "under", "despite", "however", "but", "meanwhile", "instead", "still", "now", "then", "also",
    "separately", "similarly", "afterwards", "previously", "once", "if", "as", "though", "although", "because", "by",
    "according", "overall", "indeed", "moreover", "here", "there", "this", "so", "and", "yet", "nonetheless", "nevertheless",
}
_ORG_APPOSITIVE = {"charity", "group", "organisation", "organization", "body", "company", "firm", "campaign", "think-tank",
                   "union", "party", "agency", "institute", "association", "network", "coalition", "trust", "foundation",
                   "society", "movement", "council", "committee", "lobby", "outlet", "newspaper", "website", "publication"}
_WORD = re.compile(r"[\w’'-]+")
_OF_THE = re.compile(r"\s*(?:,\s*)?(?:of|from|at|with|for)\s+(?:the\s+)?")
_NOUN_BEFORE_OF = re.compile(r"(?:[\w’'-]+\s+){0,3}?([\w’'-]+)(?:\s+(?:released|issued|sent|published|posted|signed)"
                             r"(?:\s+to\s+(?:the\s+)?(?:media|reporters|journalists|the\s+press|members|staff|supporters))?)?"
                             r"(?:\s+(?:for|from|of|at|with|close\s+to|to|representing|by))(?:\s+the)?\s*")
# what follows the head noun: "officials of …", "sources close to …", "officials unauthorized to speak …",
# "people arrested last week", "sources familiar with the talks"
_POSTMODIFIER = re.compile(r"\s+(?:for|from|of|at|with|close to|in|on|who|which|that|"
                           r"(?:familiar|knowledgeable|privy|opposed|loyal|sympathetic)\s+(?:with|to|of|about)|"
                           r"[a-z]+(?:ed|ing)\s+(?:to|by|about|with|on|in|at|last|this|during|after|before|outside|inside|near|"
                           r"earlier|over|for|from|across|around))\s+")
_MODIFIER_OF_NOUN = re.compile(r"[ \t]+[a-z][\w-]*(?:[ \t]|$)")
_SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative", "official", "officials",
                 "source", "sources", "insider", "insiders", "staff", "employee", "employees"}
_PRONOUN_WORDS = {"he", "she", "they", "it", "his", "her", "him", "them", "its", "their", "we", "our", "us", "i", "my", "me"}
_DETERMINER_WORDS = {"the", "a", "an", "this", "that", "one", "two", "three", "several", "some"}
# what opens an object after a verb; not a preposition: "people arrested at the camp", "an expert cited in
# the report" are phrases
_OBJECT_OPENERS = _DETERMINER_WORDS | _PRONOUN_WORDS
# common irregular past forms, which no "-ed" test finds: "Putin wrote to …", "the folks at TMZ ran into …"
_IRREGULAR_PAST = frozenset("told wrote ran heard saw met went came took made gave found brought thought knew left held led "
                            "won lost became began kept sent spent put paid sold built".split())
PAST_VERB = re.compile(r"(?<!the )(?<!a )\b[a-z]{3,}ed\b")  # a past verb, not "the planned withdrawal"
_TRAILING_ADVERB = re.compile(r"(?:\s+[a-z]+ly)+\s*$")  # "the folks at TMZ recently ran": not "recently"
_LAST_CONJUNCT = re.compile(r"\sand\s+(?=(?:[\w’'-]+\s*){1,4}$)")
_NOT_BEFORE_VERB = _DETERMINER_WORDS | {"own", "most", "more", "less", "well", "self", "and", "but", "or", "who", "not"}
_SOME_OF = re.compile(r"(?:in|of|at|within|among)\s+(?:the|this|that|these|those|our|their|his|her|its)\s+", re.I)
_PART_OF_GROUP = {"some", "many", "most", "several", "two", "three", "one"}
_GROUPS = frozenset(("community", "public"))  # groups that are no people nouns: "some in the Muslim community"
# nouns that a name can follow as its head: "the aid group Gatsby", "the rapper Drake"
_ORG_BEFORE_NAME = {"group", "company", "firm", "charity", "organization", "organisation", "union", "agency", "network",
                    "band", "startup", "retailer", "brewery", "association", "coalition", "foundation", "institute",
                    "campaign", "website", "publisher"}
_PEOPLE_BEFORE_NAME = {"rapper", "singer", "actor", "actress", "comedian", "musician", "novelist", "author", "artist"}
_NAME_LIKE = {"will", "may", "can", "do"}  # clause words that open names too
_PUNCTUATION = re.compile(r"[,()\[\]]")
_CLAUSE_WORDS = {"will", "would", "be", "is", "are", "was", "were", "been", "being", "has", "have", "had", "can", "could",
                 "should", "may", "might", "must", "do", "does", "did", "not", "if", "because", "than", "when", "there"}
# Data and studies report findings; they are sources, never speakers.
DATA_NOUNS = {"statistics", "figures", "data", "numbers", "estimates", "stats", "study", "studies", "survey", "surveys",
              "poll", "polls", "research", "analysis", "census", "audit", "records", "documents", "results", "findings"}


@dataclass(slots=True)
class Phrase:
    start: int
    end: int
    kind: str  # name | pronoun | nominal
    text: str  # head: "Len Duvall", "she", "a spokesperson"
    name: Name | None = None
    role: str | None = None
    affiliation: str | None = None
    affiliation_note: str | None = None
    channel: str | None = None
    gender: str | None = None
    number: str | None = None

    @classmethod
    def of_name(cls, name: Name, start: int | None = None, end: int | None = None, **fields) -> Phrase:
        """The phrase that is just ``name`` (its run, title included, unless told otherwise)."""
        fields.setdefault("gender", name.gender)
        return cls(name.run_start if start is None else start, name.end if end is None else end, "name", name.text,
                   name=name, number="sg", **fields)


def name_phrase(text: str, start: int, end: int, *, channel: str | None = None,
                kinds: tuple[str, ...] | None = None) -> Phrase | None:
    """The phrase of a span that is exactly one name (a post's signature, an interview turn's marker), or None."""
    names = find_names(text, start, end)
    if len(names) != 1 or (kinds is not None and names[0].kind not in kinds) \
            or (names[0].run_start, names[0].end) != (start, end):
        return None  # "Pneumonia WarMachine", "((Audience member))": no one named
    return Phrase.of_name(names[0], start, end, channel=channel)


def parse_phrase(text: str, start: int, end: int, *, loose: bool = False) -> Phrase | None:
    """The speaker described by ``text[start:end]``, or None if it is not a speaker.

    ``loose`` accepts any short noun phrase ("the rookie defenceman"): for use
    where the sentence's shape already says it names a speaker ("…, said the X").
    """
    start, end = _strip(text, start, end)
    m = _LEADING.match(text, start, end)
    if m and m.end() > start:
        start, end = _strip(text, m.end(), end)
    m = _TIME_ADJUNCT.match(text, start, end) or _ACCORDING_TO.match(text, start, end)
    if m:
        start = m.end()  # ("according to Reuters, once told": Reuters)
    if end <= start or end - start > 400:
        return None
    chunks = _chunks(text, start, end)
    # skip introductory phrases: "In a statement, the company"
    while len(chunks) > 1 and is_introduction(_first_word(text, chunks[0])) and not _is_name_chunk(text, chunks[0]):
        chunks.pop(0)
        # "Originally from Arichat, N.S., Martell says": the province goes with the place
        while len(chunks) > 1 and _STATE_ABBREVIATION.fullmatch(text, *chunks[0]):
            chunks.pop(0)
    first_start, first_end = chunks[0]
    if text[first_start] == "(" and 0 < (closing := text.find(")", first_start, first_end)) < first_end - 1:
        # "( Richard Lautens / Toronto Star ) Mississauga accountant …": a photo credit, then the speaker
        first_start = _strip(text, closing + 1, first_end)[0]
    bracket = text.find("(", first_start, first_end)
    title_before = None
    if bracket > first_start:
        close = text.find(")", bracket, first_end)
        after = find_names(text, close + 1, first_end) if close > 0 and _ACRONYM_ASIDE.fullmatch(text, bracket, close + 1) else []
        if after and after[0].kind == "person" and after[0].run_start == _strip(text, close + 1, first_end)[0]:
            # "Member of Parliament (MP) Yvette Cooper": a title and its acronym, then the name
            title_before = text[first_start:bracket].strip()
            first_start = _strip(text, close + 1, first_end)[0]
        else:  # "Sadiq Khan (no relation to the attacker)": the aside is not the name
            first_start, first_end = _strip(text, first_start, bracket)
    head = _head(text, first_start, first_end, loose=loose)
    if head is not None and title_before and head.kind == "name" and (not head.role or head.role.startswith("of ")):
        head.role = title_before  # (the title, not "of the Labour Party", which stays the affiliation)
    if head is not None and head.kind == "nominal":
        head = _clause_subject(text, first_start, first_end) or head
    if head is None and len(chunks) > 1 and _is_person_chunk(text, chunks[1]):
        # "One red-state Democrat, Montana Sen. Jon Tester, said": a description, then the name
        head = _head(text, first_start, first_end, loose=True)
    elif head is not None and head.name is not None and head.name.kind == "bare" and head.name.run_start > first_start \
            and len(chunks) > 1 and _is_person_chunk(text, chunks[1]):
        # "Keeper of the Ruler's Seal, Syed Danial Syed Ahmad, said": the name in the title is not the speaker
        person = find_names(text, *chunks[1])[0]
        head = Phrase(first_start, end, "name", person.text, name=person, role=text[first_start:first_end].strip(),
                      gender=person.gender, number="sg")
        chunks = [chunks[0], *chunks[2:]]  # (the name's chunk is the head, not an appositive)
    if head is None:
        return None
    head.start = chunks[0][0]
    head.end = end
    if head.kind == "nominal":  # "a person familiar with the talks but unauthorized to speak": the description
        head.text = _TRAILING_CLAUSE.split(head.text, maxsplit=1)[0]
    for a_start, a_end in chunks[1:]:
        _apply_appositive(text, head, a_start, a_end)
    return head


_ACRONYM_ASIDE = re.compile(r"\(\s*[A-Z][A-Za-z.&]{0,9}\s*\)")


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    return trimmed(text, start, end, ",;:—–-(", ",;:—–-)")


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The comma-separated parts of a phrase (commas inside brackets do not count)."""
    chunks, depth, cursor = [], 0, start
    for m in _PUNCTUATION.finditer(text, start, end):
        ch = m.group()
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            s, e = _strip(text, cursor, m.start())
            if e > s:
                chunks.append((s, e))
            cursor = m.end()
    s, e = _strip(text, cursor, end)
    if e > s:
        chunks.append((s, e))
    return chunks or [(start, end)]


def _first_word(text: str, chunk: tuple[int, int]) -> str:
    m = _WORD.search(text, chunk[0], chunk[1])
    return m.group().lower() if m else ""


def is_introduction(first_word: str) -> bool:
    """"In a statement, …", "While visiting …, …": words that open an introductory phrase."""
    return first_word in _INTRO_START or (first_word.endswith("ing") and len(first_word) > 5)


def _is_name_chunk(text: str, chunk: tuple[int, int]) -> bool:
    names = find_names(text, *chunk)
    return bool(names) and names[0].run_start == chunk[0] and names[0].kind in ("person", "organisation", "bare")


def _is_person_chunk(text: str, chunk: tuple[int, int]) -> bool:
    """The chunk is one person's name, perhaps after a title: "Montana Sen. Jon Tester"."""
    names = find_names(text, *chunk)
    return len(names) == 1 and names[0].kind == "person" and names[0].run_start == chunk[0] and names[0].end == chunk[1]


def _head(text: str, start: int, end: int, loose: bool = False) -> Phrase | None:
    words = _WORD.findall(text[start:end])
    if not words:
        return None
    if any(w.lower() in _CLAUSE_WORDS and not w[0].isupper() for w in words[1:]) or words[0].lower() in _CLAUSE_WORDS - _NAME_LIKE:
        return None  # "the move will be seen by many" is a clause, not a speaker (but "Elizabeth May", "Will Smith" are names)
    lower = text[start:end].lower().strip()
    owner = _OWNER_OF_CHANNEL.fullmatch(text, start, end)
    if owner:  # "the union's Friday release", "the company’s statement": the owner speaks through it
        phrase = _head(text, start, owner.end(1), loose=True)
        if phrase is not None:
            phrase.end, phrase.channel = end, CHANNELS[" ".join(owner.group(2).lower().split())]
            return phrase
    if lower in PRONOUNS:
        gender, number = PRONOUNS[lower]
        return Phrase(start, end, "pronoun", lower, gender=gender, number=number)
    if len(words) > 14:
        return None
    # a country speaks through its government: "The U.S. alleges ...", "China said ..."
    names = [n for n in find_names(text, start, end) if n.kind != "place" or n.subtype == "country"]
    # a single name right before a common noun only qualifies it: "Mississauga resident",
    # "Rogers spokesperson Andrea Goldstein", "Atmospheric scientist Kent Moore"
    names = [n for n in names if not (n.kind == "bare" and _MODIFIER_OF_NOUN.match(text, n.end, end))]
    # "Liberal Democrat chairman Matthew Taylor": a name before a job and another name is a title
    names = [n for i, n in enumerate(names) if not (
        n.kind == "person" and not n.possessive and i + 1 < len(names) and names[i + 1].kind == "person"
        and _is_job_between(text, n.end, names[i + 1].run_start))]
    people = [n for n in names if n.kind in ("person", "bare") and n.text.lower() not in PRONOUNS]  # not "It’s"
    # "El Paso's police chief Greg Allen": the possessor only qualifies the person named after it
    people = [n for n in people if not n.possessive] or people
    if people and all(n.possessive for n in people) and _WORD.search(text, people[-1].end + 2, end):
        # "DeLaet's agent": someone of DeLaet's, named perhaps in an appositive ("DeLaet's agent, Danny Fritz");
        # but "Smith's statement" is Smith's
        noun = _head_noun(text, people[-1].end + 2, end)
        if noun and noun not in CHANNELS and people[-1].text.lower() not in PRONOUNS:  # ("It’s too early …" is a clause)
            return Phrase(start, end, "nominal", text[start:end].strip(), number=_number(noun))
    orgs = [n for n in names if n.kind in ("organisation", "outlet", "place")]
    det = _DETERMINERS.match(text, start, end)
    body_start = det.end() if det else start
    if det and _SOME_OF.match(text, body_start, end) and det.group().strip().lower() in _PART_OF_GROUP \
            and _head_noun(text, _SOME_OF.match(text, body_start, end).end(), end) in _group_nouns():
        # "some in the Muslim community", "many of the residents": part of a group speaks
        return Phrase(start, end, "nominal", text[start:end].strip(), number="pl")
    by = _CHANNEL_BY.fullmatch(text, start, people[0].run_start) if people else None
    if by:
        # "a recent report by The Atlantic", "a study by Jane Smith": its author speaks through it;
        # one word written with "The" is a title (an outlet, a body), not a person
        author = people[0]
        if author.kind == "bare" and author.has_the:
            author = dataclasses.replace(author, kind="organisation")
        return Phrase(start, end, "name", author.text, name=author, channel=CHANNELS.get(by.group("noun").lower(), "report"),
                      gender=author.gender, number="sg")
    noun_before = _word_before(text, body_start, people[-1].run_start) if det and people else None
    if noun_before and people[-1].end == end and not people[-1].possessive \
            and not _POSTMODIFIER.search(text, body_start, people[-1].run_start) \
            and (noun_before in _ORG_BEFORE_NAME or noun_before in _PEOPLE_BEFORE_NAME or noun_before in gazetteer().people_nouns
                 or (people[-1].kind == "person" and noun_before.isalpha() and noun_before not in _NOT_BEFORE_VERB)):
        # "the British aid group Gatsby", "the rapper Drake": a description, then the name
        person = people[-1]
        if noun_before not in _ORG_BEFORE_NAME:
            return Phrase(start, end, "name", person.text, name=person, role=text[body_start:person.run_start].strip(),
                          gender=person.gender, number="sg")
        org = dataclasses.replace(person, kind="organisation")
        return Phrase(start, end, "name", org.text, name=org, number="sg")
    noun_of = _nominal_noun_before(text, body_start, people[0].run_start) if people and det and people[0].run_start > body_start else None
    if noun_of in gazetteer().people_nouns and CHANNELS.get(noun_of, "spokesperson") == "spokesperson":
        # "a spokeswoman for Trudeau", "a lawyer for Smith": someone else, who speaks for the person named
        return Phrase(start, end, "nominal", text[start:end].strip(), affiliation=people[0].text, number=_number(noun_of))
    owner_first = people and any(n.possessive and n.run_start == body_start and n.end + 3 >= people[0].run_start for n in names)
    if people and not (det and people[0].run_start > body_start and noun_of is None and not owner_first):
        # ("the United Kingdom's Queen Elizabeth II": "the" goes with the possessor)
        person = people[0]
        before = text[start:person.run_start].strip(" ,")
        role = " ".join(x for x in (before if before and not _DETERMINERS.fullmatch(before + " ") else None, person.role) if x) or None
        owner = _possessive_owner(role) if role else None
        if owner:  # "Sophos's Graham Cluley": the owner is the affiliation, not a role
            role = None
        phrase = Phrase(start, end, "name", person.text, name=person, role=role, gender=person.gender, number="sg",
                        affiliation=owner.group(1) if owner else _affiliation_in_title(text, start, person.start) if role else None)
        after = text[person.end:end]
        for org in orgs:
            if org.start >= person.end and _OF_THE.fullmatch(text, person.end, org.run_start):
                phrase.affiliation = org.text
                if not phrase.role:
                    phrase.role = after[: org.end - person.end].strip(" ,")
                break
        return phrase
    if orgs:
        org = orgs[0]
        rest = text[org.end:end].strip(" .").lower()  # ("Samsung Electronics Co." ends in a full stop)
        before = text[start:org.run_start].strip().lower()
        channel = CHANNELS.get(rest) or CHANNELS.get(rest.split()[-1]) if rest else None
        prefix_noun = _nominal_noun_before(text, body_start, org.run_start)
        if prefix_noun in DATA_NOUNS:
            return None  # "figures from the ONS" are a source, not a speaker
        if not rest or channel or rest in ("itself",):
            if prefix_noun in CHANNELS or prefix_noun is None:
                return Phrase(start, end, "name", org.text, name=org, channel=channel or (CHANNELS.get(prefix_noun) if prefix_noun else None),
                              number="sg")
        if rest and rest.split()[-1] in _SPOKESPEOPLE and len(rest.split()) <= 3:
            # "a Freedom Mobile spokesperson": an unnamed person who speaks for the company
            return Phrase(start, end, "nominal", text[start:end].strip(), affiliation=_org_name(org), number="sg")
        if prefix_noun:
            noun_phrase = text[start:end].strip()
            if prefix_noun in CHANNELS and CHANNELS[prefix_noun] != "spokesperson":
                return Phrase(start, end, "name", org.text, name=org, channel=CHANNELS[prefix_noun], number="sg")
            return Phrase(start, end, "nominal", noun_phrase, affiliation=_org_name(org), number=_number(prefix_noun))
    noun = _head_noun(text, body_start, end)
    if noun and (noun in gazetteer().people_nouns or noun in CHANNELS):
        phrase_text = text[start:end].strip()
        return Phrase(start, end, "nominal", phrase_text, number=_number(noun), channel=CHANNELS.get(noun))
    if loose and det and noun and len(words) <= 8 and noun not in DATA_NOUNS and not noun.endswith(("ly", "ing")) \
            and not _looks_like_clause(words):
        return Phrase(start, end, "nominal", text[start:end].strip(), number=_number(noun))
    return None


_CHANNEL_BY = re.compile(r"\s*(?:(?:a|an|the|its|his|her|their)\s+)?(?:[a-z]+\s+){0,2}(?P<noun>report|study|survey|statement|letter|"
                         r"book|analysis|review|paper|investigation|poll|article|interview)\s+(?:by|from)\s+(?:the\s+)?", re.I)


def _is_job_between(text: str, start: int, end: int) -> bool:
    """" chairman ", " party leader ": lower-case words naming a job, between a name and a person's name."""
    words = text[start:end].split()
    g = gazetteer()
    return 1 <= len(words) <= 3 and all(w.islower() and w.isalpha() for w in words) \
        and (words[-1] in g.people_nouns or words[-1] in g.roles)


def _clause_subject(text: str, start: int, end: int) -> Phrase | None:
    """The speaker in a clause read as a noun phrase: its subject ("Sparkes also criticized the prime
    minister, saying …"), or the subject after its last "and" ("the company collapsed in 2002 and
    prosecutors said …"); None if it reads as no clause."""
    verb = verb_start(text, start, end)
    second = _LAST_CONJUNCT.search(text, start, end) if verb is not None or PAST_VERB.search(text, start, end) else None
    if second is not None:
        return _head(text, second.end(), end, loose=True)
    if verb is not None:
        return _head(text, start, start + len(_TRAILING_ADVERB.sub("", text[start:verb])), loose=True)
    return None


def _word_before(text: str, start: int, end: int) -> str | None:
    """The last word of ``text[start:end]``, lower-cased."""
    words = _WORD.findall(text, start, end)
    return words[-1].lower() if words else None


def _group_nouns() -> frozenset[str]:
    return gazetteer().people_nouns | _GROUPS


def _looks_like_clause(words: list[str]) -> bool:
    """"the program changed his life" is a clause, "the rookie defenceman" is not."""
    for i, word in enumerate(words[1:], 1):
        w = word.lower()
        if w in _PRONOUN_WORDS or (w.endswith("ed") and words[i - 1].lower() not in _DETERMINER_WORDS and len(w) > 4):
            return True
    return False


def verb_start(text: str, start: int, end: int) -> int | None:
    """Where the verb of a clause read as a noun phrase begins: "the diocese issued a statement",
    "Clinton also encouraged supporters", "Putin wrote to …". An "-ed" form counts when a subject comes
    before it and an object opens after it ("the retired teacher", "Washington's own adopted daughter"
    are phrases)."""
    words = list(_WORD.finditer(text, start, end))
    for i in range(1, len(words)):
        w = words[i].group().lower()
        before = words[i - 1].group().lower()
        if (w == "also" and i + 1 < len(words)) or (w in _IRREGULAR_PAST and before not in _NOT_BEFORE_VERB):
            return words[i].start()
        if len(w) > 4 and w.endswith("ed") and not w.startswith("un") and "-" not in w and before not in _NOT_BEFORE_VERB \
                and not before.endswith(("ly", "’s", "'s")):
            after = words[i + 1].group() if i + 1 < len(words) else ""
            if after[:1].isupper() or after.lower() in _OBJECT_OPENERS:
                return words[i].start()
    return None


def _nominal_noun_before(text: str, start: int, name_start: int) -> str | None:
    """The noun of "a spokesman for" / "a statement from" before an organisation's name."""
    piece = text[start:name_start].strip().lower()
    m = _NOUN_BEFORE_OF.fullmatch(piece)
    if m:
        return m.group(1)
    return None


def _head_noun(text: str, start: int, end: int) -> str | None:
    piece = text[start:end].lower()
    piece = _POSTMODIFIER.split(piece, maxsplit=1)[0]
    words = _WORD.findall(piece)
    return words[-1] if words else None


def _number(noun: str) -> str:
    return "pl" if noun.endswith("s") and not noun.endswith(("ss", "us")) or noun in ("police", "people", "staff") else "sg"


def _org_name(org: Name) -> str:
    return org.canonical or org.text


def _apply_appositive(text: str, head: Phrase, start: int, end: int) -> None:
    """Use ", a Labour member of the London Assembly," to describe the head."""
    piece = text[start:end].strip()
    lower = piece.lower()
    if lower.startswith(("who ", "which ", "whose ", "where ", "when ")):
        return
    if head.kind == "nominal":
        names = [n for n in find_names(text, start, end) if n.kind in ("person", "bare")]
        if names and names[0].run_start <= start + 1 and names[0].end >= end - 1:
            person = names[0]
            head.kind, head.text, head.name, head.gender = "name", person.text, person, person.gender
            head.role = head.role or text[head.start:start].strip(" ,") or None
        return
    if head.kind != "name" or head.name is None or head.name.kind == "organisation":
        return
    first_word = lower.split()[0] if lower.split() else ""
    org_apposition = any(w in _ORG_APPOSITIVE for w in _WORD.findall(lower)[:6])
    if head.affiliation and org_apposition and first_word in ("a", "an", "the"):
        head.affiliation_note = head.affiliation_note or piece
        return
    if head.role and not head.role.lower().startswith("of "):
        return
    if first_word in ("a", "an", "the", "its", "his", "her", "their", "former", "chief", "deputy", "senior", "acting") \
            or first_word in gazetteer().roles or _head_is_a_person_noun(lower):
        head.role = piece
        head.affiliation = head.affiliation or _affiliation_from_role(text, start, end)
    elif first_word in ("of", "from", "at", "with") and not head.affiliation:
        # "Mike Ryan, of the WHO, said": the body named is the affiliation (not a place: "of Leeds")
        orgs = [n for n in find_names(text, start, end) if n.kind in ("organisation", "outlet")]
        if orgs:
            head.affiliation = orgs[0].text
