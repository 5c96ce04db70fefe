"""What the copy check costs in a 10,000-article archive: the first scan, and one new article.

    python bench/copy_scale.py [--pages 10000]

Writes N generated pages (random sentences over a 5,000-word vocabulary, about
400 words each, with the front matter the annotator writes) into a temporary
content/, then times `link_copies` three ways: the first scan (every page
fingerprinted and compared), a run with nothing new (the index read, stamps
compared), and a run after one new page (a reprint of one of them) is added.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from annotator.archive.copies import link_copies
from annotator.page import render_page


def page(body: str, title: str) -> str:
    meta = {"title": title, "outlet": "Bench", "published": None, "speakers": [], "mentions": [], "claims": [],
            "sources": [], "vague": [], "removed": [], "annotator": {"version": "bench", "original_sha256": "0" * 64}}
    return render_page(meta, body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    args = parser.parse_args()
    rng = random.Random(15)
    vocabulary = [f"w{i}" for i in range(5000)]
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        bodies = []
        for i in range(args.pages):
            paragraphs = [" ".join(rng.choices(vocabulary, k=40)) + "." for _ in range(10)]
            bodies.append("\n\n".join(paragraphs))
            folder = content / "articles" / "bench" / f"a{i:05d}"
            folder.mkdir(parents=True)
            (folder / "original.txt").write_text("x", encoding="utf-8")
            (folder / "index.md").write_text(page(bodies[-1], f"Article {i}"), encoding="utf-8")
        for label in ("first scan", "nothing new"):
            started = time.perf_counter()
            links = link_copies(content)
            print(f"{args.pages:,} pages, {label}: {time.perf_counter() - started:.2f} s ({len(links)} links)")
        folder = content / "articles" / "bench" / "reprint"
        folder.mkdir()
        (folder / "original.txt").write_text("y", encoding="utf-8")
        (folder / "index.md").write_text(page("Share this.\n\n" + bodies[7].rsplit("\n\n", 2)[0], "Reprint"), encoding="utf-8")
        started = time.perf_counter()
        links = link_copies(content, [folder / "index.md"])  # as `annotator add` runs it
        print(f"one new article against {args.pages:,}: {time.perf_counter() - started:.2f} s ({len(links)} link)")


if __name__ == "__main__":
    main()
