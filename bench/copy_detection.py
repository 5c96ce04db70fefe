"""Copy detection on the labelled pairs, and what one check costs against a 10,000-article archive.

    python bench/copy_detection.py ../shared/corpus [--half dev|check] [--sweep]

Precision and recall of the archive's rule (annotator.copies.detect) on
tests/data/copies/pairs.jsonl, over the bodies the archive would compare (each
article ingested and cleaned as `annotator add` does).  The MinHash narrowing is
applied as in the archive, so a pair it misses counts as missed.  --sweep prints
the figures for other containment thresholds (tune on dev only).  Last, the cost
of checking one new article against 10,000 signatures (median of 20).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import numpy as np

from annotator.clean import clean
from annotator.copies import detect
from annotator.copies.fingerprint import likeness, shingles, signature
from annotator.copies.index import estimated_jaccard
from annotator.copies.pairs import read_pairs
from annotator.ingest.text import parse_text

ROOT = Path(__file__).resolve().parents[1]


def body(text: str) -> str:
    article = clean(parse_text(text))
    return "\n\n".join(p.slice(article.text) for p in article.paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--half", choices=["dev", "check"])
    parser.add_argument("--sweep", action="store_true")
    args = parser.parse_args()
    pairs = read_pairs(ROOT / "tests" / "data" / "copies" / "pairs.jsonl", args.corpus, args.half)
    scored = []
    for pair in pairs:
        a, b = shingles(body(pair.a)), shingles(body(pair.b))
        estimate = estimated_jaccard(signature(a), signature(b)[None, :])[0]
        scored.append((pair, a, b, likeness(a, b), estimate))
    thresholds = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9] if args.sweep else [detect.CONTAINMENT]
    print(f"{len(pairs)} pairs ({args.half or 'both halves'}): {sum(p.is_copy for p in pairs)} copies")
    for threshold in thresholds:
        tp = fp = fn = 0
        for pair, a, b, found, estimate in scored:
            said = estimate >= detect.CANDIDATE and min(len(a), len(b)) >= detect.MIN_SHINGLES and found.containment >= threshold
            tp += said and pair.is_copy
            fp += said and not pair.is_copy
            fn += pair.is_copy and not said
        precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print(f"containment >= {threshold:.2f}: precision {precision:.3f}, recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn})")
        if threshold == detect.CONTAINMENT or not args.sweep:
            for pair, a, b, found, estimate in scored:
                said = estimate >= detect.CANDIDATE and min(len(a), len(b)) >= detect.MIN_SHINGLES and found.containment >= threshold
                if said != pair.is_copy and args.half != "check":
                    print(f"  {'missed' if pair.is_copy else 'wrong'} {pair.id} {pair.kind}: containment {found.containment:.2f}, "
                          f"estimate {estimate:.2f}")
    rng = np.random.default_rng(1)
    archive = rng.integers(0, 2**32, size=(10_000, 128), dtype=np.uint32)
    new = signature(shingles(body(pairs[0].a)))
    times = []
    for _ in range(20):
        started = time.perf_counter()
        estimated_jaccard(new, archive)
        times.append(time.perf_counter() - started)
    print(f"one new article against 10,000 signatures: {1000 * statistics.median(times):.1f} ms (the MinHash comparison)")


if __name__ == "__main__":
    main()
