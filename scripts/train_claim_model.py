"""Train the check-worthiness model (annotator/claims/claim_model.json).

    python scripts/train_claim_model.py ../shared/eval/claims [--folds 5]

Training data (research use; never copied into this repository):
- ClaimBuster two-class training set (Arslan et al., ICWSM 2020): 7,976 sentences
  from US presidential debates, labelled check-worthy factual claim or not;
- CLEF 2019 CheckThat! Task 1 training debates (positives only, to widen what a
  claim looks like).

The model is logistic regression over the features of annotator/claims/model.py,
fitted with AdaGrad in plain Python; positives are weighted so the classes count
equally, so a probability of 0.5 means "as likely as not" on balanced data.
Cross-validation picks the decision threshold (best F1 with precision at least
0.80 on class-balanced folds) and the figures are written into the model file.
Only features seen at least twice are kept, so the file stays small.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from annotator.claims.kinds import SignalIndex
from annotator.claims.model import MODEL_PATH, all_features, words_of
from annotator.claims.numbers import find_numbers

EPOCHS = 6
RATE = 0.2
L2 = 1e-5
PRECISION_FLOOR = 0.80  # the bar is 0.75: keep a margin for data unlike the training debates


def featurise(text: str) -> list[str]:
    numbers = find_numbers(text)
    signals = SignalIndex(text).read(0, len(text), numbers, sourced=False).present
    return all_features(words_of(text), numbers, signals)


def load(folder: Path) -> list[tuple[str, int]]:
    rows = [(r["text"], int(r["label"])) for r in json.loads((folder / "claimbuster-train.json").read_text(encoding="utf-8"))]
    for path in sorted((folder / "clef2019-debates" / "training").glob("*.tsv")):
        with open(path, encoding="utf-8") as fh:
            rows += [(r[2], 1) for r in csv.reader(fh, delimiter="\t") if len(r) > 3 and r[3].strip() == "1"]
    return rows


def train(data: list[tuple[list[str], int]], seed: int = 0) -> dict[str, float]:
    positives = sum(y for _, y in data) or 1
    weight = {1: (len(data) - positives) / positives, 0: 1.0}
    w: dict[str, float] = defaultdict(float)
    g2: dict[str, float] = defaultdict(float)
    rng = random.Random(seed)
    order = list(range(len(data)))
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            feats, y = data[i]
            z = sum(w[f] for f in feats)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            grad = (p - y) * weight[y]
            for f in feats:
                g = grad + L2 * w[f]
                g2[f] += g * g
                w[f] -= RATE * g / math.sqrt(g2[f] + 1e-8)
    return w


def score(w, feats) -> float:
    z = sum(w.get(f, 0.0) for f in feats)
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def best_threshold(scored: list[tuple[float, int]]) -> tuple[float, dict]:
    """Best F1 with precision at least PRECISION_FLOOR, counting classes equally (balanced reweighting)."""
    pos = sum(y for _, y in scored)
    neg = len(scored) - pos
    scale = pos / neg if neg else 1.0
    best = (0.5, {"f1": 0.0})
    for t in [x / 100 for x in range(20, 91)]:
        tp = sum(1 for s, y in scored if s >= t and y)
        fp = sum(1 for s, y in scored if s >= t and not y) * scale
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / pos if pos else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if precision >= PRECISION_FLOOR and f1 > best[1]["f1"]:
            best = (t, {"f1": round(f1, 3), "precision": round(precision, 3), "recall": round(recall, 3)})
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="the shared eval/claims folder")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    rows = load(args.folder)
    data = [(featurise(text), label) for text, label in rows]
    rng = random.Random(1)
    indices = list(range(len(data)))
    rng.shuffle(indices)
    scored: list[tuple[float, int]] = []
    for k in range(args.folds):
        test = set(indices[k::args.folds])
        w = train([data[i] for i in indices if i not in test], seed=k)
        scored += [(score(w, data[i][0]), data[i][1]) for i in test]
    threshold, cv = best_threshold(scored)
    print(f"{len(data)} sentences ({sum(y for _, y in data)} check-worthy); cross-validated on balanced classes: {cv} at {threshold}")
    weights = train(data)
    counts = Counter(f for feats, _ in data for f in set(feats))
    kept = {f: round(v, 4) for f, v in weights.items() if counts[f] >= 2 and abs(v) >= 1e-3}
    MODEL_PATH.write_text(json.dumps({
        "about": "Check-worthiness: logistic regression trained by scripts/train_claim_model.py on ClaimBuster "
                 "(two-class training set) and CLEF 2019 CheckThat! training positives.",
        "threshold": threshold, "cross_validation": cv, "sentences": len(data),
        "weights": dict(sorted(kept.items())),
    }, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1e6:.2f} MB, {len(kept)} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
