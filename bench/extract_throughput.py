"""How many articles per second `annotator extract` handles on one core.

    python bench/extract_throughput.py ../shared/corpus/bbc [--repeat 5] [--compare-pure]

Reads every .txt under the folder into memory first, then times what
`extract --json` does per file (ingest, clean, segment, attribute, sources,
claims, the JSON line) in one process (one core).  Prints the median of the
repeats and, from one more pass, the time per stage, so a change can be
compared with a baseline run on the same (shared, noisy) machine.

The pipeline's modules run compiled when `annotator compile` has built them
(the first line says how many); --compare-pure also times the pure Python
sources, alternating fresh processes of each kind, and prints the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from annotator import compiled
from annotator.attribute.names import forget_caches
from annotator.ingest.encoding import decode
from annotator.ingest.text import parse_text
from annotator.pipeline import STAGES
from annotator.render.record import extract_record, json_line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--compare-pure", action="store_true",
                        help="also time the pure Python sources, in alternating fresh processes")
    parser.add_argument("--one-run", action="store_true", help=argparse.SUPPRESS)  # a child of --compare-pure
    args = parser.parse_args()
    paths = sorted(p for p in args.corpus.rglob("*.txt") if p.name != "README.TXT")
    if not paths:
        sys.exit(f"no .txt files under {args.corpus}")
    texts = [(str(p), decode(p.read_bytes(), str(p))) for p in paths]
    words = sum(len(t.split()) for _, t in texts)

    def run() -> float:
        forget_caches()  # every repeat starts cold, as a first pass over new articles would
        started = time.process_time()
        for name, text in texts:
            article = parse_text(text, name)
            for stage in STAGES:
                article = stage(article)
            json_line(extract_record(article))
        return time.process_time() - started

    def run_per_stage() -> dict[str, float]:
        """Seconds per stage, from a pass of its own: the clock calls would slow the timed runs."""
        forget_caches()
        per_stage = {"ingest": 0.0, **{stage.__name__: 0.0 for stage in STAGES}, "render-json": 0.0}
        for name, text in texts:
            t0 = time.process_time()
            article = parse_text(text, name)
            t1 = time.process_time()
            per_stage["ingest"] += t1 - t0
            for stage in STAGES:
                article = stage(article)
                t0, t1 = t1, time.process_time()
                per_stage[stage.__name__] += t1 - t0
            json_line(extract_record(article))
            per_stage["render-json"] += time.process_time() - t1
        return per_stage

    run()  # warm-up: lexicons load, caches fill
    if args.one_run:
        print(run())
        return 0
    running, total = compiled.status()
    print(f"modules: {running} of {total} pipeline modules compiled" + (" (MARGINALIA_PURE_PYTHON is set)" if os.environ.get(compiled.PURE_PYTHON_VARIABLE) else ""))
    totals = [run() for _ in range(args.repeat)]
    median = statistics.median(totals)
    print(f"corpus: {args.corpus} ({len(texts)} articles, {words:,} words)")
    print(f"extract throughput: {len(texts) / median:,.0f} articles/s on one core "
          f"(median of {args.repeat}: {median:.2f} s; best {len(texts) / min(totals):,.0f}, worst {len(texts) / max(totals):,.0f} articles/s)")
    per_stage = run_per_stage()
    print("time per stage (one more pass, timing each stage):")
    for name, seconds in per_stage.items():
        print(f"  {name:<14} {1000 * seconds / len(texts):6.3f} ms/article  ({100 * seconds / sum(per_stage.values()):4.1f} %)")
    if args.compare_pure:
        _compare_pure(args.corpus, len(texts), args.repeat)
    return 0


def _compare_pure(corpus: Path, articles: int, rounds: int) -> None:
    """Time the modules as they run now against the pure Python sources, alternating fresh processes."""
    command = [sys.executable, __file__, str(corpus), "--one-run"]
    as_now, pure = [], []
    for _ in range(rounds):
        for env, into in ((os.environ, as_now), ({**os.environ, compiled.PURE_PYTHON_VARIABLE: "1"}, pure)):
            into.append(float(subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout))
    print(f"as installed: {articles / statistics.median(as_now):,.0f} articles/s; pure Python: "
          f"{articles / statistics.median(pure):,.0f} articles/s (medians of {rounds} alternating processes; "
          f"ratio {statistics.median(pure) / statistics.median(as_now):.2f})")


if __name__ == "__main__":
    sys.exit(main())
