"""How many articles per second `annotator extract` handles on one core.

    python bench/extract_throughput.py ../shared/corpus/bbc [--repeat 5]

Reads every .txt under the folder into memory first, then times the whole
annotator (clean, segment, attribute, sources, claims) and, separately, the
JSON rendering, in one process (one core).  Prints the median of the repeats
and the time per stage, so a change can be compared with a baseline run on the
same (shared, noisy) machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from annotator.attribute.names import forget_caches
from annotator.ingest.encoding import decode
from annotator.ingest.text import parse_text
from annotator.pipeline import STAGES
from annotator.render.record import extract_record, json_line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    paths = sorted(p for p in args.corpus.rglob("*.txt") if p.name != "README.TXT")
    if not paths:
        sys.exit(f"no .txt files under {args.corpus}")
    texts = [(str(p), decode(p.read_bytes(), str(p))) for p in paths]
    words = sum(len(t.split()) for _, t in texts)

    def run() -> tuple[float, dict[str, float]]:
        forget_caches()  # every repeat starts cold, as a first pass over new articles would
        per_stage = {stage.__name__: 0.0 for stage in STAGES}
        per_stage["ingest"] = per_stage["render-json"] = 0.0
        started = time.process_time()
        for name, text in texts:
            t0 = time.process_time()
            article = parse_text(text, name)
            per_stage["ingest"] += time.process_time() - t0
            for stage in STAGES:
                t0 = time.process_time()
                article = stage(article)
                per_stage[stage.__name__] += time.process_time() - t0
            t0 = time.process_time()
            json_line(extract_record(article))
            per_stage["render-json"] += time.process_time() - t0
        return time.process_time() - started, per_stage

    run()  # warm-up: lexicons load, caches fill
    results = [run() for _ in range(args.repeat)]
    totals = [r[0] for r in results]
    median = statistics.median(totals)
    print(f"corpus: {args.corpus} ({len(texts)} articles, {words:,} words)")
    print(f"extract throughput: {len(texts) / median:,.0f} articles/s on one core "
          f"(median of {args.repeat}: {median:.2f} s; best {len(texts) / min(totals):,.0f}, worst {len(texts) / max(totals):,.0f} articles/s)")
    stage_medians = {name: statistics.median(r[1][name] for r in results) for name in results[0][1]}
    for name, seconds in stage_medians.items():
        print(f"  {name:<14} {1000 * seconds / len(texts):6.3f} ms/article  ({100 * seconds / median:4.1f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
