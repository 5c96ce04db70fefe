"""The speakers registry: one identity per speaker across the archive.

``content/speakers.yml`` is edited by people.  Each entry maps a key to a
canonical speaker::

    metropolitan-police:
      name: Metropolitan Police
      kind: organisation            # person | organisation
      aliases: [the Met, Met Police, Scotland Yard]
      description: London's police force
      wikidata: Q1155447            # optional

A speaker found in an article whose name or alias matches an entry's name or
alias (ignoring case and a leading "the") takes that entry's key, name and
Wikidata id.  Speakers the registry does not know yet are proposed: appended
at the end of the file with ``proposed: true``; existing entries are never
rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .. import safe_yaml
from ..errors import InputError
from ..model import Article, Speaker
from ..slug import slugify

_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Entry:
    key: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    wikidata: str | None = None
    proposed: bool = False


def _norm(name: str) -> str:
    name = re.sub(r"\s+", " ", name.strip().lower())
    return name[4:] if name.startswith("the ") else name


@dataclass
class Registry:
    path: Path | None = None
    entries: dict[str, Entry] = field(default_factory=dict)
    by_alias: dict[str, str] = field(default_factory=dict)
    pending: list[Entry] = field(default_factory=list)  # proposals not yet written to the file
    named: set[str] = field(default_factory=set)  # keys the pages of this run link to

    @classmethod
    def load(cls, path: Path) -> "Registry":
        """Read the registry; a YAML error or a duplicate alias is an InputError naming file and line."""
        registry = cls(path=path)
        if not path.exists():
            return registry
        shown = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InputError(shown, "not UTF-8 text") from None
        # the nodes give line numbers (and catch duplicate keys); the values are built from the same nodes
        root = safe_yaml.compose(text, shown)
        if root is None:
            return registry
        values = safe_yaml.construct(root, text, shown)
        if not isinstance(root, yaml.MappingNode):
            raise InputError(shown, "line 1: expected a mapping of speaker keys to entries")
        seen_keys: dict[str, int] = {}
        for key_node, value_node in root.value:
            line = key_node.start_mark.line + 1
            key = str(key_node.value)
            if key in seen_keys:
                raise InputError(shown, f"line {line}: the key {key!r} is already used on line {seen_keys[key]}")
            seen_keys[key] = line
            value = values.get(key_node.value) if isinstance(values, dict) else None
            if not isinstance(value, dict) or not isinstance(value.get("name"), str):
                raise InputError(shown, f"line {line}: the entry {key!r} needs at least a name")
            aliases = value.get("aliases") or []
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise InputError(shown, f"line {line}: the aliases of {key!r} must be a list of names")
            entry = Entry(key=key, name=value["name"], kind=str(value.get("kind") or "person"), aliases=tuple(aliases),
                          description=value.get("description"), wikidata=value.get("wikidata"),
                          proposed=bool(value.get("proposed")))
            registry.entries[key] = entry
            alias_lines = _alias_lines(value_node)
            for alias in (entry.name, *entry.aliases):
                norm = _norm(alias)
                owner = registry.by_alias.get(norm)
                if owner is not None and owner != key:
                    at = alias_lines.get(alias, line)
                    raise InputError(shown, f"line {at}: the alias {alias!r} of {key!r} already belongs to {owner!r}")
                registry.by_alias[norm] = key
        return registry

    def orphans(self) -> list[str]:
        """Keys of the proposals that no page of this run linked to (confirmed entries never are)."""
        return [e.key for e in self.entries.values() if e.proposed and e.key not in self.named]

    def text_without(self, keys: list[str]) -> str:
        """The registry file without those entries' lines: an editor's comments and layout are kept."""
        lines = self.path.read_text(encoding="utf-8").splitlines(keepends=True)
        starts = {key: i for i, line in enumerate(lines) for key in [_top_level_key(line)] if key}
        drop: set[int] = set()
        for key in keys:
            start = starts.get(key)
            if start is None:
                continue
            end = start + 1
            while end < len(lines) and (lines[end][:1] in (" ", "\t") or not lines[end].strip()):
                end += 1
            drop.update(range(start, end))
        return "".join(line for i, line in enumerate(lines) if i not in drop)

    def forget(self, keys: list[str]) -> None:
        for key in keys:
            del self.entries[key]
        self.by_alias = {alias: key for alias, key in self.by_alias.items() if key in self.entries}

    def find(self, speaker: Speaker) -> Entry | None:
        for name in (speaker.name, *speaker.aliases):
            key = self.by_alias.get(_norm(name))
            if key is not None:
                entry = self.entries[key]
                if entry.kind == speaker.kind or speaker.kind == "unnamed" or entry.kind not in ("person", "organisation"):
                    return entry
        return None

    def link(self, article: Article) -> Article:
        """The article with its speakers tied to registry entries (a pure stage)."""
        speakers = []
        for s in article.speakers:
            entry = self.find(s) if s.kind != "unnamed" else None
            if entry is None:
                speakers.append(s)
                continue
            aliases = [a for a in dict.fromkeys([*s.aliases, s.name]) if a != entry.name]
            speakers.append(replace(s, name=entry.name, registry_id=entry.key, wikidata=entry.wikidata or s.wikidata,
                                    aliases=aliases))
        return article.with_(speakers=speakers)

    def proposals(self, speakers: list[Speaker]) -> list[Entry]:
        """Named speakers the registry does not know, as new entries (keys unused so far)."""
        new: dict[str, Entry] = {}
        for s in speakers:
            if s.kind == "unnamed" or s.registry_id or self.find(s) is not None:
                continue
            if s.kind == "person" and len(s.name.split()) < 2:
                continue  # a lone surname is not enough to tell people apart across the archive
            key = slugify(s.name)
            if not key or key in self.entries or any(_norm(s.name) == _norm(e.name) for e in new.values()):
                continue
            description = s.role or s.affiliation
            new[key] = Entry(key=key, name=s.name, kind=s.kind, aliases=tuple(a for a in s.aliases if len(a.split()) > 1),
                             description=description, proposed=True)
        return list(new.values())

    def register(self, entries: list[Entry]) -> None:
        for entry in entries:
            self.entries[entry.key] = entry
            for alias in (entry.name, *entry.aliases):
                self.by_alias.setdefault(_norm(alias), entry.key)


def _top_level_key(line: str) -> str | None:
    """``key`` of a line ``key:`` that opens an entry (plain or quoted keys, as PyYAML writes them)."""
    if not line[:1].strip() or line.startswith(("#", "-", "---")):
        return None
    head = line.split(":", 1)[0].strip()
    return head.strip("'\"") if line.rstrip().endswith(":") else None


def proposals_yaml(entries: list[Entry]) -> str:
    """Entries as YAML to append to the registry file."""
    data = {}
    for e in entries:
        item = {"name": e.name, "kind": e.kind}
        if e.aliases:
            item["aliases"] = list(e.aliases)
        if e.description:
            item["description"] = e.description
        item["proposed"] = True
        data[e.key] = item
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100_000)


def _alias_lines(node) -> dict[str, int]:
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value in ("aliases", "name"):
                items = v.value if isinstance(v, yaml.SequenceNode) else [v]
                for item in items:
                    if isinstance(item, yaml.ScalarNode):
                        lines.setdefault(item.value, item.start_mark.line + 1)
    return lines
