"""Check-worthiness on held-out sentences, through the whole annotator.

    python scripts/heldout_claims.py ../shared/eval/claims [--share 0.2]

Sets aside a share of the training sentences (ClaimBuster and CLEF 2019, as
loaded by train_claim_model.py), trains the model on the rest, then runs every
held-out sentence through ingest -> ... -> claims, the path of
`annotator extract --body-only --json`, and counts a sentence as flagged when
it yields a claim.  Classes are balanced (as many check-worthy sentences as
not), the setting of the issue's bar; "yes" to everything scores F1 0.67 there.
The shipped model file is not touched.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

import annotator.claims.detect as detect
from annotator.claims.model import MODEL_PATH, ClaimModel
from annotator.ingest.text import parse_text
from annotator.pipeline import annotate

sys.path.insert(0, str(Path(__file__).parent))
import train_claim_model as training  # noqa: E402  (a script beside this one)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="the shared eval/claims folder")
    parser.add_argument("--share", type=float, default=0.2, help="share of sentences held out")
    args = parser.parse_args()
    rows = training.load(args.folder)
    random.Random(3).shuffle(rows)
    cut = int(len(rows) * (1 - args.share))
    train, held_out = rows[:cut], rows[cut:]
    features = [(training.featurise(text), label) for text, label in train]
    weights = training.train(features)
    seen = Counter(f for feats, _ in features for f in set(feats))
    kept = {f: w for f, w in weights.items() if seen[f] >= 2 and abs(w) >= 1e-3}
    threshold = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["threshold"]
    model = ClaimModel(kept, threshold)
    detect.load_model = lambda: model  # the retrained model, for this run only

    positives = [r for r in held_out if r[1]]
    negatives = [r for r in held_out if not r[1]]
    n = min(len(positives), len(negatives))
    balanced = positives[:n] + negatives[:n]
    tp = fp = fn = 0
    for text, label in balanced:
        flagged = bool(annotate(parse_text(text, "sentence.txt", body_only=True)).claims)
        tp += flagged and label
        fp += flagged and not label
        fn += (not flagged) and label
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"held out: {len(held_out)} of {len(rows)} sentences; scored on {len(balanced)} (balanced), threshold {threshold}")
    print(f"check-worthy: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
