"""`annotator check`: validate pages and the speakers registry without building.

Each problem is one ``path:line: message``, as compilers and linters print them.
A page is checked for YAML syntax, the types and vocabularies of the JSON Schema
(``schema.py``), anchors whose exact text is in the body, ids used once, claimant
and source ids that name an entry of the page, registry ids that name an entry of
``speakers.yml``, and dates that are in the calendar.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from .. import safe_yaml
from ..errors import InputError, shown
from .document import BOOKKEEPING_KEY, Page
from .format import body_text, front_matter_source, split_page
from .registry import Registry
from .schema import PAGE_SCHEMA, REGISTRY_SCHEMA, shipped

REGISTRY_NAME = "speakers.yml"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{shown(self.path)}:{self.line}: {shown(self.message)}"


def check_paths(paths: list[Path], *, registry: Path | None = None, report_registry: bool = True) -> list[Problem]:
    """Every problem in the pages (index.md files, or folders of them) and, with ``report_registry``, the registry,
    whose keys the pages' registry ids are checked against in any case."""
    problems: list[Problem] = []
    known: set[str] | None = None
    if registry is not None and registry.exists():
        registry_problems, known = check_registry(registry)
        if report_registry:
            problems += registry_problems
    pages = list(_pages(paths))
    workers = min(os.cpu_count() or 1, 8)
    if len(pages) < _PARALLEL_FROM or workers < 2:
        for page in pages:
            problems += check_page(page, known)
        return problems
    from concurrent.futures import ProcessPoolExecutor

    chunks = [pages[i::workers * 4] for i in range(workers * 4)]
    with ProcessPoolExecutor(workers) as pool:
        for found in pool.map(_check_pages, chunks, [known] * len(chunks)):
            problems += found
    return sorted(problems)


_PARALLEL_FROM = 400  # pages: below this, starting worker processes costs more than it saves


def _check_pages(pages: list[Path], known: set[str] | None) -> list[Problem]:
    return [problem for page in pages for problem in check_page(page, known)]


def check_registry(path: Path) -> tuple[list[Problem], set[str] | None]:
    """The registry's problems, and its keys (None when it cannot be read)."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        root = safe_yaml.compose(text, name)
        data = safe_yaml.construct(root, text, name)
    except (InputError, UnicodeDecodeError, OSError) as exc:
        return [_problem_of(exc, name)], None
    problems = [Problem(name, _line(root, error.absolute_path, 1), _message(error))
                for error in _validator(REGISTRY_SCHEMA).iter_errors(data)]
    try:
        keys = set(Registry.load(path).entries)
    except InputError as exc:  # duplicate aliases and keys: the registry's own rules
        problems.append(_problem_of(exc, name))
        keys = set(data) if isinstance(data, dict) else None
    return problems, keys


def check_page(path: Path, registry_keys: set[str] | None = None) -> list[Problem]:
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [Problem(name, 1, f"cannot be read ({exc})")]
    parts = front_matter_source(text)
    if parts is None:
        return []  # a page of the editors' own, with no front matter
    source, body = parts
    try:
        meta, _ = split_page(text, name)
    except InputError as exc:
        return [_problem_of(exc, name)]
    if not isinstance(meta.get(BOOKKEEPING_KEY), dict):
        return []  # not an article page: only its YAML is checked
    nodes: list = []

    def line(*at) -> int:
        """The line of a value, by its path in the front matter (the nodes are read only when needed)."""
        if not nodes:
            nodes.append(safe_yaml.compose(source, name, first_line=2))
        return _line(nodes[0], at, 2)

    problems = []
    if not _fast_validator(PAGE_SCHEMA)(meta):  # a quick yes for a good page; else every error, by line
        problems = [Problem(name, line(*e.absolute_path), _message(e)) for e in _validator(PAGE_SCHEMA).iter_errors(meta)]
    page = Page.of(meta)
    problems += _ids(page, name, line)
    problems += _anchors(page, body_text(body), name, line)
    problems += _dates(meta, name, line)
    if registry_keys is not None:
        for i, s in enumerate(page.speakers):
            if s.registry_id and s.registry_id not in registry_keys:
                problems.append(Problem(name, line("speakers", i, "registry_id"),
                                        f"registry_id {s.registry_id!r} is not a key of {REGISTRY_NAME}"))
    return sorted(set(problems))


def _ids(page: Page, name: str, line) -> list[Problem]:
    problems, seen = [], {}
    entries = [("speakers", i, s.id) for i, s in enumerate(page.speakers)]
    entries += [(("speakers", i, "quotes"), j, q.id) for i, s in enumerate(page.speakers) for j, q in enumerate(s.quotes)]
    entries += [("claims", i, c.id) for i, c in enumerate(page.claims)]
    entries += [("sources", i, s.id) for i, s in enumerate(page.sources)]
    for where, index, entry_id in entries:
        at = (*where, index, "id") if isinstance(where, tuple) else (where, index, "id")
        if not entry_id:
            continue  # the schema reports a missing id
        if entry_id in seen:
            problems.append(Problem(name, line(*at), f"id {entry_id!r} is already used on line {line(*seen[entry_id])}"))
        else:
            seen[entry_id] = at
    speakers, sources = {s.id for s in page.speakers}, {s.id for s in page.sources}
    for i, c in enumerate(page.claims):
        if c.claimant is not None and c.claimant not in speakers:
            problems.append(Problem(name, line("claims", i, "claimant"), f"claimant {c.claimant!r} is no speaker id of this page"))
        if c.source is not None and c.source not in sources:
            problems.append(Problem(name, line("claims", i, "source"), f"source {c.source!r} is no source id of this page"))
    return problems


def _anchors(page: Page, body: str, name: str, line) -> list[Problem]:
    anchored = [(("speakers", i, "quotes", j), q.text, q.anchor) for i, s in enumerate(page.speakers)
                for j, q in enumerate(s.quotes)]
    anchored += [(("claims", i), c.text, c.anchor) for i, c in enumerate(page.claims)]
    anchored += [(("vague", i), v.text, v.anchor) for i, v in enumerate(page.vague)]
    problems = []
    for at, exact, anchor in anchored:
        if not exact or anchor is None:
            continue  # the schema reports what is missing
        if body[anchor.start:anchor.end] != exact and exact not in body:
            problems.append(Problem(name, line(*at, "text"), f"the text {_short(exact)!r} is not in the body"))
    return problems


def _dates(meta: dict, name: str, line) -> list[Problem]:
    fetched = meta.get("fetched_at")
    if isinstance(fetched, str) and fetched:
        try:
            dt.datetime.fromisoformat(fetched)
        except ValueError:
            return [Problem(name, line("fetched_at"), f"fetched_at {fetched!r} is not a date and time (ISO 8601)")]
    return []  # `published` is checked against the calendar where the page is read


# -- helpers ------------------------------------------------------------------------------

def _pages(paths: list[Path]):
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.md") if p.is_file())
        elif path.suffix == ".md":
            yield path


@cache
def _fast_validator(schema_path: Path):
    """True when a value is valid: fastjsonschema compiles the schema to Python, some 20 times faster
    than jsonschema, which then lists the errors of the few pages that have any."""
    import fastjsonschema

    validate = fastjsonschema.compile(shipped(schema_path))

    def is_valid(value) -> bool:
        try:
            validate(value)
            return True
        except fastjsonschema.JsonSchemaException:
            return False
    return is_valid


@cache
def _validator(schema_path: Path):
    import jsonschema

    schema = shipped(schema_path)
    return jsonschema.Draft202012Validator(schema)


def _message(error) -> str:
    where = ".".join(str(p) for p in error.absolute_path)
    message = error.message
    if error.validator == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value if v is not None)
        message = f"{error.instance!r} is not one of: {allowed}"
    return f"`{where}`: {message}" if where else message


def _line(root, path, first_line: int) -> int:
    """The line of the value at ``path`` (keys and list indexes) in a node tree, or of its nearest parent."""
    node, line = root, (root.start_mark.line + first_line) if root is not None else first_line
    for step in path:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == step), None)
            if found is None:
                break
            line, node = found[0].start_mark.line + first_line, found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + first_line
        else:
            break
    return line


def _problem_of(exc: Exception, name: str) -> Problem:
    if isinstance(exc, InputError):
        found = re.match(r"line (\d+): (.*)", exc.problem, re.S)
        return Problem(name, int(found.group(1)), found.group(2)) if found else Problem(name, 1, exc.problem)
    return Problem(name, 1, f"cannot be read ({exc})")


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."
