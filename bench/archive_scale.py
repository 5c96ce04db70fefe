"""The archive site at scale: 2,000 BBC articles, built as Marginalia and as plain Material.

    python bench/archive_scale.py ../shared/corpus/bbc [--articles 2000] [--repeat 3] [--query Blair]

Annotates the first N distinct articles of the corpus (sorted by path) into a temporary
content/ folder (outlet "BBC News", the corpus folder as tag; no dates, since
none are known), then builds, in the same run so the figures compare:

- marginalia: this project's mkdocs.yml (browse pages, exports, feeds, Pagefind);
- plain Material: the same pages with Material's own templates and built-in
  search plugin, and the same short nav (so neither lists every article).

For one query it then measures what a reader downloads to search: the files
the search page fetches in Chromium (Pagefind: its script, wasm and the index
chunks and fragments the query needs; Material: its search worker and the whole
search_index.json).  Sizes are given as served uncompressed and as a web server
would gzip them (Pagefind's index files are gzipped already).  Without Chromium
the download is not measured.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PLAIN_MATERIAL = """site_name: Plain Material
docs_dir: content
site_dir: site-plain
theme:
  name: material
  font: false
nav:
  - Home: index.md
not_in_nav: |
  /articles/**
exclude_docs: |
  /inbox/
  speakers.yml
plugins:
  - search
validation:
  nav:
    omitted_files: ignore
  links:
    not_found: ignore
    unrecognized_links: ignore
"""


def annotate(corpus: Path, content: Path, count: int) -> tuple[int, float]:
    from annotator.archive import add_articles

    unique: dict[bytes, Path] = {}  # the BBC set holds some articles twice: the archive refuses those
    for path in sorted(p for p in corpus.rglob("*.txt") if p.name != "README.TXT"):
        unique.setdefault(hashlib.sha256(path.read_bytes()).digest(), path)
    files = list(unique.values())[:count]
    started = time.perf_counter()
    outcomes = add_articles(content, [(p, {"outlet": "BBC News", "tags": [p.parent.name.capitalize()]}) for p in files])
    return sum(o.status == "added" for o in outcomes), time.perf_counter() - started


def timed_build(config: Path, cwd: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)], cwd=cwd,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode:
        sys.exit(f"build failed ({config.name}):\n{result.stderr[-2000:]}")
    return time.perf_counter() - started


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def served_size(path: Path) -> int:
    """Bytes over the wire from a server that gzips text (Pagefind's index files are gzipped already)."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b" or path.suffix in (".png", ".woff2"):
        return len(data)
    return len(gzip.compress(data, 6))


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # no line per request in the figures
        pass


def search_download(site: Path, search_page: str, query: str, material: bool) -> list[tuple[str, int, int]] | None:
    """(url path, raw bytes, served bytes) of every file fetched to answer one query, or None without Chromium."""
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(chromium).exists():
        return None
    # served from this process: the socket listens once the server exists, so there is nothing to wait for
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            fetched: list[str] = []
            page.on("requestfinished", lambda request: fetched.append(request.url))
            page.goto(f"{base}/{search_page}")
            page.wait_for_load_state("networkidle")
            if material:
                page.locator("input.md-search__input").click()
                page.locator("input.md-search__input").fill(query)
                page.wait_for_selector(".md-search-result__item", timeout=60_000)
            else:
                page.locator(".pagefind-ui__search-input").fill(query)
                page.wait_for_selector(".pagefind-ui__result", timeout=60_000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    rows = []
    for url in dict.fromkeys(fetched):
        path = site / url.removeprefix(base + "/").split("?")[0]
        if path.is_file():
            rows.append((url.removeprefix(base), path.stat().st_size, served_size(path)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--query", default="Blair")
    parser.add_argument("--keep", type=Path, help="Keep the project here instead of a temporary folder.")
    args = parser.parse_args()

    tmp = None if args.keep else tempfile.TemporaryDirectory()
    project = args.keep or Path(tmp.name)
    project.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_config", project / "site_config", dirs_exist_ok=True)
    (project / "content").mkdir(exist_ok=True)
    (project / "plain.yml").write_text(PLAIN_MATERIAL, encoding="utf-8")
    # the same home page for both builds (Marginalia generates its own when none exists)
    (project / "content" / "index.md").write_text("# Archive\n\nThe BBC News benchmark archive.\n", encoding="utf-8")

    added, annotate_seconds = annotate(args.corpus, project / "content", args.articles)
    print(f"archive: {added} articles from {args.corpus}, annotated in {annotate_seconds:.1f} s "
          f"({added / annotate_seconds:.0f} articles/s, including writing the pages)")

    builds = {"marginalia": project / "mkdocs.yml", "plain Material": project / "plain.yml"}
    sites = {"marginalia": project / "site", "plain Material": project / "site-plain"}
    times: dict[str, list[float]] = {name: [] for name in builds}
    for _ in range(args.repeat):
        for name, config in builds.items():
            times[name].append(timed_build(config, project))
    print(f"site build ({args.repeat} runs each, same machine, same run):")
    for name in builds:
        files, size = folder_size(sites[name])
        print(f"  {name:<15} median {statistics.median(times[name]):6.1f} s  (min {min(times[name]):.1f}, max {max(times[name]):.1f}); "
              f"{files:,} files, {size / 1e6:.1f} MB")
    ratio = statistics.median(times["marginalia"]) / statistics.median(times["plain Material"])
    print(f"  marginalia / plain Material build time: {ratio:.2f}x")

    print(f"search download for the query {args.query!r} (first search on a fresh page):")
    totals = {}
    for name, site, page, material in (("marginalia", sites["marginalia"], "search/", False),
                                       ("plain Material", sites["plain Material"], "", True)):
        rows = search_download(site, page, args.query, material)
        if rows is None:
            print("  not measured: needs playwright and Chromium (apt-get install chromium)")
            return 0
        # what only search needs: Material's worker and index; Pagefind's bundle (UI, wasm, index chunks)
        wanted = ("/search/search_index.json", "/workers/search.") if material else ("/pagefind/",)
        search_rows = [r for r in rows if any(w in r[0] for w in wanted)]
        raw, served = sum(r[1] for r in search_rows), sum(r[2] for r in search_rows)
        totals[name] = served
        print(f"  {name:<15} {len(search_rows)} files, {raw / 1e3:,.0f} KB as stored, {served / 1e3:,.0f} KB served gzipped")
        for url, size, gz in sorted(search_rows, key=lambda r: -r[2])[:6]:
            print(f"      {gz / 1e3:8,.1f} KB  {url}")
    print(f"  marginalia / plain Material search download: {totals['marginalia'] / totals['plain Material']:.2f}x")
    if tmp:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
