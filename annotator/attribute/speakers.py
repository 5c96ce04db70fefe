"""Who is who in one article: one entity per person or organisation, whatever its form.

"Len Duvall" and later "Duvall", "Mr Duvall" or "he"; "the London Metropolitan
police", "the Met" and "Scotland Yard" are each one entity.  Pronouns go to the
most recently named person (or organisation, for "they" and "it") outside
quotation marks whose gender fits; titles ("the mayor") go to the person with
that role.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from dataclasses import dataclass, field

from ..slug import slugify
from ..model import Span
from .gazetteer import gazetteer
from .names import Name
from .phrases import Phrase

_CHANNEL_OWNER = re.compile(r"(his|her|its|their|the|a)\s+(?:[\w-]+\s+){0,2}(?:statement|release|press release|email|e-mail|letter|tweet|post|memo|note)s?\b", re.I)
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "junior", "senior"}
_UNNAMED_ROLES = {"spokesman", "spokeswoman", "spokesperson", "official", "source", "insider", "representative", "staff",
                  "statement", "witness", "critic", "expert", "analyst"}
_NOUN_GENDER = {"man": "m", "father": "m", "son": "m", "husband": "m", "brother": "m", "boy": "m", "businessman": "m",
                "woman": "f", "mother": "f", "daughter": "f", "wife": "f", "sister": "f", "girl": "f", "businesswoman": "f",
                "spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f", "actress": "f", "congresswoman": "f"}
_AGED = re.compile(r"the\s+\d{1,3}-year-old\s", re.I)
_AT = operator.attrgetter("at")
_ROLE_OF = re.compile(r"\s+(?:of|at|for|with|to)\s+")
# he him his himself she her hers herself, any case; the first letter outside (?i:) lets the scan jump to it
_GENDERED_PRONOUN = re.compile(r"[hHsSſ](?<!\w.)(?i:(?<=h)(?:e|im|is|imself|er|ers|erself)|(?<=s)he)\b")
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
_PRONOUN_REACH = 8  # sentences a pronoun may look back for its antecedent
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


@dataclass(slots=True)
class Entity:
    key: str
    name: str
    kind: str  # person | organisation | unnamed
    gender: str | None = None
    role: str | None = None
    affiliation: str | None = None
    affiliation_note: str | None = None
    aliases: list[str] = field(default_factory=list)
    canonical: str | None = None
    subtype: str | None = None
    outlet: bool = False
    first_at: int = 0
    confident: bool = False  # surely a person: a known given name, an honorific or a role, or has spoken
    # the strings that name it (see Entities.find_by_surface); None when its names change
    surfaces: tuple | None = field(default=None, repr=False, compare=False)

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)
            self.surfaces = None

    def rename(self, name: str) -> None:
        self.add_alias(self.name)
        self.name = name
        self.surfaces = None

    @property
    def surname(self) -> str:
        words = [w for w in self.name.split() if w.rstrip(".").lower() not in _NAME_SUFFIXES]
        return words[-1] if words else self.name


@dataclass(slots=True)
class Mention:
    at: int
    entity: Entity
    in_quote: bool
    possessive: bool
    spoke: bool = False  # the entity is the speaker of a quote here


class Entities:
    """The article's entities, built from its names in reading order."""

    def __init__(self, names: list[Name], quote_spans: list[tuple[int, int]], sentence_starts: list[int] | None = None):
        self.sentence_starts = sentence_starts or [0]
        self.entities: list[Entity] = []
        self.mentions: list[Mention] = []
        self._quote_spans = quote_spans
        bare: list[Name] = []
        for n in names:
            if n.kind in ("place", "role"):
                continue
            if n.kind == "bare":
                bare.append(n)
                continue
            entity = self._entity_for(n)
            self._mention(n, entity)
        for n in bare:
            entity = self.find_by_surface(n.text, n.start) or self.find_by_surface(n.text, None)
            if entity is not None:
                entity.add_alias(n.text)
                self._mention(n, entity)
        self.mentions.sort(key=lambda m: m.at)

    # -- building ------------------------------------------------------------
    def _mention(self, n: Name, entity: Entity) -> None:
        inside = any(s <= n.start < e for s, e in self._quote_spans)
        self.mentions.append(Mention(n.start, entity, inside, n.possessive))

    def _entity_for(self, n: Name) -> Entity:
        if n.kind == "person":
            entity = self._person(n.text)
            if entity is None:
                entity = Entity(n.text, n.text, "person", gender=n.gender, role=n.role, first_at=n.start)
                self.entities.append(entity)
            else:
                if len(n.text) > len(entity.name) and n.text.endswith(entity.name.split()[-1]):
                    entity.rename(n.text)
                else:
                    entity.add_alias(n.text)
                if not (len(n.text) < len(entity.name) and entity.name.endswith(" " + n.text)):
                    entity.gender = entity.gender or n.gender  # (but "Al Hashish" of Fouzia Al Hashish is no Al)
                entity.role = entity.role or n.role
            if n.honorific:
                entity.add_alias(f"{n.honorific} {n.text.split()[-1]}")
            entity.confident = entity.confident or bool(n.gender or n.role or n.honorific)
            return entity
        key = (n.canonical or n.text).lower()
        for entity in self.entities:
            if entity.kind == "organisation" and (entity.key == key or n.text.lower() in (a.lower() for a in [entity.name, *entity.aliases])):
                entity.add_alias(n.text)
                return entity
        entity = Entity(key, n.canonical or n.text, "organisation", canonical=n.canonical, subtype=n.subtype,
                        outlet=n.kind == "outlet", first_at=n.start)
        entity.add_alias(n.text)
        self.entities.append(entity)
        return entity

    def _person(self, text: str) -> Entity | None:
        tokens = text.split()
        for entity in self.entities:
            if entity.kind != "person":
                continue
            known = entity.name.split()
            if entity.name == text or text in entity.aliases:
                return entity
            shorter, longer = sorted((tokens, known), key=len)
            if tokens[-1] == known[-1] and (tokens[0] == known[0] or longer[-len(shorter):] == shorter):
                return entity  # "Paz Akin" and "Lorena Paz Akin"; "Donald Trump" and "Donald J. Trump"
        return None

    # -- lookups -------------------------------------------------------------
    def find_by_surface(self, surface: str, before: int | None, kinds: tuple[str, ...] | None = None) -> Entity | None:
        """An entity (of ``kinds``, if given) one of whose names (or surnames) is ``surface``."""
        surface = surface.strip()
        low = surface.lower()
        people: list[Entity] = []
        family = other = None
        for entity in self.entities:
            if before is not None and entity.first_at > before or kinds is not None and entity.kind not in kinds:
                continue
            if entity.name == surface:
                return entity
            exact, family_first, lowered = entity.surfaces or self._surfaces(entity)
            if entity.kind == "person":
                if surface in exact:
                    people.append(entity)
                elif surface == family_first:
                    family = family or entity  # family name first: "Hua" for Hua Chunying, "Kim" for Kim Jong-un
            elif low in lowered:
                other = other or entity
        if len(people) > 1:
            # of two Greenspans, the one the story names most (the first, if as often) is meant
            counts = {id(e): 0 for e in people}
            for m in self.mentions:
                if id(m.entity) in counts and (before is None or m.at < before):
                    counts[id(m.entity)] += 1
            return max(people, key=lambda e: counts[id(e)])
        return people[0] if people else family or other

    @staticmethod
    def _surfaces(entity: Entity) -> tuple[frozenset[str], str | None, frozenset[str]]:
        """The strings that name ``entity``: its names and surnames, a leading family name, its names lower-cased."""
        names = [entity.name, *entity.aliases]
        exact = frozenset([entity.surname, *names, *(n.split()[-1] for n in names if n.split())])
        words = entity.name.split()
        entity.surfaces = (exact, words[0] if len(words) > 1 else None, frozenset(n.lower() for n in names))
        return entity.surfaces

    def recent(self, at: int, *, kinds: tuple[str, ...], gender: str | None = None) -> Entity | None:
        """The antecedent of a pronoun at ``at``.

        Candidates are the fitting entities named in the last few sentences
        outside quotation marks.  Nearer is better; so is being the subject
        (first named) of a sentence, having spoken already, and being named often.
        """
        here = bisect.bisect_right(self.sentence_starts, at) - 1
        best: dict[int, tuple[float, int, Entity]] = {}
        seen_sentence: set[int] = set()
        counts: dict[int, int] = {}
        for m in self.mentions:
            if m.at >= at:
                break
            e = m.entity
            counts[id(e)] = counts.get(id(e), 0) + 1
            if m.in_quote or e.outlet or e.kind not in kinds or (gender and e.gender and e.gender != gender):
                continue
            unsure = e.kind == "person" and not e.confident
            if unsure and len(e.name.split()) < 2:
                continue  # "Brexit": capitalised, but maybe not a person
            sentence = bisect.bisect_right(self.sentence_starts, m.at) - 1
            distance = here - sentence
            if distance > _PRONOUN_REACH:
                continue
            subject = sentence not in seen_sentence
            seen_sentence.add(sentence)
            # the subject of this sentence or the one before outweighs a frequent speaker further back
            score = -distance + 0.6 * subject + 0.75 * (subject and distance <= 1 and not unsure) + 1.2 * m.spoke \
                + 0.15 * min(counts[id(e)], 6) - 0.5 * m.possessive
            if gender and e.gender is None:
                score -= 0.5  # "she": a person known to be a woman before one of unknown gender
            if unsure:
                score -= 0.8  # "Never Been Kissed" may be a title, "Babatunji Farinloye" a name we do not know
            if id(e) not in best or score >= best[id(e)][0]:
                best[id(e)] = (score, m.at, e)
        if not best:
            return None
        return max(best.values(), key=lambda b: (b[0], b[1]))[2]

    def first_person_between(self, text: str, start: int, end: int) -> Entity | None:
        """The first person named in ``text[start:end]``, not as a possessor nor inside quotation marks."""
        for m in self.mentions[bisect.bisect_left(self.mentions, start, key=lambda m: m.at):]:
            if m.at >= end:
                break
            if m.entity.kind != "person" or m.in_quote or m.possessive \
                    or not (m.entity.confident or len(m.entity.name.split()) >= 2):
                continue
            inside_marks = text.count('"', start, m.at) % 2 or text.count("“", start, m.at) > text.count("”", start, m.at)
            if not inside_marks:
                return m.entity
        return None

    def only_person(self, at: int, gender: str) -> Entity | None:
        """The one person of ``gender`` named before ``at``, however far back: in a story about one woman,
        "she" is her many paragraphs later."""
        found = {id(m.entity): m.entity for m in self.mentions
                 if m.at < at and not m.in_quote and m.entity.kind == "person" and m.entity.gender == gender}
        return next(iter(found.values())) if len(found) == 1 else None

    def note(self, entity: Entity, at: int) -> None:
        """Record that ``entity`` spoke at ``at``: a speaker is the likeliest antecedent."""
        entity.confident = True
        bisect.insort_right(self.mentions, Mention(at, entity, False, False, spoke=True), key=_AT)  # (as a stable sort would)

    def skip_quoted(self, spans: list[tuple[int, int]]) -> None:
        """Names inside reported words are poor antecedents for pronouns."""
        spans = sorted(spans)
        starts = [s for s, _ in spans]
        furthest = list(itertools.accumulate((e for _, e in spans), max))  # spans may overlap
        for m in self.mentions:
            i = bisect.bisect_right(starts, m.at)
            if i and furthest[i - 1] > m.at:
                m.in_quote = True

    def learn_genders(self, text: str, sentences: list[Span]) -> None:
        """"Greenspan says she …": a sentence naming one person of unknown gender, outside quotes,
        whose other pronouns are all of one gender, tells that person's gender."""
        by_sentence: dict[int, set[int]] = {}
        people: dict[int, Entity] = {}
        for m in self.mentions:
            if m.entity.kind == "person" and not m.in_quote:
                i = bisect.bisect_right(self.sentence_starts, m.at) - 1
                by_sentence.setdefault(i, set()).add(id(m.entity))
                people[id(m.entity)] = m.entity
        for i, ids in by_sentence.items():
            if len(ids) != 1 or not 0 <= i < len(sentences):
                continue
            entity = people[next(iter(ids))]
            if entity.gender is not None:
                continue
            found = {_PRONOUN_GENDER[w.lower()] for w in _GENDERED_PRONOUN.findall(text, sentences[i].start, sentences[i].end)}
            if len(found) == 1:
                entity.gender = found.pop()

    def new(self, name: str, kind: str, at: int, gender: str | None = None) -> Entity:
        key = name.lower()
        for entity in self.entities:
            if entity.key == key and entity.kind == kind:
                return entity
        entity = Entity(key, name, kind, gender=gender, first_at=at)
        self.entities.append(entity)
        bisect.insort_right(self.mentions, Mention(at, entity, False, False), key=_AT)
        return entity


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
        if phrase.role and not entity.role:
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
        elif word in ("its", "their"):
            e = entities.recent(at, kinds=("organisation",))
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
        for m in reversed(entities.mentions):
            e = m.entity
            if m.at >= at:
                continue
            if e.kind == "person" and e.role and re.search(rf"\b{re.escape(low)}$", _ROLE_OF.split(e.role.lower(), 1)[0]):
                return e, "title"  # "the mayor" is Mayor Tom Brown; "the bank" is not Bank President Ann Lee
        if noun in _COMPANY:
            e = entities.recent(at, kinds=("organisation",))
            if e is not None:
                return e, "title"
        if noun in _GENERIC_ORGS:
            # "the Canadian government" is not the Australian Government named last
            qualifiers = [w.lower()[:5] for w in text.split()[1:-1] if w[:1].isupper()]
            for m in reversed(entities.mentions):
                e = m.entity
                name = (e.name + " " + " ".join(e.aliases)).lower()
                if m.at < at and e.kind == "organisation" and any(w in (e.name + " " + (e.subtype or "")).lower() for w in _GENERIC_ORGS[noun]) \
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
            for m in reversed(entities.mentions):
                e = m.entity
                if m.at < at and e.kind == "organisation" and ("police" in e.name.lower() or e.subtype == "police"):
                    return e, "title"
        return entities.new(low.capitalize() if noun == "police" else text, "organisation", at), "title"
    entity = entities.new(_unnamed_name(text, phrase), "unnamed", at)
    if phrase.affiliation:
        entity.affiliation = entity.affiliation or phrase.affiliation
    return entity, "unnamed"


def _unnamed_name(text: str, phrase: Phrase) -> str:
    name = re.sub(r"\s+", " ", text.strip())
    if name[:1].isupper() and name.split()[0].lower() in ("a", "an", "the", "one", "some", "many", "two", "several", "critics", "officials", "experts"):
        name = name[0].lower() + name[1:]
    return name


def _near(entities: Entities, entity: Entity, at: int) -> bool:
    """The entity was mentioned or spoke recently (within about two paragraphs)."""
    for m in reversed(entities.mentions):
        if m.at < at and m.entity is entity:
            return at - m.at < 1200
    return False


def speaker_id(entity: Entity, taken: set[str]) -> str:
    base = slugify(entity.name) or "speaker"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate
