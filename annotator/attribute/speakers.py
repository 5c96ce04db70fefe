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
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Span
from ..slug import slugify
from .mentions import Mention, MentionIndex, place
from .names import Name

_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "junior", "senior"}
_AT = operator.attrgetter("at")
# he him his himself she her hers herself, any case; the first letter outside (?i:) lets the scan jump to it
_GENDERED_PRONOUN = re.compile(r"[hHsSſ](?<!\w.)(?i:(?<=h)(?:e|im|is|imself|er|ers|erself)|(?<=s)he)\b")
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
_PRONOUN_REACH = 8  # sentences a pronoun may look back for its antecedent
# and characters: eight sentences are never this long, but a file-long "sentence" (an unclosed
# bracket in a paragraph of megabytes) would make every pronoun weigh every name before it
_PRONOUN_REACH_CHARS = 20_000
_INDEXED = frozenset(("name", "role", "subtype", "gender"))  # an entity's fields that Entities' lookups index
_WORD_RUN = re.compile(r"\w+")


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
    # where a change to what lookups index is noted, for the Entities holding it to index it again
    changed: list | None = field(default=None, repr=False, compare=False)

    def __setattr__(self, name: str, value) -> None:
        object.__setattr__(self, name, value)
        if name in _INDEXED:
            self._changed()

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)
            self._changed()

    def rename(self, name: str) -> None:
        self.add_alias(self.name)
        self.name = name

    def _changed(self) -> None:
        object.__setattr__(self, "surfaces", None)
        changed = getattr(self, "changed", None)  # (unset while the dataclass's __init__ runs)
        if changed is not None:
            changed.append(self)

    @property
    def surname(self) -> str:
        words = [w for w in self.name.split() if w.rstrip(".").lower() not in _NAME_SUFFIXES]
        return words[-1] if words else self.name


class Entities:
    """The article's entities, built from its names in reading order.

    Lookups go through indexes (entities by key and by the strings that name
    them; mentions by entity, by role word, by organisation word) rather than
    over every entity or mention: a long file names thousands, and each lookup
    scanning them all is quadratic.
    """

    def __init__(self, names: list[Name], quote_spans: list[tuple[int, int]], sentence_starts: list[int] | None = None):
        self.sentence_starts = sentence_starts or [0]
        self.entities: list[Entity] = []
        self._index = MentionIndex()
        self._order: dict[int, int] = {}  # id(entity) -> its place in self.entities
        self._by_key: dict[str, list[Entity]] = {}
        # a string -> the entities (by id) it has named: exactly, as a leading family name, lower-cased
        self._exact: dict[str, dict[int, Entity]] = {}
        self._family: dict[str, dict[int, Entity]] = {}
        self._lowered: dict[str, dict[int, Entity]] = {}
        self._org_words: list[tuple[str, ...]] = []  # the words organisations have been looked up by
        self._two_first: dict[str, list[tuple[tuple[int, int], Entity]]] = {}  # see only_person
        self._changed: list[Entity] = []  # entities added or changed since they were last indexed
        self._orgs_by_opening: dict[str, list[Entity]] = {}  # first word or initials -> organisations (see organisation_in_full)
        spans = sorted(quote_spans)
        self._quote_starts = [s for s, _ in spans]
        self._quote_reach = list(itertools.accumulate((e for _, e in spans), max))  # spans may overlap
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
        self._index.sort()

    @property
    def mentions(self) -> list[Mention]:
        """Every mention, in text order."""
        return self._index.all

    # -- building ------------------------------------------------------------
    def _mention(self, n: Name, entity: Entity) -> None:
        i = bisect.bisect_right(self._quote_starts, n.start)
        inside = i > 0 and self._quote_reach[i - 1] > n.start
        self._add_mention(Mention(n.start, entity, inside, n.possessive), in_order=False)  # (sorted at the end)

    def _add_mention(self, m: Mention, *, in_order: bool = True) -> None:
        self._index.add(m, in_order=in_order)
        if not m.in_quote and m.entity.kind == "person" and m.entity.gender:
            self._offer_first(m.entity)

    def _add(self, entity: Entity) -> Entity:
        if entity.kind == "organisation" and not entity.outlet:
            for name in {entity.name, *entity.aliases}:
                words = name.removeprefix("the ").split()
                for key in {words[0].lower(), "".join(w[0] for w in words if w[0].isupper())} if words else ():
                    self._orgs_by_opening.setdefault(key, []).append(entity)
        self._order[id(entity)] = len(self.entities)
        self.entities.append(entity)
        self._by_key.setdefault(entity.key, []).append(entity)
        entity.changed = self._changed
        self._changed.append(entity)
        return entity

    def _index_names(self) -> None:
        """Index the entities added or changed since the last lookup (what they were called before
        stays indexed: a lookup checks each entity it finds)."""
        for entity in self._changed:
            exact, family_first, lowered = entity.surfaces or self._surfaces(entity)
            for index, keys in ((self._exact, exact), (self._family, (family_first,) if family_first else ()),
                                (self._lowered, lowered)):
                for key in keys:
                    index.setdefault(key, {})[id(entity)] = entity
            if entity.kind == "person" and entity.role:
                for word in _WORD_RUN.findall(entity.role.lower()):
                    self._index.file(entity, ("role", word))
            if entity.kind == "organisation":
                for words in self._org_words:
                    if _names_any(entity, words):
                        self._index.file(entity, ("organisation", words))
            if entity.kind == "person" and entity.gender:
                self._offer_first(entity)
        self._changed.clear()

    def _named(self, *found: dict[int, Entity] | None) -> list[Entity]:
        """The entities in some of ``found``, in the order they were added."""
        union = {k: e for f in found if f for k, e in f.items()}
        return sorted(union.values(), key=lambda e: self._order[id(e)])

    def _entity_for(self, n: Name) -> Entity:
        if n.kind == "person":
            entity = self._person(n.text)
            if entity is None:
                entity = self._add(Entity(n.text, n.text, "person", gender=n.gender, role=n.role, first_at=n.start))
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
        self._index_names()
        for entity in self._named({id(e): e for e in self._by_key.get(key, ())}, self._lowered.get(n.text.lower())):
            if entity.kind == "organisation" and (entity.key == key or n.text.lower() in (a.lower() for a in [entity.name, *entity.aliases])):
                entity.add_alias(n.text)
                return entity
        fuller = self.organisation_in_full(n.text)
        if fuller is not None:
            fuller.add_alias(n.text)  # "the Bank" after "Bank of England", "MDA" after "Mobile Data Association"
            return fuller
        entity = Entity(key, n.canonical or n.text, "organisation", canonical=n.canonical, subtype=n.subtype,
                        outlet=n.kind == "outlet", first_at=n.start)
        entity.add_alias(n.text)
        return self._add(entity)

    def _person(self, text: str) -> Entity | None:
        tokens = text.split()
        self._index_names()
        # a person it can be has ``text`` among its names, or a name ending in the same word
        for entity in self._named(self._exact.get(text), *(self._exact.get(t) for t in tokens[-1:])):
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
    def organisation_in_full(self, short: str) -> Entity | None:
        """The organisation named earlier of which ``short`` is a short form: its opening words or its initials."""
        words = short.removeprefix("the ").split()
        if not words:
            return None
        for entity in self._orgs_by_opening.get(words[0].lower() if len(words) > 1 or not short.isupper() else short, ()):
            if any(short_form_of(short, name) for name in (entity.name, *entity.aliases)):
                return entity
        return None

    def find_by_surface(self, surface: str, before: int | None, kinds: tuple[str, ...] | None = None) -> Entity | None:
        """An entity (of ``kinds``, if given) one of whose names (or surnames) is ``surface``."""
        surface = surface.strip()
        low = surface.lower()
        people: list[Entity] = []
        family = other = None
        self._index_names()
        for entity in self._named(self._exact.get(surface), self._family.get(surface), self._lowered.get(low)):
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
            counts = {id(e): self._index.count_before(e, before) for e in people}
            return max(people, key=lambda e: counts[id(e)])
        return people[0] if people else family or other

    def last_mention_before(self, entity: Entity, at: int) -> Mention | None:
        return self._index.last_before(entity, at)

    def mentions_before(self, at: int) -> Iterator[Mention]:
        """The mentions before ``at``, nearest first."""
        return self._index.back(at)

    def role_holders_before(self, at: int, word: str) -> Iterator[Mention]:
        """The mentions before ``at``, nearest first, of the people whose role (lower-cased) has
        held ``word`` as a whole word."""
        self._index_names()
        return self._index.back(at, ("role", word))

    def organisations_before(self, at: int, words: tuple[str, ...]) -> Iterator[Mention]:
        """The mentions before ``at``, nearest first, of the organisations whose name or subtype
        (lower-cased) has held one of ``words``."""
        self._index_names()
        key = ("organisation", words)
        if not self._index.is_key(key):
            self._org_words.append(words)
            self._index.new_key(key, [e for e in self.entities if e.kind == "organisation" and _names_any(e, words)])
        return self._index.back(at, key)

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
        (and characters) outside quotation marks.  Nearer is better; so is being
        the subject (first named) of a sentence, having spoken already, and being
        named often.
        """
        here = bisect.bisect_right(self.sentence_starts, at) - 1
        best: dict[int, tuple[float, int, Entity]] = {}
        seen_sentence: set[int] = set()
        # mentions before the sentences in reach are out of reach: start at the first that may not be
        reach = at - _PRONOUN_REACH_CHARS
        if here >= _PRONOUN_REACH:
            reach = max(reach, self.sentence_starts[here - _PRONOUN_REACH])
        first = bisect.bisect_left(self.mentions, reach, key=_AT)
        for index in range(first, len(self.mentions)):
            m = self.mentions[index]
            if m.at >= at:
                break
            e = m.entity
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
                + 0.15 * min(self._index.rank(m), 6) - 0.5 * m.possessive
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
        for i in range(bisect.bisect_left(self.mentions, start, key=_AT), len(self.mentions)):
            m = self.mentions[i]  # (an index, not a slice: copying the rest per quote is quadratic)
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
        self._index_names()
        named = [e for first, e in self._two_first.get(gender, []) if first[0] < at]
        return named[0] if len(named) == 1 else None

    def _offer_first(self, entity: Entity) -> None:
        """Keep, for the person's gender, the two people first named (outside quotation marks) earliest:
        whether one person or more was named before some point is all only_person asks.  (A gender,
        once known, stays; a first mention only comes earlier, until skip_quoted reads them again.)"""
        m = self._index.first_free(entity)
        if m is None:
            return
        two = [(first, e) for first, e in self._two_first.get(entity.gender, []) if e is not entity]
        two.append((place(m), entity))
        self._two_first[entity.gender] = sorted(two, key=lambda t: t[0])[:2]

    def note(self, entity: Entity, at: int) -> None:
        """Record that ``entity`` spoke at ``at``: a speaker is the likeliest antecedent."""
        entity.confident = True
        self._add_mention(Mention(at, entity, False, False, spoke=True))

    def skip_quoted(self, spans: list[tuple[int, int]]) -> None:
        """Names inside reported words are poor antecedents for pronouns."""
        spans = sorted(spans)
        starts = [s for s, _ in spans]
        furthest = list(itertools.accumulate((e for _, e in spans), max))  # spans may overlap
        for m in self.mentions:
            i = bisect.bisect_right(starts, m.at)
            if i and furthest[i - 1] > m.at:
                m.in_quote = True
        self._index.quotes_marked()
        self._two_first.clear()
        for e in self.entities:
            if e.kind == "person" and e.gender:
                self._offer_first(e)

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
        for entity in self._by_key.get(key, ()):
            if entity.kind == kind:
                return entity
        entity = self._add(Entity(key, name, kind, gender=gender, first_at=at))
        self._add_mention(Mention(at, entity, False, False))
        return entity


def speaker_id(entity: Entity, taken: set[str]) -> str:
    base = slugify(entity.name) or "speaker"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _names_any(entity: Entity, words: tuple[str, ...]) -> bool:
    """Whether the organisation's name or subtype holds one of ``words`` (see resolve's generic names)."""
    return any(w in (entity.name + " " + (entity.subtype or "")).lower() for w in words)


def short_form_of(short: str, full: str) -> bool:
    """"Standard Trust" and "Bank" of "Standard Trust Bank" and "Bank of England"; "MDA" of "Mobile Data Association"."""
    words, full_words = short.removeprefix("the ").split(), full.removeprefix("the ").split()
    if not words or len(words) >= len(full_words):
        return False
    if full_words[:len(words)] == words:
        if full_words[len(words)] in ("and", "&"):
            return False  # "Amnesty International" of "Amnesty International and Human Rights Watch": one of two
        return len(words) > 1 or full_words[1:2] == ["of"]  # one word only as the head: "Bank" of "Bank of …"
    initials = "".join(w[0] for w in full_words if w[0].isupper())
    return len(words) == 1 and short.isupper() and 2 <= len(short) == len(initials) and short == initials
