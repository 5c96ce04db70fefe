"""Where an article's entities are mentioned, kept in text order and indexed for the lookups of ``Entities``.

Besides the list of all mentions, each entity's own mentions and those of the
entities filed under a key (the people whose role holds a word, the
organisations named with one) are kept in the same order, so a lookup walks
only the mentions that can answer it: walking them all, for each quote of a
long file, is quadratic.
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .speakers import Entity

_AT = attrgetter("at")


@dataclass(slots=True)
class Mention:
    at: int
    entity: Entity
    in_quote: bool
    possessive: bool
    spoke: bool = False  # the entity is the speaker of a quote here
    seq: int = field(default=0, compare=False)  # the order it was recorded in: mentions at one offset keep it


def place(m: Mention) -> tuple[int, int]:
    """A mention's place in the order of mentions: by offset, then (as a stable sort keeps them) as recorded."""
    return m.at, m.seq


class MentionIndex:
    """The mentions of one article's entities: all, each entity's, and those filed under a key."""

    def __init__(self) -> None:
        self.all: list[Mention] = []
        self._of: dict[int, list[Mention]] = {}  # id(entity) -> its mentions
        self._filed: dict[Hashable, list[Mention]] = {}  # key -> the mentions of the entities filed under it
        self._keys_of: dict[int, set[Hashable]] = {}
        self._free: dict[int, Mention] = {}  # id(entity) -> its first mention outside quotation marks
        self._recorded = 0

    def add(self, m: Mention, *, in_order: bool = True) -> None:
        """Record a mention: in its place, or (``in_order=False``, until ``sort``) at the end of ``all``."""
        m.seq = self._recorded
        self._recorded += 1
        if in_order:
            bisect.insort_right(self.all, m, key=place)
        else:
            self.all.append(m)
        bisect.insort_right(self._of.setdefault(id(m.entity), []), m, key=place)
        for key in self._keys_of.get(id(m.entity), ()):
            bisect.insort_right(self._filed[key], m, key=place)
        first = self._free.get(id(m.entity))
        if not m.in_quote and (first is None or place(m) < place(first)):
            self._free[id(m.entity)] = m

    def sort(self) -> None:
        self.all.sort(key=place)

    def of(self, entity: Entity) -> list[Mention]:
        return self._of.get(id(entity), [])

    def first_free(self, entity: Entity) -> Mention | None:
        """The entity's first mention outside quotation marks."""
        return self._free.get(id(entity))

    def quotes_marked(self) -> None:
        """Read again which mentions are outside quotation marks, after their flags changed."""
        self._free.clear()
        for m in self.all:
            if not m.in_quote:
                self._free.setdefault(id(m.entity), m)

    def is_key(self, key: Hashable) -> bool:
        return key in self._filed

    def new_key(self, key: Hashable, entities: list[Entity]) -> None:
        """File ``entities`` under a new ``key``."""
        ids = {id(e) for e in entities}
        self._filed[key] = [m for m in self.all if id(m.entity) in ids]
        self._filed[key].sort(key=place)  # (``all`` may not be sorted yet)
        for i in ids:
            self._keys_of.setdefault(i, set()).add(key)

    def file(self, entity: Entity, key: Hashable) -> None:
        """File ``entity`` (all its mentions, and those to come) under ``key``."""
        keys = self._keys_of.setdefault(id(entity), set())
        if key in keys:
            return
        keys.add(key)
        filed = self._filed.setdefault(key, [])
        for m in self.of(entity):
            bisect.insort_right(filed, m, key=place)

    def back(self, at: int, key: Hashable | None = None) -> Iterator[Mention]:
        """The mentions before ``at`` (of the entities filed under ``key``, if given), nearest first."""
        mentions = self.all if key is None else self._filed.get(key, [])
        return (mentions[i] for i in range(bisect.bisect_left(mentions, at, key=_AT) - 1, -1, -1))

    def count_before(self, entity: Entity, before: int | None) -> int:
        """How often ``entity`` is mentioned before ``before`` (in all, if None)."""
        mentions = self.of(entity)
        return len(mentions) if before is None else bisect.bisect_left(mentions, before, key=_AT)

    def last_before(self, entity: Entity, at: int) -> Mention | None:
        mentions = self.of(entity)
        i = bisect.bisect_left(mentions, at, key=_AT)
        return mentions[i - 1] if i else None

    def rank(self, m: Mention) -> int:
        """How many of its entity's mentions come up to ``m``, itself included."""
        return bisect.bisect_left(self.of(m.entity), place(m), key=place) + 1
