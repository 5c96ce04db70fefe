"""How annotation time grows with an article's length.

    python bench/size_scaling.py [../shared/corpus/bbc | FILE] [--repeat 3] [--sizes 20000,200000,1999000] [--mix]

Takes one real article (from a folder, the one with the most quotation
marks; else a file; by default the BBC corpus, falling back to the demo
articles in content/articles), repeats its body paragraphs until the text
reaches each size, and times ``annotate(parse_text(text))`` on it (CPU time,
each run with the name caches emptied).  Prints the median seconds per size
and the ratio of the largest to the smallest: with near-linear stages, 100
times the text takes about 100 times as long.  The largest size stays just
under the ingest limit (MAX_BYTES).

``--mix`` takes the paragraphs of all the folder's articles in turn instead:
different people, quotes and figures all the way, as in a long file of many
stories (one article repeated names the same few people again and again).
Set MARGINALIA_PURE_PYTHON=1 to time edited sources before ``annotator compile``.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
from pathlib import Path

from annotator import compiled
from annotator.attribute.names import forget_caches
from annotator.ingest.encoding import MAX_BYTES
from annotator.ingest.text import parse_text
from annotator.pipeline import annotate

ROOT = Path(__file__).resolve().parents[1]
_MARKS = "\"“”"


def pick_article(source: Path) -> Path:
    """The file itself, or the article with the most quotation marks under a folder (the first by name if tied)."""
    if source.is_file():
        return source
    paths = sorted(p for p in source.rglob("*.txt") if p.name != "README.TXT") if source.is_dir() else []
    if not paths:
        paths = sorted(ROOT.glob("content/articles/*/*/original.txt"))
        print(f"no articles under {source}; using the demo articles in content/articles")
    if not paths:
        sys.exit("no article to repeat")
    marks = [sum(map(p.read_text(encoding="utf-8", errors="replace").count, _MARKS)) for p in paths]
    return paths[marks.index(max(marks))]


def mixed(source: Path) -> str:
    """The paragraphs of every article under ``source`` (a folder), one after another, under the first headline;
    the articles taken from each subfolder in turn, so that every size holds the same mix of topics."""
    paths = sorted(p for p in source.rglob("*.txt") if p.name != "README.TXT") if source.is_dir() else [source]
    if not paths or not paths[0].is_file():
        sys.exit(f"no articles under {source}")
    folders = [list(group) for _, group in itertools.groupby(paths, key=lambda p: p.parent)]
    paths = [p for turn in itertools.zip_longest(*folders) for p in turn if p is not None]
    lines = [line.strip() for p in paths for line in p.read_text(encoding="utf-8", errors="replace").splitlines()[1:]]
    headline = paths[0].read_text(encoding="utf-8", errors="replace").splitlines()[0]
    return "\n\n".join([headline, *(line for line in lines if line)])


def repeated(article: str, size: int) -> str:
    """The headline, then the body's paragraphs over and over, up to ``size`` UTF-8 bytes."""
    lines = [line.strip() for line in article.splitlines() if line.strip()]
    headline, body = lines[0], lines[1:] or lines
    parts, used, i = [headline], len(headline.encode("utf-8")), 0
    while True:
        paragraph = body[i % len(body)]
        cost = len(paragraph.encode("utf-8")) + 2  # the blank line between paragraphs
        if used + cost > size:
            break
        parts.append(paragraph)
        used += cost
        i += 1
    return "\n\n".join(parts) + "\n"


def timed(text: str) -> float:
    forget_caches()  # each run starts cold, as a new article would
    started = time.process_time()
    annotate(parse_text(text, "<bench>"))
    return time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, nargs="?", default=ROOT.parent / "shared" / "corpus" / "bbc")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default=f"20000,200000,{MAX_BYTES - 1000}", help="bytes, comma-separated")
    parser.add_argument("--mix", action="store_true", help="all the folder's articles in turn, not one repeated")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    running, total = compiled.status()
    print(f"modules: {running} of {total} pipeline modules compiled"
          + (" (MARGINALIA_PURE_PYTHON is set)" if os.environ.get(compiled.PURE_PYTHON_VARIABLE) else ""))
    if args.mix:
        article = mixed(args.source)
        print(f"articles: every one under {args.source} in turn ({len(article.encode('utf-8')):,} bytes), cut to each size")
    else:
        path = pick_article(args.source)
        article = path.read_text(encoding="utf-8", errors="replace")
        print(f"article: {path} ({len(article.encode('utf-8')):,} bytes), repeated to each size")
    timed(repeated(article, sizes[0]))  # warm-up: lexicons load
    medians = {}
    for size in sizes:
        text = repeated(article, size)
        runs = [timed(text) for _ in range(args.repeat)]
        medians[size] = statistics.median(runs)
        print(f"  {len(text.encode('utf-8')):>10,} bytes  {medians[size]:8.3f} s  "
              f"(median of {args.repeat}; {1e6 * medians[size] / len(text):.2f} µs/char)", flush=True)
    small, large = sizes[0], sizes[-1]
    print(f"ratio {large:,} / {small:,} bytes: {medians[large] / medians[small]:.1f}x time for {large / small:.0f}x text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
