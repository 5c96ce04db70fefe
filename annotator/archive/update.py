"""Annotate new and changed articles in content/, keeping editors' corrections."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .. import ANNOTATOR_VERSION
from ..errors import InputError, shown
from ..page.registry import Registry, proposals_yaml
from ..ingest import is_web_page, parse_original
from ..ingest.files import read_input
from ..ingest.html import MAX_HTML_BYTES
from ..model import Article
from ..pipeline import annotate
from ..render.body import render_body
from ..render.frontmatter import front_matter
from ..page.format import BOOKKEEPING_KEY, render_page, split_page
from .layout import REGISTRY, Bundle, find_bundles, find_inbox, inbox_skip_reason, new_bundle
from .copies import link_copies
from .known import Known, known_pages
from .merge import merge
from .store import archive_lock, atomic_write, sha256

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Outcome:
    path: str
    status: str  # annotated | unchanged | added | replaced | failed | skipped | copy (a link between copies)
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
        known = known_pages(content) if inbox else Known()
        for path in inbox:
            outcomes.append(_filed_before(content, path, known) or _file_from_inbox(content, path, known, registry))
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
        if all(o.status != "failed" for o in outcomes):  # a page not read may link to any entry
            _prune_proposals(registry)
        outcomes += _copies(content)
    return outcomes


def _copies(content: Path, new: list[Path] | None = None) -> list[Outcome]:
    """Link the copies among new and changed pages (or only the ``new`` ones): one note per link."""
    outcomes = []
    try:
        links = link_copies(content, new)
    except OSError as exc:  # a page could not be written: it is left as it was
        return [Outcome(shown(content), "failed", f"{shown(content)}: copies not linked ({exc.strerror or exc})")]
    for link in links:
        copy, original = (shown(Path(content.name) / k.rsplit("/", 1)[0]) for k in (link.copy, link.original))
        outcomes.append(Outcome(copy, "copy", f"{copy} is a copy of {original} (similarity {link.similarity:.2f}); "
                                              "both pages now link to each other"))
    return outcomes


def _filed_before(content: Path, path: Path, known: Known) -> Outcome | None:
    """An inbox file a killed run had copied but not yet removed (same bytes, same name): remove it now."""
    if inbox_skip_reason(path):
        return None
    try:
        twin = known.by_hash.get(sha256(read_input(path, follow_links=False, limit=MAX_HTML_BYTES)))
        if twin is None:
            return None
        if twin.page.exists() and split_page(twin.page.read_text(encoding="utf-8"), str(twin.page))[0].get("original_name") != path.name:
            return None  # the same text filed under another name: _file_from_inbox reports the twin
        path.unlink()
    except (InputError, OSError, UnicodeDecodeError):
        return None
    return Outcome(shown(path), "skipped", f"{shown(path)}: already filed as {shown(twin.display(content))}; removed from the inbox")


def add_article(content: Path, source: Path | str, metadata: dict | None = None, *, replace: bool = False) -> Outcome:
    """Copy a raw file (or fetch a URL) into a new bundle and annotate it.  Nothing is written on failure."""
    return add_articles(content, [(source, metadata)], replace=replace)[0]


def add_articles(content: Path, sources: list[tuple[Path | str, dict | None]], *, progress: Progress | None = None,
                 replace: bool = False) -> list[Outcome]:
    """Add many files at once, each with its editor metadata (published, url, outlet, tags ...).

    The registry and the archive's hashes are read once, so adding thousands of files
    costs no more per file than adding one.
    """
    with archive_lock(content):
        registry = Registry.load(content / REGISTRY)
        known = known_pages(content)
        outcomes = []
        for source, metadata in sources:
            outcomes.append(_add(content, source, metadata or {}, known, registry, replace=replace))
            if progress:
                progress(source if isinstance(source, str) else source.name)
        _write_proposals(registry)
        written = [content.parent / o.path for o in outcomes if o.status in ("added", "replaced")]
        if written:
            outcomes += _copies(content, [p.parent / "index.md" for p in written])
        return outcomes


def annotate_bundle(bundle: Bundle, content: Path, *, force: bool = False, registry: Registry | None = None) -> Outcome:
    name = bundle.display(content)
    try:
        data = read_input(bundle.original, name=name, follow_links=False, limit=MAX_HTML_BYTES)
        current_meta, current_body = ({}, None)
        if bundle.page.exists():
            page_name = str(bundle.page.relative_to(content.parent)) if bundle.page.is_relative_to(content.parent) else str(bundle.page)
            current_meta, current_body = split_page(bundle.page.read_text(encoding="utf-8"), page_name)
        digest = sha256(data)
        book = current_meta.get(BOOKKEEPING_KEY) or {}
        if (not force and book.get("version") == ANNOTATOR_VERSION and book.get("original_sha256") == digest
                and not _dangling(current_meta, registry)):
            _note_links(registry, current_meta.get("speakers"))
            return Outcome(name, "unchanged")
        atomic_write(bundle.page, _annotated_page(data, name, bundle, current_meta, current_body, digest, registry))
        return Outcome(name, "annotated")
    except InputError as exc:
        return Outcome(name, "failed", str(exc))
    except OSError as exc:
        return Outcome(name, "failed", f"{shown(name)}: {exc.strerror or exc}")
    except UnicodeDecodeError as exc:  # the page (the original is read as bytes); worded as the site build words it
        return Outcome(name, "failed", f"{page_name}: cannot be read ({exc})")


def _note_links(registry: Registry | None, speakers) -> None:
    if registry is not None and isinstance(speakers, list):
        registry.named.update(s["registry_id"] for s in speakers if isinstance(s, dict) and isinstance(s.get("registry_id"), str))


def _dangling(meta: dict, registry: Registry | None) -> bool:
    """A speaker's registry_id names no entry: its proposal was lost (a killed run) or merged away.

    The page is annotated again, which proposes or links the speaker anew (corrections are kept).
    """
    if registry is None or registry.path is None:
        return False
    speakers = meta.get("speakers")
    return isinstance(speakers, list) and any(
        isinstance(s, dict) and isinstance(s.get("registry_id"), str) and s["registry_id"] not in registry.entries
        for s in speakers)


def _annotated_page(data: bytes, name: str, bundle: Bundle, current_meta: dict, current_body: str | None, digest: str,
                    registry: Registry | None = None, *, original: Path | None = None, parsed: Article | None = None) -> str:
    """The page for an original; ``parsed`` is its ingested Article when the caller has read it already."""
    original = original or bundle.original
    if parsed is None:
        fetched = current_meta.get("fetched_url")
        parsed = parse_original(data, name, url=fetched if isinstance(fetched, str) else None,
                                html=original.suffix == ".html")
    article = annotate(parsed, registry)
    if registry is not None:
        proposed = registry.proposals(article.speakers)
        registry.register(proposed)
        registry.pending.extend(proposed)
        _write_proposals(registry)  # before the page that refers to them is written
        article = registry.link(article)
    produced = front_matter(article, metadata={"original": original.name, "original_sha256": digest})
    if current_meta.get("copies"):
        produced["copies"] = current_meta["copies"]  # found by the copy scan, not by annotation: kept as they are
    meta, body, generated = merge(current_meta, current_body, produced, render_body(article))
    _note_links(registry, meta.get("speakers"))  # as merged: an editor may have re-linked a speaker
    meta[BOOKKEEPING_KEY] = {"version": ANNOTATOR_VERSION, "original_sha256": digest, "generated": generated}
    return render_page(meta, body)


def _file_from_inbox(content: Path, path: Path, known: Known, registry: Registry) -> Outcome:
    skipped = inbox_skip_reason(path)
    if skipped:
        return Outcome(shown(path), "skipped", f"{shown(path)}: {skipped}")
    outcome = _add(content, path, {}, known, registry, follow_links=False)
    if outcome.status == "added":
        path.unlink()
    return outcome


def _add(content: Path, source: Path | str, metadata: dict, known: Known, registry: Registry, *,
         follow_links: bool = True, replace: bool = False) -> Outcome:
    """File one file or URL as a new bundle (or, with ``replace``, as the new original of the page at its URL)."""
    is_url = isinstance(source, str)
    name = source if is_url else shown(source)
    try:
        editor_meta = {k: v for k, v in metadata.items() if v not in (None, "", [])}
        if is_url:
            data, html, stem = _fetched(source, editor_meta), True, _url_stem(source)
        else:
            if _undecodable(source.name):
                raise InputError(str(source), "the file name is not valid UTF-8; rename the file")
            data = read_input(source, name=name, follow_links=follow_links, limit=MAX_HTML_BYTES)
            html, stem = is_web_page(data, source.name), source.stem
            editor_meta["original_name"] = source.name
        parsed = parse_original(data, name, url=editor_meta.get("fetched_url"), html=html)
        digest = sha256(data)
        twin = known.by_hash.get(digest)
        if twin:
            return Outcome(name, "failed", f"{name}: already in the archive as {shown(twin.display(content))}")
        existing = known.same_url(source if is_url else None, editor_meta.get("fetched_url"), parsed.url, editor_meta.get("url"))
        if existing and not replace:
            return Outcome(name, "failed", f"{name}: this URL is already in the archive as {shown(existing.display(content))}"
                                            " (add it with --replace to update that article)")
        if existing:
            return _replace(content, existing, data, html, editor_meta, digest, registry, known, name, parsed)
        bundle = new_bundle(content, editor_meta.get("published") or parsed.published, parsed.title, stem)
        original = bundle.original_as(".html" if html else ".txt")
        page = _annotated_page(data, name, bundle, editor_meta, None, digest, registry, original=original, parsed=parsed)
    except InputError as exc:
        return Outcome(name, "failed", str(exc))
    try:
        bundle.directory.mkdir(parents=True)
        atomic_write(original, data)
        atomic_write(bundle.page, page)
    except OSError as exc:
        shutil.rmtree(bundle.directory, ignore_errors=True)
        return Outcome(name, "failed", f"{name}: cannot write {shown(bundle.directory)} ({exc.strerror or exc})")
    known.add(bundle, digest, (editor_meta.get("fetched_url"), parsed.url, editor_meta.get("url")))
    return Outcome(bundle.display(content), "added", f"{name} -> {shown(bundle.directory.relative_to(content.parent) if bundle.directory.is_relative_to(content.parent) else bundle.directory)}")


def _fetched(url: str, editor_meta: dict) -> bytes:
    from ..ingest.fetch import fetch

    page = fetch(url)
    editor_meta["fetched_url"], editor_meta["fetched_at"] = page.url, page.fetched_at
    return page.data


def _replace(content: Path, bundle: Bundle, data: bytes, html: bool, editor_meta: dict, digest: str,
             registry: Registry, known: Known, name: str, parsed: Article) -> Outcome:
    """A new original for an article already filed: annotated again, the editor's corrections kept."""
    old = bundle.original
    original = bundle.original_as(".html" if html else ".txt")
    current_meta, current_body = split_page(bundle.page.read_text(encoding="utf-8"), shown(bundle.page))
    editor_meta.pop("original_name", None)
    current_meta.update(editor_meta)
    page = _annotated_page(data, name, bundle, current_meta, current_body, digest, registry, original=original,
                           parsed=parsed)
    try:
        atomic_write(original, data)
        atomic_write(bundle.page, page)
        if old != original:
            old.unlink(missing_ok=True)
    except OSError as exc:
        return Outcome(name, "failed", f"{name}: cannot write {shown(bundle.directory)} ({exc.strerror or exc})")
    known.add(bundle, digest, ())
    return Outcome(bundle.display(content), "replaced", f"{name} -> {shown(bundle.directory)} (replaced)")


def _url_stem(url: str) -> str:
    from urllib.parse import urlsplit

    parts = [p for p in urlsplit(url).path.split("/") if p]
    return parts[-1].rsplit(".", 1)[0] if parts else urlsplit(url).netloc


def _undecodable(name: str) -> bool:
    """A name with bytes the file system could not decode as UTF-8 (held as lone surrogates)."""
    return any("\udc80" <= ch <= "\udcff" for ch in name)


def _write_proposals(registry: Registry) -> None:
    """Append the speakers met for the first time to the registry file, atomically.

    Called before each page that needs them is written, so a killed run never leaves a
    page whose registry_id names no entry.  One note heads all of a run's proposals.
    """
    if not registry.pending or registry.path is None:
        return
    old = registry.path.read_text(encoding="utf-8") if registry.path.exists() else _REGISTRY_HEADER
    if old and not old.endswith("\n"):
        old += "\n"
    note = "" if getattr(registry, "_noted", False) else \
        "\n# Proposed by `annotator build`: check each entry, then remove `proposed: true` (or delete it).\n"
    atomic_write(registry.path, old + note + proposals_yaml(registry.pending))
    registry._noted = True
    registry.pending.clear()


def _prune_proposals(registry: Registry) -> None:
    """Remove the proposals no page links to any more from the registry file, atomically."""
    orphans = registry.orphans()
    if orphans and registry.path is not None and registry.path.exists():
        atomic_write(registry.path, registry.text_without(orphans))
        registry.forget(orphans)


_REGISTRY_HEADER = """\
# yaml-language-server: $schema=../annotator/page/speakers.schema.json
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
