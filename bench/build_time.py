"""How long `annotator build` takes for the demo archive in content/.

    python bench/build_time.py [--repeat 5]

Copies the project's mkdocs.yml, site_config/ and content/ to a temporary
folder, then times, in the same run so the figures compare on a noisy machine:

- a full build: every article annotated again (--force), then the site;
- an incremental build: nothing changed, so only the site is built;
- the plain MkDocs build of the same pages (what the site step costs).

Prints the median and spread of each.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copy(ROOT / "mkdocs.yml", project)
        shutil.copytree(ROOT / "site_config", project / "site_config")
        shutil.copytree(ROOT / "content", project / "content")
        articles = len(list((project / "content").rglob("original.txt")))
        annotator = [sys.executable, "-m", "annotator", "build", "--quiet"]
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
        timed(annotator, project)  # warm-up
        runs = {"full build (--force)": annotator + ["--force"], "incremental build": annotator, "plain mkdocs build": mkdocs}
        results = {name: [] for name in runs}
        for _ in range(args.repeat):
            for name, command in runs.items():
                results[name].append(timed(command, project))
    print(f"demo archive: {articles} articles, {args.repeat} runs each")
    for name, seconds in results.items():
        print(f"  {name:<22} median {statistics.median(seconds):5.2f} s  (min {min(seconds):.2f}, max {max(seconds):.2f})")
    base = statistics.median(results["plain mkdocs build"])
    print(f"  annotator overhead on an incremental build: {statistics.median(results['incremental build']) - base:+.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
