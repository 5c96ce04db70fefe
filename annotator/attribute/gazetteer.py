"""What the annotator knows before reading: given names, organisations, outlets, places.

All of it is plain data in ``annotator/lexicon``; this module only indexes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lexicon import load_list, load_words, load_yaml


@dataclass(frozen=True, slots=True)
class Known:
    name: str  # canonical name
    kind: str  # organisation | outlet | country | place
    subtype: str | None = None  # police, government, company ... for organisations
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gazetteer:
    by_alias: dict[str, Known]  # lower-cased surface form -> entry
    given_names: dict[str, str]  # lower-cased given name -> m | f | u
    demonyms: dict[str, str]  # "british" -> "United Kingdom"
    honorifics: dict[str, str]  # "mrs" -> "f"
    roles: frozenset[str]
    people_nouns: frozenset[str]  # nouns for people, one or many: "researchers", "an economist", "staff"
    org_words: frozenset[str]
    stopwords: frozenset[str]
    common_words: frozenset[str]
    event_words: frozenset[str]
    holidays: frozenset[str]

    def lookup(self, surface: str) -> Known | None:
        key = surface.lower()
        hit = self.by_alias.get(key)
        if hit is None and key.startswith("the "):
            hit = self.by_alias.get(key[4:])
        return hit


@cache
def gazetteer() -> Gazetteer:
    by_alias: dict[str, Known] = {}

    def add(entry: Known, forms) -> None:
        for form in forms:
            form = str(form).strip()
            if form:
                by_alias.setdefault(form.lower(), entry)

    for name in load_list("places.txt"):
        add(Known(name, "place"), [name])
    demonyms: dict[str, str] = {}
    for line in load_list("countries.tsv"):
        parts = line.split("\t")
        country = parts[0]
        aliases = parts[2].split("|") if len(parts) > 2 and parts[2] else []
        entry = Known(country, "country", aliases=tuple(aliases))
        add(entry, [country, *aliases])
        if len(parts) > 1 and parts[1]:
            for adjective in parts[1].split("|"):
                demonyms[adjective.lower()] = country
    for item in load_yaml("outlets.yml") or ():
        entry = Known(item["name"], "outlet", "outlet", tuple(item.get("aliases") or ()))
        add(entry, [item["name"], *entry.aliases])
    for item in load_yaml("organisations.yml") or ():
        entry = Known(item["name"], "organisation", item.get("kind"), tuple(item.get("aliases") or ()))
        # organisations win over places of the same name ("Downing Street", "White House")
        for form in [item["name"], *entry.aliases]:
            by_alias[str(form).lower()] = entry
    given = {}
    for line in load_list("given_names.tsv"):
        name, _, gender = line.partition("\t")
        given[name.strip().lower()] = (gender.strip() or "u")[0]
    honorifics = {}
    for line in load_list("honorifics.tsv"):
        word, _, gender = line.partition("\t")
        honorifics[word.strip().lower()] = gender.strip() or "u"
    return Gazetteer(
        by_alias=by_alias,
        given_names=given,
        demonyms=demonyms,
        honorifics=honorifics,
        roles=load_words("roles.txt"),
        people_nouns=load_words("people_nouns.txt") | load_words("person_nouns.txt") | load_words("roles.txt"),
        org_words=load_words("org_words.txt"),
        stopwords=load_words("capitalised_stopwords.txt"),
        common_words=load_words("common_words.txt"),
        event_words=load_words("event_words.txt"),
        holidays=load_words("holidays.txt"),
    )
