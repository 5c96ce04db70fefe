"""The `annotator` command line: build the archive, extract annotations, preview the site."""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

import click
import yaml

from . import __version__
from .errors import InputError, shown

DEFAULT_CONFIG = "mkdocs.yml"


class _Group(click.Group):
    """Turns any unexpected error into one line on stderr instead of a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            click.echo(f"error: {_describe(exc)}", err=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="annotator")
def main() -> None:
    """Turn raw news articles into an annotated, searchable archive site.

    \b
    Articles live in content/ (see the README):
      content/inbox/                   drop new .txt articles or .html pages here
      content/articles/<year>/<slug>/  one folder per article:
        original.txt (or .html)        the file as submitted, never rewritten
        index.md                       the annotated page (front matter + body)

    \b
    Typical use:
      annotator add story.txt --published 2019-09-04 --url https://...
      annotator build                  annotate what changed, then build site/
      annotator serve                  live preview at http://127.0.0.1:8000
      annotator extract --json a.txt   annotations as JSON, content/ untouched
    """


@main.command()
@click.option("-f", "--config-file", "config", default=DEFAULT_CONFIG, show_default=True, type=click.Path(dir_okay=False),
              help="The MkDocs configuration of the site.")
@click.option("-d", "--site-dir", type=click.Path(file_okay=False), help="Where to write the site (default: site/ beside the config).")
@click.option("--force", is_flag=True, help="Annotate every article again, not only new and changed ones.")
@click.option("--annotate-only", is_flag=True, help="Update content/ but do not build the site.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the summary.")
def build(config: str, site_dir: str | None, force: bool, annotate_only: bool, quiet: bool) -> None:
    """Annotate new and changed articles, then build the site into site/.

    An article is annotated again when its original file changed or the
    annotator's rules did.  Corrections an editor made to a page's front
    matter are kept.  A file that cannot be annotated is reported by name and
    left as it was; the rest of the archive is still built, and the command
    exits with status 1.  The new site replaces site/ only once it is
    complete.  One run at a time: a second one refuses to start.
    """
    config_path = Path(config)
    content = _content_dir(config_path)
    started = time.perf_counter()
    left_out: list[str] = []
    with _archive_lock(content):  # one lock over annotation and site
        outcomes = _update(content, force=force, quiet=quiet)
        failed = [o for o in outcomes if o.status == "failed"]
        annotated_in = time.perf_counter() - started
        if not annotate_only:
            built_started = time.perf_counter()
            target, left_out = _build_site(config_path, site_dir, quiet=quiet, reported={o.message for o in failed})
            click.echo(f"Built {shown(target)} in {time.perf_counter() - built_started:.1f} s "
                       f"(annotation {annotated_in:.1f} s).", err=quiet)
    if failed or left_out:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--body-only", is_flag=True, help="Read each whole file as article body: no headline line.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per input, one per line.")
@click.option("--registry", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="A speakers registry (such as content/speakers.yml) to give speakers their archive-wide names.")
def extract(paths: tuple[Path, ...], body_only: bool, as_json: bool, registry: Path | None) -> None:
    """Annotate files and print what was found; content/ is not touched.

    Each PATH is a text file, a saved web page (.html), or a folder whose
    .txt and .html files are read.  With
    --json each file gives one line of JSON with the keys path, title, outlet,
    published, original_publisher, republisher, body, speakers, quotes,
    mentions, claims, sources, vague and removed; every start/end is a
    character offset into the file's text (UTF-8, newlines normalised to \\n).
    A file that cannot be read gives one error line on stderr and no JSON.
    """
    from .page.registry import Registry
    from .pipeline import annotate_file
    from .render.record import extract_record, json_line

    try:
        speakers = Registry.load(registry) if registry else None
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    failures = 0
    for path in _expand(paths):
        try:
            article = annotate_file(path, body_only=body_only, display_path=str(path), registry=speakers)
        except InputError as exc:
            click.echo(f"error: {exc}", err=True)
            failures += 1
            continue
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
            click.echo(f"error: {path}: the annotator failed on this file ({_describe(exc)})", err=True)
            failures += 1
            continue
        record = extract_record(article)
        if as_json:
            sys.stdout.write(json_line(record))
        else:
            _print_summary(record)
    sys.stdout.flush()
    if failures:
        sys.exit(1)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("-f", "--config-file", "config", default=DEFAULT_CONFIG, show_default=True, type=click.Path(dir_okay=False))
@click.option("--published", help="Publication date, YYYY-MM-DD (never guessed: else the page's own metadata, or none).")
@click.option("--url", help="Where the article was published.")
@click.option("--outlet", help="The outlet, when line 1 of the file (or the page) does not name it.")
@click.option("--tag", "tags", multiple=True, help="A tag; repeat for more.")
@click.option("--licence", help='Licence of the text, e.g. "CC BY 2.5".')
@click.option("--credit", help='Whom to credit, e.g. "Wikinews contributors".')
@click.option("--replace", is_flag=True, help="A URL already in the archive: give its article this page (corrections are kept).")
def add(sources, config, published, url, outlet, tags, licence, credit, replace) -> None:
    """Copy article files or web pages into content/ and annotate them.

    Each SOURCE is a text file, a saved web page (.html) or an http(s) URL,
    which is fetched once, now.  The file or page is kept byte for byte as
    content/articles/<year>/<slug>/original.txt (or original.html) and
    annotated into index.md beside it.  The options given here go into the
    page's front matter, over what the page itself says; editors can change
    them later.  A URL, or a page whose own URL, is already in the archive
    is refused unless --replace is given.

    \b
    Example:
      annotator add https://example.org/news/story.html --tag politics
      annotator add saved-page.html --published 2019-09-04
    """
    from .archive import add_articles
    from .archive.store import ArchiveBusy
    from .ingest.fetch import is_url

    published = _iso_date(published) if published else None
    outlet = _plain_option(outlet, "--outlet")
    tags = [_plain_option(t, "--tag") for t in tags]
    content = _content_dir(Path(config))
    metadata = {"published": published, "url": url, "outlet": outlet, "tags": list(tags) or None}
    if licence or credit:
        metadata["attribution"] = {"credit": credit, "licence": licence, "url": url}
    failed, targets = 0, []
    for source in sources:
        if is_url(source):
            targets.append(source)
        elif _SCHEME.match(source) and not Path(source).exists():  # file://, ftp:// ...
            click.echo(f"error: {shown(source)}: only http and https URLs are fetched", err=True)
            failed += 1
        elif not Path(source).exists() and not Path(source).is_symlink():
            click.echo(f"error: {shown(source)}: no such file", err=True)
            failed += 1
        else:
            targets.append(Path(source))
    try:
        outcomes = add_articles(content, [(t, metadata) for t in targets], replace=replace) if targets else []
    except ArchiveBusy as exc:
        raise click.ClickException(str(exc)) from None
    for outcome in outcomes:
        if outcome.status == "failed":
            click.echo(f"error: {outcome.message}", err=True)
            failed += 1
        elif outcome.status == "copy":
            click.echo(f"note: {outcome.message}", err=True)
        else:
            click.echo(f"{outcome.status} {outcome.message}")
    if failed:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-f", "--config-file", "config", default=DEFAULT_CONFIG, show_default=True, type=click.Path(dir_okay=False),
              help="The MkDocs configuration: its content/ folder is checked when no PATH is given.")
def check(paths: tuple[Path, ...], config: str) -> None:
    """Check pages and the speakers registry without building.

    Each PATH is a page (index.md), a folder of pages, or a speakers.yml;
    without one, all of content/ is checked.  A page is checked for YAML syntax,
    the types and vocabularies of the page schema, anchors whose text is in
    the body, ids used once, claimant and source ids that name an entry of
    the page, registry ids that name an entry of content/speakers.yml, and
    real dates.  Each problem is one line, path:line: message; the command
    exits with status 1 when there is any.

    \b
    Example:
      annotator check
      annotator check content/articles/2019/some-story/index.md
    """
    from .page.check import REGISTRY_NAME, check_paths

    named = [p for p in paths if p.name == REGISTRY_NAME]
    pages = [p for p in paths if p.name != REGISTRY_NAME]
    for path in paths:
        if not path.exists():
            raise click.ClickException(f"{shown(path)}: no such file or folder")
    if not paths:
        content = _content_dir(Path(config))
        pages, named = [content], [content / REGISTRY_NAME]
    # a page's registry ids are checked against content/speakers.yml; its own problems when it is named
    content = _content_dir(Path(config)) if Path(config).exists() else None
    registry = named[0] if named else (content / REGISTRY_NAME if content else None)
    problems = check_paths(pages, registry=registry, report_registry=bool(named))
    for problem in problems:
        click.echo(str(problem))
    if problems:
        sys.exit(1)
    click.echo("no problems found", err=True)


@main.command(name="eval")
@click.argument("gold", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("-v", "--verbose", is_flag=True, help="Also list missed, extra and wrongly attributed quotes and claims (on stderr).")
@click.option("--half", type=click.Choice(["dev", "check"]), help="Score only one fixed half of the articles (tune on dev).")
@click.option("--corpus", type=click.Path(path_type=Path, file_okay=False), default=Path("../shared/corpus"),
              show_default=True, help="Where gold lines that name a \"source\" find their text.")
def eval_(gold: Path, verbose: bool, half: str | None, corpus: Path) -> None:
    """Score the annotator against a gold file of hand-annotated articles.

    GOLD is JSON Lines, one article per line: {"id", "text", "quotes": [{"start",
    "end", "speaker", "type"}], "sentences": [{"start", "end", "checkworthy",
    "type"}], "speakers": [{"name", "role", "affiliation"}]}, offsets into text
    (see the README).  Any list may be left out.  A line may name a "source"
    under --corpus and its "sha256" instead of holding the text.

    \b
    Example:
      annotator eval tests/data/gold/wikinews_quotes.jsonl --half dev -v

    \b
    Quotes: precision, recall and F1 at 0.3 and 0.8 span overlap (each gold quote
    pairs with the predicted quote covering most of it, one to one), and the
    share of matched quotes whose speaker name is right.
    Claims: precision, recall and F1 of check-worthy sentences, and the share of
    found claims with the right type.
    Speakers: precision, recall and F1 of resolved names per article, and the
    share of matched speakers whose role and affiliation hold the gold words.
    """
    from .evaluate import evaluate
    from .gold import read_gold

    try:
        gold_set = read_gold(gold, corpus=corpus, half=half)
        report = evaluate(gold_set.records)
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    if gold_set.skipped:
        click.echo(f"note: {len(gold_set.skipped)} articles skipped: their text is not under {corpus}", err=True)
    for line in report.lines():
        click.echo(line)
    if verbose:
        for miss in report.misses:
            click.echo(json.dumps(miss, ensure_ascii=False), err=True)


@main.command()
@click.option("-f", "--config-file", "config", default=DEFAULT_CONFIG, show_default=True, type=click.Path(dir_okay=False))
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
def serve(config: str, dev_addr: str) -> None:
    """Annotate what changed, then serve a live preview that reloads on edits."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    config_path = Path(config)
    _update(_content_dir(config_path), force=False, quiet=False)
    _quiet_mkdocs()
    mkdocs_serve(config_file=str(config_path), dev_addr=dev_addr, livereload=True)


# -- helpers ------------------------------------------------------------------

@main.command()
@click.option("--status", is_flag=True, help="Only say how many pipeline modules run compiled.")
def compile(status: bool) -> None:  # noqa: A001 - the command's name
    """Compile the pipeline's modules with Cython, for speed.

    The Python sources stay the annotator: each compiled module sits beside its
    source and is used only while that source is unchanged, so after an edit the
    source runs until you compile again.  Needs the `fast` extra (Cython) and a
    C compiler; without them this says so and the sources run as they are.
    Set MARGINALIA_PURE_PYTHON=1 to run the sources regardless.
    """
    from . import compiled

    if not status:
        try:
            click.echo(f"compiled {compiled.build()} pipeline modules")
        except Exception as exc:  # noqa: BLE001 - no Cython or no compiler: the sources run
            click.echo(f"not compiled ({_describe(exc)}); the Python sources will run", err=True)
            return
    running, total = compiled.status()
    forced = " (MARGINALIA_PURE_PYTHON is set)" if os.environ.get(compiled.PURE_PYTHON_VARIABLE) else ""
    click.echo(f"{running} of {total} pipeline modules run compiled{forced}")


def _content_dir(config_path: Path) -> Path:
    if not config_path.exists():
        raise click.ClickException(f"{config_path}: no such file (run this in the project folder, or pass --config-file)")
    try:
        with open(config_path, encoding="utf-8") as fh:
            config = yaml.load(fh, Loader=_ConfigLoader) or {}
    except yaml.YAMLError as exc:
        raise click.ClickException(f"{config_path}: not valid YAML ({exc})") from None
    return config_path.parent / str(config.get("docs_dir", "docs"))


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml safely: MkDocs' !ENV and python tags just become None (we only need docs_dir)."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _update(content: Path, *, force: bool, quiet: bool):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from .archive import update_archive
    from .archive.store import ArchiveBusy

    columns = (TextColumn("Annotating"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), TextColumn("{task.description}"))
    try:
        with Progress(*columns, transient=True, disable=quiet or not sys.stderr.isatty()) as progress:
            task = progress.add_task("", total=None)
            outcomes = update_archive(
                content, force=force,
                on_total=lambda n: progress.update(task, total=n),
                progress=lambda name: progress.update(task, advance=1, description=shown(name)[:40]),
            )
    except (ArchiveBusy, InputError) as exc:
        raise click.ClickException(str(exc)) from None
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
        if o.status == "failed":
            click.echo(f"error: {o.message}", err=True)
        elif o.status == "added" and not quiet:
            click.echo(f"added {o.message}", err=True)
        elif o.status in ("skipped", "copy"):
            click.echo(f"note: {o.message}", err=True)
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no articles"
    click.echo(f"Articles: {summary}.", err=True)
    return outcomes


def _archive_lock(content: Path):
    from contextlib import ExitStack

    from .archive.store import ArchiveBusy, archive_lock

    stack = ExitStack()
    try:
        stack.enter_context(archive_lock(content))
    except ArchiveBusy as exc:
        raise click.ClickException(str(exc)) from None
    return stack


def _build_site(config_path: Path, site_dir: str | None, *, quiet: bool, reported: set[str]) -> tuple[Path, list[str]]:
    from mkdocs.exceptions import Abort, MkDocsException

    from .site.build import build_site

    _quiet_mkdocs(quiet)
    try:
        return build_site(config_path, site_dir, reported=reported)
    except Abort:  # MkDocs has logged the error
        raise click.ClickException("site build failed (see above); the previous site is left as it was") from None
    except MkDocsException as exc:
        raise click.ClickException(f"site build failed: {exc}; the previous site is left as it was") from None


def _quiet_mkdocs(quiet: bool = False) -> None:
    import logging

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material 9.7+ banner
    logging.basicConfig(format="%(levelname)s - %(message)s")
    logging.getLogger("mkdocs").setLevel(logging.WARNING if quiet else logging.INFO)


def _expand(paths: tuple[Path, ...]):
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in _ARTICLE_SUFFIXES and p.is_file())
        else:
            yield path


_ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml")
_SCHEME = re.compile(r"[A-Za-z][\w+.-]*:")


def _iso_date(value: str) -> str:
    """The date as YYYY-MM-DD, whichever ISO form it was given in (20190904, 2019-W36-3)."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2019-09-04", param_hint="--published") from None


def _plain_option(value: str | None, option: str) -> str | None:
    """An outlet or tag as plain text: markup is refused, bidi overrides removed."""
    from .plaintext import holds_markup, without_bidi_controls

    if value is None:
        return None
    if holds_markup(value):
        raise click.BadParameter(f"{shown(value)!r} holds markup (<, > or on...=); give the name as plain text",
                                 param_hint=option)
    return without_bidi_controls(value).strip() or None


def _print_summary(record: dict) -> None:
    click.echo(f"{record['path']}: {record['title'] or '(no headline)'}" + (f" — {record['outlet']}" if record["outlet"] else ""))
    speakers = {s["id"]: s["name"] for s in record["speakers"]}
    for q in record["quotes"]:
        click.echo(f"  quote ({q['type']}) {speakers.get(q['speaker'], q['speaker'])}: {q['text'][:100]}")
    for c in record["claims"]:
        click.echo(f"  claim ({c['type']}, {c['score']}): {c['text'][:100]}")
    for s in record["sources"]:
        click.echo(f"  source ({s['kind']}): {s['name']}")
    for r in record["removed"]:
        click.echo(f"  removed ({r['kind']}): {r['text'][:100]}")


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
