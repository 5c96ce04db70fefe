"""Annotate new and changed articles in content/, keeping editors' corrections."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .. import ANNOTATOR_VERSION
from ..errors import InputError
from ..attribute.registry import Registry, proposals_yaml
from ..ingest.encoding import decode
from ..ingest.text import parse_text
from ..pipeline import annotate
from ..render.body import render_body
from ..render.frontmatter import front_matter
from ..render.page import BOOKKEEPING_KEY, render_page, split_page
from .layout import REGISTRY, Bundle, find_bundles, find_inbox, new_bundle
from .merge import merge
from .store import archive_lock, atomic_write, sha256

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Outcome:
    path: str
    status: str  # annotated | unchanged | added | failed
    message: str = ""


def update_archive(content: Path, *, force: bool = False, progress: Progress | None = None,
                   on_total: Callable[[int], None] | None = None) -> list[Outcome]:
    """File the inbox, then (re-)annotate every bundle whose original or annotator changed."""
    outcomes: list[Outcome] = []
    with archive_lock(content):
        registry = Registry.load(content / REGISTRY)  # a broken registry stops the build before any change
        inbox = find_inbox(content)
        bundles = find_bundles(content)
        if on_total:
            on_total(len(inbox) + len(bundles))
        known = _originals_by_hash(content) if inbox else {}
        for path in inbox:
            outcomes.append(_file_from_inbox(content, path, known, registry))
            if progress:
                progress(path.name)
        filed = {o.path for o in outcomes if o.status == "added"}
        for bundle in find_bundles(content) if filed else bundles:
            if bundle.display(content) in filed:
                continue
            outcomes.append(annotate_bundle(bundle, content, force=force, registry=registry))
            if progress:
                progress(bundle.directory.name)
        _write_proposals(registry)
    return outcomes


def add_article(content: Path, source: Path, metadata: dict | None = None) -> Outcome:
    """Copy a raw file into a new bundle and annotate it.  Nothing is written on failure."""
    return add_articles(content, [(source, metadata)])[0]


def add_articles(content: Path, sources: list[tuple[Path, dict | None]], *, progress: Progress | None = None) -> list[Outcome]:
    """Add many files at once, each with its editor metadata (published, url, outlet, tags ...).

    The registry and the archive's hashes are read once, so adding thousands of files
    costs no more per file than adding one.
    """
    with archive_lock(content):
        registry = Registry.load(content / REGISTRY)
        known = _originals_by_hash(content)
        outcomes = []
        for source, metadata in sources:
            outcomes.append(_add(content, source, metadata or {}, known, registry))
            if progress:
                progress(source.name)
        _write_proposals(registry)
        return outcomes


def annotate_bundle(bundle: Bundle, content: Path, *, force: bool = False, registry: Registry | None = None) -> Outcome:
    name = bundle.display(content)
    try:
        data = bundle.original.read_bytes()
        current_meta, current_body = ({}, None)
        if bundle.page.exists():
            page_name = str(bundle.page.relative_to(content.parent)) if bundle.page.is_relative_to(content.parent) else str(bundle.page)
            current_meta, current_body = split_page(bundle.page.read_text(encoding="utf-8"), page_name)
        digest = sha256(data)
        book = current_meta.get(BOOKKEEPING_KEY) or {}
        if not force and book.get("version") == ANNOTATOR_VERSION and book.get("original_sha256") == digest:
            return Outcome(name, "unchanged")
        atomic_write(bundle.page, _annotated_page(data, name, bundle, current_meta, current_body, digest, registry))
        return Outcome(name, "annotated")
    except InputError as exc:
        return Outcome(name, "failed", str(exc))
    except OSError as exc:
        return Outcome(name, "failed", f"{name}: {exc.strerror or exc}")


def _annotated_page(data: bytes, name: str, bundle: Bundle, current_meta: dict, current_body: str | None, digest: str,
                    registry: Registry | None = None) -> str:
    article = annotate(parse_text(decode(data, name), name), registry)
    if registry is not None:
        proposed = registry.proposals(article.speakers)
        registry.register(proposed)
        registry.pending.extend(proposed)
        article = registry.link(article)
    produced = front_matter(article, metadata={"original": bundle.original.name, "original_sha256": digest})
    meta, body, generated = merge(current_meta, current_body, produced, render_body(article))
    meta[BOOKKEEPING_KEY] = {"version": ANNOTATOR_VERSION, "original_sha256": digest, "generated": generated}
    return render_page(meta, body)


def _file_from_inbox(content: Path, path: Path, known: dict[str, Bundle], registry: Registry) -> Outcome:
    outcome = _add(content, path, {}, known, registry)
    if outcome.status == "added":
        path.unlink()
    return outcome


def _add(content: Path, source: Path, metadata: dict, known: dict[str, Bundle], registry: Registry) -> Outcome:
    shown = str(source)
    try:
        data = source.read_bytes()
    except OSError as exc:
        return Outcome(shown, "failed", f"{shown}: cannot read the file ({exc.strerror or exc})")
    try:
        text = decode(data, shown)
        headline = parse_text(text, shown)
        digest = sha256(data)
        twin = known.get(digest)
        if twin:
            return Outcome(shown, "failed", f"{shown}: already in the archive as {twin.display(content)}")
        bundle = new_bundle(content, metadata.get("published"), headline.title, source.stem)
        editor_meta = {k: v for k, v in metadata.items() if v not in (None, "", [])}
        editor_meta["original_name"] = source.name
        page = _annotated_page(data, shown, bundle, editor_meta, None, digest, registry)
    except InputError as exc:
        return Outcome(shown, "failed", str(exc))
    try:
        bundle.directory.mkdir(parents=True)
        atomic_write(bundle.original, data)
        atomic_write(bundle.page, page)
    except OSError as exc:
        shutil.rmtree(bundle.directory, ignore_errors=True)
        return Outcome(shown, "failed", f"{shown}: cannot write {bundle.directory} ({exc.strerror or exc})")
    known[digest] = bundle
    return Outcome(bundle.display(content), "added", f"{shown} -> {bundle.directory.relative_to(content.parent) if bundle.directory.is_relative_to(content.parent) else bundle.directory}")


_BOOK_SHA = re.compile(r"^  original_sha256: ['\"]?([0-9a-f]{64})", re.M)


def _originals_by_hash(content: Path) -> dict[str, Bundle]:
    """Every bundle by the hash of its original, read from the pages' bookkeeping."""
    known: dict[str, Bundle] = {}
    for bundle in find_bundles(content):
        try:
            match = _BOOK_SHA.search(bundle.page.read_text(encoding="utf-8"))
        except OSError:
            match = None
        digest = match.group(1) if match else sha256(bundle.original.read_bytes())
        known[digest] = bundle
    return known


def _write_proposals(registry: Registry) -> None:
    """Append the speakers this run met for the first time to the registry file."""
    if not registry.pending or registry.path is None:
        return
    old = registry.path.read_text(encoding="utf-8") if registry.path.exists() else _REGISTRY_HEADER
    if old and not old.endswith("\n"):
        old += "\n"
    note = "\n# Proposed by `annotator build`: check each entry, then remove `proposed: true` (or delete it).\n"
    atomic_write(registry.path, old + note + proposals_yaml(registry.pending))
    registry.pending.clear()


_REGISTRY_HEADER = """\
# Speakers registry: one identity per speaker across the archive.
# key:
#   name: canonical name
#   kind: person | organisation
#   aliases: [other names used in articles]
#   description: a short description
#   wikidata: Q-id (optional)
# `annotator build` appends the speakers it has not seen before with `proposed: true`;
# it never rewrites an entry. See the README.
"""
