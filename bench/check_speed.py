"""How long `annotator check` takes on the demo archive and on 10,000 pages.

    python bench/check_speed.py [--pages 10000] [--repeat 3]

The 10,000 pages are copies of the demo's annotated pages (13 real pages, each
copied into its own folder) in a temporary content/, with the demo's registry.
Each figure is the median wall time of a fresh `annotator check` process (what
an editor or a pre-commit hook runs), startup included.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(args: list[str], cwd: Path, repeat: int) -> tuple[float, int]:
    times, code = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        code = subprocess.run([sys.executable, "-m", "annotator", "check", *args], cwd=cwd, capture_output=True).returncode
        times.append(time.perf_counter() - started)
    return statistics.median(times), code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    demo, code = timed([], ROOT, args.repeat)
    print(f"demo archive ({len(list((ROOT / 'content' / 'articles').rglob('index.md')))} pages): {demo:.2f} s (exit {code})")
    pages = sorted((ROOT / "content" / "articles").rglob("index.md"))
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        content = project / "content"
        (content / "articles" / "bench").mkdir(parents=True)
        shutil.copy(ROOT / "content" / "speakers.yml", content / "speakers.yml")
        for i in range(args.pages):
            folder = content / "articles" / "bench" / f"page-{i:05d}"
            folder.mkdir()
            shutil.copy(pages[i % len(pages)], folder / "index.md")
        elapsed, code = timed([], project, args.repeat)
        print(f"{args.pages:,} pages: {elapsed:.1f} s (exit {code}), {1000 * elapsed / args.pages:.2f} ms per page")


if __name__ == "__main__":
    main()
