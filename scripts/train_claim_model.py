"""Train the check-worthiness model (annotator/claims/claim_model.json).

    python scripts/train_claim_model.py ../shared/eval/claims [--folds 5] \
        [--news tests/data/gold/wikinews_claims.jsonl tests/data/gold/bbc_part1.jsonl ...]

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

With ``--news``, the sentences of hand-labelled news articles (gold files in the
format of ``annotator eval``; only their dev half, see tests/data/gold/GUIDE.md)
join the training data, each counting NEWS_WEIGHT times, and the threshold is
chosen instead on those news sentences at their natural rate, by cross-validation
over articles: the best F1 with precision at least NEWS_PRECISION_FLOOR, among the
thresholds that keep the debates' balanced F1 (cross-validated too) at
DEBATE_F1_FLOOR.  The check halves are never read here.
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
NEWS_WEIGHT = 4.0  # news sentences are few beside 8,000 debate sentences, and they are what we annotate
NEWS_PRECISION_FLOOR = 0.55  # interviews and features hold few claims: well under the debates' precision
DEBATE_F1_FLOOR = 0.80  # the ClaimBuster bar: news must not cost the debates their F1


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


def load_news(paths: list[Path], corpus: Path) -> list[tuple[str, str, int]]:
    """(article id, sentence, label) of every labelled sentence in the dev half of the gold files."""
    from annotator.gold import read_gold

    rows = []
    for path in paths:
        for record in read_gold(path, corpus=corpus, half="dev").records:
            for s in record.get("sentences", []):
                rows.append((str(record["id"]), record["text"][s["start"]:s["end"]], int(bool(s.get("checkworthy")))))
    return rows


def train(data: list[tuple], seed: int = 0) -> dict[str, float]:
    """``data`` holds (features, label) or (features, label, weight)."""
    positives = sum(row[1] for row in data) or 1
    weight = {1: (len(data) - positives) / positives, 0: 1.0}
    w: dict[str, float] = defaultdict(float)
    g2: dict[str, float] = defaultdict(float)
    rng = random.Random(seed)
    order = list(range(len(data)))
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            feats, y = data[i][0], data[i][1]
            z = sum(w[f] for f in feats)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            grad = (p - y) * weight[y] * (data[i][2] if len(data[i]) > 2 else 1.0)
            for f in feats:
                g = grad + L2 * w[f]
                g2[f] += g * g
                w[f] -= RATE * g / math.sqrt(g2[f] + 1e-8)
    return w


def score(w, feats) -> float:
    z = sum(w.get(f, 0.0) for f in feats)
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def best_threshold(scored: list[tuple[float, int]], *, balanced: bool = True,
                   floor: float = PRECISION_FLOOR) -> tuple[float, dict]:
    """Best F1 with precision at least ``floor``; ``balanced`` counts the classes equally."""
    pos = sum(y for _, y in scored)
    neg = len(scored) - pos
    scale = pos / neg if neg and balanced else 1.0
    best = (0.5, {"f1": 0.0})
    for t in [x / 100 for x in range(20, 91)]:
        tp = sum(1 for s, y in scored if s >= t and y)
        fp = sum(1 for s, y in scored if s >= t and not y) * scale
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / pos if pos else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if precision >= floor and f1 > best[1]["f1"]:
            best = (t, {"f1": round(f1, 3), "precision": round(precision, 3), "recall": round(recall, 3)})
    return best


def _debate_threshold(data, folds: int) -> tuple[float, dict]:
    rng = random.Random(1)
    indices = list(range(len(data)))
    rng.shuffle(indices)
    scored: list[tuple[float, int]] = []
    for k in range(folds):
        test = set(indices[k::folds])
        w = train([data[i] for i in indices if i not in test], seed=k)
        scored += [(score(w, data[i][0]), data[i][1]) for i in test]
    return best_threshold(scored)


def _news_threshold(debates, news, folds: int) -> tuple[float, dict]:
    """The threshold with the best news F1 (precision at least NEWS_PRECISION_FLOOR) that keeps the
    debates' balanced F1 at DEBATE_F1_FLOOR, both cross-validated with news in the training data.

    News folds never split an article; each fold trains on the debates plus the other folds' news.
    """
    articles = sorted({a for a, _, _ in news})
    random.Random(1).shuffle(articles)
    fold_of = {a: i % folds for i, a in enumerate(articles)}
    feats = [(featurise(text), label, fold_of[a]) for a, text, label in news]
    news_scored: list[tuple[float, int]] = []
    for k in range(folds):
        w = train(debates + [(f, y, NEWS_WEIGHT) for f, y, fold in feats if fold != k], seed=k)
        news_scored += [(score(w, f), y) for f, y, fold in feats if fold == k]
    order = list(range(len(debates)))
    random.Random(1).shuffle(order)
    debate_scored: list[tuple[float, int]] = []
    for k in range(folds):
        test = set(order[k::folds])
        w = train([debates[i] for i in order if i not in test] + [(f, y, NEWS_WEIGHT) for f, y, _ in feats], seed=k)
        debate_scored += [(score(w, debates[i][0]), debates[i][1]) for i in test]
    best = (0.5, {"f1": 0.0})
    for t in [x / 100 for x in range(20, 91)]:
        on_news = _figures(news_scored, t, balanced=False)
        on_debates = _figures(debate_scored, t, balanced=True)
        if (on_news["precision"] >= NEWS_PRECISION_FLOOR and on_debates["f1"] >= DEBATE_F1_FLOOR
                and on_news["f1"] > best[1]["f1"]):
            best = (t, {**on_news, "debates_balanced": on_debates})
    return best


def _figures(scored: list[tuple[float, int]], t: float, *, balanced: bool) -> dict:
    pos = sum(y for _, y in scored)
    neg = len(scored) - pos
    scale = pos / neg if neg and balanced else 1.0
    tp = sum(1 for s, y in scored if s >= t and y)
    fp = sum(1 for s, y in scored if s >= t and not y) * scale
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / pos if pos else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 3), "precision": round(precision, 3), "recall": round(recall, 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="the shared eval/claims folder")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--news", type=Path, nargs="*", default=[], help="gold files of labelled news (dev half used)")
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"), help="for gold lines naming a source")
    args = parser.parse_args()
    rows = load(args.folder)
    data = [(featurise(text), label) for text, label in rows]
    news = load_news(args.news, args.corpus)
    if news:
        threshold, cv = _news_threshold(data, news, args.folds)
        print(f"{len(news)} news sentences ({sum(y for *_, y in news)} check-worthy) from "
              f"{len({a for a, _, _ in news})} dev-half articles; cross-validated by article at their natural rate: {cv} at {threshold}")
        data += [(featurise(text), label, NEWS_WEIGHT) for _, text, label in news]
    else:
        threshold, cv = _debate_threshold(data, args.folds)
        print(f"{len(data)} sentences ({sum(row[1] for row in data)} check-worthy); cross-validated on balanced classes: {cv} at {threshold}")
    weights = train(data)
    counts = Counter(f for row in data for f in set(row[0]))
    kept = {f: round(v, 4) for f, v in weights.items() if counts[f] >= 2 and abs(v) >= 1e-3}
    MODEL_PATH.write_text(json.dumps({
        "about": "Check-worthiness: logistic regression trained by scripts/train_claim_model.py on ClaimBuster "
                 "(two-class training set) and CLEF 2019 CheckThat! training positives"
                 + (f", with {len(news)} hand-labelled news sentences (dev halves of {', '.join(p.name for p in args.news)})" if news else "")
                 + ".",
        "threshold": threshold, "cross_validation": cv, "sentences": len(data),
        "weights": dict(sorted(kept.items())),
    }, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1e6:.2f} MB, {len(kept)} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
