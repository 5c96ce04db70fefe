"""Who a speaker phrase refers to: a name, a pronoun or a title ("the mayor", "the company") resolved
to one of the article's entities, or a new one."""

from __future__ import annotations

import re

from .gazetteer import gazetteer
from .phrases import Phrase
from .speakers import Entities, Entity

_CHANNEL_OWNER = re.compile(r"(his|her|its|their|the|a)\s+(?:[\w-]+\s+){0,2}(?P<noun>statement|release|press release|email|e-mail|letter|tweet|post|memo|note|"
                            r"report|minutes|study|survey|findings)s?\b", re.I)
_PUBLISHED = {"report", "minutes", "study", "survey", "findings"}  # what an organisation publishes, not a person's words
_UNNAMED_ROLES = {"spokesman", "spokeswoman", "spokesperson", "official", "source", "insider", "representative", "staff",
                  "statement", "witness", "critic", "expert", "analyst"}
_NOUN_GENDER = {"man": "m", "father": "m", "son": "m", "husband": "m", "brother": "m", "boy": "m", "businessman": "m",
                "woman": "f", "mother": "f", "daughter": "f", "wife": "f", "sister": "f", "girl": "f", "businesswoman": "f",
                "spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f", "actress": "f", "congresswoman": "f"}
_AGED = re.compile(r"the\s+\d{1,3}-year-old\s", re.I)
_ROLE_OF = re.compile(r"\s+(?:of|at|for|with|to)\s+")
_LAST_WORD = re.compile(r"\w+$")

# "the utility said", "the firm added": the organisation named last (or most prominently)
_COMPANY = {"company", "firm", "carrier", "airline", "retailer", "bank", "group", "manufacturer", "maker", "business",
            "operator", "startup", "giant", "utility", "station", "broadcaster", "network", "agency", "organisation",
            "organization", "charity", "union", "club", "team", "insurer", "lender", "chain", "brand", "automaker",
            "carmaker", "publisher", "newspaper", "paper", "website", "platform", "service", "provider", "supplier",
            "developer", "producer", "regulator", "watchdog", "board", "institute", "university", "college", "school",
            "hospital", "museum", "association", "federation", "league", "city", "town", "province", "state", "county",
            "railway", "railroad"}
_GENERIC_ORGS = {
    "police": ("police",), "ministry": ("ministry",), "department": ("department",), "government": ("government",),
    "council": ("council",), "agency": ("agency",), "party": ("party",), "union": ("union",), "court": ("court",),
    "army": ("army", "military"), "military": ("army", "military", "forces"), "commission": ("commission",),
    "committee": ("committee",), "club": ("club", "fc", "united"), "team": ("team", "club"), "charity": ("charity", "trust", "foundation"),
    "administration": ("administration", "white house"), "board": ("board",), "office": ("office",), "authority": ("authority",),
    "diocese": ("diocese", "church"), "church": ("church", "diocese"), "embassy": ("embassy",),
}


def resolve(entities: Entities, phrase: Phrase, at: int, previous: Entity | None) -> tuple[Entity | None, str]:
    """The entity a speaker phrase refers to, and how it was found."""
    if phrase.kind == "pronoun":
        if phrase.text in ("he", "she"):
            gender = "m" if phrase.text == "he" else "f"
            entity = entities.recent(at, kinds=("person",), gender=gender) or entities.only_person(at, gender)
            if entity is not None and entity.gender is None:
                entity.gender = gender
            return entity, "pronoun"
        if phrase.text in ("it", "they", "we"):
            if previous is not None and previous.kind in ("organisation", "unnamed") and _near(entities, previous, at):
                return previous, "pronoun"
            return entities.recent(at, kinds=("organisation",)), "pronoun"
        return None, "pronoun"
    if phrase.kind == "name" and phrase.name is not None:
        n = phrase.name
        if n.kind in ("organisation", "outlet"):
            entity = entities.find_by_surface(n.canonical or n.text, None, ("organisation",)) \
                or entities.find_by_surface(n.text, None, ("organisation",))
            if entity is None:
                entity = entities.organisation_in_full(n.text)
            if entity is None:
                entity = entities.new(n.canonical or n.text, "organisation", at)
                entity.canonical = n.canonical
            entity.add_alias(n.text)
            return entity, "name"
        entity = None
        if len(n.tokens) >= 2:
            entity = entities._person(n.text)
            via = "name"
        else:
            entity = entities.find_by_surface(n.text, at) or entities.find_by_surface(n.text, None)
            via = "surname"
        if entity is None and n.kind == "surname":
            return None, via  # a common word that is no one's surname here: "Others said"
        if entity is None:
            if n.kind == "bare" and re.fullmatch(r"[A-Z][A-Z0-9&.]{1,8}", n.text):
                entity = entities.new(n.text, "organisation", at)
            else:
                entity = entities.new(n.text, "person", at, gender=phrase.gender)
            via = "name"
        if phrase.role and not _fragment(phrase.role) and (not entity.role or _fuller_title(phrase.role, entity.role)):
            entity.role = phrase.role
        if phrase.affiliation and not entity.affiliation:
            entity.affiliation = phrase.affiliation
        if phrase.affiliation_note and not entity.affiliation_note:
            entity.affiliation_note = phrase.affiliation_note
        entity.gender = entity.gender or phrase.gender
        if n.text != entity.name:
            entity.add_alias(n.text)
        return entity, via
    # nominal: a title for a known entity, or an unnamed source
    text = phrase.text
    owner = _CHANNEL_OWNER.match(text)
    if owner and phrase.channel:
        # "her statement", "its release", "the statement": who issued it is the speaker
        word = owner.group(1).lower()
        if word in ("his", "her"):
            e = entities.recent(at, kinds=("person",), gender="m" if word == "his" else "f")
            if e is not None and e.gender is None:
                e.gender = "m" if word == "his" else "f"
        elif word in ("its", "their") or owner.group("noun").lower() in _PUBLISHED:
            e = entities.recent(at, kinds=("organisation",))  # "the minutes said": the Bank's
        else:
            e = previous if previous is not None else entities.recent(at, kinds=("organisation", "person"))
        if e is not None:
            return e, "title"
    if _AGED.match(text):
        # "says the 39-year-old founder of Studiocomix Press": an age describes someone already named
        described = text[_AGED.match(text).end():].split(maxsplit=1)
        noun = described[0].lower() if described else ""
        e = entities.recent(at, kinds=("person",), gender=_NOUN_GENDER.get(noun))  # ("the 35-year-old mother": a woman)
        if e is not None:
            return e, "title"
    low = re.sub(r"^(?:the|a|an)\s+", "", text.lower())
    low = re.split(r",|\s+(?:for|from|of|at|with|in|on|who|which|that)\s+", low, maxsplit=1)[0].strip()
    noun = low.split()[-1] if low.split() else low
    if text.lower().startswith("the ") and not phrase.affiliation:
        e = _titled(entities, low, at)
        if e is not None:
            return e, "title"  # "the mayor" is Mayor Tom Brown; "the bank" is not Bank President Ann Lee
        if noun in _COMPANY:
            e = entities.recent(at, kinds=("organisation",))
            if e is not None:
                return e, "title"
        if noun in _GENERIC_ORGS:
            # "the Canadian government" is not the Australian Government named last
            qualifiers = [w.lower()[:5] for w in text.split()[1:-1] if w[:1].isupper()]
            words = _GENERIC_ORGS[noun]
            for m in entities.organisations_before(at, words):
                e = m.entity
                name = (e.name + " " + " ".join(e.aliases)).lower()
                if e.kind == "organisation" and any(w in (e.name + " " + (e.subtype or "")).lower() for w in words) \
                        and all(q in name for q in qualifiers):
                    return e, "title"
        if noun in gazetteer().people_nouns and noun not in _UNNAMED_ROLES and noun not in _GENERIC_ORGS and noun not in _COMPANY:
            # "the rookie defenceman", "the 35-year-old mother": someone already named
            e = entities.recent(at, kinds=("person",), gender=_NOUN_GENDER.get(noun))
            if e is not None:
                return e, "title"
        if (previous is not None and previous.kind == "person" and _near(entities, previous, at) and text[4:] == text[4:].lower()
                and len(low.split()) <= 3 and not noun.endswith("s") and noun not in _UNNAMED_ROLES and noun not in _COMPANY
                and noun not in _GENERIC_ORGS):
            return previous, "title"  # "…,” says the affable proprietor: a description of who just spoke
    if noun in _GENERIC_ORGS and len(low.split()) <= 2 and not phrase.affiliation:
        if noun == "police":
            for m in entities.organisations_before(at, ("police",)):  # (a police subtype is named "police" too)
                e = m.entity
                if e.kind == "organisation" and ("police" in e.name.lower() or e.subtype == "police"):
                    return e, "title"
        return entities.new(low.capitalize() if noun == "police" else text, "organisation", at), "title"
    entity = entities.new(_unnamed_name(text, phrase), "unnamed", at)
    if phrase.affiliation:
        entity.affiliation = entity.affiliation or phrase.affiliation
    entity.role = entity.role or _unnamed_role(text)
    return entity, "unnamed"


# "a court clerk", "One MP", "A number of Senators", "a spokesman for the BPI": the job in the description
_COUNTED = re.compile(r"(?:(?:a|an|the|one|some|many|several|two|three|four|five|a\s+number\s+of|a\s+group\s+of|a\s+few|"
                      r"other|most|both|his|her|their|its)\s+)+", re.I)
_AFTER_JOB = re.compile(r"\s+(?:of|for|from|at|in|with|close\s+to|familiar\s+with|who|on|to)\s", re.I)
# descriptions that name no job: "two people", "critics" (a stance, not a role)
_NO_JOB = frozenset("people person persons source sources someone somebody others individuals man men woman women "
                    "critics opponents supporters observers".split())


def _unnamed_role(text: str) -> str | None:
    """The job an unnamed speaker is described by, without its article or count; None for "two people"."""
    words = re.sub(r"\s+", " ", text.strip())
    counted = _COUNTED.match(words)
    job = _AFTER_JOB.split(words[counted.end() if counted else 0:], 1)[0].strip(" ,")
    if not job or len(job.split()) > 4 or any(c.isdigit() for c in job) or job.split()[-1].lower() in _NO_JOB:
        return None
    return job


def _titled(entities: Entities, low: str, at: int) -> Entity | None:
    """The person last named before ``at`` whose role ends in the title ``low`` (before any "of …")."""
    title = re.compile(rf"\b{re.escape(low)}$")

    def holds(e: Entity) -> bool:
        return e.kind == "person" and bool(e.role) and title.search(_ROLE_OF.split(e.role.lower(), 1)[0]) is not None

    last_word = _LAST_WORD.search(low)
    # a role ending in the title holds its last word as a whole word (a title not ending in a word:
    # walk back over every mention)
    mentions = entities.role_holders_before(at, last_word.group()) if last_word else entities.mentions_before(at)
    return next((m.entity for m in mentions if holds(m.entity)), None)


def _unnamed_name(text: str, phrase: Phrase) -> str:
    name = re.sub(r"\s+", " ", text.strip())
    if name[:1].isupper() and name.split()[0].lower() in ("a", "an", "the", "one", "some", "many", "two", "several", "critics", "officials", "experts"):
        name = name[0].lower() + name[1:]
    return name


def _near(entities: Entities, entity: Entity, at: int) -> bool:
    """The entity was mentioned or spoke recently (within about two paragraphs)."""
    m = entities.last_mention_before(entity, at)
    return m is not None and at - m.at < 1200


_DANGLING = frozenset("of from by for to with at in on and the a an".split())


def _fragment(role: str) -> bool:
    """"Excerpts from", "a recent report by The": words that lead to the name, not a title."""
    words = role.split()
    return not words or words[-1].lower() in _DANGLING


_TITLE_QUALIFIERS = frozenset("regional deputy acting former interim state federal junior senior chief vice assistant "
                              "shadow general national provincial county city".split())


def _fuller_title(role: str, known: str) -> bool:
    """"Foreign Secretary" completes "Secretary": the whole title, read before the name, wins; but
    only words of a title may come before it (not '"Let's all pray for Mayor', not "Early opponent MP")."""
    if len(role) <= len(known) or not role.lower().endswith(" " + known.lower()):
        return False
    before = role[:len(role) - len(known)].split()
    return len(before) <= 3 and all(w.isalpha() and (w[0].isupper() and not w.isupper() or w in _TITLE_QUALIFIERS)
                                    for w in before) and not (len(before) == 1 and before[0].lower() in _SENTENCE_OPENERS)


_SENTENCE_OPENERS = frozenset("early then later now also but and so when after before".split())
